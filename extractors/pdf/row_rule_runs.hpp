// A stage between laying out pages and reading them on: tables ruled only between their rows
// decided by the document, not the page. A page lays out alone, and cannot tell a short page of
// a row-ruled list (two or three rules: the last page, one tall row) from a three-line table,
// nor a gutter from a column its few rows leave empty. Consecutive pages whose rules have one
// extent and whose header rows (where they have them) say the same are one list: a page with
// few rules next to a row-ruled page of it is read row-ruled too, and each page is cut in the
// gutters it shares with the pages before it (or, for held pages, after it). Three-line
// tables stay as they are: no page of theirs is row-ruled, so nothing overrules their pages.
#pragma once

#include <deque>
#include <functional>
#include <optional>
#include <string>

#include "extractors/pdf/page_layout.hpp"

namespace dutylist::pdf {

class RowRuleRuns {
public:
    using Emit = std::function<void(PageLayout)>;

    // Hands `page` on, re-laid out in the document's columns where they differ from its own;
    // a page with few rules and no row-ruled page before it waits for the next.
    void add(PageLayout page, const Emit& emit);
    // Hands on the pages still waiting.
    void finish(const Emit& emit);

private:
    struct Run {
        RowRuleHint columns;
        std::u32string header;
    };
    void release(const RowRuledGroup* next, const Emit& emit);

    std::optional<Run> run_;         // the row-ruled list the page before ended in
    std::deque<PageLayout> held_;    // pages with few rules waiting for the next page
};

}  // namespace dutylist::pdf
