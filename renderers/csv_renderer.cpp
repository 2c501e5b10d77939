#include "renderers/csv_renderer.hpp"

#include "renderers/list_names.hpp"

namespace dutylist {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

bool is_plain_number(std::string_view s) {
    size_t i = (s.starts_with('+') || s.starts_with('-')) ? 1 : 0;
    bool digits = false, point = false;
    for (; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9') digits = true;
        else if (s[i] == '.' && !point) point = true;
        else return false;
    }
    return digits;
}

bool looks_like_formula(std::string_view s) {
    if (s.size() < 2 || is_plain_number(s)) return false;
    switch (s.front()) {
        case '=': case '+': case '-': case '@': case '\t': case '\r': return true;
        default: return false;
    }
}

void append_field(std::string& out, const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void append_record(std::string& out, const std::vector<Paragraphs>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) {
        if (c) out += ',';
        append_field(out, csv_cell_text(cells[c]));
    }
    out += "\r\n";
}

std::string render_list(const DutyList& list, bool bom) {
    std::string out(bom ? utf8_bom : "");
    std::vector<Paragraphs> cells;
    for (const auto& column : list.columns) cells.push_back({column.label});
    append_record(out, cells);
    for (const auto& item : list.items) {
        cells = item.values;
        cells.resize(list.columns.size());
        append_record(out, cells);
    }
    return out;
}

std::string render_flat(const FlatTable& table, bool bom) {
    std::string out(bom ? utf8_bom : "");
    std::vector<Paragraphs> cells;
    for (const auto& name : table.header) cells.push_back({name});
    append_record(out, cells);
    for (const auto& row : table.rows) append_record(out, row);
    return out;
}

}  // namespace

std::string csv_cell_text(const Paragraphs& cell) {
    std::string text;
    for (size_t i = 0; i < cell.size(); ++i) {
        if (i) text += '\n';
        text += cell[i];
    }
    return looks_like_formula(text) ? "'" + text : text;
}

std::vector<Output> render_csv(const Document& document, const RenderOptions& options) {
    if (options.import_template) return {{".csv", render_flat(flatten(document, *options.import_template), options.bom)}};
    const auto names = list_names(document, options.chinese_file_names ? ListNaming::chinese : ListNaming::english);
    std::vector<Output> outputs;
    for (size_t i = 0; i < document.lists.size(); ++i)
        outputs.push_back({"." + names[i] + ".csv", render_list(document.lists[i], options.bom)});
    return outputs;
}

}  // namespace dutylist
