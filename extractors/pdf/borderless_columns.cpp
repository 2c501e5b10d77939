// The columns of a borderless table: the gutters its header row leaves between its labels,
// narrowed by the text under it.
#include <algorithm>
#include <cmath>
#include <string_view>

#include "extractors/pdf/borderless_steps.hpp"
#include "model/columns.hpp"
#include "model/text.hpp"

namespace dutylist::pdf {

std::vector<Span> empty_runs(std::vector<Span> spans, double min_width) {
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.from < b.from; });
    std::vector<Span> runs;
    double reach = spans.empty() ? 0 : spans.front().to;
    for (const Span& s : spans) {
        if (s.from - reach >= min_width) runs.push_back({reach, s.from});
        reach = std::max(reach, s.to);
    }
    return runs;
}

int column_of(const std::vector<double>& bounds, double x) {
    auto it = std::upper_bound(bounds.begin() + 1, bounds.end() - 1, x);
    return static_cast<int>(it - bounds.begin()) - 1;
}

std::vector<Span> chunks(const GlyphLine& line, double gap) {
    std::vector<Span> spans;
    for (const Glyph& g : line.glyphs)
        if (!is_space(g.code)) spans.push_back({g.x0, g.x1});
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.from < b.from; });
    std::vector<Span> out;
    for (const Span& s : spans) {
        if (out.empty() || s.from - out.back().to >= gap) out.push_back(s);
        else out.back().to = std::max(out.back().to, s.to);
    }
    return out;
}

namespace {

// Sentence punctuation: the rest of a row a page break split (…造；), never a column label.
bool punctuated(const std::string& text) {
    for (std::string_view mark : {"；", "。", "，", "：", ";", ":"})
        if (text.find(mark) != std::string::npos) return true;
    return false;
}

// A label's next line, set under it as the label is aligned (centred, flush left or right),
// and no wider.
bool under_label(const Span& part, const Span& label, double size, const BorderlessTolerances& tol) {
    const double slack = tol.centred * size;
    const bool aligned = std::abs((part.from + part.to) / 2 - (label.from + label.to) / 2) <= slack ||
                         std::abs(part.from - label.from) <= slack || std::abs(part.to - label.to) <= slack;
    return aligned && part.to - part.from <= label.to - label.from + slack;
}

}  // namespace

bool is_header_line(const TextLine& line) { return starts_with_seq_label(line.text); }

bool continues_header(const GlyphLine& header, const GlyphLine& next, const BorderlessTolerances& tol) {
    const double size = header.line.size;
    if (next.line.top - header.line.bottom > tol.header_wrap_gap * size) return false;
    const std::string text = remove_whitespace(next.line.text);
    if (text.empty() || (text[0] >= '0' && text[0] <= '9') || punctuated(text)) return false;
    const std::vector<Span> labels = chunks(header, tol.label_gap * size);
    for (const Span& part : chunks(next, tol.label_gap * size)) {
        bool under = false;
        for (const Span& l : labels) under = under || under_label(part, l, size, tol);
        if (!under) return false;
    }
    return true;
}

namespace {

// The text of the first of the line's runs of ink split at gaps of `gap`.
std::string first_label(const GlyphLine& line, double gap) {
    const std::vector<Span> runs = chunks(line, gap);
    std::string out;
    if (runs.empty()) return out;
    for (const Glyph& g : line.glyphs)
        if (!is_space(g.code) && g.x0 >= runs.front().from && g.x1 <= runs.front().to) append_utf8(out, g.code);
    return out;
}

}  // namespace

bool opens_wrapped_header(const GlyphLine& line, const GlyphLine& next, const GlyphLine* after,
                          const BorderlessTolerances& tol) {
    const double gap = tol.label_gap * line.line.size;
    const std::string first = first_label(line, gap);
    if (first.empty() || is_seq_label(first) || !continues_wrapped_header(line, next, tol)) return false;
    if (is_seq_label(first + first_label(next, gap))) return true;
    // One-line labels centred on a two-line row sit between 序 and 号, on a line of their own,
    // with nothing under 序.
    if (after == nullptr || chunks(next, gap).front().from < chunks(line, gap).front().to) return false;
    GlyphLine both = line;
    both.glyphs.insert(both.glyphs.end(), next.glyphs.begin(), next.glyphs.end());
    both.line.bottom = next.line.bottom;
    return is_seq_label(first + first_label(*after, gap)) && continues_wrapped_header(both, *after, tol);
}

bool continues_wrapped_header(const GlyphLine& header, const GlyphLine& next, const BorderlessTolerances& tol) {
    const double size = header.line.size;
    if (next.line.top - header.line.bottom > tol.wrapped_header_gap * size) return false;
    const std::string text = remove_whitespace(next.line.text);
    if (text.empty() || (text[0] >= '0' && text[0] <= '9') || punctuated(text)) return false;
    const std::vector<Span> labels = chunks(header, tol.label_gap * size);
    for (const Span& part : chunks(next, tol.label_gap * size)) {
        bool under = false, clear = true;
        for (const Span& l : labels) {
            under = under || under_label(part, l, size, tol);
            clear = clear && (part.to + tol.label_gap * size <= l.from || part.from >= l.to + tol.label_gap * size);
        }
        if (!under && !clear) return false;
    }
    return true;
}

