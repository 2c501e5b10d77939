#include "extractors/pdf/borderless_table.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "extractors/pdf/page_layout.hpp"
#include "model/sections.hpp"
#include "model/text.hpp"

namespace dutylist::pdf {
namespace {

struct Span {
    double from = 0, to = 0;
};

struct GlyphLine {
    std::vector<Glyph> glyphs;
    TextLine line;
};

bool is_header_line(const TextLine& line) {
    const std::string s = remove_whitespace(line.text);
    return s.rfind("序号", 0) == 0 || s.rfind("编号", 0) == 0;
}

bool is_number(const std::string& text) {
    const std::string s = remove_whitespace(text);
    if (s.empty() || s.size() > 4) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) &&
           s.front() != '.';
}

// Empty strips between the spans, at least `min_width` wide, in order.
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

// The vertical extent of a line from its baseline: a number set in another font may sit higher
// than the ideographs beside it, and must not narrow the gap above it.
Span line_band(const TextLine& l) { return {l.baseline - 0.85 * l.size, l.baseline + 0.15 * l.size}; }

// The groups of glyphs a line holds, split at gaps of at least `gap`.
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

// A section row of a table whose 序号 column is its first ("一、党的建设" in place of a 事项类别
// column): a line whose first run of text starts left of `bound`, the start of the gutter after
// the 序号 column, and is no number (the column holds nothing else), and which either runs on over
// the gutter or starts with a list marker. A line starting with 注 or 说明 is a note; one that
// reaches over every gutter (`crosses_all`) must start with a list marker to be a section row
// rather than other text across the table.
bool is_section_line(const GlyphLine& line, double bound, bool crosses_all, const BorderlessTolerances& tol) {
    const std::vector<Span> runs = chunks(line, tol.section_gap * line.line.size);
    if (runs.empty() || runs.front().from >= bound) return false;
    std::string first;
    for (const Glyph& g : line.glyphs)
        if (!is_space(g.code) && g.x0 >= runs.front().from && g.x1 <= runs.front().to) append_utf8(first, g.code);
    if (is_number(first)) return false;
    const std::string text = remove_whitespace(line.line.text);
    if (text.rfind("注", 0) == 0 || text.rfind("说明", 0) == 0) return false;
    const bool marker = without_list_marker(text) != text;
    const bool over = runs.front().to > bound + tol.section_reach * line.line.size;
    return marker || (over && !crosses_all);
}

// Candidate column gutters: the gaps between the header's labels, narrowed by the body lines.
// A body line that would close every open gutter spans the table (a note): the table ends there.
struct Gutters {
    std::vector<Span> gaps;                  // from the header
    std::vector<std::vector<Span>> blocked;  // glyph spans in each gap
    std::vector<bool> open;

    Gutters(const GlyphLine& header, const BorderlessTolerances& tol) {
        std::vector<Span> spans;
        for (const Glyph& g : header.glyphs)
            if (!is_space(g.code)) spans.push_back({g.x0, g.x1});
        for (const Span& run : empty_runs(spans, tol.label_gap * header.line.size)) gaps.push_back(run);
        blocked.resize(gaps.size());
        open.assign(gaps.size(), true);
    }

    std::vector<Span> free_runs(size_t i, const std::vector<Span>& extra, double min_width) const {
        std::vector<Span> spans = blocked[i];
        spans.insert(spans.end(), extra.begin(), extra.end());
        spans.push_back({gaps[i].from - 1, gaps[i].from});
        spans.push_back({gaps[i].to, gaps[i].to + 1});
        return empty_runs(spans, min_width);
    }

