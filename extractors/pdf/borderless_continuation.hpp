// A stage between laying out pages and reading their tables: a borderless table that ran to the
// foot of a page may go on at the top of the next without repeating its header row. Such a
// page's text is read again in the columns of the table before (continue_borderless_table) and
// the rows found there become a table at the top of the page.
#pragma once

#include <functional>
#include <optional>

#include "extractors/pdf/borderless_table.hpp"
#include "extractors/pdf/page_layout.hpp"

namespace dutylist::pdf {

struct ContinuationTolerances {
    // Lines in this share of the page at its foot are its margin (page number, footer): a table
    // with nothing but them under it ran to the foot.
    double footer_share = 0.1;
};

class BorderlessContinuation {
public:
    explicit BorderlessContinuation(ContinuationTolerances tol = {}) : tol_(tol) {}

    // The page with the rest of the open table at its top, when its first lines keep to that
    // table's columns; `skip` tells a running header, which is no row. Then notes whether the
    // page's own last table is left open at its foot.
    PageLayout apply(PageLayout page, const std::function<bool(const TextLine&)>& skip);

private:
    std::optional<PageLayout> continued(const PageLayout& page, const std::function<bool(const TextLine&)>& skip) const;
    void note_open(const PageLayout& page, bool last_is_continued);

    ContinuationTolerances tol_;
    std::optional<BorderlessColumns> open_;
};

}  // namespace dutylist::pdf
