#include "extractors/pdf/borderless_table.hpp"

#include <algorithm>

#include "extractors/pdf/page_layout.hpp"
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

// The row gap in (from, to): the empty strip right above the line with the next number. Rows
// are top-aligned, and the gap between rows need not be taller than between lines (a number set
// in another font may sit higher than the text beside it).
const Span* row_gap(const std::vector<Span>& runs, double from, double to) {
    const Span* best = nullptr;
    for (const Span& r : runs)
        if (r.from >= from && r.to <= to) best = &r;
    return best;
}

TableBlock build_table(const GlyphLine& header, const std::vector<const GlyphLine*>& body,
                       const std::vector<FontInfo>& fonts, const BorderlessTolerances& tol) {
    TableBlock t;
    t.ruled = false;
    std::vector<Span> xs;
    double left = header.line.x0, right = header.line.x1;
    auto add_x = [&](const GlyphLine& l) {
        for (const Glyph& g : l.glyphs)
            if (!is_space(g.code)) xs.push_back({g.x0, g.x1});
        left = std::min(left, l.line.x0);
        right = std::max(right, l.line.x1);
    };
    add_x(header);
    for (const GlyphLine* l : body) add_x(*l);
    std::vector<double> bounds{left - 1};
    for (const Span& gutter : empty_runs(xs, tol.min_gutter)) bounds.push_back((gutter.from + gutter.to) / 2);
    bounds.push_back(right + 1);
    // Every column has a label; a gutter inside a label's column (under a spaced-out label) is none.
    std::vector<std::string> labels(bounds.size() - 1);
    for (const Glyph& g : header.glyphs)
        if (!is_space(g.code)) append_utf8(labels[static_cast<size_t>(column_of(bounds, g.centre_x()))], g.code);
    for (size_t c = labels.size(); c-- > 0;)
        if (labels[c].empty() && labels.size() > 1) {
            bounds.erase(bounds.begin() + static_cast<long>(c == 0 ? 1 : c));
            labels.erase(labels.begin() + static_cast<long>(c));
        }
    const int cols = static_cast<int>(bounds.size()) - 1;
    int seq = 0;
    for (int c = 0; c < cols; ++c)
        if (labels[static_cast<size_t>(c)] == "序号" || labels[static_cast<size_t>(c)] == "编号") seq = c;

    // Rows: each number in the 序号 column starts one, at the row gap above it.
    std::vector<Span> ys;
    for (const GlyphLine* l : body) ys.push_back({l->line.top, l->line.bottom});
    const std::vector<Span> gaps = empty_runs(ys, 0.1);
    std::vector<double> cuts;
    double previous = body.empty() ? header.line.bottom : body.front()->line.top;
    for (const GlyphLine* l : body) {
        std::string number;
        for (const Glyph& g : l->glyphs)
            if (column_of(bounds, g.centre_x()) == seq) append_utf8(number, g.code);
        if (!is_number(number)) continue;
        if (l->line.top > previous + 0.1) {
            const Span* gap = row_gap(gaps, previous, l->line.top + 0.1);
            cuts.push_back(gap ? (gap->from + gap->to) / 2 : l->line.top - 0.1);
        }
        previous = l->line.bottom;
    }
    const double top = header.line.top - 1;
    const double body_top = header.line.bottom + 0.5;
    const double bottom = body.empty() ? body_top + 1 : body.back()->line.bottom + 1;
    t.ys = {top, body_top};
    for (double c : cuts)
        if (c > t.ys.back()) t.ys.push_back(c);
    t.ys.push_back(bottom);
    t.rows = static_cast<int>(t.ys.size()) - 1;
    t.cols = cols;
    t.box = {bounds.front(), top, bounds.back(), bottom};

    std::vector<std::vector<Glyph>> cell_glyphs(static_cast<size_t>(t.rows * cols));
    auto place = [&](const GlyphLine& l) {
        const double y = (l.line.top + l.line.bottom) / 2;
        const int r = static_cast<int>(std::upper_bound(t.ys.begin(), t.ys.end(), y) - t.ys.begin()) - 1;
        for (const Glyph& g : l.glyphs)
            cell_glyphs[static_cast<size_t>(std::clamp(r, 0, t.rows - 1) * cols + column_of(bounds, g.centre_x()))].push_back(g);
    };
    place(header);
    for (const GlyphLine* l : body) place(*l);
    std::vector<Span> frames(static_cast<size_t>(cols), {1e9, -1e9});
    for (int r = 0; r < t.rows; ++r)
        for (int c = 0; c < cols; ++c) {
            CellBlock cell;
            cell.grid = {r, c, 1, 1, {bounds[static_cast<size_t>(c)], t.ys[static_cast<size_t>(r)], bounds[static_cast<size_t>(c) + 1], t.ys[static_cast<size_t>(r) + 1]}};
            cell.lines = build_lines(std::move(cell_glyphs[static_cast<size_t>(r * cols + c)]), fonts);
            if (r > 0)
                for (const TextLine& l : cell.lines) {
                    frames[static_cast<size_t>(c)].from = std::min(frames[static_cast<size_t>(c)].from, l.x0);
                    frames[static_cast<size_t>(c)].to = std::max(frames[static_cast<size_t>(c)].to, l.x1);
                }
            t.cells.push_back(std::move(cell));
        }
    // Without borders, a column's text extent is its frame: its longest lines fill it.
    for (CellBlock& cell : t.cells)
        for (TextLine& l : cell.lines) {
            const Span& f = frames[static_cast<size_t>(cell.grid.col)];
            l.frame_x0 = f.from <= f.to ? f.from : l.x0;
            l.frame_x1 = f.from <= f.to ? f.to : l.x1;
        }
    return t;
}

}  // namespace

BorderlessResult find_borderless_tables(std::vector<Glyph> glyphs, const std::vector<FontInfo>& fonts,
                                        const BorderlessTolerances& tol) {
    BorderlessResult out;
    std::vector<GlyphLine> lines;
    for (auto& group : group_into_lines(std::move(glyphs))) {
        TextLine line = line_from_glyphs(group, fonts);
        lines.push_back({std::move(group), std::move(line)});
    }
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
        while (end > first && (lines[end - 1].line.size >= tol.heading_size * body_size || is_page_number(lines[end - 1].line.text)))
            --end;
        std::vector<const GlyphLine*> body;
        for (size_t i = first; i < end; ++i)
            if (!is_page_number(lines[i].line.text)) {
                body.push_back(&lines[i]);
                used[i] = true;
            }
        used[headers[h]] = true;
        out.tables.push_back(build_table(lines[headers[h]], body, fonts, tol));
    }
    for (size_t i = 0; i < lines.size(); ++i)
        if (!used[i]) out.rest.insert(out.rest.end(), lines[i].glyphs.begin(), lines[i].glyphs.end());
    return out;
}

}  // namespace dutylist::pdf