    // Adds the line, or returns false when it would close every open gutter.
    bool add(const GlyphLine& line, double min_width) {
        std::vector<std::vector<Span>> in(gaps.size());
        int alive = 0, closing = 0;
        for (size_t i = 0; i < gaps.size(); ++i) {
            if (!open[i]) continue;
            ++alive;
            for (const Glyph& g : line.glyphs)
                if (!is_space(g.code) && g.x1 > gaps[i].from && g.x0 < gaps[i].to) in[i].push_back({g.x0, g.x1});
            if (!in[i].empty() && free_runs(i, in[i], min_width).empty()) ++closing;
        }
        if (alive > 0 && closing == alive) return false;
        for (size_t i = 0; i < gaps.size(); ++i) {
            if (!open[i] || in[i].empty()) continue;
            if (free_runs(i, in[i], min_width).empty()) open[i] = false;
            else blocked[i].insert(blocked[i].end(), in[i].begin(), in[i].end());
        }
        return true;
    }

    // A section row over the first open gutter (is_section_line); it must not close gutters.
    bool is_section(const GlyphLine& line, const BorderlessTolerances& tol) const {
        const auto first = std::find(open.begin(), open.end(), true);
        const auto last = std::find(open.rbegin(), open.rend(), true);
        if (first == open.end()) return false;
        const Span& gutter = gaps[static_cast<size_t>(first - open.begin())];
        const Span& final_gutter = gaps[static_cast<size_t>(open.rend() - last - 1)];
        return is_section_line(line, gutter.from, line.line.x1 > final_gutter.from, tol);
    }

