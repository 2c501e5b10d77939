#include "extractors/xlsx/xlsx_tables.hpp"

#include <algorithm>

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

Table neutral_table(int number, const Sheet& sheet) {
    Table table;
    table.name = "sheet " + std::to_string(number) + " (\"" + sheet.name + "\")";
    for (const SheetRow& r : sheet.rows) {
        TableRow row;
        row.source.table = number;
        row.source.row = r.number;
        for (const SheetCell& c : r.cells) {
            Paragraphs text = paragraphs_of(c.text);
            if (text.empty()) continue;
            row.cells.push_back({c.column, c.span, std::move(text), c.merged_from_above, false});
            table.width = std::max(table.width, c.column + c.span);
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace

Document build_document(const std::vector<Sheet>& sheets, const std::function<void(const std::string&)>& warn) {
    ListBuilder builder("no sheet of this Excel workbook holds a duty list (a header row naming 序号, 事项类别 or 事项名称)", warn);
    for (size_t i = 0; i < sheets.size(); ++i) builder.table(neutral_table(static_cast<int>(i + 1), sheets[i]));
    return builder.finish();
}

}  // namespace dutylist::xlsx
