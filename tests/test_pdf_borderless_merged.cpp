// Borderless tables with a 事项类别 merged down several rows (Word's vMerge), its one label
// centred on its run of rows, and with a 序号 wrapped in its narrow column: the label makes no
// row cuts and fills every row of its run; the two lines of a wrapped number start one row.
// Synthetic pages; the layout matrix's combination 008 (test_layout_matrix) is the same from
// LibreOffice Writer.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extractors/pdf/borderless_steps.hpp"
#include "extractors/pdf/borderless_table.hpp"
#include "model/text.hpp"

using namespace dutylist;
using namespace dutylist::pdf;

namespace {

constexpr double size = 10;
constexpr double pitch = 13;  // the same inside a row and between rows
const std::vector<FontInfo> fonts = {{"Serif", false, "", "", "", false}};

void add(std::vector<Glyph>& out, const std::string& text, double x, double baseline) {
    for (size_t i = 0; i < text.size();) {
        Glyph g;
        g.code = next_code_point(text, i);
        g.x0 = x;
        g.x1 = x + (is_cjk(g.code) ? size : size / 2);
        g.baseline = baseline;
        g.size = size;
        out.push_back(g);
        x = g.x1;
    }
}

const std::string full = "甲乙丙丁戊己庚辛";  // a wrapped line: it fills the column

// A row whose 事项名称 (x 175) has these lines and whose 序号 is centred on them; returns the
// baseline of the row's next line. Its lines' baselines go to `lines`.
double add_row(std::vector<Glyph>& out, const std::string& seq, const std::vector<std::string>& name, double first,
               std::vector<double>& lines) {
    for (size_t i = 0; i < name.size(); ++i) {
        add(out, name[i], 175, first + pitch * static_cast<double>(i));
        lines.push_back(first + pitch * static_cast<double>(i));
    }
    const double last = first + pitch * static_cast<double>(name.size() - 1);
    add(out, seq, 55, (first + last) / 2);
    return last + pitch;
}

std::vector<Glyph> header() {
    std::vector<Glyph> g;
    add(g, "序号", 50, 100);
    add(g, "事项类别", 90, 100);
    add(g, "事项名称", 175, 100);
    return g;
}

// Rows 1–3 under 党的建设, rows 4–5 under 经济发展, each label printed once in the middle of its
// run: level with row 2's 序号, and with the last line of row 4.
std::vector<Glyph> merged_page() {
    std::vector<Glyph> g = header();
    std::vector<double> lines;
    double y = 100 + 1.5 * pitch;
    y = add_row(g, "1", {full, full, "壬癸。"}, y, lines);
    y = add_row(g, "2", {full, full, "子丑。"}, y, lines);
    y = add_row(g, "3", {full, full, "寅卯。"}, y, lines);
    y = add_row(g, "4", {full, full, "辰巳。"}, y, lines);
    add_row(g, "5", {full, "午未。"}, y, lines);
    add(g, "党的建设", 95, lines[4]);
    add(g, "经济发展", 95, lines[11]);
    return g;
}

const CellBlock* cell_at(const TableBlock& t, int r, int c) {
    for (const CellBlock& cell : t.cells)
        if (cell.grid.row == r && cell.grid.col == c) return &cell;
    return nullptr;
}

std::vector<std::string> column(const TableBlock& t, int col) {
    std::vector<std::string> out;
    for (const CellBlock& c : t.cells)
        if (c.grid.row >= 1 && c.grid.col == col) out.push_back(remove_whitespace(join_lines(c.lines)));
    return out;
}

}  // namespace

TEST_CASE("a 事项类别 merged down rows and centred on them makes no row cuts and covers its run") {
    const BorderlessResult r = find_borderless_tables(merged_page(), fonts, 800);
    REQUIRE(r.tables.size() == 1);
    const TableBlock& t = r.tables[0];
    CHECK(column(t, 0) == std::vector<std::string>{"1", "2", "3", "4", "5"});
    CHECK(column(t, 2) == std::vector<std::string>{full + full + "壬癸。", full + full + "子丑。", full + full + "寅卯。",
                                                   full + full + "辰巳。", full + "午未。"});
    const CellBlock* first = cell_at(t, 1, 1);
    const CellBlock* second = cell_at(t, 4, 1);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->grid.row_span == 3);
    CHECK(remove_whitespace(join_lines(first->lines)) == "党的建设");
    CHECK(second->grid.row_span == 2);
    CHECK(remove_whitespace(join_lines(second->lines)) == "经济发展");
    CHECK_FALSE(cell_at(t, 2, 1));  // covered by the merge, not a cell of its own
}

TEST_CASE("a category column with its label in every row is no merge") {
    std::vector<Glyph> g = header();
    std::vector<double> lines;
    double y = 100 + 1.5 * pitch;
    for (const char* seq : {"1", "2", "3"}) {
        const double first = y;
        y = add_row(g, seq, {full, full, "壬癸。"}, y, lines);
        add(g, "党建", 95, first + pitch);
    }
    const BorderlessResult r = find_borderless_tables(g, fonts, 800);
    REQUIRE(r.tables.size() == 1);
    CHECK(column(r.tables[0], 1) == std::vector<std::string>{"党建", "党建", "党建"});
    for (const CellBlock& c : r.tables[0].cells) CHECK(c.grid.row_span == 1);
}

