// Borderless tables whose short cells (序号, 事项类别) are centred or bottom-aligned against a
// tall 事项名称 cell, with no space between rows: each row must get its own lines, and rows the
// reader cannot place must be named. Synthetic pages; tests/data/pdf/lo-borderless-centred and
// lo-borderless-bottom are the same from LibreOffice (test_pdf_producers).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extractors/pdf/borderless_table.hpp"
#include "extractors/pdf/page_sequence.hpp"
#include "extractors/pdf/text_lines.hpp"
#include "format_registry.hpp"
#include "model/text.hpp"
#include "support/paths.hpp"

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

enum class Where { top, centre, bottom };

// A row whose 事项名称 (x 175, eight ideographs a line) has these lines and whose 序号 and
// 事项类别 sit at its top, middle or foot; returns the baseline of the row's next line.
double add_row(std::vector<Glyph>& out, const std::string& seq, const std::vector<std::string>& name, double first,
               Where where) {
    for (size_t i = 0; i < name.size(); ++i) add(out, name[i], 175, first + pitch * static_cast<double>(i));
    const double last = first + pitch * static_cast<double>(name.size() - 1);
    const double at = where == Where::top ? first : where == Where::bottom ? last : (first + last) / 2;
    add(out, seq, 55, at);
    add(out, "党建", 95, at);
    return last + pitch;
}

const std::string full = "甲乙丙丁戊己庚辛";  // a wrapped line: it fills the column

// The header row's labels, on the baseline 100; the first row's baseline under it.
constexpr double first_row = 100 + 1.5 * pitch;
std::vector<Glyph> header() {
    std::vector<Glyph> g;
    add(g, "序号", 50, 100);
    add(g, "事项类别", 90, 100);
    add(g, "事项名称", 175, 100);
    return g;
}

std::vector<Glyph> page(Where where) {
    std::vector<Glyph> g = header();
    double y = first_row;
    y = add_row(g, "1", {full, full, full, full, "壬癸。"}, y, where);
    y = add_row(g, "2", {full, full, full, "壬癸子丑"}, y, where);
    add_row(g, "3", {full, full, "子丑寅。"}, y, where);
    return g;
}

// The text of column `col` in each row from `first` on, its lines joined.
std::vector<std::string> column(const TableBlock& t, int col, int first = 1) {
    std::vector<std::string> out;
    for (const CellBlock& c : t.cells)
        if (c.grid.row >= first && c.grid.col == col) out.push_back(join_lines(c.lines));
    return out;
}

std::vector<std::string> names(const TableBlock& t) { return column(t, 2); }
std::vector<std::string> numbers(const TableBlock& t) { return column(t, 0); }

const std::vector<std::string> expected_names = {full + full + full + full + "壬癸。", full + full + full + "壬癸子丑",
                                                 full + full + "子丑寅。"};

}  // namespace

TEST_CASE("rows whose short cells are centred get their own lines, not those from their 序号 down") {
    const BorderlessResult r = find_borderless_tables(page(Where::centre), fonts, 800);
    REQUIRE(r.tables.size() == 1);
    CHECK(numbers(r.tables[0]) == std::vector<std::string>{"1", "2", "3"});
    CHECK(names(r.tables[0]) == expected_names);
    CHECK(r.doubts.empty());
}

TEST_CASE("rows whose short cells are bottom-aligned end at their 序号") {
    const BorderlessResult r = find_borderless_tables(page(Where::bottom), fonts, 800);
    REQUIRE(r.tables.size() == 1);
    CHECK(numbers(r.tables[0]) == std::vector<std::string>{"1", "2", "3"});
    CHECK(names(r.tables[0]) == expected_names);
    CHECK(r.doubts.empty());
}

TEST_CASE("top-aligned rows without space between them are cut above each 序号, as before") {
    const BorderlessResult r = find_borderless_tables(page(Where::top), fonts, 800);
    REQUIRE(r.tables.size() == 1);
    CHECK(names(r.tables[0]) == expected_names);
    CHECK(r.doubts.empty());
}

