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

// A column's field in the flat record: its key, with item_ before it as often as needed to
// step past the record's own fields and the fields of the columns before it (a column keyed
// "row" is item_row; one keyed item_row after it, item_item_row).
std::string field_name(const std::string& key, const ordered_json& line) {
    std::string name = key;
    while (std::find(reserved.begin(), reserved.end(), name) != reserved.end() || line.contains(name)) name = "item_" + name;
    return name;
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
            static const Paragraphs empty;
            auto value = [&](size_t c) -> const Paragraphs& { return c < item.values.size() ? item.values[c] : empty; };
            for (size_t c = 0; c < list.columns.size(); ++c) line[field_name(list.columns[c].key, line)] = joined(value(c));
            // Derived last, so that a column is never taken for it.
            if (int c = column_index(list, "departments"); c >= 0) line["departments_list"] = split_departments(value(static_cast<size_t>(c)));
            out += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            out += '\n';
        }
    }
    return out;
}

std::string jsonl_records(const Document& document, const std::string& input, const RenderOptions& options) {
    if (!options.import_template) return document_to_jsonl(document, input);
    const FlatTable table = flatten(document, *options.import_template);
    std::string out;
    for (const auto& row : table.rows) {
        ordered_json line = ordered_json::object();
        for (size_t c = 0; c < row.size(); ++c) line[table.header[c]] = joined(row[c]);
        out += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        out += '\n';
    }
    return out;
}

}  // namespace dutylist