TEST_CASE("a 序号 wrapped in its narrow column starts one row; numbers of one-line rows stay apart") {
    const BorderlessTolerances tol;
    const std::vector<double> bounds = {54, 62, 170, 400};
    std::vector<Glyph> g;
    add(g, "9", 55, 120);
    add(g, "续完。", 175, 120);
    add(g, "1", 55, 133);
    add(g, "0", 55, 146);
    add(g, full, 175, 133);
    add(g, "壬癸。", 175, 146);
    add(g, "1", 55, 159);  // 11 wraps too
    add(g, "1", 55, 172);
    add(g, "子丑。", 175, 159);
    const std::vector<GlyphLine> lines = glyph_lines(g, fonts);
    std::vector<const GlyphLine*> body;
    for (const GlyphLine& l : lines) body.push_back(&l);
    const auto tails = wrapped_number_tails(body, bounds, 0, tol);
    REQUIRE(tails.size() == 2);
    CHECK(tails[0] == body[2]);
    CHECK(tails[1] == body[4]);

    std::vector<Glyph> apart;
    for (int n = 3; n <= 5; ++n) add(apart, std::to_string(n), 55, 120 + pitch * (n - 3));
    const std::vector<GlyphLine> rows = glyph_lines(apart, fonts);
    CHECK(wrapped_number_tails({&rows[0], &rows[1], &rows[2]}, bounds, 0, tol).empty());
}

TEST_CASE("bottom-aligned labels touching: one at the foot of its run, the page's last at the top of its first part") {
    // 乡村振兴 at the foot of rows 1–2; 精神文明建设, run on past the page, from the top of row 3.
    std::vector<Glyph> g = header();
    std::vector<double> lines;
    double y = 100 + 1.5 * pitch;
    for (const char* seq : {"1", "2", "3", "4"}) {
        for (int i = 0; i < 3; ++i) {
            add(g, i < 2 ? full : "壬癸。", 175, y + pitch * i);
            lines.push_back(y + pitch * i);
        }
        add(g, seq, 55, y + 2 * pitch);
        y += 3 * pitch;
    }
    add(g, "乡村振兴", 95, lines[5]);
    add(g, "精神文明", 95, lines[6]);
    add(g, "建设", 95, lines[7]);
    const BorderlessResult r = find_borderless_tables(g, fonts, 800);
    REQUIRE(r.tables.size() == 1);
    const TableBlock& t = r.tables[0];
    CHECK(column(t, 0) == std::vector<std::string>{"1", "2", "3", "4"});
    const CellBlock* first = cell_at(t, 1, 1);
    const CellBlock* second = cell_at(t, 3, 1);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(remove_whitespace(join_lines(first->lines)) == "乡村振兴");
    CHECK(first->grid.row_span == 2);
    CHECK(remove_whitespace(join_lines(second->lines)) == "精神文明建设");
    CHECK(second->grid.row_span == 2);
}

namespace {

// Four rows of two lines, 序号 and the one 事项类别 label at the foot (the label at row 4's);
// with the header row when `with_header`.
std::vector<Glyph> bottom_aligned_two_line_rows(bool with_header) {
    std::vector<Glyph> g = with_header ? header() : std::vector<Glyph>{};
    double y = with_header ? 100 + 1.5 * pitch : 100;
    for (const char* seq : {"1", "2", "3", "4"}) {
        add(g, full, 175, y);
        add(g, "壬癸。", 175, y + pitch);
        add(g, seq, 55, y + pitch);
        y += 2 * pitch;
    }
    add(g, "党的建设", 95, y - pitch);
    return g;
}

}  // namespace

TEST_CASE("rows of two lines tell a bottom-aligned table: its label at the foot of its run covers the rows above") {
    const BorderlessResult r = find_borderless_tables(bottom_aligned_two_line_rows(true), fonts, 800);
    REQUIRE(r.tables.size() == 1);
    const TableBlock& t = r.tables[0];
    CHECK(column(t, 0) == std::vector<std::string>{"1", "2", "3", "4"});
    const CellBlock* label = cell_at(t, 1, 1);
    REQUIRE(label);
    CHECK(remove_whitespace(join_lines(label->lines)) == "党的建设");
    CHECK(label->grid.row_span == 4);
    CHECK(r.doubts.empty());
}

TEST_CASE("on a page without the header, rows above a bottom-aligned label may be the page before's: said, not guessed silently") {
    const BorderlessColumns columns{{48, 85, 170, 260}, 0, size, {1}};
    const BorderlessResult r =
        continue_borderless_table(bottom_aligned_two_line_rows(false), fonts, columns, 800, [](const TextLine&) { return false; });
    REQUIRE(r.tables.size() == 1);
    REQUIRE(r.doubts.size() == 1);
    CHECK(r.doubts[0].find("the rows above \"党的建设\"") != std::string::npos);
}