TEST_CASE("bottom-aligned rows of mostly one line: the few that wrap still tell where rows end") {
    // A wide 事项名称 column: most rows one line, a few two (fewer lines than one and a half a row).
    std::vector<Glyph> g = header();
    double y = first_row;
    const std::vector<std::vector<std::string>> rows = {{full, "壬癸。"}, {"子丑。"}, {"寅卯。"}, {full, "辰巳。"}, {"午未。"}, {"申酉。"}};
    std::vector<std::string> want;
    for (size_t i = 0; i < rows.size(); ++i) {
        y = add_row(g, std::to_string(i + 1), rows[i], y, Where::bottom);
        std::string joined;
        for (const auto& line : rows[i]) joined += line;
        want.push_back(joined);
    }
    const BorderlessResult r = find_borderless_tables(g, fonts, 800);
    REQUIRE(r.tables.size() == 1);
    CHECK(numbers(r.tables[0]) == std::vector<std::string>{"1", "2", "3", "4", "5", "6"});
    CHECK(names(r.tables[0]) == want);
    CHECK(r.doubts.empty());
}

TEST_CASE("a continued page: the rest of a row above the first centred 序号 stays a row of its own") {
    std::vector<Glyph> g;
    double y = 100;
    for (int i = 0; i < 3; ++i, y += pitch) add(g, i < 2 ? full : "子丑。", 175, y);
    y = add_row(g, "4", {full, full, full, "壬癸。"}, y, Where::centre);
    add_row(g, "5", {full, full, "寅卯。"}, y, Where::centre);
    const BorderlessColumns columns{{48, 85, 170, 260}, 0, size, {}};
    const BorderlessResult r = continue_borderless_table(g, fonts, columns, 800, [](const TextLine&) { return false; });
    REQUIRE(r.tables.size() == 1);
    CHECK(column(r.tables[0], 0, 0) == std::vector<std::string>{"", "4", "5"});
    CHECK(column(r.tables[0], 2, 0) ==
          std::vector<std::string>{full + full + "子丑。", full + full + full + "壬癸。", full + full + "寅卯。"});
    CHECK(r.doubts.empty());
}

TEST_CASE("rows that no alignment cuts at the end of a sentence are named, not passed silently") {
    std::vector<Glyph> g = header();
    double y = first_row;
    y = add_row(g, "1", {full, full, full}, y, Where::centre);
    y = add_row(g, "2", {full, full, full}, y, Where::centre);
    add_row(g, "3", {full, full, full}, y, Where::centre);
    const BorderlessResult r = find_borderless_tables(g, fonts, 800);
    REQUIRE(r.tables.size() == 1);
    REQUIRE(r.doubts.size() == 1);
    CHECK(r.doubts[0].find("序号 1/2, 2/3") != std::string::npos);
}

TEST_CASE("what a page's layout could not decide reaches the reader's warnings, once, in page order") {
    ListBuilder builder("no list", [](const std::string&) {});
    std::vector<std::string> heard;
    PageSequence sequence(builder, [&](const std::string& w) { heard.push_back(w); });
    PageLayout first, second;
    first.number = 1;
    first.doubts = {"page 1: rows 1/2"};
    second.number = 2;
    second.doubts = {"page 2: rows 5/6"};
    sequence.add(first);
    sequence.add(second);
    sequence.finish();
    CHECK(heard == std::vector<std::string>{"page 1: rows 1/2", "page 2: rows 5/6"});
}

TEST_CASE("LibreOffice's centred and bottom-aligned borderless lists are read without a doubt or a finding") {
    for (const char* name : {"lo-borderless-centred.pdf", "lo-borderless-bottom.pdf"}) {
        std::vector<std::string> warnings;
        ReadOptions options;
        options.warn = [&](const std::string& w) { warnings.push_back(w); };
        const Document doc = read_document(
            InputFile{name, test::read_file(test::source_dir() / "tests" / "data" / "pdf" / name)}, options);
        CHECK_MESSAGE(warnings.empty(), name << ": " << (warnings.empty() ? "" : warnings.front()));
        CHECK(doc.lists.size() == 2);
    }
}

TEST_CASE("a line a glyph short of the edge, the glyph wrapped with the punctuation after it, runs on into the row") {
    // Punctuation may not start a line, so 庚 goes down with its ；: a cut under 甲…己 cuts text
    // (and one under 庚； would start the row with item 2).
    std::vector<Glyph> g = header();
    double y = first_row;
    y = add_row(g, "1", {"1.甲乙丙丁戊己", "庚；", "2.壬癸子丑寅卯辰", "巳午。"}, y, Where::bottom);
    add_row(g, "2", {full, full, "子丑寅。"}, y, Where::bottom);
    const BorderlessResult r = find_borderless_tables(g, fonts, 800);
    REQUIRE(r.tables.size() == 1);
    CHECK(numbers(r.tables[0]) == std::vector<std::string>{"1", "2"});
    CHECK(names(r.tables[0]).front() == "1.甲乙丙丁戊己庚；2.壬癸子丑寅卯辰巳午。");
}
