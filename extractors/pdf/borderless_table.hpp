// Tables without rulings (stream mode): a header row that names 序号 starts a table, the empty
// vertical gutters of the text under it give the columns, and the numbers of the 序号 column
// give the rows; a page without a header row may continue the table of the page before in its
// columns. Pure; tolerances named.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "extractors/pdf/page_content.hpp"
#include "extractors/pdf/table_block.hpp"

namespace dutylist::pdf {

struct BorderlessTolerances {
    double label_gap = 0.5;        // × size: wider gaps between header glyphs may be column gaps
    double min_gutter = 2.0;       // points: a narrower empty strip between glyphs is no column gap
    double top_aligned_share = 0.8;  // the gap above a row's number this share of the tallest: top-aligned rows
    double header_wrap_gap = 0.6;  // × size: a wrapped header label's next line is this close under it
    double wrapped_header_gap = 1.0;  // × size: the same under a wrapped 序/号 label (LibreOffice
                                      // sets CJK lines up to ~1.7 em apart: 0.66 em between them)
    double centred = 0.5;          // × size: how far a wrapped label's line may sit off its label's middle
    double margin_share = 0.1;     // a bare number this near the page's top or bottom is its page number
    double heading_size = 1.15;   // a line this many times the body size is a heading, not a row
    double column_slack = 0.3;    // × size: how far a glyph of a continued table may reach over a column bound
    double section_gap = 0.5;     // × size: a gap this wide ends a section row's first run of text
    double section_reach = 1.0;   // × size: how far that run reaches over the 序号 column's gutter
                                  // when it has no list marker
    double y_slack = 0.1;         // points: lines' bands this close touch (rounding in producers' positions)
    double table_margin = 1.0;    // points: the table's box stands this far off its text, so that
                                  // no glyph lies on its edge; also the least height of its last row
};

// A borderless table's columns, as a page that continues it without a header row needs them.
struct BorderlessColumns {
    std::vector<double> xs;  // column bounds, left to right
    int seq = 0;             // the 序号 column
    double size = 0;         // the font size of its text
    std::vector<int> merged; // columns whose labels may be merged down rows (a 事项类别)
};

struct BorderlessResult {
    std::vector<TableBlock> tables;  // top to bottom
    std::vector<Glyph> rest;         // glyphs outside the tables
    std::vector<std::string> doubts; // where the rows could not be told apart for sure, for the user
};

BorderlessResult find_borderless_tables(std::vector<Glyph> glyphs, const std::vector<FontInfo>& fonts,
                                        double page_height, const BorderlessTolerances& tol = {});

// A borderless table running on from the page before without its header row: the lines from
// the top of the page that keep to its columns (no glyph across a column bound) in its font
// size, up to the first that does not (a note, a heading, other text). Page numbers and lines `skip` holds for
// (a running header) are left out; the table has no header row, and its first row may be the
// rest of a row begun on the page before.
BorderlessResult continue_borderless_table(std::vector<Glyph> glyphs, const std::vector<FontInfo>& fonts,
                                           const BorderlessColumns& columns, double page_height,
                                           const std::function<bool(const TextLine&)>& skip,
                                           const BorderlessTolerances& tol = {});

}  // namespace dutylist::pdf
