// Glyphs → lines → paragraphs, on synthetic glyphs.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extractors/pdf/text_lines.hpp"
#include "model/text.hpp"

using namespace dutylist;
using namespace dutylist::pdf;

namespace {

constexpr double size = 10;

// Glyphs for `text` from x on a baseline, each `advance` wide (ideographs 1 em, others ½).
std::vector<Glyph> glyphs(const std::string& text, double x, double baseline, double extra = 0) {
    std::vector<Glyph> out;
    for (size_t i = 0; i < text.size();) {
        const char32_t cp = next_code_point(text, i);
        const double w = (is_cjk(cp) ? size : size / 2) + extra;
        Glyph g;
        g.code = cp;
        g.x0 = x;
        g.x1 = x + w;
        g.baseline = baseline;
        g.size = size;
        out.push_back(g);
        x += w;
    }
    return out;
}

std::vector<Glyph> operator+(std::vector<Glyph> a, const std::vector<Glyph>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

const std::vector<FontInfo> fonts = {{"Serif", false, "", "", "", false}};

// A line in a frame [0, width] as a cell would give it.
TextLine line(const std::string& text, double width, double baseline = 0, double x = 0) {
    auto lines = build_lines(glyphs(text, x, baseline), fonts);
    REQUIRE(lines.size() == 1);
    TextLine l = lines[0];
    l.frame_x0 = 0;
    l.frame_x1 = width;
    return l;
}

}  // namespace

TEST_CASE("no space is invented between ideographs, a gap between Latin words is one") {
    auto ideographs = glyphs("开展", 0, 100, 2.0) + glyphs("工作", 30, 100);  // spread out (justified)
    auto lines = build_lines(ideographs, fonts);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].text == "开展工作");
    lines = build_lines(glyphs("PDF", 0, 100) + glyphs("file", 25, 100), fonts);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].text == "PDF file");
}

TEST_CASE("glyphs are read by position, not by the order they were drawn in") {
    auto g = glyphs("乙行", 0, 120) + glyphs("甲行", 0, 100);
    std::swap(g[0], g[1]);
    const auto lines = build_lines(g, fonts);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].text == "甲行");
    CHECK(lines[1].text == "乙行");
}

TEST_CASE("fake bold, the same glyph printed twice a fraction of a point apart, counts once") {
    auto g = glyphs("序号", 0, 100) + glyphs("序号", 0.35, 100.1);
    const auto lines = build_lines(g, fonts);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].text == "序号");
}

TEST_CASE("a letter repeated one narrow advance later is not fake bold") {
    std::vector<Glyph> hello = glyphs("Hello", 0, 100);
    for (size_t i = 0; i < hello.size(); ++i) {  // Helvetica's l is 0.222 em wide
        const double w = hello[i].code == U'l' ? 2.22 : 5.0;
        hello[i].x0 = i ? hello[i - 1].x1 : 0;
        hello[i].x1 = hello[i].x0 + w;
    }
    // and the first l printed again 0.2 pt to the right: fake bold
    const auto lines = build_lines(hello + glyphs("l", 10.0 + 0.2, 100.05), fonts);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].text == "Hello");
}

TEST_CASE("Kangxi radicals, radical supplements and compatibility ideographs become unified ideographs") {
    CHECK(unify_ideograph(U'⼀') == U'一');
    CHECK(unify_ideograph(U'⼯') == U'工');
    CHECK(unify_ideograph(U'⻢') == U'马');
    CHECK(unify_ideograph(U'⺠') == U'民');
    CHECK(unify_ideograph(0xF900) == 0x8C48);
    CHECK(unify_ideograph(U'一') == U'一');
    CHECK(unify_ideograph(U'，') == U'，');
    const auto lines = build_lines(glyphs("⺠⽣服务", 0, 100), fonts);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].text == "民生服务");
}

TEST_CASE("list markers and department headings") {
    CHECK(starts_with_marker("2.对上报的候选人"));
    CHECK(starts_with_marker("12、组织"));
    CHECK(starts_with_marker("（二）分户"));
    CHECK(starts_with_marker("二、分户工作"));
    CHECK(starts_with_marker("①收集"));
    CHECK_FALSE(starts_with_marker("2.5亩以上"));
    CHECK_FALSE(starts_with_marker("12月底前完成"));
    CHECK_FALSE(starts_with_marker("二十四小时"));
    CHECK(is_heading_line("奇台县水利局："));
    CHECK(is_heading_line("奇台县人力资源和社会保障局:"));
    CHECK_FALSE(is_heading_line("负责执法检查，巡查："));
    CHECK_FALSE(is_heading_line("对违规领取高龄津贴的追缴。"));
}

