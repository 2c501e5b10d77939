// The text budget: what a document may expand to beyond its own bytes, spent where text is
// copied (here by fill_merges) and refused with one clear reason beyond it.
#include <doctest/doctest.h>

#include "model/error.hpp"
#include "model/table_rows.hpp"
#include "model/text_budget.hpp"

using namespace dutylist;

TEST_CASE("a budget is spent up to its limit and refuses the byte beyond it") {
    TextBudget budget(10);
    budget.spend(4);
    budget.spend(Paragraphs{"ab", "cd"});  // 2 + 1 and 2 + 1: each paragraph with its break
    CHECK_THROWS_WITH_AS(budget.spend(1), doctest::Contains("text expands to more than"), Error);
    CHECK(max_document_text_bytes == size_t{128} << 20);
}

TEST_CASE("fill_merges spends every copy of a merged cell and stops at the limit") {
    std::vector<TableRow> rows(1);
    rows[0].cells.push_back({0, 1, {std::string(100, 'x')}, false, false});
    for (int r = 0; r < 50; ++r) {
        TableRow row;
        row.cells.push_back({0, 1, {}, true, false});
        rows.push_back(row);
    }
    TextBudget enough(50 * 101);
    const std::vector<TableRow> filled = fill_merges(rows, enough);
    CHECK(filled.back().cells[0].text == Paragraphs{std::string(100, 'x')});
    TextBudget short_by_one(50 * 101 - 1);
    CHECK_THROWS_AS(fill_merges(rows, short_by_one), Error);
}