bool rises_over_header(const GlyphLine& above, const GlyphLine& header, const GlyphLine* next,
                       const BorderlessTolerances& tol) {
    const double size = header.line.size;
    const std::string text = remove_whitespace(above.line.text);
    if (next == nullptr || text.empty() || (text[0] >= '0' && text[0] <= '9') ||
        header.line.top - above.line.bottom > tol.wrapped_header_gap * size)
        return false;
    const std::vector<Span> tops = chunks(above, tol.label_gap * size), labels = chunks(header, tol.label_gap * size);
    for (const Span& t : tops)
        for (const Span& l : labels)
            if (t.to + tol.label_gap * size > l.from && t.from < l.to + tol.label_gap * size) return false;
    GlyphLine both = above;
    both.glyphs.insert(both.glyphs.end(), header.glyphs.begin(), header.glyphs.end());
    both.line.bottom = header.line.bottom;
    const std::vector<Span> parts = chunks(*next, tol.label_gap * size);
    const bool wraps = std::any_of(parts.begin(), parts.end(), [&](const Span& p) {
        return std::any_of(tops.begin(), tops.end(), [&](const Span& t) {
            return std::abs((p.from + p.to) / 2 - (t.from + t.to) / 2) <= tol.centred * size;
        });
    });
    return wraps && continues_wrapped_header(both, *next, tol);
}

int seq_column(const GlyphLine& header, const std::vector<double>& bounds, const std::vector<FontInfo>& fonts) {
    const int cols = static_cast<int>(bounds.size()) - 1;
    for (int c = 0; c < cols; ++c) {
        std::vector<Glyph> label;
        for (const Glyph& g : header.glyphs)
            if (column_of(bounds, g.centre_x()) == c) label.push_back(g);
        if (is_seq_label(line_from_glyphs(label, fonts).text)) return c;
    }
    return 0;
}

bool keeps_to_columns(const GlyphLine& line, const std::vector<double>& bounds, double slack) {
    for (const Glyph& g : line.glyphs) {
        if (is_space(g.code)) continue;
        if (g.x0 < bounds.front() - slack || g.x1 > bounds.back() + slack) return false;
        for (size_t b = 1; b + 1 < bounds.size(); ++b)
            if (g.x0 < bounds[b] - slack && g.x1 > bounds[b] + slack) return false;
    }
    return true;
}

Gutters::Gutters(const GlyphLine& header, const BorderlessTolerances& tol) {
    std::vector<Span> spans;
    for (const Glyph& g : header.glyphs)
        if (!is_space(g.code)) spans.push_back({g.x0, g.x1});
    gaps_ = empty_runs(spans, tol.label_gap * header.line.size);
    blocked_.resize(gaps_.size());
    open_.assign(gaps_.size(), true);
}

std::vector<Span> Gutters::free_runs(size_t i, const std::vector<Span>& extra, double min_width) const {
    std::vector<Span> spans = blocked_[i];
    spans.insert(spans.end(), extra.begin(), extra.end());
    // The gap's own edges, as spans one point wide, bound its free strips.
    spans.push_back({gaps_[i].from - 1, gaps_[i].from});
    spans.push_back({gaps_[i].to, gaps_[i].to + 1});
    return empty_runs(spans, min_width);
}

bool Gutters::add(const GlyphLine& line, double min_width) {
    std::vector<std::vector<Span>> in(gaps_.size());
    int alive = 0, closing = 0;
    for (size_t i = 0; i < gaps_.size(); ++i) {
        if (!open_[i]) continue;
        ++alive;
        for (const Glyph& g : line.glyphs)
            if (!is_space(g.code) && g.x1 > gaps_[i].from && g.x0 < gaps_[i].to) in[i].push_back({g.x0, g.x1});
        if (!in[i].empty() && free_runs(i, in[i], min_width).empty()) ++closing;
    }
    if (alive > 0 && closing == alive) return false;
    for (size_t i = 0; i < gaps_.size(); ++i) {
        if (!open_[i] || in[i].empty()) continue;
        if (free_runs(i, in[i], min_width).empty()) open_[i] = false;
        else blocked_[i].insert(blocked_[i].end(), in[i].begin(), in[i].end());
    }
    return true;
}

bool Gutters::is_section(const GlyphLine& line, const BorderlessTolerances& tol) const {
    const auto first = std::find(open_.begin(), open_.end(), true);
    const auto last = std::find(open_.rbegin(), open_.rend(), true);
    if (first == open_.end()) return false;
    const Span& gutter = gaps_[static_cast<size_t>(first - open_.begin())];
    const Span& final_gutter = gaps_[static_cast<size_t>(open_.rend() - last - 1)];
    return is_section_line(line, gutter.from, line.line.x1 > final_gutter.from, tol);
}

std::vector<double> Gutters::bounds(double left, double right, double min_width) const {
    std::vector<double> out{left};
    for (size_t i = 0; i < gaps_.size(); ++i) {
        if (!open_[i]) continue;
        Span best{0, 0};
        for (const Span& r : free_runs(i, {}, min_width))
            if (r.to - r.from > best.to - best.from) best = r;
        out.push_back((best.from + best.to) / 2);
    }
    out.push_back(right);
    return out;
}

}  // namespace dutylist::pdf