TEST_CASE("a full line continues its paragraph, a line with room for the next word ends it") {
    // Frame 100 pt: ten ideographs fill a line.
    const std::vector<TextLine> lines = {line("一二三四五六七八九十", 100, 100), line("续行。", 100, 114),
                                         line("新段落", 100, 128)};
    CHECK(paragraphs_from_lines(lines) == Paragraphs{"一二三四五六七八九十续行。", "新段落"});
}

TEST_CASE("in ragged text a line short only by what cannot start a line still continues") {
    // Nine ideographs and room for one: the next line starts with 字， which would not fit.
    const std::vector<TextLine> lines = {line("一二三四五六七八九", 100, 100), line("字，续", 100, 114)};
    ParagraphTolerances ragged;
    ragged.justified = false;
    CHECK(paragraphs_from_lines(lines, ragged) == Paragraphs{"一二三四五六七八九字，续"});
    // Ragged text leaves almost a character of room on a wrapped line: 0.9 em, and still no break.
    const std::vector<TextLine> narrow = {line("一二三四五六七八九", 99, 100), line("十续", 99, 114)};
    CHECK(paragraphs_from_lines(narrow, ragged) == Paragraphs{"一二三四五六七八九十续"});
}

TEST_CASE("in justified text a line that stops short of the edge ends its paragraph") {
    // Justified, a wrapped line is stretched to the edge; half an em left over means the
    // paragraph ended there, although the next line's 字 would not have fitted.
    const std::vector<TextLine> lines = {line("一二三四五六七八九；", 105, 100), line("字续", 105, 114)};
    CHECK(paragraphs_from_lines(lines) == Paragraphs{"一二三四五六七八九；", "字续"});
    // Not a line that starts away from the left edge (centred or indented): it is measured by
    // what would have fitted.
    const std::vector<TextLine> centred = {line("社会治理与", 56, 100, 3), line("公共服务", 56, 114, 8)};
    CHECK(paragraphs_from_lines(centred) == Paragraphs{"社会治理与公共服务"});
}

TEST_CASE("no paragraph ends inside a quotation or bracket the next line closes, whatever room the line left") {
    // Two ideographs of room, and the next line's 叭” would have fitted: the producer wrapped it
    // anyway (Writer at 9 pt), inside the quotation.
    const std::vector<TextLine> quoted = {line("关政策，督促村级“大喇", 130, 100), line("叭”做好常态宣传工作。", 130, 114)};
    CHECK(paragraphs_from_lines(quoted) == Paragraphs{"关政策，督促村级“大喇叭”做好常态宣传工作。"});
    // A quotation closed on its own line, or a bracket the next line does not close, decides nothing.
    const std::vector<TextLine> closed = {line("督促村级“大喇叭”", 130, 100), line("做好常态宣传工作。", 130, 114)};
    CHECK(paragraphs_from_lines(closed) == Paragraphs{"督促村级“大喇叭”", "做好常态宣传工作。"});
    const std::vector<TextLine> unclosed = {line("督促（含村级", 130, 100), line("2.做好宣传工作。", 130, 114)};
    CHECK(paragraphs_from_lines(unclosed) == Paragraphs{"督促（含村级", "2.做好宣传工作。"});
}

TEST_CASE("a list is ragged when its lines stop short of the edge before what cannot start a line") {
    const std::vector<TextLine> full = {line("一二三四五六七八九十", 100, 100), line("一二三四五六七八九十", 100, 114),
                                        line("完。", 100, 128)};
    const std::vector<TextLine> kinsoku = {line("一二三四五六七八九", 100, 100), line("字，续", 100, 114)};
    CHECK(paragraph_style({&full, &full, &full}).justified);
    CHECK(paragraph_style({&full, &kinsoku}).justified);  // one such line is a paragraph ending close to the edge
    CHECK_FALSE(paragraph_style({&full, &kinsoku, &kinsoku}).justified);
    std::vector<const std::vector<TextLine>*> many(120, &full);
    many.push_back(&kinsoku);
    many.push_back(&kinsoku);
    CHECK(paragraph_style(many).justified);  // two among 240 lines: 0.8%
}

TEST_CASE("a numbered item after a sentence end starts a paragraph even after a full line") {
    const std::vector<TextLine> lines = {line("一二三四五六七八；", 90, 100), line("2.对上报的", 90, 114)};
    CHECK(paragraphs_from_lines(lines) == Paragraphs{"一二三四五六七八；", "2.对上报的"});
}

