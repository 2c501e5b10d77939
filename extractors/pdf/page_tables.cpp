#include "extractors/pdf/page_tables.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/printed_lines.hpp"
#include "model/text_reading.hpp"
#include "model/text.hpp"

namespace dutylist::pdf {
namespace {

const CellBlock* cell_covering(const TableBlock& t, int row, int col) {
    for (const CellBlock& c : t.cells)
        if (row >= c.grid.row && row < c.grid.row + c.grid.row_span && col >= c.grid.col && col < c.grid.col + c.grid.col_span)
            return &c;
    return nullptr;
}

bool goes_on(const CellBlock& cell, const TableBlock* above, const ParagraphTolerances& tol) {
    if (!above || cell.lines.empty()) return false;
    const CellBlock* over = cell_covering(*above, above->rows - 1, cell.grid.col);
    return over && !over->lines.empty() && !ends_paragraph(over->lines.back(), cell.lines.front(), tol);
}

// The size most lines of the table's body are printed in, to the half point (header rows are
// few, so they do not decide it).
double usual_text_size(const TableBlock& t) {
    std::map<long, size_t> count;
    for (const CellBlock& c : t.cells)
        for (const TextLine& l : c.lines) ++count[std::lround(l.size * 2)];
    const auto most = std::max_element(count.begin(), count.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    return most == count.end() ? 0 : static_cast<double>(most->first) / 2;
}

// A page holding 目录 is a table of contents: all its lines are entries.
bool is_contents_page(const std::vector<TextLine>& lines) {
    for (const TextLine& l : lines)
        if (is_contents_heading(l.text)) return true;
    return false;
}

}  // namespace

Table neutral_table(const TableBlock& t, int page, const ParagraphTolerances& tol, const TableBlock* above) {
    Table out;
    out.width = t.cols;
    out.page = page;
    for (size_t c = 0; c + 1 < t.xs.size(); ++c) out.column_widths.push_back(t.xs[c + 1] - t.xs[c]);
    out.text_size = usual_text_size(t);
    out.name = fmt::format(fmt::runtime(_("the table on page {}")), page);
    out.rows.resize(static_cast<size_t>(t.rows));
    for (int r = 0; r < t.rows; ++r) {
        TableRow& row = out.rows[static_cast<size_t>(r)];
        row.source.pages = {page};
        row.source.boxes = {{page, t.box.x0, t.ys[static_cast<size_t>(r)], t.box.x1, t.ys[static_cast<size_t>(r) + 1]}};
    }
    for (const CellBlock& c : t.cells) {
        ReadCertainty read;
        for (const TextLine& l : c.lines) read.add(l.reading);
        for (int r = c.grid.row; r < c.grid.row + c.grid.row_span && r < t.rows; ++r)
            take_weaker(out.rows[static_cast<size_t>(r)].source, read.weakest, read.confidence());
        TableCell own{c.grid.col, c.grid.col_span, paragraphs_from_lines(c.lines, tol), false, goes_on(c, above, tol)};
        out.rows[static_cast<size_t>(c.grid.row)].cells.push_back(std::move(own));
        for (int r = c.grid.row + 1; r < c.grid.row + c.grid.row_span && r < t.rows; ++r)
            out.rows[static_cast<size_t>(r)].cells.push_back({c.grid.col, c.grid.col_span, {}, true, false});
    }
    for (TableRow& row : out.rows)
        std::sort(row.cells.begin(), row.cells.end(), [](const TableCell& a, const TableCell& b) { return a.col < b.col; });
    return out;
}

void PageTables::add_lines(const std::vector<TextLine>& lines, bool contents) {
    for (size_t i = 0; i < lines.size();) {
        size_t end = i + 1;
        while (end < lines.size() && lines[end].page == lines[end - 1].page &&
               lines[end].top - lines[end - 1].bottom < tol_.line_gap * lines[end].size &&
               std::abs(lines[end].size - lines[i].size) <= tol_.same_size)
            ++end;
        const std::vector<TextLine> block(lines.begin() + static_cast<long>(i), lines.begin() + static_cast<long>(end));
        double size = 0;
        for (const TextLine& l : block) size = std::max(size, l.size);
        Pending p;
        p.text = {join_lines(block), contents, lines[i].page, size};
        pending_.push_back(std::move(p));
        i = end;
    }
}

void PageTables::add_page(const PageLayout& page) {
    const bool contents = page.tables.empty() && is_contents_page(page.lines);
    size_t next = 0;
    for (size_t k = 0; k < page.tables.size(); ++k) {
        const TableBlock& t = page.tables[k];
        std::vector<TextLine> above;
        while (next < page.lines.size() && page.lines[next].bottom <= t.box.y0 + 1) above.push_back(page.lines[next++]);
        while (next < page.lines.size() && page.lines[next].top < t.box.y1) ++next;  // inside the table's box
        add_lines(above, false);
        if (t.cols != run_columns_) flush();
        run_columns_ = t.cols;
        Pending p;
        p.is_table = true;
        p.table = t;
        p.page = page.number;
        p.after_page_break = k == 0;
        pending_.push_back(std::move(p));
    }
    add_lines(std::vector<TextLine>(page.lines.begin() + static_cast<long>(next), page.lines.end()), contents);
}

void PageTables::flush() {
    std::vector<const std::vector<TextLine>*> cells;
    for (const Pending& p : pending_)
        if (p.is_table)
            for (const CellBlock& c : p.table.cells) cells.push_back(&c.lines);
    const ParagraphTolerances tol = paragraph_style(cells);
    const TableBlock* above = nullptr;
    for (const Pending& p : pending_) {
        if (!p.is_table) {
            builder_.text(p.text);
            continue;
        }
        Table t = neutral_table(p.table, p.page, tol, above);
        t.after_page_break = p.after_page_break;
        builder_.table(t);
        above = &p.table;
    }
    pending_.clear();
}

void PageTables::finish() { flush(); }

}  // namespace dutylist::pdf
