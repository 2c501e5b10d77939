#include "extractors/pdf/row_rules.hpp"

#include <algorithm>
#include <cmath>
#include <optional>


namespace dutylist::pdf {
namespace {

// A vertical ruling crosses a rule when it runs on past it on both sides by more than this (pt):
// a header row's own side borders end on the rule under the header.
constexpr double crossing_overlap = 1.0;

// A row runs through a strip when its ink covers at least 4/5 of it: the space between two
// characters of a line is narrower than a fifth of any gutter.
constexpr long crossed_share_num = 4, crossed_share_den = 5;

struct RuleGroup {
    double from = 0, to = 0;
    std::vector<double> ys;  // top to bottom
};

// The horizontal rulings at each height as one rule from the leftmost to the rightmost piece,
// when the pieces cover at least half of that: a rule between two rows is broken where a merged
// cell (事项类别 over several rows) covers both.
std::vector<Segment> rules_by_height(const std::vector<Segment>& joined, const RowRuleTolerances& tol) {
    constexpr double min_cover = 0.5;
    std::vector<Segment> pieces;
    for (const Segment& s : joined)
        if (s.horizontal()) pieces.push_back(s);
    std::sort(pieces.begin(), pieces.end(), [](const Segment& a, const Segment& b) { return a.y0 < b.y0; });
    std::vector<Segment> rules;
    for (size_t i = 0; i < pieces.size();) {
        size_t j = i;
        Segment rule = pieces[i];
        double covered = 0;
        for (; j < pieces.size() && pieces[j].y0 - pieces[i].y0 <= tol.same_extent; ++j) {
            rule.x0 = std::min(rule.x0, pieces[j].x0);
            rule.x1 = std::max(rule.x1, pieces[j].x1);
            covered += pieces[j].x1 - pieces[j].x0;
        }
        if (rule.x1 - rule.x0 >= tol.min_length && covered >= min_cover * (rule.x1 - rule.x0)) rules.push_back(rule);
        i = j;
    }
    return rules;
}

std::vector<RuleGroup> stacked_rules(const std::vector<Segment>& joined, const RowRuleTolerances& tol) {
    std::vector<RuleGroup> groups;
    for (const Segment& h : rules_by_height(joined, tol)) {
        auto it = std::find_if(groups.begin(), groups.end(), [&](const RuleGroup& g) {
            return std::abs(g.from - h.x0) <= tol.same_extent && std::abs(g.to - h.x1) <= tol.same_extent;
        });
        if (it == groups.end()) groups.push_back({h.x0, h.x1, {h.y0}});
        else it->ys.push_back(h.y0);
    }
    // Two rules may be a page of a row-ruled list with one tall row: the document decides.
    std::erase_if(groups, [](const RuleGroup& g) { return g.ys.size() < 2; });
    return groups;
}

// Some vertical ruling inside the group runs across one of its inner rules: the table has
// its own column rulings and is read as ruled already.
bool has_column_rulings(const RuleGroup& g, const std::vector<Segment>& joined, double slack) {
    for (const Segment& v : joined) {
        if (v.horizontal() || v.x0 <= g.from + slack || v.x0 >= g.to - slack) continue;
        for (size_t i = 1; i + 1 < g.ys.size(); ++i)
            if (v.y0 < g.ys[i] - crossing_overlap && v.y1 > g.ys[i] + crossing_overlap) return true;
    }
    return false;
}

// The vertical rulings inside the group that cross none of its inner rules: a header row's
// cell borders (a spreadsheet that boxes its header and rules only under the body's rows).
std::vector<double> short_verticals(const RuleGroup& g, const std::vector<Segment>& joined, double slack) {
    std::vector<double> xs;
    for (const Segment& v : joined)
        if (!v.horizontal() && v.x0 > g.from + slack && v.x0 < g.to - slack && v.y1 > g.ys.front() && v.y0 < g.ys.back())
            xs.push_back(v.x0);
    return xs;
}

// For each row of the group (between two rules), which bins across the group hold ink.
std::vector<std::vector<bool>> ink_by_row(const RuleGroup& g, const std::vector<Glyph>& glyphs, size_t bins,
                                          double bin) {
    std::vector<std::vector<bool>> ink(g.ys.size() - 1, std::vector<bool>(bins, false));
    for (const Glyph& gl : glyphs) {
        if (gl.code == U' ' || gl.code == U'\u3000') continue;
        const double y = gl.centre_y(), x = gl.centre_x();
        if (x < g.from || x > g.to || y < g.ys.front() || y > g.ys.back()) continue;
        const size_t row = static_cast<size_t>(std::upper_bound(g.ys.begin(), g.ys.end(), y) - g.ys.begin()) - 1;
        if (row >= ink.size()) continue;
        const auto first = static_cast<size_t>(std::max(0.0, (gl.x0 - g.from) / bin));
        const auto last = std::min(bins - 1, static_cast<size_t>(std::max(0.0, (gl.x1 - g.from) / bin)));
        for (size_t b = first; b <= last; ++b) ink[row][b] = true;
    }
    return ink;
}

struct Gutter {
    size_t first = 0, last = 0;  // bins, inclusive
};

// Strips between ink in which at most `allowed` rows put ink, at least tol.min_gutter wide.
std::vector<Gutter> free_strips(const std::vector<int>& rows_with_ink, int allowed, const RowRuleTolerances& tol) {
    std::vector<Gutter> out;
    bool seen_ink = false;
    const size_t bins = rows_with_ink.size();
    for (size_t b = 0; b < bins;) {
        if (rows_with_ink[b] > allowed) {
            seen_ink = true;
            ++b;
            continue;
        }
        size_t e = b;
        while (e + 1 < bins && rows_with_ink[e + 1] <= allowed) ++e;
        if (seen_ink && e + 1 < bins && static_cast<double>(e - b + 1) * tol.bin >= tol.min_gutter) out.push_back({b, e});
        b = e + 1;
    }
    return out;
}

// Every row with ink in the strip runs through it (a section row, a grouped header label),
// rather than stopping inside it, as a column's text does that only a few rows fill (a
// 备注 column empty but for its header label).
bool crossed_through(const std::vector<std::vector<bool>>& ink, const Gutter& g) {
    const auto width = static_cast<long>(g.last - g.first + 1);
    for (const auto& row : ink) {
        const long inked = std::count(row.begin() + static_cast<long>(g.first), row.begin() + static_cast<long>(g.last) + 1, true);
        if (inked > 0 && inked < width * crossed_share_num / crossed_share_den) return false;
    }
    return true;
}

// The strips no row puts ink in, and those that only rows running through them do (at most
// tol.across_share of the rows).
// With a header row, only the strips between its labels: a label centred over text set flush
// left leaves an empty strip between the column's text and the label, inside the column.
std::vector<Gutter> gutters(const std::vector<std::vector<bool>>& ink, size_t bins, bool header,
                            const RowRuleTolerances& tol) {
    std::vector<int> rows_with_ink(bins, 0);
    int inked_rows = 0;
    for (const auto& row : ink) {
        inked_rows += std::find(row.begin(), row.end(), true) != row.end();
        for (size_t b = 0; b < bins; ++b) rows_with_ink[b] += row[b];
    }
    if (header) {
        const std::vector<bool>& labels = ink.front();
        const auto first = static_cast<size_t>(std::find(labels.begin(), labels.end(), true) - labels.begin());
        const auto end = static_cast<size_t>(labels.size() - (std::find(labels.rbegin(), labels.rend(), true) - labels.rbegin()));
        for (size_t b = 0; b < bins; ++b)
            if (b < first || b >= end) rows_with_ink[b] = static_cast<int>(ink.size()) + 1;
    }
    std::vector<Gutter> out = free_strips(rows_with_ink, 0, tol);
    const int allowed = static_cast<int>(std::floor(tol.across_share * inked_rows));
    for (const Gutter& g : free_strips(rows_with_ink, allowed, tol)) {
        const bool holds_free = std::any_of(out.begin(), out.end(), [&](const Gutter& f) { return f.first >= g.first && f.last <= g.last; });
        if (!holds_free && crossed_through(ink, g)) out.push_back(g);
    }
    std::sort(out.begin(), out.end(), [](const Gutter& a, const Gutter& b) { return a.first < b.first; });
    return out;
}

// A column bound and the bins around it in which a row's ink makes it one cell across.
struct ColumnBound {
    double x = 0;
    size_t first = 0, last = 0;  // bins, inclusive
    bool drawn = false;          // a ruling of the header: text may touch it from either side

