// A table found on one page, ruled or not: its grid and the text lines of each cell.
#pragma once

#include <vector>

#include "extractors/pdf/ruling_grid.hpp"
#include "extractors/pdf/text_lines.hpp"

namespace dutylist::pdf {

struct CellBlock {
    GridCell grid;
    std::vector<TextLine> lines;
};

struct TableBlock {
    Box box;
    int rows = 0, cols = 0;
    std::vector<double> xs;        // column boundaries, left to right
    std::vector<double> ys;        // row boundaries, top to bottom
    std::vector<CellBlock> cells;  // by row, then column
    bool ruled = true;             // false: columns found from text alignment
};

}  // namespace dutylist::pdf
