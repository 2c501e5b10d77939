// One HTML <table> (that holds no other table) on its grid, as a neutral table
// (model/table.hpp): cells placed as the HTML table model places them, colspan as the column
// span, the rows a rowspan covers given a cell merged from above (the builder fills it), rows
// of <thead> marked as header rows, each cell's paragraphs from its <p>, <div>, <li> and <br>.
#pragma once

#include <libxml/tree.h>

#include <string>

#include "model/table.hpp"

namespace dutylist::html {

// Throws Error when spans would fill an absurd number of cells, or nesting is too deep.
Table read_table(const xmlNode* table, int number, int depth);

}  // namespace dutylist::html