    // Column boundaries: the middle of the widest free strip of each open gutter.
    std::vector<double> bounds(double left, double right, double min_width) const {
        std::vector<double> out{left};
        for (size_t i = 0; i < gaps.size(); ++i) {
            if (!open[i]) continue;
            Span best{0, 0};
            for (const Span& r : free_runs(i, {}, min_width))
                if (r.to - r.from > best.to - best.from) best = r;
            out.push_back((best.from + best.to) / 2);
        }
        out.push_back(right);
        return out;
    }
};

// Where the row of the number on `anchor` starts, between `from` and the anchor's line: the
// gap right above the anchor when rows are top-aligned, the tallest gap when they are centred.
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

// A header label wrapped in its narrow column continues on the line right under the header:
// centred under the label's first line like the labels themselves, and no wider than it.
bool continues_header(const GlyphLine& header, const GlyphLine& next, const BorderlessTolerances& tol) {
    const double size = header.line.size;
    if (next.line.top - header.line.bottom > tol.header_wrap_gap * size) return false;
    const std::string text = remove_whitespace(next.line.text);
    if (text.empty() || (text[0] >= '0' && text[0] <= '9')) return false;  // a row's number
    const std::vector<Span> labels = chunks(header, tol.label_gap * size);
    for (const Span& part : chunks(next, tol.label_gap * size)) {
        bool under = false;
        for (const Span& l : labels)
            under = under || (std::abs((part.from + part.to) / 2 - (l.from + l.to) / 2) <= tol.centred * size &&
                              part.to - part.from <= l.to - l.from + tol.centred * size);
        if (!under) return false;
    }
    return true;
}

// The column whose header label is 序号 (0 when none is).
int seq_column(const GlyphLine& header, const std::vector<double>& bounds, const std::vector<FontInfo>& fonts) {
    const int cols = static_cast<int>(bounds.size()) - 1;
    for (int c = 0; c < cols; ++c) {
        std::vector<Glyph> label;
        for (const Glyph& g : header.glyphs)
            if (column_of(bounds, g.centre_x()) == c) label.push_back(g);
        const std::string text = remove_whitespace(line_from_glyphs(label, fonts).text);
        if (text == "序号" || text == "编号") return c;
    }
    return 0;
}

// The table of `body` in the columns `bounds`, under `header` (row 0), or without a header row
// when it is null (a table running on from the page before).
TableBlock build_table(const GlyphLine* header, const std::vector<const GlyphLine*>& body,
                       const std::vector<const GlyphLine*>& sections, const std::vector<double>& bounds, int seq,
                       const std::vector<FontInfo>& fonts, const BorderlessTolerances& tol) {
    auto is_section = [&](const GlyphLine* l) { return std::find(sections.begin(), sections.end(), l) != sections.end(); };
    TableBlock t;
    t.ruled = false;
    const int cols = static_cast<int>(bounds.size()) - 1;
    // Rows: each number in the 序号 column starts one, and so does each section row.
    std::vector<Span> ys;
    for (const GlyphLine* l : body) ys.push_back(line_band(l->line));
    const std::vector<Span> gaps = empty_runs(ys, 0.1);
    const double top = header ? header->line.top - 1 : line_band(body.front()->line).from - 1;
    const double body_top = header ? std::max(header->line.bottom, line_band(header->line).to) + 0.1 : top;
    struct Cut {
        double at;
        double height;
    };
    std::vector<Cut> cuts;
    bool leading = false;  // a cut before the first row's start: the rest of a row from the page before
    bool started = false;
    double previous = body.empty() ? body_top : line_band(body.front()->line).from - 0.1;
    for (const GlyphLine* l : body) {
        std::string number;
        for (const Glyph& g : l->glyphs)
            if (column_of(bounds, g.centre_x()) == seq) append_utf8(number, g.code);
        if (!is_number(number) && !is_section(l)) continue;
        const Span band = line_band(l->line);
        if (band.from > previous + 0.1) {
            if (const Span* gap = row_gap(gaps, previous, band.from + 0.1, tol.top_aligned_share)) {
                leading = leading || !started;
                cuts.push_back({(gap->from + gap->to) / 2, gap->to - gap->from});
            }
        }
        started = true;
        previous = band.to;
    }
    if (leading && cuts.size() > 1) {
        // Lines above the first number are another row only if their gap is a row gap.
        std::vector<double> heights;
        for (size_t i = 1; i < cuts.size(); ++i) heights.push_back(cuts[i].height);
        std::sort(heights.begin(), heights.end());
        if (cuts.front().height < tol.top_aligned_share * heights[heights.size() / 2]) cuts.erase(cuts.begin());
    }
    const double bottom = body.empty() ? body_top + 1 : line_band(body.back()->line).to + 1;
    t.ys = header ? std::vector<double>{top, body_top} : std::vector<double>{top};
    for (const Cut& c : cuts)
        if (c.at > t.ys.back()) t.ys.push_back(c.at);
    t.ys.push_back(std::max(bottom, t.ys.back() + 1));
    t.rows = static_cast<int>(t.ys.size()) - 1;
    t.cols = cols;
    t.xs = bounds;
    t.box = {bounds.front(), top, bounds.back(), t.ys.back()};

    const int first_body_row = header ? 1 : 0;
    std::vector<std::vector<Glyph>> cell_glyphs(static_cast<size_t>(t.rows * cols));
    // A section row is one cell across the table, as a ruled table draws it.
    std::vector<bool> across(static_cast<size_t>(t.rows), false);
    auto place = [&](const GlyphLine& l, bool is_header) {
        const Span band = line_band(l.line);
        const double y = (band.from + band.to) / 2;
        const int r = is_header ? 0 : std::clamp(static_cast<int>(std::upper_bound(t.ys.begin(), t.ys.end(), y) - t.ys.begin()) - 1, first_body_row, t.rows - 1);
        if (!is_header && is_section(&l)) across[static_cast<size_t>(r)] = true;
        for (const Glyph& g : l.glyphs) cell_glyphs[static_cast<size_t>(r * cols + column_of(bounds, g.centre_x()))].push_back(g);
    };
    if (header) place(*header, true);
    for (const GlyphLine* l : body) place(*l, false);
    std::vector<Span> frames(static_cast<size_t>(cols), {1e9, -1e9});
    for (int r = 0; r < t.rows; ++r) {
        if (across[static_cast<size_t>(r)]) {
            std::vector<Glyph> all;
            for (int c = 0; c < cols; ++c) {
                auto& g = cell_glyphs[static_cast<size_t>(r * cols + c)];
                all.insert(all.end(), g.begin(), g.end());
            }
            CellBlock cell;
            cell.grid = {r, 0, 1, cols, {bounds.front(), t.ys[static_cast<size_t>(r)], bounds.back(), t.ys[static_cast<size_t>(r) + 1]}};
            cell.lines = build_lines(std::move(all), fonts);
            t.cells.push_back(std::move(cell));
            continue;
        }
        for (int c = 0; c < cols; ++c) {
            CellBlock cell;
            cell.grid = {r, c, 1, 1, {bounds[static_cast<size_t>(c)], t.ys[static_cast<size_t>(r)], bounds[static_cast<size_t>(c) + 1], t.ys[static_cast<size_t>(r) + 1]}};
            cell.lines = build_lines(std::move(cell_glyphs[static_cast<size_t>(r * cols + c)]), fonts);
            if (r >= first_body_row)
                for (const TextLine& l : cell.lines) {
                    frames[static_cast<size_t>(c)].from = std::min(frames[static_cast<size_t>(c)].from, l.x0);
                    frames[static_cast<size_t>(c)].to = std::max(frames[static_cast<size_t>(c)].to, l.x1);
                }
            t.cells.push_back(std::move(cell));
        }
    }
    // Without borders, a column's text extent is its frame: its longest lines fill it.
    for (CellBlock& cell : t.cells)
        for (TextLine& l : cell.lines) {
            if (cell.grid.col_span > 1) continue;  // a section row: one line or two, no paragraphs
            const Span& f = frames[static_cast<size_t>(cell.grid.col)];
            l.frame_x0 = f.from <= f.to ? f.from : l.x0;
            l.frame_x1 = f.from <= f.to ? f.to : l.x1;
        }
    return t;
}

// No glyph of the line lies across a column bound or beyond the table's sides by more than
// `slack`: the line could be part of a row of the table.
bool keeps_to_columns(const GlyphLine& line, const std::vector<double>& bounds, double slack) {
    for (const Glyph& g : line.glyphs) {
        if (is_space(g.code)) continue;
        if (g.x0 < bounds.front() - slack || g.x1 > bounds.back() + slack) return false;
        for (size_t b = 1; b + 1 < bounds.size(); ++b)
            if (g.x0 < bounds[b] - slack && g.x1 > bounds[b] + slack) return false;
    }
    return true;
}

std::vector<GlyphLine> glyph_lines(std::vector<Glyph> glyphs, const std::vector<FontInfo>& fonts) {
    std::vector<GlyphLine> lines;
    for (auto& group : group_into_lines(std::move(glyphs))) {
        TextLine line = line_from_glyphs(group, fonts);
        lines.push_back({std::move(group), std::move(line)});
    }
    return lines;
}

bool is_page_number_line(const TextLine& l, double page_height, const BorderlessTolerances& tol) {
    // A bare number may be a 序号 on a line of its own; only in the margins is it a page number.
    if (!is_page_number(l.text)) return false;
    if (!is_number(l.text)) return true;
    return l.top < tol.margin_share * page_height || l.bottom > (1 - tol.margin_share) * page_height;
}

}  // namespace

