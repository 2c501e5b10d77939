// The steps that read a borderless table (borderless_table.hpp), as small pure functions the
// PDF reader's tests can reach: columns from the gutters under a header row
// (borderless_columns.cpp), rows from the 序号 numbers and section rows (borderless_rows.cpp),
// and the glyphs of each cell (borderless_cells.cpp). Internal to the PDF reader.
#pragma once

#include <functional>
#include <vector>

#include "extractors/pdf/borderless_table.hpp"
#include "extractors/pdf/text_lines.hpp"

namespace dutylist::pdf {

struct Span {
    double from = 0, to = 0;
};

// One line of the page: its glyphs, left to right, and the text line they make.
struct GlyphLine {
    std::vector<Glyph> glyphs;
    TextLine line;
};

// The page's glyphs as lines, top to bottom.
std::vector<GlyphLine> glyph_lines(std::vector<Glyph> glyphs, const std::vector<FontInfo>& fonts);

// --- Columns (borderless_columns.cpp)

// The empty strips between `spans`, at least `min_width` wide, left to right; none before the
// first span or after the last.
std::vector<Span> empty_runs(std::vector<Span> spans, double min_width);

// The column of `bounds` (left side, column bounds, right side) that `x` falls in; x beyond a
// side falls in the outermost column.
int column_of(const std::vector<double>& bounds, double x);

// The runs of ink of a line, split where its glyphs leave a gap of at least `gap`.
std::vector<Span> chunks(const GlyphLine& line, double gap);

// The line opens with a 序号 label: a header row whose 序号 column is its first.
bool is_header_line(const TextLine& line);

// A header label wrapped in its narrow column continues on `next`, right under `header`:
// every run of `next` is centred under one of the header's labels and no wider than it, and
// `next` starts with no digit (a row's number) and holds no sentence punctuation.
bool continues_header(const GlyphLine& header, const GlyphLine& next, const BorderlessTolerances& tol);

// A header row whose 序号 label wraps in its narrow column (序 over 号): the line's first label
// and the first of `next`, right under it, make a 序号 label, and `next` continues the header
// (continues_wrapped_header). When `next` holds only labels centred on the row, with nothing
// under 序 (事项名称 between 序 and 号), the 号 is on `after`, the line below it (nullptr: none).
bool opens_wrapped_header(const GlyphLine& line, const GlyphLine& next, const GlyphLine* after,
                          const BorderlessTolerances& tol);

// `next` goes on with the wrapped header row `header` (its lines so far): close under it, no
// digit first, no sentence punctuation, and each of its runs either centred under one of the header's labels (a label's
// next line) or clear of them all (a label set lower, in a cell aligned to the middle or foot).
bool continues_wrapped_header(const GlyphLine& header, const GlyphLine& next, const BorderlessTolerances& tol);

// A header row whose one-line labels (序号 among them) are centred on a label wrapped over
// two lines (事项类 over 别): `above`, close over `header`, the 序号 line, holds only labels clear
// of `header`'s, at least one of which goes on, centred, on `next`, which continues the header.
bool rises_over_header(const GlyphLine& above, const GlyphLine& header, const GlyphLine* next,
                       const BorderlessTolerances& tol);

// The column whose header label is a 序号 label (0 when none is).
int seq_column(const GlyphLine& header, const std::vector<double>& bounds, const std::vector<FontInfo>& fonts);

// No glyph of the line lies across a column bound or beyond the table's sides by more than
// `slack` points: the line could be part of a row of the table.
bool keeps_to_columns(const GlyphLine& line, const std::vector<double>& bounds, double slack);

// Candidate column gutters: the gaps between the header's labels, narrowed by the body lines
// added. A body line that would close every open gutter spans the table (a note): it ends there.
class Gutters {
public:
    Gutters(const GlyphLine& header, const BorderlessTolerances& tol);

    // Adds the line, or returns false, adding nothing, when it would close every open gutter
    // (leave none of them a free strip `min_width` wide).
    bool add(const GlyphLine& line, double min_width);

    // A section row over the first open gutter (is_section_line); it must not close gutters.
    bool is_section(const GlyphLine& line, const BorderlessTolerances& tol) const;

    // Column bounds from `left` to `right`: the middle of the widest free strip of each open gutter.
    std::vector<double> bounds(double left, double right, double min_width) const;

private:
    std::vector<Span> free_runs(size_t i, const std::vector<Span>& extra, double min_width) const;

