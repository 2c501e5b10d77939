// The cells of a borderless table: its lines' glyphs put in the rows and columns found, and
// each column's text extent as the frame its lines fill.
#include <algorithm>

#include "extractors/pdf/borderless_steps.hpp"

namespace dutylist::pdf {
namespace {

// The row of `ys` the height y falls in, from `first` on; y beyond the table falls in the
// outermost row.
int row_of(const std::vector<double>& ys, double y, int first) {
    const int rows = static_cast<int>(ys.size()) - 1;
    return std::clamp(static_cast<int>(std::upper_bound(ys.begin(), ys.end(), y) - ys.begin()) - 1, first, rows - 1);
}

}  // namespace

PlacedGlyphs place_glyphs(const GlyphLine* header, const std::vector<const GlyphLine*>& body,
                          const std::function<bool(const GlyphLine&)>& is_section, const std::vector<double>& xs,
                          const std::vector<double>& ys) {
    const int rows = static_cast<int>(ys.size()) - 1, cols = static_cast<int>(xs.size()) - 1;
    PlacedGlyphs out{std::vector<std::vector<Glyph>>(static_cast<size_t>(rows * cols)),
                     std::vector<bool>(static_cast<size_t>(rows), false)};
    auto place = [&](const GlyphLine& l, int r) {
        for (const Glyph& g : l.glyphs) out.cells[static_cast<size_t>(r * cols + column_of(xs, g.centre_x()))].push_back(g);
    };
    if (header) place(*header, 0);
    for (const GlyphLine* l : body) {
        const Span band = line_band(l->line);
        const int r = row_of(ys, (band.from + band.to) / 2, header ? 1 : 0);
        if (is_section(*l)) out.across[static_cast<size_t>(r)] = true;
        place(*l, r);
    }
    return out;
}

std::vector<CellBlock> make_cells(PlacedGlyphs placed, const std::vector<double>& xs, const std::vector<double>& ys,
                                  const std::vector<FontInfo>& fonts) {
    const int rows = static_cast<int>(ys.size()) - 1, cols = static_cast<int>(xs.size()) - 1;
    std::vector<CellBlock> cells;
    for (int r = 0; r < rows; ++r) {
        const double top = ys[static_cast<size_t>(r)], bottom = ys[static_cast<size_t>(r) + 1];
        auto glyphs_of = [&](int c) -> std::vector<Glyph>& { return placed.cells[static_cast<size_t>(r * cols + c)]; };
        if (placed.across[static_cast<size_t>(r)]) {
            std::vector<Glyph> all;
            for (int c = 0; c < cols; ++c) all.insert(all.end(), glyphs_of(c).begin(), glyphs_of(c).end());
            cells.push_back({{r, 0, 1, cols, {xs.front(), top, xs.back(), bottom}}, build_lines(std::move(all), fonts)});
            continue;
        }
        for (int c = 0; c < cols; ++c) {
            const Box box{xs[static_cast<size_t>(c)], top, xs[static_cast<size_t>(c) + 1], bottom};
            cells.push_back({{r, c, 1, 1, box}, build_lines(std::move(glyphs_of(c)), fonts)});
        }
    }
    return cells;
}

void frame_by_columns(std::vector<CellBlock>& cells, const std::vector<bool>& across, int cols, int first_body_row) {
    std::vector<Span> frames(static_cast<size_t>(cols), {1e9, -1e9});  // empty: from beyond to
    for (const CellBlock& cell : cells) {
        if (cell.grid.row < first_body_row || across[static_cast<size_t>(cell.grid.row)]) continue;
        Span& f = frames[static_cast<size_t>(cell.grid.col)];
        for (const TextLine& l : cell.lines) {
            f.from = std::min(f.from, l.x0);
            f.to = std::max(f.to, l.x1);
        }
    }
    for (CellBlock& cell : cells)
        for (TextLine& l : cell.lines) {
            if (cell.grid.col_span > 1) continue;
            const Span& f = frames[static_cast<size_t>(cell.grid.col)];
            l.frame_x0 = f.from <= f.to ? f.from : l.x0;
            l.frame_x1 = f.from <= f.to ? f.to : l.x1;
        }
}

}  // namespace dutylist::pdf
