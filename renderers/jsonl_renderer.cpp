#include "renderers/jsonl_renderer.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/columns.hpp"

namespace dutylist {
namespace {

using ordered_json = nlohmann::ordered_json;

constexpr std::array<std::string_view, 12> reserved = {
    "input", "source_file", "source_format", "source_sha256", "doc_issuer", "doc_title",
    "doc_date", "doc_date_iso", "list_kind", "list_title", "row", "departments_list",
};

std::string joined(const Paragraphs& paragraphs) {
    std::string out;
    for (const auto& p : paragraphs) out += (out.empty() ? "" : "\n") + p;
    return out;
}

std::string field_name(const std::string& key) {
    return std::find(reserved.begin(), reserved.end(), key) != reserved.end() ? "item_" + key : key;
}

}  // namespace

std::string document_to_jsonl(const Document& d, const std::string& input) {
    std::string out;
    for (const auto& list : d.lists) {
        for (size_t r = 0; r < list.items.size(); ++r) {
            ordered_json line = {
                {"input", input},
                {"source_file", d.source.file},
                {"source_format", d.source.format},
                {"source_sha256", d.source.sha256},
                {"doc_issuer", d.issuer},
                {"doc_title", d.title},
                {"doc_date", d.date},
                {"doc_date_iso", d.date_iso},
                {"list_kind", kind_name(list.kind)},
                {"list_title", list.title},
                {"row", r + 1},
            };
            const Item& item = list.items[r];
            for (size_t c = 0; c < list.columns.size(); ++c) {
                const Paragraphs empty;
                const Paragraphs& value = c < item.values.size() ? item.values[c] : empty;
                const std::string& key = list.columns[c].key;
                line[field_name(key)] = joined(value);
                if (key == "departments") line["departments_list"] = split_departments(value);
            }
            out += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            out += '\n';
        }
    }
    return out;
}

}  // namespace dutylist