BorderlessResult continue_borderless_table(std::vector<Glyph> glyphs, const std::vector<FontInfo>& fonts,
                                           const BorderlessColumns& columns, double page_height,
                                           const std::function<bool(const TextLine&)>& skip, const BorderlessTolerances& tol) {
    BorderlessResult out;
    std::vector<GlyphLine> lines = glyph_lines(std::move(glyphs), fonts);
    std::vector<bool> used(lines.size(), false);
    size_t i = 0;
    while (i < lines.size() && (is_page_number_line(lines[i].line, page_height, tol) || skip(lines[i].line))) ++i;
    std::vector<const GlyphLine*> body, sections;
    for (; i < lines.size(); ++i) {
        if (is_page_number_line(lines[i].line, page_height, tol)) continue;
        const TextLine& l = lines[i].line;
        if (l.size >= tol.heading_size * columns.size) break;
        if (columns.seq == 0 && columns.xs.size() > 2 &&
            is_section_line(lines[i], columns.xs[1], l.x1 > columns.xs[columns.xs.size() - 2], tol)) {
            sections.push_back(&lines[i]);
        } else if (!keeps_to_columns(lines[i], columns.xs, tol.column_slack * l.size)) {
            break;
        }
        body.push_back(&lines[i]);
        used[i] = true;
    }
    if (!body.empty()) out.tables.push_back(build_table(nullptr, body, sections, columns.xs, columns.seq, fonts, tol));
    for (size_t k = 0; k < lines.size(); ++k)
        if (!used[k]) out.rest.insert(out.rest.end(), lines[k].glyphs.begin(), lines[k].glyphs.end());
    return out;
}

