// The rows of a borderless table: each number in its 序号 column starts one, and so does each
// section row; a row starts in the empty strip above its first line.
#include <algorithm>

#include "extractors/pdf/borderless_steps.hpp"
#include "extractors/pdf/page_numbers.hpp"
#include "model/sections.hpp"
#include "model/text.hpp"

namespace dutylist::pdf {

Span line_band(const TextLine& line) { return {line.baseline - 0.85 * line.size, line.baseline + 0.15 * line.size}; }

bool is_section_line(const GlyphLine& line, double bound, bool crosses_all, const BorderlessTolerances& tol) {
    const std::vector<Span> runs = chunks(line, tol.section_gap * line.line.size);
    if (runs.empty() || runs.front().from >= bound) return false;
    std::string first;
    for (const Glyph& g : line.glyphs)
        if (!is_space(g.code) && g.x0 >= runs.front().from && g.x1 <= runs.front().to) append_utf8(first, g.code);
    if (is_bare_number(first)) return false;
    const std::string text = remove_whitespace(line.line.text);
    if (text.rfind("注", 0) == 0 || text.rfind("说明", 0) == 0) return false;
    const bool marker = without_list_marker(text) != text;
    const bool over = runs.front().to > bound + tol.section_reach * line.line.size;
    return marker || (over && !crosses_all);
}

bool starts_row(const GlyphLine& line, const std::vector<double>& bounds, int seq, bool is_section) {
    std::string number;
    for (const Glyph& g : line.glyphs)
        if (column_of(bounds, g.centre_x()) == seq) append_utf8(number, g.code);
    return is_bare_number(number) || is_section;
}

namespace {

// The number the line has in column `seq`, as printed; empty when it has none.
std::string number_in(const GlyphLine& line, const std::vector<double>& bounds, int seq) {
    std::string number;
    for (const Glyph& g : line.glyphs)
        if (!is_space(g.code) && column_of(bounds, g.centre_x()) == seq) append_utf8(number, g.code);
    return is_bare_number(number) ? number : std::string{};
}

long value_of(const std::string& digits) {
    constexpr size_t max_digits = 9;  // fits a long; no list numbers its rows further
    return digits.size() > max_digits ? -1 : std::stol(digits);
}

}  // namespace

std::vector<const GlyphLine*> wrapped_number_tails(const std::vector<const GlyphLine*>& body,
                                                   const std::vector<double>& bounds, int seq,
                                                   const BorderlessTolerances& tol) {
    std::vector<const GlyphLine*> tails;
    long previous = -1;  // the number of the row before, when known
    for (size_t i = 0; i < body.size(); ++i) {
        const std::string head = number_in(*body[i], bounds, seq);
        if (head.empty()) continue;
        const std::string tail = i + 1 < body.size() ? number_in(*body[i + 1], bounds, seq) : std::string{};
        const bool close = !tail.empty() && line_band(body[i + 1]->line).from - line_band(body[i]->line).to <
                                                 tol.header_wrap_gap * body[i]->line.size;
        const long joined = close ? value_of(head + tail) : -1;
        // Without a row before, the number after must go on from the two together ("9" over
        // "1" is no 91 when "0" follows: 9, then 10 wrapped).
        std::string after;
        for (size_t k = i + 2; k < body.size() && after.empty(); ++k) after = number_in(*body[k], bounds, seq);
        const std::string want = std::to_string(joined + 1);
        const bool goes_on = after.empty() || want.rfind(after, 0) == 0;
        if (close && value_of(tail) != value_of(head) + 1 && joined >= 0 &&
            (previous < 0 ? goes_on : joined == previous + 1)) {
            tails.push_back(body[++i]);
            previous = joined;
        } else {
            previous = value_of(head);
        }
    }
    return tails;
}

const Span* row_gap(const std::vector<Span>& runs, double from, double to, double top_aligned_share) {
    const Span* tallest = nullptr;
    const Span* above = nullptr;
    for (const Span& r : runs) {
        if (r.from < from || r.to > to) continue;
        if (!tallest || r.to - r.from > tallest->to - tallest->from) tallest = &r;
        above = &r;
    }
    if (above && (above->to - above->from) >= top_aligned_share * (tallest->to - tallest->from)) return above;
    return tallest;
}

RowCuts row_cuts(const std::vector<const GlyphLine*>& body, const std::function<bool(const GlyphLine&)>& starts,
                 const BorderlessTolerances& tol) {
    RowCuts out;
    if (body.empty()) return out;
    std::vector<Span> bands;
    for (const GlyphLine* l : body) bands.push_back(line_band(l->line));
    const std::vector<Span> gaps = empty_runs(bands, tol.y_slack);
    bool started = false;
    double previous = line_band(body.front()->line).from - tol.y_slack;  // the bottom of the last row start
    for (const GlyphLine* l : body) {
        if (!starts(*l)) continue;
        const Span band = line_band(l->line);
        if (band.from > previous + tol.y_slack) {
            if (const Span* gap = row_gap(gaps, previous, band.from + tol.y_slack, tol.top_aligned_share)) {
                out.leading = out.leading || !started;
                out.cuts.push_back({(gap->from + gap->to) / 2, gap->to - gap->from});
            }
        }
        started = true;
        previous = band.to;
    }
    return out;
}

std::vector<RowCut> without_short_leading_cut(RowCuts cuts, double top_aligned_share) {
    if (!cuts.leading || cuts.cuts.size() < 2) return std::move(cuts.cuts);
    std::vector<double> heights;
    for (size_t i = 1; i < cuts.cuts.size(); ++i) heights.push_back(cuts.cuts[i].height);
    std::sort(heights.begin(), heights.end());
    if (cuts.cuts.front().height < top_aligned_share * heights[heights.size() / 2]) cuts.cuts.erase(cuts.cuts.begin());
    return std::move(cuts.cuts);
}

std::vector<double> row_bounds(const GlyphLine* header, const std::vector<const GlyphLine*>& body,
                               const std::vector<RowCut>& cuts, const BorderlessTolerances& tol) {
    const double top = (header ? header->line.top : line_band(body.front()->line).from) - tol.table_margin;
    const double body_top = header ? std::max(header->line.bottom, line_band(header->line).to) + tol.y_slack : top;
    const double bottom = body.empty() ? body_top + tol.table_margin : line_band(body.back()->line).to + tol.table_margin;
    std::vector<double> ys = header ? std::vector<double>{top, body_top} : std::vector<double>{top};
    for (const RowCut& c : cuts)
        if (c.at > ys.back()) ys.push_back(c.at);
    ys.push_back(std::max(bottom, ys.back() + tol.table_margin));
    return ys;
}

}  // namespace dutylist::pdf
