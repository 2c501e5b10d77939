#include "extractors/pdf/borderless_merged.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"

#include "model/columns.hpp"
#include "model/text.hpp"

namespace dutylist::pdf {
namespace {

enum class Alignment { top, centre, bottom };

struct Label {
    std::vector<Glyph> glyphs;
    double top = 0, bottom = 0;
    std::vector<Span> lines;     // each line's band, top to bottom
    std::vector<size_t> ends;    // the glyphs up to the end of each line
};

struct Run {
    int first = 0, last = 0;  // rows, inclusive
    std::vector<Glyph> glyphs;
};

bool holds(const GlyphLine& line, const std::vector<double>& xs, int column) {
    return std::any_of(line.glyphs.begin(), line.glyphs.end(),
                       [&](const Glyph& g) { return !is_space(g.code) && column_of(xs, g.centre_x()) == column; });
}

int row_of(const std::vector<double>& ys, double y, int first) {
    const int rows = static_cast<int>(ys.size()) - 1;
    return std::clamp(static_cast<int>(std::upper_bound(ys.begin(), ys.end(), y) - ys.begin()) - 1, first, rows - 1);
}

// The alignment most rows tall enough to tell show their 序号 in; top when none tells. A row
// tells by which of its lines holds its 序号: the first (top), the last (bottom) or one between
// (centred; a number centred on a row of two lines is a line of its own between them).
Alignment table_alignment(const std::vector<GlyphLine>& rest, int seq, const std::vector<double>& xs,
                          const std::vector<double>& ys, int first, const MergeTolerances& tol) {
    std::array<int, 3> votes{};
    for (int r = first; r + 1 < static_cast<int>(ys.size()); ++r) {
        size_t lines = 0, numbered_line = 0;
        bool numbered = false;
        for (const GlyphLine& l : rest) {
            const Span band = line_band(l.line);
            if (row_of(ys, (band.from + band.to) / 2, first) != r) continue;
            if (!numbered && holds(l, xs, seq)) numbered = true, numbered_line = lines;
            ++lines;
        }
        if (!numbered || lines < tol.telling_lines) continue;
        ++votes[numbered_line == 0 ? 0 : numbered_line + 1 == lines ? 2 : 1];
    }
    if (votes[1] > votes[0] && votes[1] >= votes[2]) return Alignment::centre;
    if (votes[2] > votes[0] && votes[2] > votes[1]) return Alignment::bottom;
    return Alignment::top;
}

std::vector<Label> labels_of(const std::vector<const GlyphLine*>& body, const std::vector<double>& xs, int column,
                             const MergeTolerances& tol) {
    std::vector<Label> out;
    for (const GlyphLine* l : body) {
        if (!holds(*l, xs, column)) continue;
        const Span band = line_band(l->line);
        if (out.empty() || band.from - out.back().bottom > tol.label_gap * l->line.size) out.push_back({{}, band.from, band.to, {}, {}});
        Label& label = out.back();
        label.bottom = std::max(label.bottom, band.to);
        for (const Glyph& g : l->glyphs)
            if (column_of(xs, g.centre_x()) == column) label.glyphs.push_back(g);
        label.lines.push_back(band);
        label.ends.push_back(label.glyphs.size());
    }
    return out;
}

// Under bottom-aligned cells, labels touching each other: one set at the foot of its run and,
// right under it, the page's last, which a page break splits and so is set at the top of its
// first part (merge_labels). When the last label neither reaches the page's last row (as a
// label at the foot of its run would) nor can be set at the top of a run (rows above it would
// be left without a label on a page that opens the list), it is split where its lines cross
// from one row into the next, the lowest such place.
void split_last_label(std::vector<Label>& labels, const std::vector<double>& ys, int first, bool opens_list) {
    if (labels.empty()) return;
    Label& last = labels.back();
    const int rows = static_cast<int>(ys.size()) - 1;
    auto row = [&](const Span& b) { return row_of(ys, (b.from + b.to) / 2, first); };
    if (row(last.lines.back()) == rows - 1) return;
    const int above = labels.size() > 1 ? row(labels[labels.size() - 2].lines.back()) + 1 : first;
    if (row(last.lines.front()) <= above || !opens_list) return;
    for (size_t j = last.lines.size() - 1; j > 0; --j) {
        if (row(last.lines[j - 1]) == row(last.lines[j])) continue;
        const auto cut = last.glyphs.begin() + static_cast<long>(last.ends[j - 1]);
        Label upper{{last.glyphs.begin(), cut}, last.lines.front().from, last.lines[j - 1].to, {}, {}};
        Label lower{{cut, last.glyphs.end()}, last.lines[j].from, last.bottom, {}, {}};
        labels.pop_back();
        labels.push_back(std::move(upper));
        labels.push_back(std::move(lower));
        return;
    }
}

// The rows each label covers: up to the next label's first row (top-aligned), down from the
// previous label's last (bottom-aligned), or the run whose middle is nearest the label's
// (centred), each run after the one before.
std::vector<Run> runs_of(std::vector<Label> labels, Alignment a, const std::vector<double>& ys, int first) {
    const int rows = static_cast<int>(ys.size()) - 1;
    std::vector<Run> runs;
    int next_free = first;
    for (size_t k = 0; k < labels.size(); ++k) {
        const int top = row_of(ys, labels[k].top, first), bottom = row_of(ys, labels[k].bottom, first);
        const int limit = k + 1 < labels.size() ? std::max(bottom, row_of(ys, labels[k + 1].top, first) - 1) : rows - 1;
        const int from = a == Alignment::top ? std::max(top, next_free) : next_free;
        Run run{from, std::max(bottom, from), std::move(labels[k].glyphs)};
        if (a == Alignment::top) run.last = std::max(limit, from);
        if (a == Alignment::centre) {
            const double middle = (labels[k].top + labels[k].bottom) / 2;
            double best = std::numeric_limits<double>::infinity();
            for (int e = run.last; e <= std::max(limit, run.last); ++e) {
                const double off = std::abs((ys[static_cast<size_t>(run.first)] + ys[static_cast<size_t>(e) + 1]) / 2 - middle);
                if (off < best) best = off, run.last = e;
            }
        }
        next_free = run.last + 1;
        runs.push_back(std::move(run));
    }
    return runs;
}

// Makes the cell of `column` in row `run.first` cover the run's rows, holding its glyphs.
void cover(std::vector<CellBlock>& cells, const Run& run, int column, const std::vector<double>& xs,
           const std::vector<double>& ys, const std::vector<FontInfo>& fonts) {
    auto covered = [&](const CellBlock& c) {
        return c.grid.col == column && c.grid.col_span == 1 && c.grid.row > run.first && c.grid.row <= run.last;
    };
    cells.erase(std::remove_if(cells.begin(), cells.end(), covered), cells.end());
    for (CellBlock& c : cells) {
        if (c.grid.col != column || c.grid.col_span != 1 || c.grid.row != run.first) continue;
        c.grid.row_span = run.last - run.first + 1;
        c.grid.box = {xs[static_cast<size_t>(column)], ys[static_cast<size_t>(run.first)], xs[static_cast<size_t>(column) + 1],
                      ys[static_cast<size_t>(run.last) + 1]};
        c.lines = build_lines(run.glyphs, fonts);
    }
}

}  // namespace

std::vector<int> category_columns(const GlyphLine& header, const std::vector<double>& xs) {
    std::vector<int> out;
    for (int c = 0; c + 1 < static_cast<int>(xs.size()); ++c) {
        std::string label;
        for (const Glyph& g : header.glyphs)
            if (!is_space(g.code) && column_of(xs, g.centre_x()) == c) append_utf8(label, g.code);
        if (column_key(label) == "category") out.push_back(c);
    }
    return out;
}

std::vector<int> merged_label_columns(const std::vector<const GlyphLine*>& body, size_t row_starts,
                                      const std::vector<double>& xs, const std::vector<int>& candidates) {
    std::vector<int> out;
    for (int c : candidates) {
        const auto lines = static_cast<size_t>(std::count_if(body.begin(), body.end(), [&](const GlyphLine* l) { return holds(*l, xs, c); }));
        if (row_starts > 0 && lines < row_starts) out.push_back(c);
    }
    return out;
}

std::vector<GlyphLine> without_columns(const std::vector<const GlyphLine*>& body, const std::vector<double>& xs,
                                       const std::vector<int>& columns, const std::vector<FontInfo>& fonts) {
    std::vector<GlyphLine> out;
    for (const GlyphLine* l : body) {
        std::vector<Glyph> kept;
        for (const Glyph& g : l->glyphs)
            if (std::find(columns.begin(), columns.end(), column_of(xs, g.centre_x())) == columns.end()) kept.push_back(g);
        if (std::none_of(kept.begin(), kept.end(), [](const Glyph& g) { return !is_space(g.code); })) continue;
        TextLine line = line_from_glyphs(kept, fonts);
        out.push_back({std::move(kept), std::move(line)});
    }
    return out;
}

std::optional<std::string> merge_labels(std::vector<CellBlock>& cells, const std::vector<const GlyphLine*>& body,
                                        const std::vector<GlyphLine>& rest, int column, int seq, const std::vector<double>& xs,
                                        const std::vector<double>& ys, int first_body_row, const std::vector<FontInfo>& fonts,
                                        const MergeTolerances& tol) {
    const Alignment a = table_alignment(rest, seq, xs, ys, first_body_row, tol);
    std::vector<Label> labels = labels_of(body, xs, column, tol);
    // At the foot of its run, a page's first label may cover the rows above it or leave them to
    // a label of the page before that a page break split: the page cannot tell which.
    std::optional<std::string> doubt;
    if (a == Alignment::bottom && first_body_row == 0 && !labels.empty() && row_of(ys, labels.front().top, first_body_row) > first_body_row) {
        std::string text;
        for (const Glyph& g : labels.front().glyphs)
            if (!is_space(g.code)) append_utf8(text, g.code);
        doubt = fmt::format(fmt::runtime(_("a table without rulings, its cells bottom-aligned: the rows above \"{}\", merged down its "
                                           "column, may be its own or go on with the label of the page before; check them against the original")),
                            text);
    }
    // A page with the header row is taken to open the list, its top rows under no label of
    // the page before. Under a header repeated on every page that may be wrong: a label run on
    // from the page before, set at the top of its run, can then be cut in two.
    if (a == Alignment::bottom) split_last_label(labels, ys, first_body_row, first_body_row > 0);
    std::vector<Run> runs = runs_of(std::move(labels), a, ys, first_body_row);
    const int rows = static_cast<int>(ys.size()) - 1;
    // A label's text lives in the first part of a merged cell a page break splits (set from
    // that part's top, whatever the alignment): rows under the page's last label are its own.
    if (!runs.empty()) runs.back().last = rows - 1;
    const int covered = runs.empty() ? rows : runs.front().first;
    if (covered > first_body_row) runs.insert(runs.begin(), Run{first_body_row, covered - 1, {}});
    for (const Run& run : runs) cover(cells, run, column, xs, ys, fonts);
    return doubt;
}

}  // namespace dutylist::pdf
