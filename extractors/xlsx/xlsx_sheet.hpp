// Stage one of the XLSX reader, a worksheet: the text of its cells as a person sees it, with
// merged ranges resolved the way the DOCX and PDF readers resolve merged table cells.
#pragma once

#include <string>
#include <vector>

#include <libxml/tree.h>

#include "model/text_budget.hpp"

namespace dutylist::xlsx {

struct SheetCell {
    int column = 0;  // 0-based: A is 0
    int span = 1;    // columns covered by a horizontal merge
    std::string text;  // as displayed; a line break inside the cell is "\n"
    bool merged_from_above = false;  // covered by a vertical merge, text copied from its top
};

struct SheetRow {
    int number = 0;  // the spreadsheet's row number, 1-based
    std::vector<SheetCell> cells;  // cells with text, left to right
};

// The rows of a <worksheet> that hold text, top to bottom. Shared and inline strings (rich text
// too) give their text, numbers their shortest form (1, not 1.0), booleans TRUE/FALSE. A merged
// range keeps its text in its top-left cell spanning the range's columns, copied into each row
// below that the range covers. Each shared string used and each merged copy is spent from the
// workbook's budget. Throws Error when merges would fill an absurd number of cells or the
// budget runs out.
std::vector<SheetRow> read_sheet_rows(const xmlNode* worksheet, const std::vector<std::string>& shared_strings, TextBudget& budget);

}  // namespace dutylist::xlsx
