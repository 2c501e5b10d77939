#include "extractors/pdf/page_layout.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "extractors/pdf/borderless_steps.hpp"
#include "extractors/pdf/borderless_table.hpp"
#include "extractors/pdf/row_rules.hpp"
#include "extractors/pdf/shared_glyphs.hpp"
#include "i18n/catalogue.hpp"

namespace dutylist::pdf {
namespace {

// A cell's padding is never more than this share of its width.
constexpr double max_padding_share = 0.3;

int locate(const std::vector<double>& bounds, double v) {
    auto it = std::upper_bound(bounds.begin(), bounds.end(), v);
    return static_cast<int>(it - bounds.begin()) - 1;
}

// The inner padding of a table's cells: the smallest gap between a cell's left edge and its
// text among the cells (left-aligned cells show it; centred ones show more).
double table_padding(const TableBlock& t) {
    std::vector<double> gaps;
    for (const CellBlock& c : t.cells) {
        if (c.lines.empty()) continue;
        double left = c.lines.front().x0;
        for (const TextLine& l : c.lines) left = std::min(left, l.x0);
        gaps.push_back(std::clamp(left - c.grid.box.x0, 0.0, max_padding_share * (c.grid.box.x1 - c.grid.box.x0)));
    }
    if (gaps.empty()) return 0;
    std::sort(gaps.begin(), gaps.end());
    return gaps[gaps.size() / 10];
}

// The table is one whose column rulings row_rules.hpp gave.
bool given_columns(const Box& table, const std::vector<Box>& given) {
    constexpr double same = 2.0;  // pt: the ruled grid snaps rulings, moving its sides a little
    return std::any_of(given.begin(), given.end(), [&](const Box& b) {
        return std::abs(b.x0 - table.x0) <= same && std::abs(b.x1 - table.x1) <= same &&
               std::abs(b.y0 - table.y0) <= same && std::abs(b.y1 - table.y1) <= same;
    });
}

// Rows with a cell across several columns (a section row): their lines frame nothing else.
std::vector<bool> spanning_rows(const TableBlock& t) {
    std::vector<bool> across(static_cast<size_t>(t.rows), false);
    for (const CellBlock& c : t.cells)
        if (c.grid.col_span > 1) across[static_cast<size_t>(c.grid.row)] = true;
    return across;
}

// The page's one ruled table is a header row boxed in rulings with the list's rows below it in
// no rulings at all (a spreadsheet that borders only its header): the whole table, header
// and rows, is read as borderless.
bool boxed_header_only(const std::vector<RuledTable>& tables, const std::vector<Glyph>& glyphs) {
    if (tables.size() != 1 || tables[0].rows() != 1) return false;
    const Box box = tables[0].box();
    constexpr size_t min_rows_text = 20;  // glyphs: a row or two of a list, not a footer
    const auto below = std::count_if(glyphs.begin(), glyphs.end(), [&](const Glyph& g) {
        return g.centre_y() > box.y1 && g.centre_x() > box.x0 && g.centre_x() < box.x1;
    });
    return holds_header_labels(glyphs, box) && static_cast<size_t>(below) >= min_rows_text;
}

}  // namespace

PageLayout layout_page(const PageContent& page, const RowRuleHint* hint) {
    PageLayout out;
    out.number = page.number;
    out.width = page.width;
    out.height = page.height;
    out.glyphs = static_cast<int>(page.glyphs.size());
    out.images = page.images;
    out.shapes = page.shapes;
    out.rotated_glyphs = page.rotated_glyphs;
    for (const FontInfo& f : page.fonts)
        if (!f.untrusted.empty()) out.untrusted.push_back(f.name.empty() ? fmt::format(fmt::runtime(_("an unnamed font: {}")), f.untrusted)
                                                   : fmt::format(fmt::runtime(_("font {}: {}")), f.name, f.untrusted));

    std::vector<Segment> segments = page.segments;
    const ColumnRulings columns = column_rulings(page.segments, page.glyphs, {}, hint);
    out.row_ruled = columns.groups;
    if (!out.row_ruled.empty()) out.content = std::make_shared<const PageContent>(page);
    segments.insert(segments.end(), columns.rulings.begin(), columns.rulings.end());
    std::vector<RuledTable> tables = find_tables(segments);
    if (boxed_header_only(tables, page.glyphs)) tables.clear();
    std::vector<std::vector<int>> cell_at(tables.size());
    std::vector<std::vector<std::vector<Glyph>>> cell_glyphs(tables.size());
    for (size_t t = 0; t < tables.size(); ++t) {
        cell_at[t].assign(static_cast<size_t>(tables[t].rows() * tables[t].cols()), 0);
        for (size_t i = 0; i < tables[t].cells.size(); ++i) {
            const GridCell& c = tables[t].cells[i];
            for (int r = c.row; r < c.row + c.row_span; ++r)
                for (int k = c.col; k < c.col + c.col_span; ++k)
                    cell_at[t][static_cast<size_t>(r * tables[t].cols() + k)] = static_cast<int>(i);
        }
        cell_glyphs[t].resize(tables[t].cells.size());
    }
    // Decided by the page's own ideographs: layout runs page by page, in parallel.
    std::vector<Glyph> glyphs = page.glyphs;
    fold_shared_glyphs(glyphs, page.fonts);
    std::vector<Glyph> free;
    for (const Glyph& g : glyphs) {
        const double x = g.centre_x(), y = g.centre_y();
        bool placed = false;
        for (size_t t = 0; t < tables.size() && !placed; ++t) {
            if (!tables[t].box().contains(x, y)) continue;
            const int r = locate(tables[t].ys, y), c = locate(tables[t].xs, x);
            cell_glyphs[t][static_cast<size_t>(cell_at[t][static_cast<size_t>(r * tables[t].cols() + c)])].push_back(g);
            placed = true;
        }
        if (!placed) free.push_back(g);
    }
    for (size_t t = 0; t < tables.size(); ++t) {
        TableBlock block;
        block.box = tables[t].box();
        block.rows = tables[t].rows();
        block.cols = tables[t].cols();
        block.xs = tables[t].xs;
        block.ys = tables[t].ys;
        for (size_t i = 0; i < tables[t].cells.size(); ++i)
            block.cells.push_back({tables[t].cells[i], build_lines(std::move(cell_glyphs[t][i]), page.fonts)});
        const double pad = table_padding(block);
        for (CellBlock& c : block.cells)
            for (TextLine& l : c.lines) {
                l.frame_x0 = c.grid.box.x0 + pad;
                l.frame_x1 = c.grid.box.x1 - pad;
                l.page = page.number;
            }
        if (given_columns(block.box, columns.tables)) frame_by_columns(block.cells, spanning_rows(block), block.cols, 1);
        out.tables.push_back(std::move(block));
    }
    if (tables.empty()) {
        BorderlessResult borderless = find_borderless_tables(std::move(free), page.fonts, page.height);
        for (TableBlock& t : borderless.tables) {
            for (CellBlock& c : t.cells)
                for (TextLine& l : c.lines) l.page = page.number;
            out.tables.push_back(std::move(t));
        }
        for (const std::string& d : borderless.doubts) out.doubts.push_back(fmt::format(fmt::runtime(_("page {}: {}")), page.number, d));
        free = std::move(borderless.rest);
        out.loose = free;
        out.fonts = page.fonts;
    }
    out.lines = free_lines(std::move(free), page.fonts, page.number, page.width);
    return out;
}

std::vector<TextLine> free_lines(std::vector<Glyph> glyphs, const std::vector<FontInfo>& fonts, int page, double width) {
    std::vector<TextLine> lines = build_lines(std::move(glyphs), fonts);
    for (TextLine& l : lines) {
        l.page = page;
        l.frame_x0 = 0;
        l.frame_x1 = width;
    }
    return lines;
}

}  // namespace dutylist::pdf
