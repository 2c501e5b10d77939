// Tables without rulings: columns from the gutters under a 序号 header row, rows from the 序号
// numbers and section rows, cells; each step on synthetic glyph layouts, then whole pages.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "extractors/pdf/borderless_steps.hpp"
#include "model/text.hpp"

using namespace dutylist;
using namespace dutylist::pdf;

namespace {

constexpr double size = 10;
const std::vector<FontInfo> fonts = {{"Serif", false, "", "", "", false}};

// Glyphs for `text` from x on a baseline (ideographs 1 em wide, others ½).
std::vector<Glyph> glyphs(const std::string& text, double x, double baseline, double glyph_size = size) {
    std::vector<Glyph> out;
    for (size_t i = 0; i < text.size();) {
        Glyph g;
        g.code = next_code_point(text, i);
        g.x0 = x;
        g.x1 = x + (is_cjk(g.code) ? glyph_size : glyph_size / 2);
        g.baseline = baseline;
        g.size = glyph_size;
        out.push_back(g);
        x = g.x1;
    }
    return out;
}

// One line on `baseline` made of texts each starting at its own x.
std::vector<Glyph> row(const std::vector<std::pair<std::string, double>>& parts, double baseline) {
    std::vector<Glyph> out;
    for (const auto& [text, x] : parts) {
        const auto g = glyphs(text, x, baseline);
        out.insert(out.end(), g.begin(), g.end());
    }
    return out;
}

GlyphLine line_of(const std::vector<Glyph>& g) {
    auto lines = glyph_lines(g, fonts);
    REQUIRE(lines.size() == 1);
    return lines[0];
}

// The usual layout: a 序号 column from x 50, 事项类别 from 90, 事项名称 from 170, text 5 in.
const std::vector<Glyph> header_row = row({{"序号", 55}, {"事项类别", 95}, {"事项名称", 175}}, 100);
std::vector<Glyph> item(const std::string& seq, const std::string& category, const std::string& name, double baseline) {
    return row({{seq, 55}, {category, 95}, {name, 175}}, baseline);
}

// The lines the glyphs make, without the spaces a gap between Latin and ideographs may give.
std::vector<std::string> texts(const std::vector<Glyph>& g) {
    std::vector<std::string> out;
    for (const TextLine& l : build_lines(g, fonts)) out.push_back(remove_whitespace(l.text));
    return out;
}

const CellBlock* cell_at(const TableBlock& t, int r, int c) {
    for (const CellBlock& cell : t.cells)
        if (cell.grid.row == r && cell.grid.col == c) return &cell;
    return nullptr;
}

std::string text_at(const TableBlock& t, int r, int c) {
    const CellBlock* cell = cell_at(t, r, c);
    REQUIRE(cell);
    return join_lines(cell->lines);
}

std::vector<Glyph> operator+(std::vector<Glyph> a, const std::vector<Glyph>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

}  // namespace

TEST_CASE("empty runs: the strips between spans at least the width asked, overlaps joined") {
    const std::vector<Span> spans = {{30, 40}, {0, 10}, {5, 12}, {20, 25}};
    const auto wide = empty_runs(spans, 6);
    REQUIRE(wide.size() == 1);
    CHECK(wide[0].from == 12);
    CHECK(wide[0].to == 20);
    CHECK(empty_runs(spans, 5).size() == 2);
    CHECK(empty_runs({}, 1).empty());
}

TEST_CASE("column_of: by the bounds, the outermost column beyond the table's sides") {
    const std::vector<double> bounds = {50, 90, 170, 400};
    CHECK(column_of(bounds, 20) == 0);
    CHECK(column_of(bounds, 89) == 0);
    CHECK(column_of(bounds, 90) == 1);
    CHECK(column_of(bounds, 300) == 2);
    CHECK(column_of(bounds, 500) == 2);
}

TEST_CASE("chunks: a line's runs of ink split at gaps as wide as asked") {
    const GlyphLine l = line_of(header_row);
    CHECK(chunks(l, 8).size() == 3);
    CHECK(chunks(l, 30).size() == 2);  // 序号 and 事项类别 are 20 apart, 事项类别 and 事项名称 40
    CHECK(chunks(l, 50).size() == 1);
}

TEST_CASE("a header row opens with a 序号 label") {
    CHECK(is_header_line(line_of(header_row).line));
    CHECK(is_header_line(line_of(row({{"编号", 55}, {"事项名称", 95}}, 100)).line));
    CHECK_FALSE(is_header_line(line_of(item("1", "党的建设", "组织学习", 100)).line));
}

TEST_CASE("gutters under a header row give the columns, in the middle of their free strips") {
    Gutters gutters(line_of(header_row), {});
    CHECK(gutters.add(line_of(item("1", "党的建设", "组织学习", 120)), 2));
    const auto bounds = gutters.bounds(54, 400, 2);
    CHECK(bounds == std::vector<double>{54, 85, 155, 400});
}

TEST_CASE("text under the header narrows a gutter; a line over one gutter closes it") {
    Gutters narrowed(line_of(header_row), {});
    CHECK(narrowed.add(line_of(row({{"党的建设工作", 80}}, 120)), 2));  // 80 to 140: into both gaps
    CHECK(narrowed.bounds(54, 400, 2) == std::vector<double>{54, 77.5, 157.5, 400});
    Gutters closed(line_of(header_row), {});
    CHECK(closed.add(line_of(row({{"党的建设党的建设党的建设", 95}}, 120)), 2));  // 95 to 215
    CHECK(closed.bounds(54, 400, 2) == std::vector<double>{54, 85, 400});
}

TEST_CASE("a line across every open gutter is not added: a note ends the table") {
    Gutters gutters(line_of(header_row), {});
    CHECK_FALSE(gutters.add(line_of(row({{"注：本清单所列事项随法律法规调整实行动态管理。", 55}}, 120)), 2));
    CHECK(gutters.bounds(54, 400, 2) == std::vector<double>{54, 85, 155, 400});
}

TEST_CASE("a section row reaching over the 序号 gutter is told from rows and notes") {
    const BorderlessTolerances tol;
    const GlyphLine header = line_of(header_row);
    const Gutters gutters(header, tol);
    CHECK(gutters.is_section(line_of(glyphs("一、党的建设", 55, 120)), tol));
    CHECK(gutters.is_section(line_of(glyphs("党的建设", 55, 120)), tol));  // over the gutter, no marker
    CHECK_FALSE(gutters.is_section(line_of(item("1", "党的建设", "组织学习", 120)), tol));
    CHECK_FALSE(gutters.is_section(line_of(glyphs("注：党的建设", 55, 120)), tol));
    CHECK_FALSE(gutters.is_section(line_of(glyphs("党建", 55, 120)), tol));  // inside the 序号 column
    CHECK(gutters.is_section(line_of(glyphs("三、党建", 55, 120)), tol));    // a list marker
    // Across the whole table only a list marker makes it a section row.
    CHECK_FALSE(is_section_line(line_of(glyphs("附件：某乡履职事项清单说明", 60, 120)), 75, true, tol));
    CHECK(is_section_line(line_of(glyphs("二、某乡履职事项清单说明", 55, 120)), 75, true, tol));
}

TEST_CASE("a header label wrapped in its narrow column continues the header row") {
    const BorderlessTolerances tol;
    const GlyphLine header = line_of(row({{"序号", 55}, {"事项", 95}, {"事项名称", 135}}, 100));
    CHECK(continues_header(header, line_of(glyphs("类别", 95, 112)), tol));
    CHECK_FALSE(continues_header(header, line_of(glyphs("1", 55, 112)), tol));           // a row's number
    CHECK_FALSE(continues_header(header, line_of(glyphs("类别", 95, 130)), tol));        // too far under
    CHECK_FALSE(continues_header(header, line_of(glyphs("党的建设工作", 95, 112)), tol));  // wider than 事项
}

TEST_CASE("the 序号 column is the one whose label is a 序号 label") {
    const std::vector<double> bounds = {54, 85, 155, 400};
    CHECK(seq_column(line_of(row({{"类别", 55}, {"编号", 95}, {"事项名称", 175}}, 100)), bounds, fonts) == 1);
    CHECK(seq_column(line_of(header_row), bounds, fonts) == 0);
    CHECK(seq_column(line_of(row({{"类别", 55}, {"名称", 95}}, 100)), bounds, fonts) == 0);
}

TEST_CASE("a line keeps to the columns unless a glyph lies across a bound by more than the slack") {
    const std::vector<double> bounds = {54, 85, 155, 400};
    CHECK(keeps_to_columns(line_of(item("3", "经济发展", "制订规划", 100)), bounds, 3));
    CHECK(keeps_to_columns(line_of(glyphs("甲", 77, 100)), bounds, 3));  // 77 to 87: 2 over
    CHECK_FALSE(keeps_to_columns(line_of(glyphs("甲", 80, 100)), bounds, 3));
    CHECK_FALSE(keeps_to_columns(line_of(glyphs("甲", 396, 100)), bounds, 3));  // beyond the right side
}

TEST_CASE("a row starts at a number in the 序号 column, or at a section row") {
    const std::vector<double> bounds = {54, 85, 155, 400};
    CHECK(starts_row(line_of(item("12", "党的建设", "组织学习", 100)), bounds, 0, false));
    CHECK_FALSE(starts_row(line_of(glyphs("续完。", 175, 100)), bounds, 0, false));
    CHECK_FALSE(starts_row(line_of(item("12", "党的建设", "组织学习", 100)), bounds, 1, false));
    CHECK(starts_row(line_of(glyphs("一、党的建设", 55, 100)), bounds, 0, true));
}

TEST_CASE("a line's band is its em box from the baseline, whatever its glyphs' own boxes") {
    TextLine l;
    l.baseline = 100;
    l.size = 10;
    const Span band = line_band(l);
    CHECK(band.from == doctest::Approx(91.5));
    CHECK(band.to == doctest::Approx(101.5));
}

TEST_CASE("a row starts in the strip right above its number when rows are top-aligned, else the tallest") {
    const std::vector<Span> runs = {{10, 12}, {20, 30}, {40, 41}};
    CHECK(row_gap(runs, 0, 45, 0.8) == &runs[1]);  // centred: the tallest
    const std::vector<Span> top_aligned = {{10, 12}, {20, 30}, {40, 49}};
    CHECK(row_gap(top_aligned, 0, 50, 0.8) == &top_aligned[2]);
    CHECK(row_gap(runs, 0, 35, 0.8) == &runs[1]);  // only strips within count
    CHECK(row_gap(runs, 13, 19, 0.8) == nullptr);
}

TEST_CASE("row cuts: one in the gap above each row start, leading when lines come before the first") {
    const BorderlessTolerances tol;
    const std::vector<double> bounds = {54, 85, 155, 400};
    const auto lines = glyph_lines(item("1", "党的建设", "组织学习", 140) + glyphs("续完。", 175, 154) +
                                       item("2", "经济发展", "制订规划", 180),
                                   fonts);
    std::vector<const GlyphLine*> body;
    for (const GlyphLine& l : lines) body.push_back(&l);
    auto starts = [&](const GlyphLine& l) { return starts_row(l, bounds, 0, false); };
    const RowCuts cuts = row_cuts(body, starts, tol);
    CHECK_FALSE(cuts.leading);
    REQUIRE(cuts.cuts.size() == 1);
    CHECK(cuts.cuts[0].at == doctest::Approx(163.5));  // between 155.5 and 171.5
    CHECK(cuts.cuts[0].height == doctest::Approx(16));
    const RowCuts continued = row_cuts({body.begin() + 1, body.end()}, starts, tol);
    CHECK(continued.leading);
    CHECK(continued.cuts.size() == 1);
    CHECK(row_cuts({}, starts, tol).cuts.empty());
}

TEST_CASE("a leading cut in a gap shorter than the row gaps is dropped") {
    const RowCuts short_first{{{100, 3}, {130, 10}, {160, 10}}, true};
    CHECK(without_short_leading_cut(short_first, 0.8).size() == 2);
    const RowCuts row_gap_first{{{100, 9}, {130, 10}, {160, 10}}, true};
    CHECK(without_short_leading_cut(row_gap_first, 0.8).size() == 3);
    const RowCuts not_leading{{{100, 3}, {130, 10}}, false};
    CHECK(without_short_leading_cut(not_leading, 0.8).size() == 2);
    const RowCuts alone{{{100, 3}}, true};
    CHECK(without_short_leading_cut(alone, 0.8).size() == 1);
}

TEST_CASE("row bounds: the header row, then the cuts below it, to the foot of the body") {
    const BorderlessTolerances tol;
    const auto lines = glyph_lines(header_row + item("1", "甲", "乙", 120) + item("2", "丙", "丁", 140), fonts);
    REQUIRE(lines.size() == 3);
    const std::vector<const GlyphLine*> body = {&lines[1], &lines[2]};
    const auto ys = row_bounds(&lines[0], body, {{95, 4}, {126.5, 10}}, tol);  // 95 is inside the header
    REQUIRE(ys.size() == 4);
    CHECK(ys[0] == doctest::Approx(lines[0].line.top - 1));
    CHECK(ys[1] == doctest::Approx(101.6));
    CHECK(ys[2] == doctest::Approx(126.5));
    CHECK(ys[3] == doctest::Approx(142.5));
    const auto headless = row_bounds(nullptr, body, {{126.5, 10}}, tol);
    REQUIRE(headless.size() == 3);
    CHECK(headless[0] == doctest::Approx(110.5));
    CHECK(headless[1] == doctest::Approx(126.5));
    CHECK(headless[2] == doctest::Approx(142.5));
}

TEST_CASE("cells: glyphs by row and column, a section row one cell across, frames by column") {
    const auto lines = glyph_lines(header_row + glyphs("一、党的建设", 55, 120) + item("1", "党建", "组织学习会议", 140) +
                                       item("2", "宣传", "宣讲", 160),
                                   fonts);
    REQUIRE(lines.size() == 4);
    const std::vector<const GlyphLine*> body = {&lines[1], &lines[2], &lines[3]};
    const std::vector<double> xs = {54, 85, 155, 400}, ys = {90, 102, 126, 150, 170};
    auto is_section = [&](const GlyphLine& l) { return &l == &lines[1]; };
    PlacedGlyphs placed = place_glyphs(&lines[0], body, is_section, xs, ys);
    CHECK(placed.across == std::vector<bool>{false, true, false, false});
    CHECK(texts(placed.cells[3 * 3 + 2]) == std::vector<std::string>{"宣讲"});
    const std::vector<bool> across = placed.across;
    std::vector<CellBlock> cells = make_cells(std::move(placed), xs, ys, fonts);
    REQUIRE(cells.size() == 3 + 1 + 3 + 3);
    CHECK(cells[3].grid.col_span == 3);
    CHECK(join_lines(cells[3].lines) == "一、党的建设");
    CHECK(cells[5].grid.box.x0 == 85);
    CHECK(join_lines(cells[5].lines) == "党建");
    frame_by_columns(cells, across, 3, 1);
    const TextLine& short_line = cells[9].lines.at(0);  // 宣讲 framed by 组织学习会议, the longest
    CHECK(short_line.frame_x0 == 175);
    CHECK(short_line.frame_x1 == 235);
    CHECK(cells[0].lines.at(0).frame_x1 == 60);  // the header label 序号, by its column's numbers
    CHECK(cells[3].lines.at(0).frame_x1 == 115);  // the section row keeps its own extent
}

TEST_CASE("a borderless page: header, section row, rows by 序号, a bare page number in the margin") {
    const auto page = glyphs("某乡基本履职事项清单", 200, 60, 16) + header_row + glyphs("一、党的建设", 55, 120) +
                      item("1", "党建", "组织学习", 140) + glyphs("续完。", 175, 154) + item("2", "宣传", "宣讲", 180) +
                      glyphs("3", 55, 200) + glyphs("调解纠纷", 175, 214) + glyphs("5", 400, 585);
    const BorderlessResult found = find_borderless_tables(page, fonts, 595);
    REQUIRE(found.tables.size() == 1);
    const TableBlock& t = found.tables[0];
    CHECK_FALSE(t.ruled);
    REQUIRE(t.cols == 3);
    REQUIRE(t.rows == 5);
    CHECK(t.xs == std::vector<double>{54, 85, 155, 216});
    CHECK(text_at(t, 0, 1) == "事项类别");
    CHECK(text_at(t, 1, 0) == "一、党的建设");
    CHECK(cell_at(t, 1, 0)->grid.col_span == 3);
    CHECK(text_at(t, 2, 2) == "组织学习续完。");
    CHECK(text_at(t, 3, 0) == "2");
    CHECK(text_at(t, 4, 0) == "3");  // a bare number mid-page is a 序号, not a page number
    CHECK(text_at(t, 4, 2) == "调解纠纷");
    CHECK(texts(found.rest) == std::vector<std::string>{"某乡基本履职事项清单", "5"});
}

TEST_CASE("a table continued on the next page keeps to its columns and stops at a line across a bound") {
    const BorderlessColumns columns{{54, 85, 155, 400}, 0, size, {}};
    const auto page = glyphs("某乡履职事项清单", 300, 30) + glyphs("第4页", 200, 45) + glyphs("续完。", 175, 60) +
                      item("3", "平安法治", "调解纠纷", 80) + glyphs("附件：某乡履职事项清单说明", 60, 120) +
                      item("4", "民生服务", "救助", 140);
    auto running = [](const TextLine& l) { return l.text == "某乡履职事项清单"; };
    const BorderlessResult found = continue_borderless_table(page, fonts, columns, 595, running);
    REQUIRE(found.tables.size() == 1);
    const TableBlock& t = found.tables[0];
    CHECK(t.xs == columns.xs);
    REQUIRE(t.rows == 2);  // the rest of the row from the page before, then row 3
    CHECK(text_at(t, 0, 2) == "续完。");
    CHECK(text_at(t, 0, 0).empty());
    CHECK(text_at(t, 1, 0) == "3");
    CHECK(text_at(t, 1, 2) == "调解纠纷");
    CHECK(texts(found.rest) ==
          std::vector<std::string>{"某乡履职事项清单", "第4页", "附件：某乡履职事项清单说明", "4民生服务救助"});
}

TEST_CASE("a continued table ends at a heading set larger than its text") {
    const BorderlessColumns columns{{54, 85, 155, 400}, 0, size, {}};
    const auto page = item("3", "平安法治", "调解纠纷", 80) + glyphs("清单", 175, 110, 12);
    const BorderlessResult found = continue_borderless_table(page, fonts, columns, 595, [](const TextLine&) { return false; });
    REQUIRE(found.tables.size() == 1);
    CHECK(found.tables[0].rows == 1);
    CHECK(texts(found.rest) == std::vector<std::string>{"清单"});
}

TEST_CASE("a header row whose 序号 label wraps (序 over 号), its other labels centred or set lower, opens a table") {
    // 事项名称 is set a line lower, as a label in a cell aligned to the foot is.
    const auto page = row({{"序", 55}, {"事项", 95}}, 100) + row({{"号", 55}, {"类别", 95}, {"事项名称", 175}}, 113) +
                      item("1", "党建", "组织学习", 140) + item("2", "宣传", "宣讲", 160);
    const BorderlessResult found = find_borderless_tables(page, fonts, 595);
    REQUIRE(found.tables.size() == 1);
    const TableBlock& t = found.tables[0];
    REQUIRE(t.cols == 3);
    REQUIRE(t.rows == 3);
    CHECK(text_at(t, 0, 0) == "序号");
    CHECK(text_at(t, 0, 1) == "事项类别");
    CHECK(text_at(t, 0, 2) == "事项名称");
    CHECK(text_at(t, 2, 2) == "宣讲");
    // A lone 序 with nothing under it is no header.
    CHECK(find_borderless_tables(row({{"序", 55}, {"事项", 95}}, 100) + item("1", "党建", "组织学习", 140), fonts, 595)
              .tables.empty());
}

TEST_CASE("one-line header labels centred between 序 and 号 sit on a line of their own; the row still opens a table") {
    const auto page = row({{"序", 55}, {"事项", 95}}, 100) + row({{"事项名称", 175}}, 106.5) +
                      row({{"号", 55}, {"类别", 95}}, 113) + item("1", "党建", "组织学习", 140) + item("2", "宣传", "宣讲", 160);
    const BorderlessResult found = find_borderless_tables(page, fonts, 595);
    REQUIRE(found.tables.size() == 1);
    const TableBlock& t = found.tables[0];
    REQUIRE(t.cols == 3);
    REQUIRE(t.rows == 3);
    CHECK(text_at(t, 0, 0) == "序号");
    CHECK(text_at(t, 0, 1) == "事项类别");
    CHECK(text_at(t, 0, 2) == "事项名称");
    CHECK(text_at(t, 1, 1) == "党建");
    CHECK(found.rest.empty());
}

TEST_CASE("a label wrapped over two lines (事项类 over 别) centred on a 序号 header line opens the table above it") {
    const auto page = glyphs("清单", 100, 80) + glyphs("事项类", 95, 94) + row({{"序号", 55}, {"事项名称", 175}}, 100.5) +
                      glyphs("别", 105, 107) + item("1", "党建", "组织学习", 140) + item("2", "宣传", "宣讲", 160);
    const BorderlessResult found = find_borderless_tables(page, fonts, 595);
    REQUIRE(found.tables.size() == 1);
    const TableBlock& t = found.tables[0];
    REQUIRE(t.cols == 3);
    CHECK(text_at(t, 0, 1) == "事项类别");
    CHECK(text_at(t, 2, 1) == "宣传");
    CHECK(texts(found.rest) == std::vector<std::string>{"清单"});  // the title above is no label
}

TEST_CASE("header labels half an em apart are two columns") {
    // Chromium sets a narrow 序号 column's label 0.6 em from the next.
    const auto page = row({{"序号", 55}, {"事项类别", 81}, {"事项名称", 135}}, 100) +
                      row({{"1", 55}, {"党建", 81}, {"组织学习", 135}}, 120) + row({{"2", 55}, {"宣传", 81}, {"宣讲", 135}}, 140);
    const BorderlessResult found = find_borderless_tables(page, fonts, 595);
    REQUIRE(found.tables.size() == 1);
    REQUIRE(found.tables[0].cols == 3);
    CHECK(text_at(found.tables[0], 1, 0) == "1");
    CHECK(text_at(found.tables[0], 1, 1) == "党建");
}

TEST_CASE("a note under the table ends it, though it stops short of the last gutter") {
    const auto page = header_row + item("1", "党建", "组织学习", 120) + item("2", "宣传", "宣讲", 140) +
                      glyphs("注：本清单动态调整。", 50, 170);
    const BorderlessResult found = find_borderless_tables(page, fonts, 595);
    REQUIRE(found.tables.size() == 1);
    CHECK(found.tables[0].cols == 3);
    CHECK(found.tables[0].rows == 3);
    CHECK(texts(found.rest) == std::vector<std::string>{"注：本清单动态调整。"});
}

TEST_CASE("the rest of a split row under a wrapped header row is no label of it") {
    const BorderlessTolerances tol;
    GlyphLine header = line_of(row({{"序", 55}, {"事项名称", 95}, {"乡镇职责", 215}}, 100));
    const GlyphLine hao = line_of(glyphs("号", 55, 113));
    header.glyphs.insert(header.glyphs.end(), hao.glyphs.begin(), hao.glyphs.end());
    header.line.bottom = hao.line.bottom;
    CHECK(continues_wrapped_header(header, line_of(glyphs("备注", 160, 120)), tol));  // a label set lower
    CHECK_FALSE(continues_wrapped_header(header, line_of(glyphs("造；", 160, 120)), tol));
    CHECK_FALSE(continues_header(line_of(row({{"序号", 55}, {"事项", 95}}, 100)), line_of(glyphs("类；", 95, 112)), tol));
}
