// Tables without rulings (stream mode): a header row that names 序号 starts a table, the empty
// vertical gutters of the text under it give the columns, and the numbers of the 序号 column
// give the rows. Pure; tolerances named.
#pragma once

#include <vector>

#include "extractors/pdf/page_content.hpp"
#include "extractors/pdf/table_block.hpp"

namespace dutylist::pdf {

struct BorderlessTolerances {
    double label_gap = 0.8;        // × size: wider gaps between header glyphs may be column gaps
    double min_gutter = 2.0;       // points: a narrower empty strip between glyphs is no column gap
    double top_aligned_share = 0.8;  // the gap above a row's number this share of the tallest: top-aligned rows
    double header_wrap_gap = 0.6;  // × size: a wrapped header label's next line is this close under it
    double centred = 0.5;          // × size: how far a wrapped label's line may sit off its label's middle
    double margin_share = 0.1;     // a bare number this near the page's top or bottom is its page number
    double heading_size = 1.15;   // a line this many times the body size is a heading, not a row
};

struct BorderlessResult {
    std::vector<TableBlock> tables;  // top to bottom
    std::vector<Glyph> rest;         // glyphs outside the tables
};

BorderlessResult find_borderless_tables(std::vector<Glyph> glyphs, const std::vector<FontInfo>& fonts,
                                        double page_height, const BorderlessTolerances& tol = {});

}  // namespace dutylist::pdf
