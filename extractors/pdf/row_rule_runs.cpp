#include "extractors/pdf/row_rule_runs.hpp"

namespace dutylist::pdf {
namespace {

// Pages with few rules waiting at most: a longer run of them is no row-ruled list's short
// page (a three-line table's pages), and holding them would hold the document.
constexpr size_t max_held = 8;

// The group a page's first table continues from the page before: its topmost.
const RowRuledGroup* first_group(const PageLayout& page) {
    return page.row_ruled.empty() ? nullptr : &page.row_ruled.front();
}

// The group is of the same list as the run: as wide, and any header row it has says the same.
bool same_list(const RowRuledGroup& g, double from, double to, const std::u32string& header) {
    return same_extent(g.from, g.to, from, to) && (g.header.empty() || header.empty() || g.header == header);
}

// The page in the hint's columns, where they are not the ones it was cut in already.
PageLayout with_columns(PageLayout page, const RowRuleHint& hint) {
    const RowRuledGroup& g = page.row_ruled.front();
    const size_t shared = common_strips(g.strips, hint.strips).size();
    if (!page.content || (g.read && shared == g.strips.size() && shared == hint.strips.size())) return page;
    return layout_page(*page.content, &hint);
}

}  // namespace

void RowRuleRuns::release(const RowRuledGroup* next, const Emit& emit) {
    for (PageLayout& page : held_) {
        if (next && same_list(page.row_ruled.front(), next->from, next->to, next->header))
            page = with_columns(std::move(page), {next->from, next->to, next->strips});
        page.content.reset();
        emit(std::move(page));
    }
    held_.clear();
}

void RowRuleRuns::add(PageLayout page, const Emit& emit) {
    if (!first_group(page)) {
        release(nullptr, emit);
        run_.reset();
        emit(std::move(page));
        return;
    }
    const RowRuledGroup& own = *first_group(page);
    if (run_ && same_list(own, run_->columns.from, run_->columns.to, run_->header)) {
        page = with_columns(std::move(page), run_->columns);
    } else if (own.read && !held_.empty()) {
        // A row-ruled page after pages with few rules: they show which of its strips are
        // gutters (they are read row-ruled only once it is: a three-line table's pages never).
        const RowRuledGroup& before = held_.back().row_ruled.front();
        if (same_list(own, before.from, before.to, before.header) && !before.strips.empty())
            page = with_columns(std::move(page), {before.from, before.to, before.strips});
    }
    const RowRuledGroup& g = *first_group(page);
    if (!g.read) {
        if (run_ || held_.size() >= max_held) release(nullptr, emit);
        run_.reset();
        held_.push_back(std::move(page));
        return;
    }
    release(&g, emit);
    const std::u32string header = g.header.empty() && run_ ? run_->header : g.header;
    run_ = Run{{g.from, g.to, g.strips}, header};
    // The page's last group is another list's, or another list starts inside its one group.
    if (page.row_ruled.size() > 1 || g.second_header) run_.reset();
    page.content.reset();
    emit(std::move(page));
}

void RowRuleRuns::finish(const Emit& emit) {
    release(nullptr, emit);
    run_.reset();
}

}  // namespace dutylist::pdf
