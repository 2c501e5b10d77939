#include "extractors/pdf/borderless_table.hpp"

#include <algorithm>

#include "extractors/pdf/borderless_alignment.hpp"
#include "extractors/pdf/borderless_merged.hpp"
#include "extractors/pdf/borderless_steps.hpp"
#include "extractors/pdf/page_numbers.hpp"
#include "model/printed_lines.hpp"
#include "model/text.hpp"

namespace dutylist::pdf {
namespace {

// The table of `body` in the columns `bounds`, under `header` (row 0), or without a header row
// when it is null (a table running on from the page before; `body` then holds a line).
TableBlock build_table(const GlyphLine* header, const std::vector<const GlyphLine*>& body,
                       const std::vector<const GlyphLine*>& sections, const std::vector<double>& bounds, int seq,
                       const std::vector<int>& categories,
                       const std::vector<FontInfo>& fonts, const BorderlessTolerances& tol,
                       std::vector<std::string>& doubts) {
    auto is_section = [&](const GlyphLine& l) { return std::find(sections.begin(), sections.end(), &l) != sections.end(); };
    std::vector<const GlyphLine*> tails = wrapped_number_tails(body, bounds, seq, tol);
    auto starts = [&](const GlyphLine& l) {
        return starts_row(l, bounds, seq, is_section(l)) && std::find(tails.begin(), tails.end(), &l) == tails.end();
    };
    TableBlock t;
    t.ruled = false;
    const size_t row_starts = static_cast<size_t>(std::count_if(body.begin(), body.end(), [&](const GlyphLine* l) { return starts(*l); }));
    // Merged labels sit level with rows they do not start: the rows are cut without them.
    const std::vector<int> merged = sections.empty() ? merged_label_columns(body, row_starts, bounds, categories) : std::vector<int>{};
    const std::vector<GlyphLine> rest = without_columns(body, bounds, merged, fonts);
    std::vector<const GlyphLine*> cut_body;
    for (const GlyphLine& l : rest) cut_body.push_back(&l);
    const std::vector<const GlyphLine*>& lines = merged.empty() ? body : cut_body;
    if (!merged.empty()) tails = wrapped_number_tails(lines, bounds, seq, tol);
    AlignedCuts cuts = aligned_row_cuts(
        lines, starts, bounds, without_short_leading_cut(row_cuts(lines, starts, tol), tol.top_aligned_share));
    doubts.insert(doubts.end(), cuts.doubts.begin(), cuts.doubts.end());
    t.ys = row_bounds(header, body, cuts.cuts, tol);
    t.rows = static_cast<int>(t.ys.size()) - 1;
    t.cols = static_cast<int>(bounds.size()) - 1;
    t.xs = bounds;
    t.box = {bounds.front(), t.ys.front(), bounds.back(), t.ys.back()};
    PlacedGlyphs placed = place_glyphs(header, lines, is_section, bounds, t.ys);
    const std::vector<bool> across = placed.across;
    t.cells = make_cells(std::move(placed), bounds, t.ys, fonts);
    for (int column : merged)
        if (auto doubt = merge_labels(t.cells, body, rest, column, seq, bounds, t.ys, header ? 1 : 0, fonts)) doubts.push_back(std::move(*doubt));
    frame_by_columns(t.cells, across, t.cols, header ? 1 : 0);
    return t;
}

}  // namespace

std::vector<GlyphLine> glyph_lines(std::vector<Glyph> glyphs, const std::vector<FontInfo>& fonts) {
    std::vector<GlyphLine> lines;
    for (auto& group : group_into_lines(std::move(glyphs))) {
        TextLine line = line_from_glyphs(group, fonts);
        lines.push_back({std::move(group), std::move(line)});
    }
    return lines;
}

BorderlessResult continue_borderless_table(std::vector<Glyph> glyphs, const std::vector<FontInfo>& fonts,
                                           const BorderlessColumns& columns, double page_height,
                                           const std::function<bool(const TextLine&)>& skip, const BorderlessTolerances& tol) {
    auto page_number = [&](const TextLine& l) { return is_page_number_line(l, page_height, tol.margin_share); };
    BorderlessResult out;
    std::vector<GlyphLine> lines = glyph_lines(std::move(glyphs), fonts);
    std::vector<bool> used(lines.size(), false);
    size_t i = 0;
    while (i < lines.size() && (page_number(lines[i].line) || skip(lines[i].line))) ++i;
    std::vector<const GlyphLine*> body, sections;
    for (; i < lines.size(); ++i) {
        if (page_number(lines[i].line)) continue;
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
    if (!body.empty()) out.tables.push_back(build_table(nullptr, body, sections, columns.xs, columns.seq, columns.merged, fonts, tol, out.doubts));
    for (size_t k = 0; k < lines.size(); ++k)
        if (!used[k]) out.rest.insert(out.rest.end(), lines[k].glyphs.begin(), lines[k].glyphs.end());
    return out;
}

BorderlessResult find_borderless_tables(std::vector<Glyph> glyphs, const std::vector<FontInfo>& fonts,
                                        double page_height, const BorderlessTolerances& tol) {
    auto page_number = [&](const TextLine& l) { return is_page_number_line(l, page_height, tol.margin_share); };
    BorderlessResult out;
    std::vector<GlyphLine> lines = glyph_lines(std::move(glyphs), fonts);
    std::vector<size_t> headers;
    std::vector<bool> wrapped(lines.size(), false);  // a header row opened by a wrapped label (序/号, 事项类/别)
    for (size_t i = 0; i < lines.size(); ++i) {
        wrapped[i] = !is_header_line(lines[i].line) && i + 1 < lines.size() &&
                     opens_wrapped_header(lines[i], lines[i + 1], i + 2 < lines.size() ? &lines[i + 2] : nullptr, tol);
        const bool opens = wrapped[i] || is_header_line(lines[i].line);
        if (opens && !wrapped[i] && i > 0 && (headers.empty() || headers.back() + 1 < i) &&
            rises_over_header(lines[i - 1], lines[i], i + 1 < lines.size() ? &lines[i + 1] : nullptr, tol)) {
            wrapped[i - 1] = true;
            headers.push_back(i - 1);
        } else if (opens) {
            headers.push_back(i);
        }
    }
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
        auto continues = [&](size_t i) {
            return wrapped[headers[h]] ? continues_wrapped_header(header, lines[i], tol) : continues_header(lines[i - 1], lines[i], tol);
        };
        while (start < end && continues(start)) {
            header.glyphs.insert(header.glyphs.end(), lines[start].glyphs.begin(), lines[start].glyphs.end());
            header.line.bottom = lines[start].line.bottom;
            header.line.baseline = lines[start].line.baseline;
            used[start++] = true;
        }
        Gutters gutters(header, tol);
        const double first_label_end = chunks(header, tol.label_gap * header.line.size).front().to;
        std::vector<const GlyphLine*> body, sections;
        for (size_t i = start; i < end; ++i) {
            if (page_number(lines[i].line)) continue;
            // A note under the table (注：…) starts in its first column; short of the last
            // gutter, it would be taken for a row's text and close the others.
            if (lines[i].line.x0 < first_label_end && is_note(remove_whitespace(lines[i].line.text))) break;
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
        const std::vector<double> bounds = gutters.bounds(left - tol.table_margin, right + tol.table_margin, tol.min_gutter);
        out.tables.push_back(build_table(&header, body, sections, bounds, seq_column(header, bounds, fonts),
                                         category_columns(header, bounds), fonts, tol,
                                         out.doubts));
    }
    for (size_t i = 0; i < lines.size(); ++i)
        if (!used[i]) out.rest.insert(out.rest.end(), lines[i].glyphs.begin(), lines[i].glyphs.end());
    return out;
}

}  // namespace dutylist::pdf
