// The rows of a borderless table whose cells are aligned vertically in their rows (Word's
// 垂直对齐 居中 or 底端对齐) with no space between rows: there a row's 序号 is not on its first
// line, and cutting above it gives each row the end of its own text and the start of the next.
// Internal to the PDF reader (borderless_table.cpp); pure, tolerances named.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "extractors/pdf/borderless_steps.hpp"

namespace dutylist::pdf {

struct AlignmentTolerances {
    // × size: how far a cell's middle (centred) or foot (bottom-aligned) may sit off its row's,
    // for the rows to be read as so aligned (font ascents differ between faces by ~0.1 em).
    double aligned_slack = 0.3;
    // × size: a wrapped line ends this close to its column's right edge; one that ends so,
    // without closing punctuation, runs on into the next line (a row cut there is cut mid-text).
    double full_line = 0.6;
    // × size: a blank stretch this tall inside one column of a row is no cell's (a cell's lines
    // follow each other; space between paragraphs is less).
    double blank = 1.0;
    // × size: what a row cutting text weighs against misalignment, choosing among readings
    // the geometry alone cannot tell apart (less than one line's misalignment).
    double text_cut = 0.25;
    // A column holding more lines than this a row on average is wrapped text: one line a row
    // (序号, 事项类别) tells nothing of where a row ends, but a few rows of two lines among rows of
    // one do (a wide 事项名称 column; it once took 1.5 a row, and matrix 000 was read top-aligned).
    double wrapped_lines = 1.01;
    // A line with fewer glyphs than this in a column is no wrapped text (a 序号 "10").
    size_t min_wrapped_glyphs = 4;
};

struct AlignedCuts {
    std::vector<RowCut> cuts;          // the rows' cuts, top to bottom, as row_bounds takes them
    std::vector<std::string> doubts;   // rows the geometry and the text could not decide
};

// The cuts for the rows of `body` (top to bottom) in columns `xs`, each row started by a line
// that `starts`. `top_cuts` are the cuts above each row start (row_cuts): kept when no row they
// make ends mid-text in a column of wrapped text. Otherwise the rows are read as centred and as
// bottom-aligned (every cell's middle or foot at its row's, a rest of a row from the page
// before free at the top), and the reading that ends fewer rows mid-text is taken when it does
// better than `top_cuts`. Rows no reading cuts cleanly are named in `doubts`.
AlignedCuts aligned_row_cuts(const std::vector<const GlyphLine*>& body,
                             const std::function<bool(const GlyphLine&)>& starts, const std::vector<double>& xs,
                             std::vector<RowCut> top_cuts, const AlignmentTolerances& tol = {});

}  // namespace dutylist::pdf
