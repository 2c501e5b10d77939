#include "renderers/json_renderer.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "model/columns.hpp"
#include "model/text_reading.hpp"

namespace dutylist {
namespace {

using ordered_json = nlohmann::ordered_json;

std::string join_paragraphs(const Paragraphs& paragraphs) {
    std::string out;
    for (const auto& p : paragraphs) {
        if (!out.empty()) out += '\n';
        out += p;
    }
    return out;
}

// Two decimals are finer than any ruling and keep the output stable under a round trip.
double rounded(double v) { return std::round(v * 100.0) / 100.0; }

ordered_json provenance_json(const Provenance& p) {
    ordered_json out = ordered_json::object();
    if (!p.pages.empty()) out["pages"] = p.pages;
    if (!p.boxes.empty()) {
        ordered_json boxes = ordered_json::array();
        for (const auto& b : p.boxes)
            boxes.push_back({{"page", b.page}, {"x0", rounded(b.x0)}, {"y0", rounded(b.y0)}, {"x1", rounded(b.x1)}, {"y1", rounded(b.y1)}});
        out["boxes"] = std::move(boxes);
    }
    if (p.table > 0) out["table"] = p.table;
    if (p.row > 0) out["row"] = p.row;
    // Read from the text: nothing said, so that such files stay as they were.
    if (p.reading != TextReading::text) out["read"] = reading_name(p.reading);
    if (p.confidence) out["confidence"] = *p.confidence;
    return out;
}

// The column values in an object of their own, so that no column key, whatever the document
// calls its columns, can meet the item's derived fields or its provenance.
ordered_json item_json(const DutyList& list, const Item& item) {
    static const Paragraphs empty;
    auto value = [&](size_t c) -> const Paragraphs& { return c < item.values.size() ? item.values[c] : empty; };
    ordered_json values = ordered_json::object();
    for (size_t c = 0; c < list.columns.size(); ++c) values[list.columns[c].key] = join_paragraphs(value(c));
    ordered_json out = {{"values", std::move(values)}};
    if (int c = column_index(list, "departments"); c >= 0) out["departments_list"] = split_departments(value(static_cast<size_t>(c)));
    out["source"] = provenance_json(item.source);
    return out;
}

}  // namespace

std::string document_to_json(const Document& d) {
    ordered_json lists = ordered_json::array();
    for (const auto& list : d.lists) {
        ordered_json columns = ordered_json::array();
        for (const auto& c : list.columns) columns.push_back({{"key", c.key}, {"label", c.label}});
        ordered_json items = ordered_json::array();
        for (const auto& item : list.items) items.push_back(item_json(list, item));
        lists.push_back({{"kind", kind_name(list.kind)},
                         {"title", list.title},
                         {"columns", std::move(columns)},
                         {"items", std::move(items)},
                         {"notes", list.notes}});
    }
    ordered_json doc = {
        {"schema", json_schema_id},
        {"issuer", d.issuer},
        {"title", d.title},
        {"date", d.date},
        {"date_iso", d.date_iso},
        {"source", {{"file", d.source.file}, {"format", d.source.format}, {"pages", d.source.pages}, {"sha256", d.source.sha256}}},
        {"lists", std::move(lists)},
    };
    return doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::vector<Output> render_json(const Document& document, const RenderOptions&) {
    return {{".json", document_to_json(document)}};
}

}  // namespace dutylist