    std::vector<Span> gaps_;                  // from the header
    std::vector<std::vector<Span>> blocked_;  // glyph spans of the body in each gap
    std::vector<bool> open_;
};

// --- Rows (borderless_rows.cpp)

// The vertical extent of a line from its baseline, in the em box Glyph::top() and bottom()
// use: a number set in another font may sit higher than the ideographs beside it, and must
// not narrow the gap above it.
Span line_band(const TextLine& line);

// A section row of a table whose 序号 column is its first ("一、党的建设" in place of a 事项类别
// column): a line whose first run of text starts left of `bound`, the start of the gutter after
// the 序号 column, and is no number (the column holds nothing else), and which either runs on
// over the gutter or starts with a list marker. A line starting with 注 or 说明 is a note; one
// that reaches over every gutter (`crosses_all`) must start with a list marker to be a section
// row rather than other text across the table.
bool is_section_line(const GlyphLine& line, double bound, bool crosses_all, const BorderlessTolerances& tol);

// The line starts a row: it has a number in the 序号 column `seq` of `bounds`, or it is a
// section row.
bool starts_row(const GlyphLine& line, const std::vector<double>& bounds, int seq, bool is_section);

// The lines of `body` (top to bottom) whose number in the 序号 column `seq` of `bounds` is the
// rest of the number of the line right above it, wrapped in its narrow column ("3" over "8"
// for 38, "1" over "0" for 10): the two lines are close (`header_wrap_gap`), and their numbers
// do not count up by one, as two rows' would, while the two together continue the numbering
// of the rows before (when there are none, the number after goes on from them). Such a line
// starts no row.
std::vector<const GlyphLine*> wrapped_number_tails(const std::vector<const GlyphLine*>& body,
                                                   const std::vector<double>& bounds, int seq,
                                                   const BorderlessTolerances& tol);

// Among the empty strips `runs` (top to bottom) that lie within [from, to], where the row of
// the line below them starts: the lowest, right above that line, when it is at least
// `top_aligned_share` of the tallest (the rows are top-aligned), else the tallest (they are
// centred). Null when no strip lies within.
const Span* row_gap(const std::vector<Span>& runs, double from, double to, double top_aligned_share);

struct RowCut {
    double at = 0;      // the y where a row starts
    double height = 0;  // of the empty strip it is cut in
};

struct RowCuts {
    std::vector<RowCut> cuts;  // top to bottom
    bool leading = false;      // the first cut lies above the first row start: the lines above
                               // it are the rest of a row begun on the page before
};

// A cut in the gap above each line of `body` (top to bottom) that `starts` (starts_row) and
// has room above it, chosen by row_gap among the empty strips between the body's lines.
RowCuts row_cuts(const std::vector<const GlyphLine*>& body, const std::function<bool(const GlyphLine&)>& starts,
                 const BorderlessTolerances& tol);

// The cuts without the leading one when its gap is less than `top_aligned_share` of the median
// gap of the others: the lines above the first row start are then the first row's own, not
// another row.
std::vector<RowCut> without_short_leading_cut(RowCuts cuts, double top_aligned_share);

// The row bounds, top to bottom: the table's top, the bottom of `header` when there is one,
// each cut below the bound before it, and the bottom of the body (the last row at least
// tol.table_margin tall). Without a header, `body` must hold a line.
std::vector<double> row_bounds(const GlyphLine* header, const std::vector<const GlyphLine*>& body,
                               const std::vector<RowCut>& cuts, const BorderlessTolerances& tol);

// --- Cells (borderless_cells.cpp)

// The glyphs of each cell of a table, by row then column, and which rows are section rows.
struct PlacedGlyphs {
    std::vector<std::vector<Glyph>> cells;
    std::vector<bool> across;  // a section row is one cell across the table, as a ruled table draws it
};

// Each glyph of `header` (row 0) and `body` in the cell of its line's row (by the middle of its
// band, the body in the rows under the header) and its own column (by its centre). A row with
// a line `is_section` holds is across.
PlacedGlyphs place_glyphs(const GlyphLine* header, const std::vector<const GlyphLine*>& body,
                          const std::function<bool(const GlyphLine&)>& is_section, const std::vector<double>& xs,
                          const std::vector<double>& ys);

// The cells of the table in columns `xs` and rows `ys`: an across row as one cell spanning
// every column, any other row as one cell a column; each cell's glyphs as lines.
std::vector<CellBlock> make_cells(PlacedGlyphs placed, const std::vector<double>& xs, const std::vector<double>& ys,
                                  const std::vector<FontInfo>& fonts);

// Without borders, a column's text extent is its frame: its longest lines fill it. Sets the
// frame of each line of a cell one column wide to the extent of its column's lines in the rows
// from `first_body_row` on that are not `across`, or to its own extent when the column has none;
// a section row's lines keep theirs (one line or two, no paragraphs).
void frame_by_columns(std::vector<CellBlock>& cells, const std::vector<bool>& across, int cols, int first_body_row);

}  // namespace dutylist::pdf
