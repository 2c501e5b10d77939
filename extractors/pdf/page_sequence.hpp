// Pages in reading order → the list builder, in stages: tables ruled only between rows read
// as the document's other pages read them (row_rule_runs), a borderless table continued from
// the page before (borderless_continuation), the page furniture left out (page_furniture: a page is
// finished once the next is known), then the page's tables and text (page_tables).
#pragma once

#include <functional>
#include <string>

#include "extractors/pdf/borderless_continuation.hpp"
#include "extractors/pdf/page_furniture.hpp"
#include "extractors/pdf/page_layout.hpp"
#include "extractors/pdf/page_tables.hpp"
#include "extractors/pdf/row_rule_runs.hpp"
#include "model/list_builder.hpp"

namespace dutylist::pdf {

class PageSequence {
public:
    // `warn` hears what the layout of each page could not decide (PageLayout::doubts).
    explicit PageSequence(ListBuilder& builder, std::function<void(const std::string&)> warn = {})
        : tables_(builder), warn_(std::move(warn)) {}

    void add(PageLayout page) {
        rules_.add(std::move(page), [&](PageLayout decided) { go_on(std::move(decided)); });
    }

    // Hands the last page on; the builder then has the whole document.
    void finish() {
        rules_.finish([&](PageLayout decided) { go_on(std::move(decided)); });
        if (auto last = furniture_.finish()) tables_.add_page(*last);
        tables_.finish();
    }

private:
    void go_on(PageLayout page) {
        page = continuation_.apply(std::move(page), [&](const TextLine& l) { return furniture_.repeats_previous(l); });
        if (warn_)
            for (const std::string& doubt : page.doubts) warn_(doubt);
        if (auto done = furniture_.add(std::move(page))) tables_.add_page(*done);
    }

    RowRuleRuns rules_;
    BorderlessContinuation continuation_;
    PageFurniture furniture_;
    PageTables tables_;
    std::function<void(const std::string&)> warn_;
};

}  // namespace dutylist::pdf