    bool runs_across(const std::vector<bool>& row) const {
        const auto from = row.begin() + static_cast<long>(first), to = row.begin() + static_cast<long>(last) + 1;
        return drawn ? std::all_of(from, to, [](bool b) { return b; }) : std::any_of(from, to, [](bool b) { return b; });
    }
};

// The header's own rulings where it has them (text set close to a cell border may leave no
// gutter wide enough to see), and the middle of each gutter no such ruling lies in or near.
std::vector<ColumnBound> column_bounds(const std::vector<Gutter>& found, const std::vector<double>& drawn,
                                       const RuleGroup& g, const RowRuleTolerances& tol) {
    constexpr double near = 3.0;  // pt: a cell's text may come this close to its border
    const auto bin_of = [&](double x) { return static_cast<size_t>(std::max(0.0, (x - g.from) / tol.bin)); };
    std::vector<ColumnBound> out;
    for (double x : drawn) out.push_back({x, bin_of(x - 1), bin_of(x + 1), true});
    for (const Gutter& gut : found) {
        const double from = g.from + tol.bin * static_cast<double>(gut.first), to = g.from + tol.bin * static_cast<double>(gut.last + 1);
        if (std::none_of(drawn.begin(), drawn.end(), [&](double x) { return x >= from - near && x <= to + near; }))
            out.push_back({(from + to) / 2, gut.first, gut.last, false});
    }
    return out;
}

// The glyphs inside `box` in reading order, spaces left out: what a header row says.
std::u32string row_text(const std::vector<Glyph>& glyphs, const Box& box) {
    std::vector<const Glyph*> in;
    for (const Glyph& g : glyphs)
        if (g.code != U' ' && g.code != U'\u3000' && box.contains(g.centre_x(), g.centre_y())) in.push_back(&g);
    std::sort(in.begin(), in.end(), [](const Glyph* a, const Glyph* b) {
        return std::lround(a->baseline) != std::lround(b->baseline) ? a->baseline < b->baseline : a->x0 < b->x0;
    });
    std::u32string out;
    for (const Glyph* g : in) out += g->code;
    return out;
}

Strips strips_of(const std::vector<Gutter>& found, const RuleGroup& g, const RowRuleTolerances& tol) {
    Strips out;
    for (const Gutter& gut : found)
        out.emplace_back(g.from + tol.bin * static_cast<double>(gut.first), g.from + tol.bin * static_cast<double>(gut.last + 1));
    return out;
}

std::vector<Gutter> gutters_of(const Strips& strips, const RuleGroup& g, const RowRuleTolerances& tol) {
    std::vector<Gutter> out;
    for (const auto& [x0, x1] : strips) {
        const auto first = static_cast<size_t>(std::ceil((x0 - g.from) / tol.bin));
        const auto end = static_cast<size_t>(std::floor((x1 - g.from) / tol.bin));
        if (end > first) out.push_back({first, end - 1});
    }
    return out;
}

// The strips a group read as ruled between rows is cut in: its gutters, and its header's own
// column rulings as strips as wide as text may come to them.
Strips read_strips(const std::vector<Gutter>& found, const std::vector<double>& drawn, const RuleGroup& g,
                   const RowRuleTolerances& tol) {
    constexpr double near = 1.5;  // pt: text comes this close to a cell border, or closer
    Strips out = strips_of(found, g, tol);
    for (double x : drawn)
        if (std::none_of(out.begin(), out.end(), [&](const auto& s) { return x >= s.first - near && x <= s.second + near; }))
            out.emplace_back(x - near, x + near);
    std::sort(out.begin(), out.end());
    return out;
}

// What the page shows of the group, before the document decides how it is read.
RowRuledGroup seen_group(const RuleGroup& g, const std::vector<Gutter>& found, const std::vector<Glyph>& glyphs,
                         bool header, const RowRuleTolerances& tol) {
    RowRuledGroup seen{g.from, g.to, static_cast<int>(g.ys.size()), strips_of(found, g, tol), {}, false, false};
    // 项 alone names a header cell, but a row of text holds it too: a header that tells one list
    // from the next names 序号 (its two characters may stand on two lines of a narrow cell).
    constexpr size_t max_header = 80;  // glyphs: a header row's labels, not a row of text naming 序号
    if (header) seen.header = row_text(glyphs, {g.from, g.ys[0], g.to, g.ys[1]});
    const bool names_seq = seen.header.find(U'序') != std::u32string::npos && seen.header.find(U'号') != std::u32string::npos;
    if (!names_seq || seen.header.size() > max_header) seen.header.clear();
    for (size_t r = 1; r + 1 < g.ys.size() && !seen.second_header; ++r)
        seen.second_header = row_text(glyphs, {g.from, g.ys[r], g.to, g.ys[r + 1]}).find(U"序号") != std::u32string::npos;
    return seen;
}

// The widest piece of `strip` that no row puts ink in, leaving out the rows that run through
// it (a section row: at most tol.across_share of the rows with ink); a strip no row inks at all
// (a column this page's rows leave empty) is whole.
std::optional<Gutter> free_piece(const std::vector<std::vector<bool>>& ink, const Gutter& strip, const RowRuleTolerances& tol) {
    const size_t width = strip.last - strip.first + 1;
    std::vector<bool> blocked(width, false);
    int inked_rows = 0, through = 0;
    for (const auto& row : ink) {
        inked_rows += std::find(row.begin(), row.end(), true) != row.end();
        const auto from = row.begin() + static_cast<long>(strip.first), to = row.begin() + static_cast<long>(strip.last) + 1;
        const auto inked = static_cast<size_t>(std::count(from, to, true));
        if (inked * crossed_share_den >= width * crossed_share_num) {
            ++through;
            continue;
        }
        for (size_t b = 0; b < width; ++b) blocked[b] = blocked[b] || row[strip.first + b];
    }
    if (through > static_cast<int>(std::floor(tol.across_share * inked_rows))) return std::nullopt;
    std::optional<Gutter> best;
    for (size_t b = 0; b < width;) {
        if (blocked[b]) {
            ++b;
            continue;
        }
        size_t e = b;
        while (e + 1 < width && !blocked[e + 1]) ++e;
        if (!best || e - b > best->last - best->first) best = Gutter{strip.first + b, strip.first + e};
        b = e + 1;
    }
    return best;
}

// The page's gutters the document shows too, each cut to the document's, and the document's
// gutters the page shows none of where its rows leave them empty (a gutter narrower on this
// page than any it would see alone, a column its rows leave empty); when they are as many as
// the page shows alone or the document has, whichever is fewer. So a strip a few rows leave
// empty inside a column goes, a column one page's rows leave empty splits the strip it made
// there, and another list's columns, which keep few of the document's, are not taken.
std::optional<std::vector<Gutter>> hinted_gutters(const std::vector<std::vector<bool>>& ink, const Strips& own,
                                                  const RowRuleHint& hint, const RuleGroup& g, const RowRuleTolerances& tol) {
    RowRuleTolerances piece = tol;
    piece.min_gutter = tol.bin;
    Strips shared = common_strips(own, hint.strips, piece);
    const size_t bins = ink.empty() ? 0 : ink.front().size();
    for (const auto& [h0, h1] : hint.strips) {
        const bool met = std::any_of(own.begin(), own.end(), [&](const auto& o) { return std::min(h1, o.second) - std::max(h0, o.first) >= tol.bin; });
        const std::vector<Gutter> strip = gutters_of({{h0, h1}}, g, tol);
        if (met || strip.empty() || strip.front().last >= bins) continue;
        if (const std::optional<Gutter> free = free_piece(ink, strip.front(), tol)) shared.push_back(strips_of({*free}, g, tol).front());
    }
    std::sort(shared.begin(), shared.end());
    if (shared.empty() || shared.size() < std::min(own.size(), hint.strips.size())) return std::nullopt;
    return gutters_of(shared, g, tol);
}

}  // namespace

bool same_extent(double from_a, double to_a, double from_b, double to_b, const RowRuleTolerances& tol) {
    return std::abs(from_a - from_b) <= tol.same_extent && std::abs(to_a - to_b) <= tol.same_extent;
}

Strips common_strips(const Strips& a, const Strips& b, const RowRuleTolerances& tol) {
    Strips out;
    for (const auto& [a0, a1] : a)
        for (const auto& [b0, b1] : b)
            if (std::min(a1, b1) - std::max(a0, b0) >= tol.min_gutter) out.emplace_back(std::max(a0, b0), std::min(a1, b1));
    std::sort(out.begin(), out.end());
    return out;
}

bool holds_header_labels(const std::vector<Glyph>& glyphs, const Box& box) {
    bool seq = false, number = false, matter = false;
    for (const Glyph& g : glyphs) {
        if (!box.contains(g.centre_x(), g.centre_y())) continue;
        seq |= g.code == U'序';
        number |= g.code == U'号';
        matter |= g.code == U'项';
    }
    return (seq && number) || matter;
}

ColumnRulings column_rulings(const std::vector<Segment>& segments, const std::vector<Glyph>& glyphs,
                             const RowRuleTolerances& tol, const RowRuleHint* hint) {
    const std::vector<Segment> joined = join_rulings(segments);
    ColumnRulings result;
    std::vector<Segment>& out = result.rulings;
    for (const RuleGroup& g : stacked_rules(joined, tol)) {
        if (has_column_rulings(g, joined, tol.same_extent)) continue;
        const auto bins = static_cast<size_t>(std::ceil((g.to - g.from) / tol.bin)) + 1;
        const auto ink = ink_by_row(g, glyphs, bins, tol.bin);
        const bool header = holds_header_labels(glyphs, {g.from, g.ys[0], g.to, g.ys[1]});
        std::vector<Gutter> found = gutters(ink, bins, header, tol);
        RowRuledGroup& seen = result.groups.emplace_back(seen_group(g, found, glyphs, header, tol));
        std::optional<std::vector<Gutter>> shared;
        if (hint && same_extent(g.from, g.to, hint->from, hint->to, tol)) shared = hinted_gutters(ink, seen.strips, *hint, g, tol);
        if (shared) found = std::move(*shared);
        if ((!shared && seen.rules < tol.min_rules) || found.empty()) continue;
        seen.read = true;
        seen.strips = read_strips(found, short_verticals(g, joined, tol.same_extent), g, tol);
        result.tables.push_back({g.from, g.ys.front(), g.to, g.ys.back()});
        out.push_back({g.from, g.ys.front(), g.from, g.ys.back()});
        out.push_back({g.to, g.ys.front(), g.to, g.ys.back()});
        for (const ColumnBound& bound : column_bounds(found, short_verticals(g, joined, tol.same_extent), g, tol))
            for (size_t r = 0; r < ink.size(); ++r)
                if (!bound.runs_across(ink[r])) out.push_back({bound.x, g.ys[r], bound.x, g.ys[r + 1]});
    }
    return result;
}

}  // namespace dutylist::pdf
