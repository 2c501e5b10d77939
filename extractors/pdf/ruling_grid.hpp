// Ruled tables from ruling segments, tabula/pdfplumber style: snap nearly collinear rulings,
// join the pieces of one line, keep rulings that meet others, group the meeting rulings into
// tables, and cut each table into cells. A cell whose inner ruling is missing merges with its
// neighbour (the shared-edge test), so merged cells fall out of the geometry.
#pragma once

#include <vector>

#include "extractors/pdf/page_content.hpp"

namespace dutylist::pdf {

struct GridTolerances {
    double snap = 1.5;             // rulings closer than this across their axis are one line
    double join = 3.0;             // gaps along a line up to this are closed
    double meet = 2.0;             // how far a ruling may stop short of one it meets
    double min_ruling = 5.0;       // shorter joined rulings are glyph parts or dots
    double min_cell = 4.0;         // grid lines closer than this are one (double borders)
    double edge_coverage = 0.5;    // share of a cell side a ruling must cover to separate cells
    double min_table_width = 20.0;
    double min_table_height = 10.0;
};

struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool contains(double x, double y) const { return x >= x0 && x < x1 && y >= y0 && y < y1; }
};

struct GridCell {
    int row = 0, col = 0;
    int row_span = 1, col_span = 1;
    Box box;
};

struct RuledTable {
    std::vector<double> xs;  // column boundaries, left to right
    std::vector<double> ys;  // row boundaries, top to bottom
    std::vector<GridCell> cells;  // by row, then column; every grid position in exactly one
    Box box() const { return {xs.front(), ys.front(), xs.back(), ys.back()}; }
    int rows() const { return static_cast<int>(ys.size()) - 1; }
    int cols() const { return static_cast<int>(xs.size()) - 1; }
};

// Axis-aligned rulings snapped onto common lines and joined where they touch or nearly touch.
std::vector<Segment> join_rulings(const std::vector<Segment>& segments, const GridTolerances& tol = {});

// The ruled tables on a page, top to bottom.
std::vector<RuledTable> find_tables(const std::vector<Segment>& segments, const GridTolerances& tol = {});

}  // namespace dutylist::pdf
