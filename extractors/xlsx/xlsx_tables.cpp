#include "extractors/xlsx/xlsx_tables.hpp"

#include <algorithm>
#include <climits>
#include <set>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/list_builder.hpp"
#include "model/text.hpp"

namespace dutylist::xlsx {
namespace {

// A cell's paragraphs: each line break (Alt+Enter) starts one; whitespace as in the DOCX reader.
Paragraphs paragraphs_of(const std::string& text) {
    Paragraphs out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find_first_of("\r\n", start);
        std::string p = normalize_paragraph(std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (!p.empty()) out.push_back(std::move(p));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

// Empty columns after which a cell no longer belongs to the table on its left: a duty list
// has under a dozen columns side by side, and a cell as far out as column XFD would otherwise
// be read into the last column or become an item of its own.
constexpr int max_empty_column_gap = 26;

std::string column_letters(int column) {
    std::string out;
    for (int n = column + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    return out;
}

// The first column past a gap of more than max_empty_column_gap empty columns, or INT_MAX.
int far_right_start(const Sheet& sheet) {
    std::set<int> used;
    for (const SheetRow& r : sheet.rows)
        for (const SheetCell& c : r.cells)
            for (int col = c.column; col < c.column + std::min(c.span, max_empty_column_gap + 1); ++col) used.insert(col);
    int before = -1;
    for (int col : used) {
        if (col - before > max_empty_column_gap + 1) return col;
        before = col;
    }
    return INT_MAX;
}

Table neutral_table(int number, const Sheet& sheet, const std::function<void(const std::string&)>& warn) {
    const int far_right = far_right_start(sheet);
    Table table;
    table.name = fmt::format(fmt::runtime(_("sheet {} (\"{}\")")), number, sheet.name);
    for (const SheetRow& r : sheet.rows) {
        TableRow row;
        row.source.table = number;
        row.source.row = r.number;
        for (const SheetCell& c : r.cells) {
            Paragraphs text = paragraphs_of(c.text);
            if (text.empty()) continue;
            if (c.column >= far_right) {
                warn(fmt::format(fmt::runtime(_("{}: cell {}{}, far right of the table, was left out: \"{}\"")), table.name, column_letters(c.column), r.number,
                                 shortened(c.text)));
                continue;
            }
            row.cells.push_back({c.column, c.span, std::move(text), c.merged_from_above, false});
            table.width = std::max(table.width, c.column + c.span);
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace

Document build_document(const std::vector<Sheet>& sheets, const std::function<void(const std::string&)>& warn) {
    ListBuilder builder(N_("no sheet of this Excel workbook holds a duty list (a header row naming 序号, 事项类别 or 事项名称)"), warn);
    for (size_t i = 0; i < sheets.size(); ++i) builder.table(neutral_table(static_cast<int>(i + 1), sheets[i], warn));
    return builder.finish();
}

}  // namespace dutylist::xlsx