TEST_CASE("after a full line, an item number goes on the paragraph where the cell, else the list, runs items on") {
    // The break before 2. is one the page cannot show; the cell's own "；3." mid-line can.
    const std::vector<TextLine> own = {line("一二三四五六七八；", 90, 100), line("2.对上报的；3.审", 90, 114)};
    CHECK(paragraphs_from_lines(own) == Paragraphs{"一二三四五六七八；2.对上报的；3.审"});
    // A cell whose page shows 3. starting a paragraph (the line before stops short) splits at 2.
    const std::vector<TextLine> shown = {line("一二三四五六七八；", 90, 100), line("2.对上报的", 90, 114),
                                         line("材料；", 90, 128), line("3.审核", 90, 142)};
    CHECK(paragraphs_from_lines(shown) == Paragraphs{"一二三四五六七八；", "2.对上报的", "材料；", "3.审核"});
    // No evidence in the cell: the list's habit decides, when it is clear.
    const std::vector<TextLine> bare = {line("一二三四五六七八；", 90, 100), line("2.对上报的", 90, 114)};
    const std::vector<TextLine> inline_items = {line("一；2.二；3.三", 90, 100)};
    ParagraphTolerances tol = paragraph_style({&inline_items, &inline_items, &bare});
    CHECK(paragraphs_from_lines(bare, tol) == Paragraphs{"一二三四五六七八；2.对上报的"});
    const std::vector<TextLine> one_inline = {line("一；2.二", 90, 100)};
    tol = paragraph_style({&one_inline, &bare});  // one inline item is no habit
    CHECK(paragraphs_from_lines(bare, tol) == Paragraphs{"一二三四五六七八；", "2.对上报的"});
}

TEST_CASE("item numbers by kind") {
    CHECK(marker_kind(U"2.对") == Marker::digits);
    CHECK(marker_kind(U"2.5万元") == Marker::none);
    CHECK(marker_kind(U"二、对") == Marker::ordinal);
    CHECK(marker_kind(U"（二）对") == Marker::bracketed);
    CHECK(marker_kind(U"①对") == Marker::circled);
    CHECK(marker_kind(U"2025年") == Marker::none);
    int found = 0;
    inline_markers(U"一；2.二。三、四；2025年", U"；。", [&](Marker m) { found += m == Marker::digits ? 1 : 100; });
    CHECK(found == 101);  // 2. after ；, 三、 after 。; not 2025年
}

TEST_CASE("a department heading stands alone") {
    const std::vector<TextLine> lines = {line("奇台县民政局：", 200, 100), line("负责审核。", 200, 114)};
    CHECK(paragraphs_from_lines(lines) == Paragraphs{"奇台县民政局：", "负责审核。"});
}

TEST_CASE("centred lines are measured against the whole frame") {
    // 社会治理与 / 公共服务 centred in a 60 pt frame: the first line is full.
    const std::vector<TextLine> lines = {line("社会治理与", 60, 100, 5), line("公共服务", 60, 114, 10)};
    CHECK(paragraphs_from_lines(lines) == Paragraphs{"社会治理与公共服务"});
}

TEST_CASE("lines continued on the next page join as one paragraph") {
    TextLine last = line("一二三四五六七八九十", 100, 500);
    last.page = 3;
    TextLine next = line("完成。", 100, 80);
    next.page = 4;
    CHECK(paragraphs_from_lines({last, next}) == Paragraphs{"一二三四五六七八九十完成。"});
}

TEST_CASE("header labels wrapped over two lines are one label") {
    CHECK(join_lines({line("对应上级", 40, 100), line("部门", 40, 114)}) == "对应上级部门");
}

TEST_CASE("a list that sets space between paragraphs is told by its line pitches") {
    // Lines 14 pt apart inside a paragraph, 17 pt between paragraphs, in three cells.
    const std::vector<TextLine> spaced = {line("一二三四五六七八九十", 100, 100), line("一二三四五六七八九十", 100, 114),
                                          line("一二三四五六七八九十", 100, 131), line("完。", 100, 145)};
    const std::vector<TextLine> tight = {line("一二三四五六七八九十", 100, 100), line("一二三四五六七八九十", 100, 114),
                                         line("完。", 100, 128)};
    const ParagraphTolerances style = paragraph_style({&spaced, &spaced, &spaced, &tight});
    CHECK(style.spaced_pitch == doctest::Approx(1.4));
    CHECK(paragraph_style({&tight, &tight, &tight}).spaced_pitch == 0);

    SUBCASE("the wider pitch ends a paragraph even after a full line") {
        CHECK(paragraphs_from_lines(spaced, style) ==
              Paragraphs{"一二三四五六七八九十一二三四五六七八九十", "一二三四五六七八九十完。"});
        CHECK(paragraphs_from_lines(spaced) == Paragraphs{"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十完。"});
    }
    SUBCASE("a marker wrapped to a line start at the line pitch stays inline") {
        const std::vector<TextLine> inline_items = {line("一二三四五六七八；", 90, 100), line("2.对上报的", 90, 114)};
        CHECK(paragraphs_from_lines(inline_items, style) == Paragraphs{"一二三四五六七八；2.对上报的"});
        CHECK(paragraphs_from_lines(inline_items) == Paragraphs{"一二三四五六七八；", "2.对上报的"});
    }
}
