#include "extractors/pdf/borderless_alignment.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/text.hpp"

namespace dutylist::pdf {
namespace {

enum class Alignment { top, centre, bottom };

// What one line holds in one column.
struct Piece {
    size_t glyphs = 0;
    double x1 = 0;
    char32_t last = 0;  // its last character
    std::u32string head;  // its first characters
};

// The body as the alignment reading sees it: each line's band and its text per column.
struct Body {
    std::vector<Span> bands;
    std::vector<std::vector<Piece>> pieces;  // [line][column]
    std::vector<double> right;               // each column's right text edge
    std::vector<bool> wrapped;               // columns whose cells wrap (more lines than rows)
    std::vector<size_t> starts;              // the lines that start a row
    std::vector<std::string> numbers;        // their 序号, as printed
    double size = 0;                         // the body's usual font size
};

// First line of each row, ascending; the first is always line 0 (a rest of a row from the page
// before is a row of its own).
using Rows = std::vector<size_t>;

// Enough characters of a line to read an item number of a cell's list ("12." or "3、").
constexpr size_t item_digits = 3;

// The line starts a numbered item other than the first ("2." "3、"): it goes on with a list
// begun above it, in the same cell.
bool continues_numbering(const std::u32string& head) {
    size_t digits = 0;
    while (digits < head.size() && head[digits] >= U'0' && head[digits] <= U'9') ++digits;
    if (digits == 0 || digits == head.size()) return false;
    const char32_t mark = head[digits];
    if (mark != U'.' && mark != U'、' && mark != U'．') return false;
    return !(digits == 1 && head[0] == U'1');
}

bool closes(char32_t c) {
    static const std::u32string closing = U"。；！？…）)」』”’》】;.!?";
    return closing.find(c) != std::u32string::npos;
}

std::string leading_digits(const std::string& text) {
    std::string out;
    for (char c : remove_whitespace(text)) {
        if (c < '0' || c > '9') break;
        out += c;
    }
    return out;
}

Body describe(const std::vector<const GlyphLine*>& body, const std::function<bool(const GlyphLine&)>& starts,
              const std::vector<double>& xs, const AlignmentTolerances& tol) {
    const size_t cols = xs.size() - 1;
    Body d;
    d.right.assign(cols, -std::numeric_limits<double>::infinity());
    std::vector<double> sizes;
    for (size_t i = 0; i < body.size(); ++i) {
        const GlyphLine& l = *body[i];
        d.bands.push_back(line_band(l.line));
        sizes.push_back(l.line.size);
        std::vector<Piece> row(cols);
        for (const Glyph& g : l.glyphs) {
            if (is_space(g.code)) continue;
            Piece& p = row[static_cast<size_t>(column_of(xs, g.centre_x()))];
            ++p.glyphs;
            if (p.head.size() < item_digits + 1) p.head += g.code;
            if (g.x1 >= p.x1 || p.glyphs == 1) p.x1 = g.x1, p.last = g.code;
        }
        for (size_t c = 0; c < cols; ++c)
            if (row[c].glyphs) d.right[c] = std::max(d.right[c], row[c].x1);
        d.pieces.push_back(std::move(row));
        if (starts(l)) {
            d.starts.push_back(i);
            d.numbers.push_back(leading_digits(l.line.text));
        }
    }
    for (size_t c = 0; c < cols; ++c) {
        const auto lines = std::count_if(d.pieces.begin(), d.pieces.end(), [c](const auto& l) { return l[c].glyphs > 0; });
        d.wrapped.push_back(static_cast<double>(lines) >= tol.wrapped_lines * static_cast<double>(d.starts.size()));
    }
    std::sort(sizes.begin(), sizes.end());
    d.size = sizes.empty() ? 0 : sizes[sizes.size() / 2];
    return d;
}

// The rows `cuts` make of the body's lines, each line in the row its band's middle falls in.
Rows rows_of(const Body& d, const std::vector<RowCut>& cuts) {
    Rows rows{0};
    size_t previous = 0;
    for (size_t i = 0; i < d.bands.size(); ++i) {
        const double middle = (d.bands[i].from + d.bands[i].to) / 2;
        const auto row = static_cast<size_t>(
            std::count_if(cuts.begin(), cuts.end(), [&](const RowCut& c) { return c.at < middle; }));
        if (i > 0 && row != previous) rows.push_back(i);
        previous = row;
    }
    return rows;
}

// A row starting at line `at`, the row above it starting at `from`, cuts text: in a column of
// wrapped text that goes on below (before line `to`), the last line of the row above runs on
// (ends at the column's edge without closing punctuation, or in a colon), or the first line
// below goes on with a numbered list ("2." under "1.").
bool cuts_text(const Body& d, size_t from, size_t at, size_t to, const AlignmentTolerances& tol) {
    for (size_t c = 0; c < d.right.size(); ++c) {
        if (!d.wrapped[c]) continue;
        std::optional<size_t> above;
        for (size_t i = from; i < at; ++i)
            if (d.pieces[i][c].glyphs) above = i;
        std::optional<size_t> below;
        for (size_t i = at; i < to && !below; ++i)
            if (d.pieces[i][c].glyphs) below = i;
        if (!above || !below) continue;
        if (continues_numbering(d.pieces[*below][c].head)) return true;
        const Piece& p = d.pieces[*above][c];
        // A line ending in a colon introduces what follows it (县民政局：), short as it may be.
        const bool introduces = p.last == U'：' || p.last == U':';
        // Punctuation may not start a line: the glyph before it wraps with it (…相关工 over 作；),
        // and the line above stops a glyph short of the edge.
        const std::u32string& next = d.pieces[*below][c].head;
        const double room = next.size() >= 2 && !closes(next[0]) && closes(next[1]) ? d.size : 0;
        if (introduces ||
            (p.glyphs >= tol.min_wrapped_glyphs && !closes(p.last) && p.x1 >= d.right[c] - tol.full_line * d.size - room))
            return true;
    }
    return false;
}

// The lines where a row starts cutting text (cuts_text).
std::vector<size_t> cut_mid_text(const Body& d, const Rows& rows, const AlignmentTolerances& tol) {
    std::vector<size_t> out;
    for (size_t r = 1; r < rows.size(); ++r)
        if (cuts_text(d, rows[r - 1], rows[r], r + 1 < rows.size() ? rows[r + 1] : d.bands.size(), tol))
            out.push_back(rows[r]);
    return out;
}

// How far the cells of the row of lines [from, to) sit off the row's top, middle or foot, the
// worst; a blank stretch inside a cell (a row's lines that are no cell's own) counts as far.
double misalignment(const Body& d, size_t from, size_t to, Alignment a, const AlignmentTolerances& tol) {
    auto mark = [a](double top, double bottom) {
        return a == Alignment::top ? top : a == Alignment::centre ? (top + bottom) / 2 : bottom;
    };
    const double row = mark(d.bands[from].from, d.bands[to - 1].to);
    double worst = 0;
    for (size_t c = 0; c < d.right.size(); ++c) {
        double top = std::numeric_limits<double>::infinity(), bottom = -top;
        for (size_t i = from; i < to; ++i) {
            if (!d.pieces[i][c].glyphs) continue;
            if (top <= bottom && d.bands[i].from - bottom > tol.blank * d.size) worst = std::max(worst, d.bands[i].from - bottom);
            top = std::min(top, d.bands[i].from), bottom = std::max(bottom, d.bands[i].to);
        }
        if (top <= bottom) worst = std::max(worst, std::abs(mark(top, bottom) - row));
    }
    return worst;
}

// The same for the table's last row, which may be the first part of a row a page break split:
// producers set such a part's cells from its top (LibreOffice does), whatever their alignment.
double last_misalignment(const Body& d, size_t from, Alignment a, const AlignmentTolerances& tol) {
    return std::min(misalignment(d, from, d.bands.size(), a, tol), misalignment(d, from, d.bands.size(), Alignment::top, tol));
}

struct Reading {
    Rows rows;
    double worst = 0;  // the most any row's cells sit off its alignment
};

// The rows that align every row's cells best (least total misalignment, and among equals the
// fewest rows cutting text): row k starts after the start line of row k-1 and no later than
// its own; lines above the first start may be the rest of a row from the page before, which
// has no alignment to keep.
Reading aligned_reading(const Body& d, Alignment a, const AlignmentTolerances& tol) {
    const size_t n = d.starts.size();
    auto first_candidate = [&](size_t k) { return k == 0 ? size_t{0} : d.starts[k - 1] + 1; };
    constexpr double none = std::numeric_limits<double>::infinity();
    // cost[k][f - first_candidate(k)]: rows 0..k-1 placed, row k starting at line f.
    std::vector<std::vector<double>> cost(n);
    std::vector<std::vector<size_t>> from(n);  // the start of row k-1 that gave cost[k]
    const double text_cut = tol.text_cut * d.size;
    auto cut = [&](size_t p, size_t f) { return cuts_text(d, p, f, d.bands.size(), tol) ? text_cut : 0.0; };
    cost[0].assign(d.starts[0] + 1, 0.0);
    from[0].assign(d.starts[0] + 1, 0);
    for (size_t f = 1; f <= d.starts[0]; ++f) cost[0][f] = cut(0, f);
    for (size_t k = 1; k < n; ++k) {
        const size_t lo = first_candidate(k);
        cost[k].assign(d.starts[k] - lo + 1, none);
        from[k].assign(d.starts[k] - lo + 1, 0);
        // From the latest start down, so that among equal readings a row starts as late as it
        // can: under bottom-aligned cells the rest of a row from the page before reaches as far
        // down as its text does.
        for (size_t f = lo; f <= d.starts[k]; ++f)
            for (size_t p = d.starts[k - 1] + 1; p-- > first_candidate(k - 1);) {
                const double c = cost[k - 1][p - first_candidate(k - 1)] + misalignment(d, p, f, a, tol) + cut(p, f);
                if (c < cost[k][f - lo]) cost[k][f - lo] = c, from[k][f - lo] = p;
            }
    }
    size_t best = first_candidate(n - 1);
    double best_cost = none;
    for (size_t f = d.starts[n - 1] + 1; f-- > first_candidate(n - 1);) {
        const double c = cost[n - 1][f - first_candidate(n - 1)] + last_misalignment(d, f, a, tol);
        if (c < best_cost) best_cost = c, best = f;
    }
    std::vector<size_t> firsts(n);
    firsts[n - 1] = best;
    for (size_t k = n - 1; k > 0; --k)
        firsts[k - 1] = from[k][firsts[k] - first_candidate(k)];
    Reading out{{0}, 0};
    for (size_t k = 0; k < n; ++k) {
        if (firsts[k] > 0) out.rows.push_back(firsts[k]);
        out.worst = std::max(out.worst, k + 1 < n ? misalignment(d, firsts[k], firsts[k + 1], a, tol)
                                                 : last_misalignment(d, firsts[k], a, tol));
    }
    return out;
}

std::vector<RowCut> cuts_of(const Body& d, const Rows& rows) {
    std::vector<RowCut> cuts;
    for (size_t r = 1; r < rows.size(); ++r) {
        const Span& above = d.bands[rows[r] - 1];
        const Span& below = d.bands[rows[r]];
        cuts.push_back({((above.from + above.to) / 2 + (below.from + below.to) / 2) / 2,
                        std::max(0.0, below.from - above.to)});
    }
    return cuts;
}

// The 序号 of the numbered rows on both sides of each line in `at`, for a clerk to find them.
std::string rows_named(const Body& d, const std::vector<size_t>& at) {
    std::string out;
    for (size_t line : at) {
        const auto next = std::lower_bound(d.starts.begin(), d.starts.end(), line);
        const size_t k = static_cast<size_t>(next - d.starts.begin());
        std::string pair = k > 0 ? d.numbers[k - 1] : "";
        if (k < d.starts.size()) pair += (pair.empty() ? "" : "/") + d.numbers[k];
        if (!pair.empty()) out += (out.empty() ? "" : ", ") + pair;
    }
    return out;
}

}  // namespace

AlignedCuts aligned_row_cuts(const std::vector<const GlyphLine*>& body,
                             const std::function<bool(const GlyphLine&)>& starts, const std::vector<double>& xs,
                             std::vector<RowCut> top_cuts, const AlignmentTolerances& tol) {
    const Body d = describe(body, starts, xs, tol);
    if (d.starts.empty()) return {std::move(top_cuts), {}};
    const std::vector<size_t> top_bad = cut_mid_text(d, rows_of(d, top_cuts), tol);
    if (top_bad.empty()) return {std::move(top_cuts), {}};
    std::optional<Reading> chosen;
    std::vector<size_t> chosen_bad = top_bad;
    bool tied = false;
    for (Alignment a : {Alignment::centre, Alignment::bottom}) {
        Reading r = aligned_reading(d, a, tol);
        if (r.worst > tol.aligned_slack * d.size) continue;
        std::vector<size_t> bad = cut_mid_text(d, r.rows, tol);
        if (chosen && bad.size() == chosen_bad.size() && r.rows != chosen->rows) tied = true;
        if (bad.size() < chosen_bad.size()) chosen = std::move(r), chosen_bad = std::move(bad), tied = false;
    }
    AlignedCuts out{chosen ? cuts_of(d, chosen->rows) : std::move(top_cuts), {}};
    if (tied)
        out.doubts.push_back(fmt::format(
            fmt::runtime(_("a table without rulings reads as well with its short cells centred as bottom-aligned in their rows; "
                           "check where each row ends (序号 {})")), rows_named(d, {chosen->rows.begin() + 1, chosen->rows.end()})));
    if (!chosen_bad.empty())
        out.doubts.push_back(fmt::format(
            fmt::runtime(_("a table without rulings: rows may be cut in the wrong place, a row's text running on into the next "
                           "(序号 {}); check them against the original")), rows_named(d, chosen_bad)));
    return out;
}

}  // namespace dutylist::pdf
