// Rulings → tables and cells, on synthetic segments.
#include <doctest/doctest.h>

#include <vector>

#include "extractors/pdf/ruling_grid.hpp"

using namespace dutylist::pdf;

namespace {

Segment h(double x0, double x1, double y) { return {x0, y, x1, y}; }
Segment v(double x, double y0, double y1) { return {x, y0, x, y1}; }

// A full grid: vertical rulings at xs, horizontal ones at ys.
std::vector<Segment> grid(const std::vector<double>& xs, const std::vector<double>& ys) {
    std::vector<Segment> s;
    for (double y : ys) s.push_back(h(xs.front(), xs.back(), y));
    for (double x : xs) s.push_back(v(x, ys.front(), ys.back()));
    return s;
}

const GridCell* cell_at(const RuledTable& t, int row, int col) {
    for (const auto& c : t.cells)
        if (c.row == row && c.col == col) return &c;
    return nullptr;
}

}  // namespace

TEST_CASE("a full grid gives one cell per grid position") {
    const auto tables = find_tables(grid({10, 60, 200}, {10, 30, 50, 90}));
    REQUIRE(tables.size() == 1);
    const RuledTable& t = tables[0];
    CHECK(t.cols() == 2);
    CHECK(t.rows() == 3);
    CHECK(t.cells.size() == 6);
    const GridCell* c = cell_at(t, 2, 1);
    REQUIRE(c);
    CHECK(c->box.x0 == doctest::Approx(60));
    CHECK(c->box.y1 == doctest::Approx(90));
    CHECK(c->row_span == 1);
    CHECK(c->col_span == 1);
}

TEST_CASE("pieces of one ruling are joined and nearly collinear rulings snapped") {
    // Each cell edge drawn on its own, a fraction of a point off, as producers do.
    std::vector<Segment> s = {h(10, 60, 10), h(60.5, 200, 10.4), h(10, 60, 40.3), h(60, 200, 40),
                              h(10, 200, 70),  v(10, 10, 40),      v(10.2, 40, 70),  v(60, 10, 70),
                              v(199.6, 10, 40), v(200, 40, 70)};
    const auto joined = join_rulings(s);
    int horizontals = 0;
    for (const auto& seg : joined) horizontals += seg.horizontal();
    CHECK(horizontals == 3);
    CHECK(joined.size() == 6);
    const auto tables = find_tables(s);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].cells.size() == 4);
}

TEST_CASE("a missing inner ruling merges the cells it would have separated") {
    std::vector<Segment> s = {h(10, 200, 10), h(10, 200, 30), h(100, 200, 50), h(10, 200, 70),  // no 10-100 at y 50
                              v(10, 10, 70),  v(200, 10, 70), v(100, 10, 70),  v(150, 10, 30)};  // 150 only in row 0
    const auto tables = find_tables(s);
    REQUIRE(tables.size() == 1);
    const RuledTable& t = tables[0];
    CHECK(t.cols() == 3);
    CHECK(t.rows() == 3);
    // Row 0: three cells. Rows 1-2: the first two columns merged, 10-100 merged across y 50.
    const GridCell* left = cell_at(t, 1, 0);
    REQUIRE(left);
    CHECK(left->row_span == 2);
    CHECK(left->col_span == 1);
    const GridCell* right = cell_at(t, 1, 1);
    REQUIRE(right);
    CHECK(right->col_span == 2);
    CHECK(right->row_span == 1);
    CHECK(cell_at(t, 0, 2));
    CHECK_FALSE(cell_at(t, 2, 0));  // covered by the merged cell above
    CHECK(t.cells.size() == 3 + 1 + 2);
}

TEST_CASE("glyph strokes and lone crosses are not tables") {
    // 三 drawn as outlines: three short bars; 十: one bar of each direction.
    std::vector<Segment> s = {h(100, 110, 100), h(101, 109, 105), h(99, 111, 110), h(200, 212, 100), v(206, 94, 106)};
    CHECK(find_tables(s).empty());
}

TEST_CASE("two tables on a page come top to bottom, each with its own grid") {
    auto lower = grid({20, 100, 300}, {400, 420, 440});
    auto upper = grid({10, 50, 90, 300}, {50, 70, 100});
    std::vector<Segment> s = lower;
    s.insert(s.end(), upper.begin(), upper.end());
    const auto tables = find_tables(s);
    REQUIRE(tables.size() == 2);
    CHECK(tables[0].cols() == 3);
    CHECK(tables[0].box().y0 == doctest::Approx(50));
    CHECK(tables[1].cols() == 2);
}

TEST_CASE("a row cut by a page break, with no bottom ruling, is closed by the verticals' ends") {
    std::vector<Segment> s = {h(10, 200, 10), h(10, 200, 30), v(10, 10, 80), v(60, 10, 80), v(200, 10, 80)};
    const auto tables = find_tables(s);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].rows() == 2);
    CHECK(tables[0].ys.back() == doctest::Approx(80));
}

TEST_CASE("a row a page break cuts above and below its one horizontal ruling is closed by the verticals' ends") {
    std::vector<Segment> s = {h(10, 200, 40), v(10, 10, 300), v(60, 10, 300), v(200, 10, 300)};
    const auto tables = find_tables(s);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].rows() == 2);
    CHECK(tables[0].cols() == 2);
    CHECK(tables[0].ys.front() == doctest::Approx(10));
    CHECK(tables[0].ys.back() == doctest::Approx(300));
}

TEST_CASE("a cell longer than the page: verticals of one height alone make one row; stray bars do not") {
    const auto tables = find_tables({v(10, 10, 300), v(60, 10, 300.5), v(120, 10.5, 300), v(200, 10, 300)});
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].rows() == 1);
    CHECK(tables[0].cols() == 3);
    CHECK(tables[0].cells.size() == 3);
    CHECK(find_tables({v(10, 10, 300), v(60, 10, 300)}).empty());                     // two bars
    CHECK(find_tables({v(10, 10, 300), v(60, 10, 200), v(120, 40, 300)}).empty());    // not one height
    CHECK(find_tables({v(10, 10, 30), v(20, 10, 30), v(30, 10, 30), v(40, 10, 30)}).empty());  // strokes
}

TEST_CASE("a table without outer verticals keeps its outer columns") {
    std::vector<Segment> s = {h(10, 200, 10), h(10, 200, 30), h(10, 200, 50), v(60, 10, 50), v(120, 10, 50)};
    const auto tables = find_tables(s);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].cols() == 3);
    CHECK(tables[0].xs.front() == doctest::Approx(10));
    CHECK(tables[0].xs.back() == doctest::Approx(200));
}

TEST_CASE("double borders a point apart are one boundary") {
    auto s = grid({10, 60, 200}, {10, 30, 50});
    s.push_back(h(10, 200, 31.2));
    const auto tables = find_tables(s);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].rows() == 2);
}
