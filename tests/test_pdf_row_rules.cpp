// Tables ruled only between rows: the columns from the gutters, on synthetic rules and glyphs.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extractors/pdf/row_rules.hpp"
#include "extractors/pdf/ruling_grid.hpp"

using namespace dutylist::pdf;

namespace {

Segment h(double x0, double x1, double y) { return {x0, y, x1, y}; }

// A line of `n` 10 pt ideographs from x, its baseline at y.
void text(std::vector<Glyph>& out, double x, double y, int n) {
    for (int i = 0; i < n; ++i) out.push_back({U'事', x + 10 * i, x + 10 * (i + 1), y, 10, 0});
}

// Rules at ys from x 50 to 450; in each row a number at x 60 and text from x 120 (the
// second column) and from x 300 (the third), leaving gutters at 70–120 and 260–300.
struct Table {
    std::vector<Segment> rules;
    std::vector<Glyph> glyphs;
};

Table three_columns(const std::vector<double>& ys) {
    Table t;
    for (double y : ys) t.rules.push_back(h(50, 450, y));
    for (size_t r = 0; r + 1 < ys.size(); ++r) {
        const double base = ys[r] + 14;
        t.glyphs.push_back({U'1', 60, 66, base, 10, 0});
        text(t.glyphs, 120, base, 14);
        text(t.glyphs, 300, base, 10);
    }
    return t;
}

std::vector<double> verticals_at(const ColumnRulings& c) {
    std::vector<double> xs;
    for (const Segment& s : c.rulings)
        if (std::find(xs.begin(), xs.end(), s.x0) == xs.end()) xs.push_back(s.x0);
    std::sort(xs.begin(), xs.end());
    return xs;
}

}  // namespace

TEST_CASE("rules between rows and no verticals: columns in the middle of the gutters") {
    const Table t = three_columns({100, 130, 160, 190, 220});
    const ColumnRulings c = column_rulings(t.rules, t.glyphs);
    REQUIRE(c.tables.size() == 1);
    const std::vector<double> xs = verticals_at(c);
    REQUIRE(xs.size() == 4);
    CHECK(xs[0] == doctest::Approx(50));
    CHECK(xs[1] == doctest::Approx(93).epsilon(0.02));
    CHECK(xs[2] == doctest::Approx(280).epsilon(0.01));
    CHECK(xs[3] == doctest::Approx(450));
    // The ruled-grid reader then cuts it into 4 rows of 3 cells.
    std::vector<Segment> all = t.rules;
    all.insert(all.end(), c.rulings.begin(), c.rulings.end());
    const auto tables = find_tables(all);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].rows() == 4);
    CHECK(tables[0].cols() == 3);
}

TEST_CASE("a three-line table's three rules give no columns: its body is borderless") {
    const Table t = three_columns({100, 130, 220});
    CHECK(column_rulings(t.rules, t.glyphs).rulings.empty());
}

TEST_CASE("a table with its own column rulings is left to the ruled-grid reader") {
    Table t = three_columns({100, 130, 160, 190, 220});
    t.rules.push_back({280, 100, 280, 220});
    CHECK(column_rulings(t.rules, t.glyphs).rulings.empty());
}

TEST_CASE("a header row's own side borders, ending on the rule under it, do not count") {
    Table t = three_columns({100, 130, 160, 190, 220});
    t.rules.push_back({93, 100, 93, 130});
    t.rules.push_back({280, 100, 280, 130});
    CHECK(column_rulings(t.rules, t.glyphs).tables.size() == 1);
}

TEST_CASE("a section row across the gutters is one cell across; the other rows keep their columns") {
    Table t = three_columns({100, 130, 160, 190, 220, 250});
    std::erase_if(t.glyphs, [](const Glyph& g) { return g.baseline > 160 && g.baseline < 190; });
    text(t.glyphs, 60, 174, 30);  // "一、党的建设…" from the first column over both gutters
    const ColumnRulings c = column_rulings(t.rules, t.glyphs);
    CHECK(verticals_at(c).size() == 4);
    for (const Segment& s : c.rulings)
        if (s.x0 > 60 && s.x0 < 440) CHECK_FALSE((s.y0 <= 160 && s.y1 >= 190));
}

TEST_CASE("a column that only its header label fills is still a column") {
    // A 备注 column empty in every row but the header: the strip after the third column's
    // text holds ink in one row only, which does not run through it.
    Table t = three_columns({100, 130, 160, 190, 220, 250});
    for (auto& r : t.rules) r.x1 = 520;
    text(t.glyphs, 470, 114, 2);
    CHECK(verticals_at(column_rulings(t.rules, t.glyphs)).size() == 5);
}

TEST_CASE("rules broken where a merged cell covers two rows still bound the rows") {
    // 事项类别 merged over the rows between 130 and 190: the rules at 160 leave out 70–120.
    Table t = three_columns({100, 130, 160, 190, 220});
    t.rules[2] = h(50, 70, 160);
    t.rules.push_back(h(120, 450, 160));
    const ColumnRulings c = column_rulings(t.rules, t.glyphs);
    REQUIRE(c.tables.size() == 1);
    CHECK(c.tables[0].x0 == doctest::Approx(50));
    CHECK(c.tables[0].x1 == doctest::Approx(450));
    std::vector<Segment> all = t.rules;
    all.insert(all.end(), c.rulings.begin(), c.rulings.end());
    const auto tables = find_tables(all);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].rows() == 4);
}

// The document's columns (row_rule_runs.hpp): a page with few rules, or few rows, is read in
// the gutters its list's other pages show.
TEST_CASE("a page with three rules is read in the columns of its list's other pages") {
    const Table t = three_columns({100, 130, 160});
    CHECK(column_rulings(t.rules, t.glyphs).rulings.empty());
    const RowRuleHint hint{50, 450, {{66, 120}, {260, 300}}};
    const ColumnRulings c = column_rulings(t.rules, t.glyphs, {}, &hint);
    REQUIRE(c.groups.size() == 1);
    CHECK(c.groups[0].read);
    CHECK(verticals_at(c).size() == 4);
}

TEST_CASE("a strip a page's few rows leave empty inside a column is no gutter of the document") {
    Table t = three_columns({100, 130, 160, 190, 220});
    // Every row's second column breaks at 180–190 on this page only.
    std::erase_if(t.glyphs, [](const Glyph& g) { return g.x0 >= 180 && g.x0 < 190; });
    CHECK(verticals_at(column_rulings(t.rules, t.glyphs)).size() == 5);
    const RowRuleHint hint{50, 450, {{66, 120}, {260, 300}}};
    CHECK(verticals_at(column_rulings(t.rules, t.glyphs, {}, &hint)).size() == 4);
}

TEST_CASE("a column a page's rows leave empty keeps its gutters on both sides") {
    Table t = three_columns({100, 130, 160});
    // The rest of a row split by the page break: only its third column goes on.
    std::erase_if(t.glyphs, [](const Glyph& g) { return g.x0 < 280; });
    const RowRuleHint hint{50, 450, {{66, 120}, {260, 300}}};
    CHECK(verticals_at(column_rulings(t.rules, t.glyphs, {}, &hint)).size() == 4);
}

TEST_CASE("another list's columns are not taken from the page before") {
    const Table t = three_columns({100, 130, 160});
    const RowRuleHint other{50, 450, {{150, 170}, {330, 350}, {420, 430}}};
    const ColumnRulings c = column_rulings(t.rules, t.glyphs, {}, &other);
    REQUIRE(c.groups.size() == 1);
    CHECK_FALSE(c.groups[0].read);
    CHECK(c.rulings.empty());
}
