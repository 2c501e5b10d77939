// Tables ruled only between rows decided by the document (row_rule_runs.hpp), on pages of
// synthetic rules and glyphs laid out by the real layout.
#include <doctest/doctest.h>

#include <vector>

#include "extractors/pdf/page_layout.hpp"
#include "extractors/pdf/row_rule_runs.hpp"

using namespace dutylist::pdf;

namespace {

// A page whose rules stand at `rules` from x 50 to 450, with a row of three columns (a number
// at 60, text from 120 and from 300) under each of `rows` (its top).
PageContent page(int number, const std::vector<double>& rules, const std::vector<double>& rows) {
    PageContent p;
    p.number = number;
    p.width = 500;
    p.height = 800;
    for (double y : rules) p.segments.push_back({50, y, 450, y});
    for (double top : rows) {
        const double base = top + 14;
        p.glyphs.push_back({U'1', 60, 66, base, 10, 0});
        for (int i = 0; i < 14; ++i) p.glyphs.push_back({U'事', 120.0 + 10 * i, 130.0 + 10 * i, base, 10, 0});
        for (int i = 0; i < 10; ++i) p.glyphs.push_back({U'项', 300.0 + 10 * i, 310.0 + 10 * i, base, 10, 0});
    }
    return p;
}

std::vector<PageLayout> run(const std::vector<PageContent>& pages) {
    RowRuleRuns runs;
    std::vector<PageLayout> out;
    const RowRuleRuns::Emit emit = [&](PageLayout l) { out.push_back(std::move(l)); };
    for (const PageContent& p : pages) runs.add(layout_page(p), emit);
    runs.finish(emit);
    return out;
}

bool row_ruled(const PageLayout& l, int cols) {
    return l.tables.size() == 1 && l.tables[0].ruled && l.tables[0].cols == cols;
}

}  // namespace

TEST_CASE("the last page of a row-ruled list, with three rules, is read row-ruled") {
    const auto out = run({page(1, {100, 130, 160, 190, 220}, {100, 130, 160, 190}), page(2, {100, 130, 160}, {100, 130})});
    REQUIRE(out.size() == 2);
    CHECK(row_ruled(out[0], 3));
    CHECK(row_ruled(out[1], 3));
    CHECK(out[1].lines.empty());
}

TEST_CASE("a first page with one tall row waits for the row-ruled page after it") {
    const PageContent tall = page(1, {100, 300}, {100, 120, 140});
    CHECK(layout_page(tall).tables.empty());
    const auto out = run({tall, page(2, {100, 130, 160, 190, 220}, {100, 130, 160, 190})});
    REQUIRE(out.size() == 2);
    CHECK(out[0].number == 1);
    CHECK(row_ruled(out[0], 3));
    CHECK(row_ruled(out[1], 3));
}

TEST_CASE("a three-line table's pages stay as they are: the rule under the header separates no rows") {
    // Rules over the header, under it and under the last row; the body rows between them.
    const auto out = run({page(1, {100, 130, 220}, {100, 130, 160, 190}), page(2, {100, 130, 220}, {100, 130, 160, 190})});
    REQUIRE(out.size() == 2);
    for (const PageLayout& l : out) {
        REQUIRE(l.row_ruled.size() == 1);
        CHECK_FALSE(l.row_ruled[0].read);
    }
}
