// Labels merged down several rows in a table without rulings (Word's vMerge of a 事项类别
// cell): the label is printed once, at the top, middle or foot of the run of rows it covers,
// level with rows it does not start, and the other rows of the run have nothing in its column.
// Such a label must make no row cuts and fill every row of its run. Internal to the PDF reader
// (borderless_table.cpp); pure, tolerances named.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extractors/pdf/borderless_steps.hpp"

namespace dutylist::pdf {

struct MergeTolerances {
    // × size: label lines this close under each other are one label (a wrapped 事项类别).
    double label_gap = 1.0;
    // A row needs this many lines for the line its 序号 is on to tell its alignment.
    size_t telling_lines = 2;
};

// The columns of `xs` whose label in `header` names a 事项类别 (column_key "category"): a
// column whose cells group the rows, the one a list merges down them. A 备注 column sparse as
// well is no merge: its one note belongs to its own row only.
std::vector<int> category_columns(const GlyphLine& header, const std::vector<double>& xs);

// The columns of `candidates` that hold merged labels: text in fewer lines of `body` than
// there are rows (`row_starts`), or none (a page wholly under a label of the page before). A
// column repeated in every row has at least a line a row.
std::vector<int> merged_label_columns(const std::vector<const GlyphLine*>& body, size_t row_starts,
                                      const std::vector<double>& xs, const std::vector<int>& candidates);

// The lines of `body` without the glyphs in `columns`; lines left with no glyph are dropped.
std::vector<GlyphLine> without_columns(const std::vector<const GlyphLine*>& body, const std::vector<double>& xs,
                                       const std::vector<int>& columns, const std::vector<FontInfo>& fonts);

// Puts the labels of `column` (its glyphs in `body`) into `cells` (made by make_cells, rows
// `ys`, body rows from `first_body_row`) as merged cells: each label's run of rows ends where
// the next label's begins, placed as the table's alignment sets it (read from where each
// 序号 of `rest`, the body without merged columns, sits in its row); the last label's run
// reaches the foot of the page (a producer prints a split merged cell's text in its first
// part). Rows above the first label's run (all rows, when the page has none) go on with a
// label of the page before: an empty merged cell covers them, which the list builder fills
// across the page break. Returns a doubt for the clerk where the page cannot tell whether rows
// above its first label are that label's or the page before's (bottom-aligned, no header).
std::optional<std::string> merge_labels(std::vector<CellBlock>& cells, const std::vector<const GlyphLine*>& body,
                                        const std::vector<GlyphLine>& rest, int column, int seq, const std::vector<double>& xs,
                                        const std::vector<double>& ys, int first_body_row, const std::vector<FontInfo>& fonts,
                                        const MergeTolerances& tol = {});

}  // namespace dutylist::pdf
