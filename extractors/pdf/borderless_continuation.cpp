#include "extractors/pdf/borderless_continuation.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/columns.hpp"

namespace dutylist::pdf {
namespace {

// The columns whose label in the table's first row has the column key `key`.
std::vector<int> label_columns(const TableBlock& t, const std::string& key) {
    std::vector<int> out;
    for (const CellBlock& c : t.cells)
        if (c.grid.row == 0 && column_key(join_lines(c.lines)) == key) out.push_back(c.grid.col);
    return out;
}

double median_size(const TableBlock& t) {
    std::vector<double> sizes;
    for (const CellBlock& c : t.cells)
        for (const TextLine& l : c.lines) sizes.push_back(l.size);
    if (sizes.empty()) return 0;
    std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2), sizes.end());
    return sizes[sizes.size() / 2];
}

}  // namespace

std::optional<PageLayout> BorderlessContinuation::continued(const PageLayout& page,
                                                            const std::function<bool(const TextLine&)>& skip) const {
    // Only the text above the page's first table can continue the table before it.
    const double first_top = page.tables.empty() ? page.height : page.tables.front().box.y0;
    std::vector<Glyph> above, below;
    for (const Glyph& g : page.loose) (g.centre_y() < first_top ? above : below).push_back(g);
    BorderlessResult found = continue_borderless_table(std::move(above), page.fonts, *open_, page.height, skip);
    if (found.tables.empty()) return std::nullopt;
    PageLayout out = page;
    for (CellBlock& c : found.tables.front().cells)
        for (TextLine& l : c.lines) l.page = page.number;
    out.tables.insert(out.tables.begin(), std::move(found.tables.front()));
    for (const std::string& d : found.doubts) out.doubts.push_back(fmt::format(fmt::runtime(_("page {}: {}")), page.number, d));
    found.rest.insert(found.rest.end(), below.begin(), below.end());
    out.lines = free_lines(std::move(found.rest), page.fonts, page.number, page.width);
    return out;
}

void BorderlessContinuation::note_open(const PageLayout& page, bool last_is_continued) {
    const std::optional<BorderlessColumns> before = open_;
    open_.reset();
    if (page.tables.empty() || page.tables.back().ruled) return;
    const TableBlock& t = page.tables.back();
    // Nothing but the page's margin under the table: it ran to the foot.
    for (const TextLine& l : page.lines)
        if (l.top >= t.box.y1 && l.top < (1 - tol_.footer_share) * page.height && !is_page_number(l.text)) return;
    const std::vector<int> seqs = label_columns(t, "seq");
    int seq = seqs.empty() ? -1 : seqs.front();
    if (seq < 0 && last_is_continued && before) seq = before->seq;
    if (seq < 0) return;  // no list's header over it: not the table of a list
    const double size = median_size(t);
    // A page without a header row names no column: its merged columns are the page's before.
    // A 事项类别 may be merged down the next page's rows though no label of this page was.
    std::vector<int> merged = last_is_continued && before ? before->merged : label_columns(t, "category");
    for (const CellBlock& c : t.cells)
        if (c.grid.row_span > 1 && std::find(merged.begin(), merged.end(), c.grid.col) == merged.end()) merged.push_back(c.grid.col);
    if (size > 0) open_ = BorderlessColumns{t.xs, seq, size, merged};
}

PageLayout BorderlessContinuation::apply(PageLayout page, const std::function<bool(const TextLine&)>& skip) {
    bool continued_here = false;
    if (open_ && !page.loose.empty())
        if (std::optional<PageLayout> with = continued(page, skip)) {
            page = std::move(*with);
            continued_here = true;
        }
    note_open(page, continued_here && page.tables.size() == 1);
    return page;
}

}  // namespace dutylist::pdf
