// One table:table on its grid, as a neutral table (model/table.hpp): cells with
// number-columns-spanned, the covered cells under a number-rows-spanned merge marked as merged
// from above (the builder fills them), header rows (table:table-header-rows) marked, row
// groups unwrapped, and repeated rows and cells (number-rows-repeated, number-columns-repeated:
// how Calc stores a sheet's empty tail) expanded where they hold text and skipped where not.
#pragma once

#include <libxml/tree.h>

#include <string>

#include "extractors/odf/odf_numbering.hpp"
#include "model/table.hpp"
#include "model/text_budget.hpp"

namespace dutylist::odf {

struct TableShape {
    std::string name;  // "table 2", "sheet 1 ("清单")": for messages
    int number = 0;    // Provenance::table of its rows
    // A sheet keeps only the rows and cells that hold text, as the XLSX reader does; a text
    // document's table keeps every row and cell, as the DOCX reader does.
    bool spreadsheet = false;
};

// Every copy of a repeated cell's text is spent from `budget`; numbered lists in cells go on
// with `numbering` (a list may continue from one cell into the next). Throws Error when
// repeats or merges would fill an absurd number of cells, or nesting is too deep.
Table read_table(const xmlNode* table, const TableShape& shape, ListNumbering& numbering, TextBudget& budget, int depth);

}  // namespace dutylist::odf
