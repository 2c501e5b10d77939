#include "extractors/xlsx/xlsx_sheet.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include <fmt/format.h>

#include "extractors/xlsx/xlsx_xml.hpp"
#include "model/error.hpp"

namespace dutylist::xlsx {
namespace {

constexpr int max_columns = 16384;  // XFD, Excel's last column
constexpr int max_rows = 1048576;
// Far above any duty list (~340 items × a few columns); a bound on what merges may copy.
constexpr size_t max_filled_cells = 4'000'000;

struct CellRef {
    int row = 0;     // 1-based
    int column = 0;  // 0-based
};

// "AB12" → row 12, column 27; nothing when it is not a cell reference inside the sheet.
bool parse_ref(const std::string& ref, CellRef& out) {
    size_t i = 0;
    long column = 0, row = 0;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && column <= max_columns; ++i) column = column * 26 + (ref[i] - 'A' + 1);
    const size_t digits = i;
    for (; i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && row <= max_rows; ++i) row = row * 10 + (ref[i] - '0');
    if (i != ref.size() || digits == 0 || digits == ref.size() || column > max_columns || row < 1 || row > max_rows) return false;
    out = {static_cast<int>(row), static_cast<int>(column - 1)};
    return true;
}

// A row's declared number, digits only; anything else, or past the sheet's last row, is 0
// (refused by the caller) rather than read modulo 2^32 as atoi would.
int row_number_of(const std::string& declared) {
    long row = 0;
    for (char c : declared) {
        if (c < '0' || c > '9') return 0;
        row = row * 10 + (c - '0');
        if (row > max_rows) return 0;
    }
    return static_cast<int>(row);
}

// A number as Excel's General format shows it: integers without a decimal point, others with
// up to 15 significant digits (what Excel keeps), so 1 and 0.1+0.2 read 1 and 0.3.
std::string display_number(const std::string& stored) {
    char* end = nullptr;
    const double x = std::strtod(stored.c_str(), &end);
    if (stored.empty() || *end || !std::isfinite(x)) return stored;
    char buffer[32];
    if (x == std::floor(x) && std::fabs(x) < 1e15) std::snprintf(buffer, sizeof buffer, "%.0f", x);
    else std::snprintf(buffer, sizeof buffer, "%.15g", x);
    return buffer;
}

std::string cell_text(const xmlNode* c, const std::vector<std::string>& shared_strings, TextBudget& budget) {
    const std::string type = attribute(c, "t");
    if (type == "inlineStr") {
        const xmlNode* is = s_child(c, "is");
        return is ? string_item_text(is) : "";
    }
    const xmlNode* v = s_child(c, "v");
    if (!v) return "";
    const std::string value = text_content(v);
    if (type == "s") {
        char* end = nullptr;
        const unsigned long index = std::strtoul(value.c_str(), &end, 10);
        if (value.empty() || *end || index >= shared_strings.size())
            throw Error("the Excel workbook is damaged: a cell names shared string " + value + ", which it does not have");
        budget.spend(shared_strings[index].size());
        return shared_strings[index];
    }
    if (type == "b") return value == "1" ? "TRUE" : "FALSE";
    if (type.empty() || type == "n") return display_number(value);
    return value;  // str (a formula's text), e (an error such as #N/A), d (an ISO date)
}

struct Range {
    CellRef first, last;
};

bool parse_range(const std::string& ref, Range& out) {
    const size_t colon = ref.find(':');
    if (colon == std::string::npos) return false;
    if (!parse_ref(ref.substr(0, colon), out.first) || !parse_ref(ref.substr(colon + 1), out.last)) return false;
    if (out.first.row > out.last.row) std::swap(out.first.row, out.last.row);
    if (out.first.column > out.last.column) std::swap(out.first.column, out.last.column);
    return true;
}

using Grid = std::map<int, std::map<int, SheetCell>>;  // row → column → cell

// The text of a merged range stays in its top-left cell, which spans its columns; rows below
// it get a copy, as a person reading the printed table does. Rows below the last one that
// holds text of its own get none: nothing follows there to belong to.
void apply_merges(const xmlNode* worksheet, Grid& grid, TextBudget& budget) {
    const xmlNode* merges = s_child(worksheet, "mergeCells");
    if (!merges || grid.empty()) return;
    const int last_row = grid.rbegin()->first;
    size_t filled = 0;
    for (const xmlNode* m = merges->children; m; m = m->next) {
        Range range;
        if (!is_s(m, "mergeCell") || !parse_range(attribute(m, "ref"), range) || range.first.row > last_row) continue;
        auto top_row = grid.find(range.first.row);
        if (top_row == grid.end()) continue;
        auto top = top_row->second.find(range.first.column);
        if (top == top_row->second.end()) continue;
        const SheetCell origin{range.first.column, range.last.column - range.first.column + 1, top->second.text, false};
        for (int row = range.first.row; row <= std::min(range.last.row, last_row); ++row) {
            auto& cells = grid[row];
            cells.erase(cells.lower_bound(range.first.column), cells.upper_bound(range.last.column));
            budget.spend(origin.text.size());
            SheetCell cell = origin;
            cell.merged_from_above = row != range.first.row;
            cells[range.first.column] = std::move(cell);
            if (++filled > max_filled_cells)
                throw Error("the Excel workbook is refused: its merged cells cover more than 4 million cells (not a duty list)");
        }
    }
}

}  // namespace

std::vector<SheetRow> read_sheet_rows(const xmlNode* worksheet, const std::vector<std::string>& shared_strings, TextBudget& budget) {
    Grid grid;
    const xmlNode* data = s_child(worksheet, "sheetData");
    int row_number = 0;
    for (const xmlNode* r = data ? data->children : nullptr; r; r = r->next) {
        if (!is_s(r, "row")) continue;
        // Row and cell references may be left out: they then follow the previous one.
        const std::string declared = attribute(r, "r");
        row_number = declared.empty() ? row_number + 1 : row_number_of(declared);
        if (row_number < 1 || row_number > max_rows)
            throw Error(fmt::format("the Excel workbook is damaged: a row is numbered \"{}\", not a row of a sheet (1 to {})",
                                    declared.empty() ? std::to_string(row_number) : declared.substr(0, 20), max_rows));
        int column = -1;
        for (const xmlNode* c = r->children; c; c = c->next) {
            if (!is_s(c, "c")) continue;
            CellRef ref{row_number, column + 1};
            const std::string name = attribute(c, "r");
            if (!name.empty() && !parse_ref(name, ref)) throw Error("the Excel workbook is damaged: a cell is named " + name);
            if (ref.column >= max_columns) throw Error("the Excel workbook is damaged: a cell lies beyond the last column");
            column = ref.column;
            std::string text = cell_text(c, shared_strings, budget);
            if (text.empty()) continue;
            // Which of two cells of one name counts differs between programs; neither is dropped unsaid.
            if (grid[ref.row].count(ref.column))
                throw Error("the Excel workbook is damaged: " + (name.empty() ? fmt::format("a cell of row {}", ref.row) : "cell " + name) +
                            " is given twice");
            grid[ref.row][ref.column] = {ref.column, 1, std::move(text), false};
        }
    }
    apply_merges(worksheet, grid, budget);
    std::vector<SheetRow> rows;
    for (auto& [number, cells] : grid) {
        SheetRow row{number, {}};
        for (auto& [column, cell] : cells)
            if (!cell.text.empty()) row.cells.push_back(std::move(cell));
        if (!row.cells.empty()) rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace dutylist::xlsx