BorderlessResult find_borderless_tables(std::vector<Glyph> glyphs, const std::vector<FontInfo>& fonts,
                                        double page_height, const BorderlessTolerances& tol) {
    auto page_number = [&](const TextLine& l) { return is_page_number_line(l, page_height, tol); };
    BorderlessResult out;
    std::vector<GlyphLine> lines = glyph_lines(std::move(glyphs), fonts);
    std::vector<size_t> headers;
    for (size_t i = 0; i < lines.size(); ++i)
        if (is_header_line(lines[i].line)) headers.push_back(i);
    std::vector<bool> used(lines.size(), false);
    for (size_t h = 0; h < headers.size(); ++h) {
        const size_t first = headers[h] + 1;
        size_t end = h + 1 < headers.size() ? headers[h + 1] : lines.size();
        // Lines set larger than the table's text right above the next header are its heading.
        std::vector<double> sizes;
        for (size_t i = first; i < end; ++i) sizes.push_back(lines[i].line.size);
        std::sort(sizes.begin(), sizes.end());
        const double body_size = sizes.empty() ? lines[headers[h]].line.size : sizes[sizes.size() / 2];
        while (end > first && (lines[end - 1].line.size >= tol.heading_size * body_size || page_number(lines[end - 1].line)))
            --end;
        GlyphLine header = lines[headers[h]];
        used[headers[h]] = true;
        size_t start = first;
        while (start < end && continues_header(lines[start - 1], lines[start], tol)) {
            header.glyphs.insert(header.glyphs.end(), lines[start].glyphs.begin(), lines[start].glyphs.end());
            header.line.bottom = lines[start].line.bottom;
            header.line.baseline = lines[start].line.baseline;
            used[start++] = true;
        }
        Gutters gutters(header, tol);
        std::vector<const GlyphLine*> body, sections;
        for (size_t i = start; i < end; ++i) {
            if (page_number(lines[i].line)) continue;
            if (gutters.is_section(lines[i], tol)) {
                sections.push_back(&lines[i]);
            } else if (!gutters.add(lines[i], tol.min_gutter)) {
                break;
            }
            body.push_back(&lines[i]);
            used[i] = true;
        }
        double left = header.line.x0, right = header.line.x1;
        for (const GlyphLine* l : body) {
            left = std::min(left, l->line.x0);
            right = std::max(right, l->line.x1);
        }
        const std::vector<double> bounds = gutters.bounds(left - 1, right + 1, tol.min_gutter);
        out.tables.push_back(build_table(&header, body, sections, bounds, seq_column(header, bounds, fonts), fonts, tol));
    }
    for (size_t i = 0; i < lines.size(); ++i)
        if (!used[i]) out.rest.insert(out.rest.end(), lines[i].glyphs.begin(), lines[i].glyphs.end());
    return out;
}

}  // namespace dutylist::pdf
