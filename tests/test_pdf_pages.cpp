// Pages → lists through the PDF's page stages and the list builder, on synthetic pages laid out like a duty list: headers repeated on every page,
// rows split by a page break, merged cells, page numbers, a cover, borderless tables.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extractors/pdf/page_layout.hpp"
#include "extractors/pdf/page_sequence.hpp"
#include "model/list_builder.hpp"
#include "model/text.hpp"

using namespace dutylist;
using namespace dutylist::pdf;

namespace {

constexpr double size = 10;
constexpr double line_height = 14;
constexpr double pad = 5;

void add_text(PageContent& page, const std::string& text, double x, double baseline, double glyph_size = size) {
    for (size_t i = 0; i < text.size();) {
        const char32_t cp = next_code_point(text, i);
        const double w = is_cjk(cp) ? glyph_size : glyph_size / 2;
        Glyph g;
        g.code = cp;
        g.x0 = x;
        g.x1 = x + w;
        g.baseline = baseline;
        g.size = glyph_size;
        page.glyphs.push_back(g);
        x += w;
    }
}

std::vector<std::string> split_lines(const std::string& cell) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t nl; (nl = cell.find('\n', start)) != std::string::npos; start = nl + 1) out.push_back(cell.substr(start, nl - start));
    if (start < cell.size()) out.push_back(cell.substr(start));
    return out;
}

// A table whose columns are `widths` wide, at the top of the page below an optional heading;
// a cell's lines are separated by '\n'. `merged` lists (row, column) positions whose top
// ruling is left out, merging them with the cell above; `spanned` those whose left ruling is.
struct TableSpec {
    std::vector<double> widths;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::pair<int, int>> merged = {};
    bool ruled = true;
    std::vector<std::pair<int, int>> spanned = {};

    TableSpec(std::vector<double> w, std::vector<std::vector<std::string>> r, std::vector<std::pair<int, int>> m = {},
              bool with_rulings = true, std::vector<std::pair<int, int>> s = {})
        : widths(std::move(w)), rows(std::move(r)), merged(std::move(m)), ruled(with_rulings), spanned(std::move(s)) {}
};

PageContent make_page(int number, const std::string& heading, const TableSpec& table, bool page_number = true) {
    PageContent page;
    page.number = number;
    page.width = 842;
    page.height = 595;
    page.fonts = {{"Serif", false, "", "", "", false}};
    double y = 60;
    if (!heading.empty()) {
        add_text(page, heading, 200, y, 16);
        y += 30;
    }
    std::vector<double> xs{50};
    for (double w : table.widths) xs.push_back(xs.back() + w);
    std::vector<double> ys{y};
    for (const auto& row : table.rows) {
        size_t lines = 1;
        for (const auto& cell : row) lines = std::max(lines, split_lines(cell).size());
        const double top = ys.back();
        for (size_t c = 0; c < row.size(); ++c) {
            const auto cell_lines = split_lines(row[c]);
            for (size_t i = 0; i < cell_lines.size(); ++i)
                add_text(page, cell_lines[i], xs[c] + pad, top + pad + size * 0.85 + static_cast<double>(i) * line_height);
        }
        ys.push_back(top + 2 * pad + static_cast<double>(lines) * line_height);
    }
    if (table.ruled) {
        for (size_t r = 0; r < ys.size(); ++r)
            for (size_t c = 0; c + 1 < xs.size(); ++c) {
                bool skip = false;
                for (auto [mr, mc] : table.merged) skip = skip || (static_cast<size_t>(mr) == r && static_cast<size_t>(mc) == c);
                if (!skip) page.segments.push_back({xs[c], ys[r], xs[c + 1], ys[r]});
            }
        for (size_t c = 0; c < xs.size(); ++c)
            for (size_t r = 0; r + 1 < ys.size(); ++r) {
                bool skip = false;
                for (auto [sr, sc] : table.spanned) skip = skip || (static_cast<size_t>(sr) == r && static_cast<size_t>(sc) == c);
                if (!skip) page.segments.push_back({xs[c], ys[r], xs[c], ys[r + 1]});
            }
    }
    if (page_number) add_text(page, "— " + std::to_string(number) + " —", 400, 570);
    return page;
}

Document assemble(const std::vector<PageContent>& pages, std::vector<std::string>* warnings = nullptr) {
    ListBuilder builder("no list", [&](const std::string& w) {
        if (warnings) warnings->push_back(w);
    });
    PageSequence sequence(builder);
    for (const auto& p : pages) sequence.add(layout_page(p));
    sequence.finish();
    return builder.finish();
}

const std::vector<double> three = {40, 80, 150};  // 序号, 事项类别, 事项名称: 14 ideographs a line
const std::vector<std::string> header = {"序号", "事项类别", "事项名称"};

PageContent cover() {
    PageContent page;
    page.number = 1;
    page.width = 595;
    page.height = 842;
    page.fonts = {{"Serif", false, "", "", "", false}};
    add_text(page, "新疆维吾尔自治区昌吉回族自治州", 100, 200, 18);
    add_text(page, "奇台县五马场哈萨克族乡", 150, 230, 18);
    add_text(page, "履职事项清单", 200, 320, 26);
    add_text(page, "2025年7月", 250, 500, 16);
    return page;
}

}  // namespace

TEST_CASE("the cover gives issuer, title and date; the heading titles the list and gives its kind") {
    const Document doc = assemble({cover(), make_page(2, "某乡基本履职事项清单", {three, {header, {"1", "党的建设", "组织学习"}}})});
    CHECK(doc.issuer == "新疆维吾尔自治区昌吉回族自治州奇台县五马场哈萨克族乡");
    CHECK(doc.title == "履职事项清单");
    CHECK(doc.date == "2025年7月");
    CHECK(doc.date_iso == "2025-07");
    REQUIRE(doc.lists.size() == 1);
    CHECK(doc.lists[0].title == "某乡基本履职事项清单");
    CHECK(doc.lists[0].kind == ListKind::basic);
    REQUIRE(doc.lists[0].columns.size() == 3);
    CHECK(doc.lists[0].columns[0].key == "seq");
    REQUIRE(doc.lists[0].items.size() == 1);
    CHECK(doc.lists[0].items[0].values[2] == Paragraphs{"组织学习"});
    CHECK(doc.lists[0].items[0].source.pages == std::vector<int>{2});
}

TEST_CASE("a list over pages: repeated headers dropped, a split row joined, page numbers left out") {
    const Document doc = assemble({
        make_page(1, "某乡基本履职事项清单", {three, {header, {"1", "党的建设", "组织学习"}, {"2", "党的建设", "一二三四五六七八九十一二三四\n五六七八九十一二三四五六七八"}}}),
        make_page(2, "", {three, {header, {"", "", "九十。"}, {"3", "经济发展", "制订规划"}}}),
    });
    REQUIRE(doc.lists.size() == 1);
    const auto& items = doc.lists[0].items;
    REQUIRE(items.size() == 3);
    CHECK(items[1].values[2] == Paragraphs{"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十。"});
    CHECK(items[1].source.pages == std::vector<int>{1, 2});
    CHECK(items[2].values[0] == Paragraphs{"3"});
    CHECK(items[2].source.pages == std::vector<int>{2});
    for (const auto& item : items)
        for (const auto& cell : item.values)
            for (const auto& p : cell) CHECK(p.find("—") == std::string::npos);
}

TEST_CASE("a row split where a paragraph ends keeps the paragraph break") {
    const Document doc = assemble({
        make_page(1, "某乡基本履职事项清单", {three, {header, {"1", "党的建设", "1.短段落；"}}}),
        make_page(2, "", {three, {header, {"", "", "2.下一段。"}}}),
    });
    REQUIRE(doc.lists.size() == 1);
    REQUIRE(doc.lists[0].items.size() == 1);
    CHECK(doc.lists[0].items[0].values[2] == Paragraphs{"1.短段落；", "2.下一段。"});
}

TEST_CASE("a merged category fills every row it covers, also on the next page") {
    const Document doc = assemble({
        make_page(1, "某乡基本履职事项清单",
                  {three, {header, {"1", "党的建设", "甲"}, {"2", "", "乙"}, {"3", "经济发展", "丙"}}, {{2, 1}}}),
        make_page(2, "", {three, {header, {"4", "", "丁"}, {"5", "", "戊"}, {"6", "民生服务", "己"}}, {{2, 1}}}),
    });
    REQUIRE(doc.lists.size() == 1);
    const auto& items = doc.lists[0].items;
    REQUIRE(items.size() == 6);
    const std::vector<std::string> want = {"党的建设", "党的建设", "经济发展", "经济发展", "经济发展", "民生服务"};
    for (size_t i = 0; i < items.size(); ++i) CHECK(items[i].values[1] == Paragraphs{want[i]});
}

TEST_CASE("a new heading starts a new list, with its own columns") {
    const std::vector<std::string> four = {"序号", "事项类别", "事项名称", "承接部门及工作方式"};
    const Document doc = assemble({
        make_page(1, "某乡基本履职事项清单", {three, {header, {"1", "党的建设", "甲"}}}),
        make_page(2, "某乡上级部门收回事项清单", {{40, 80, 150, 150}, {four, {"1", "民生服务", "乙", "奇台县民政局：\n负责。"}}}),
    });
    REQUIRE(doc.lists.size() == 2);
    CHECK(doc.lists[1].kind == ListKind::withdrawn);
    CHECK(doc.lists[1].columns.size() == 4);
    REQUIRE(doc.lists[1].items.size() == 1);
    CHECK(doc.lists[1].items[0].values[3] == Paragraphs{"奇台县民政局：", "负责。"});
}

TEST_CASE("a borderless table: columns from the text's gutters, rows from the 序号 numbers") {
    TableSpec spec{three, {header, {"1", "党的建设", "一二三四五六七八九十一二三四\n续完。"}, {"2", "经济发展", "制订规划"}}, {}, false};
    const Document doc = assemble({make_page(1, "某乡基本履职事项清单", spec)});
    REQUIRE(doc.lists.size() == 1);
    const auto& list = doc.lists[0];
    REQUIRE(list.columns.size() == 3);
    CHECK(list.columns[1].label == "事项类别");
    REQUIRE(list.items.size() == 2);
    CHECK(list.items[0].values[2] == Paragraphs{"一二三四五六七八九十一二三四续完。"});
    CHECK(list.items[1].values[0] == Paragraphs{"2"});
    CHECK(list.items[1].values[1] == Paragraphs{"经济发展"});
}

TEST_CASE("a line across a borderless table ends it: a note is not a row") {
    TableSpec spec{three, {header, {"1", "党的建设", "组织学习"}}, {}, false};
    PageContent page = make_page(1, "某乡基本履职事项清单", spec);
    add_text(page, "注：本清单所列事项随法律法规和机构职能调整实行动态管理。", 50, 140);
    const Document doc = assemble({page});
    REQUIRE(doc.lists.size() == 1);
    REQUIRE(doc.lists[0].items.size() == 1);
    CHECK(doc.lists[0].items[0].values[2] == Paragraphs{"组织学习"});
}

TEST_CASE("a borderless table goes on on a page that does not repeat its header") {
    // Page 1 ends inside row 2; page 2 has its rest, then rows 3 and 4, and a running header
    // line at the top of both pages.
    TableSpec first{three, {header, {"1", "党的建设", "组织学习"}, {"2", "经济发展", "一二三四五六七八九十一二三四"}}, {}, false};
    TableSpec second{three, {{"", "", "续完。"}, {"3", "经济发展", "制订规划"}, {"4", "平安法治", "调解纠纷"}}, {}, false};
    PageContent one = make_page(1, "某乡基本履职事项清单", first);
    PageContent two = make_page(2, "", second);
    add_text(one, "某乡履职事项清单（2025年）", 500, 30);
    add_text(two, "某乡履职事项清单（2025年）", 500, 30);
    // Page 1 is full to its foot: its last row ends near the bottom margin.
    for (Glyph& g : one.glyphs)
        if (g.baseline > 120 && g.baseline < 560) g.baseline += 380;
    const Document doc = assemble({one, two});
    REQUIRE(doc.lists.size() == 1);
    const auto& items = doc.lists[0].items;
    REQUIRE(items.size() == 4);
    CHECK(items[1].values[2] == Paragraphs{"一二三四五六七八九十一二三四续完。"});
    CHECK(items[1].source.pages == std::vector<int>{1, 2});
    CHECK(items[2].values == std::vector<Paragraphs>{{"3"}, {"经济发展"}, {"制订规划"}});
    CHECK(items[3].values[2] == Paragraphs{"调解纠纷"});
}

TEST_CASE("a borderless table that ends above other text does not go on on the next page") {
    TableSpec spec{three, {header, {"1", "党的建设", "组织学习"}}, {}, false};
    PageContent one = make_page(1, "某乡基本履职事项清单", spec);
    add_text(one, "注：本清单所列事项随法律法规和机构职能调整实行动态管理。", 50, 300);
    PageContent two;
    two.number = 2;
    two.width = 842;
    two.height = 595;
    two.fonts = {{"Serif", false, "", "", "", false}};
    add_text(two, "2", 60, 80);  // laid out like a 序号 and a name, but not a row of the list
    add_text(two, "附录", 200, 80);
    const Document doc = assemble({one, two});
    REQUIRE(doc.lists.size() == 1);
    CHECK(doc.lists[0].items.size() == 1);
}

TEST_CASE("text after the first table that is no heading, note or page furniture is reported as left out") {
    PageContent one = make_page(1, "某乡基本履职事项清单", {three, {header, {"1", "党的建设", "甲"}}});
    PageContent two = make_page(2, "", {three, {header, {"2", "党的建设", "乙"}}});
    // A browser's footer: the same text with the page's number in it, at the foot of each page.
    add_text(one, "file:///清单.html 1/2", 50, 585);
    add_text(two, "file:///清单.html 2/2", 50, 585);
    add_text(two, "某乡人民政府", 300, 400);
    add_text(two, "2025年7月", 300, 420);
    std::vector<std::string> warnings;
    const Document doc = assemble({one, two}, &warnings);
    REQUIRE(doc.lists.size() == 1);
    CHECK(doc.lists[0].items.size() == 2);
    CHECK(warnings == std::vector<std::string>{"page 2: text outside the lists was left out: \"某乡人民政府2025年7月\""});
}

TEST_CASE("a section row in a borderless table runs over the 序号 gutter without closing it") {
    // 一、党的建设 starts in the 序号 column and reaches into the next: a section heading.
    TableSpec spec{three, {header, {"1", "", "甲"}, {"2", "宣传", "乙"}}, {}, false};
    PageContent page = make_page(1, "某乡基本履职事项清单", spec);
    for (Glyph& g : page.glyphs) {  // room above rows 1 and 2 for a section line each
        if (g.baseline > 110 && g.baseline < 560) g.baseline += 24;
        if (g.baseline > 160 && g.baseline < 560) g.baseline += 24;
    }
    add_text(page, "二、经济发展", 50 + pad, 130);
    add_text(page, "三、党建", 50 + pad, 178);  // short: it stays inside the 序号 column
    const Document doc = assemble({page});
    REQUIRE(doc.lists.size() == 1);
    const auto& list = doc.lists[0];
    REQUIRE(list.columns.size() == 3);
    REQUIRE(list.items.size() == 2);
    CHECK(list.items[0].values == std::vector<Paragraphs>{{"1"}, {"经济发展"}, {"甲"}});
    CHECK(list.items[1].values == std::vector<Paragraphs>{{"2"}, {"宣传"}, {"乙"}});
}

TEST_CASE("a title row inside a ruled table names the list; a row across it later is a section") {
    TableSpec spec{three,
                   {{"某乡基本履职事项清单", "", ""}, header, {"1", "", "甲"}, {"一、党的建设", "", ""}, {"2", "", "乙"}},
                   {},
                   true,
                   {{0, 1}, {0, 2}, {3, 1}, {3, 2}}};
    const Document doc = assemble({make_page(1, "", spec)});
    REQUIRE(doc.lists.size() == 1);
    const auto& list = doc.lists[0];
    CHECK(list.title == "某乡基本履职事项清单");
    CHECK(list.kind == ListKind::basic);
    REQUIRE(list.items.size() == 2);
    CHECK(list.items[0].values == std::vector<Paragraphs>{{"1"}, {}, {"甲"}});
    CHECK(list.items[1].values == std::vector<Paragraphs>{{"2"}, {"党的建设"}, {"乙"}});
}

TEST_CASE("printed page numbers in their usual forms") {
    for (const char* n : {"— 3 —", "-3-", "3", "第3页", "第 3 页 共 60 页", "3/60", "Page 3 of 60", "·3·"})
        CHECK_MESSAGE(is_page_number(n), n);
    for (const char* n : {"3.对上报的", "第三章", "2025年7月", "序号"}) CHECK_FALSE_MESSAGE(is_page_number(n), n);
}

TEST_CASE("a note under a table belongs to its list and is not a heading or a row") {
    PageContent page = make_page(1, "某乡基本履职事项清单", {three, {header, {"1", "党的建设", "甲"}}});
    add_text(page, "注：本清单实行动态管理。", 50, 160);
    const Document doc = assemble({page, make_page(2, "", {three, {header, {"2", "党的建设", "乙"}}})});
    REQUIRE(doc.lists.size() == 1);
    CHECK(doc.lists[0].items.size() == 2);
    CHECK(doc.lists[0].notes == std::vector<std::string>{"注：本清单实行动态管理。"});
}

TEST_CASE("a grouped header: the columns take the labels under the group") {
    const std::vector<double> five = {40, 80, 150, 120, 120};
    const Document doc = assemble({make_page(
        1, "某乡配合履职事项清单",
        {five,
         {{"序号", "事项类别", "事项名称", "职责分工", ""}, {"", "", "", "上级部门职责", "乡镇配合职责"}, {"1", "党的建设", "甲", "乙", "丙"}},
         {{1, 0}, {1, 1}, {1, 2}},
         true,
         {{0, 4}}})});
    REQUIRE(doc.lists.size() == 1);
    const auto& list = doc.lists[0];
    REQUIRE(list.columns.size() == 5);
    CHECK(list.columns[0].label == "序号");
    CHECK(list.columns[3].label == "上级部门职责");
    CHECK(list.columns[4].label == "乡镇配合职责");
    REQUIRE(list.items.size() == 1);
    CHECK(list.items[0].values[4] == Paragraphs{"丙"});
}

TEST_CASE("a borderless header whose labels wrap in narrow columns") {
    // 事项类别 wraps as 事项 / 类别, each line centred in its column.
    TableSpec spec{{40, 40, 150}, {{"序号", "事项\n类别", "事项名称"}, {"1", "党建", "组织学习"}, {"2", "经济", "制订规划"}}, {}, false};
    PageContent page = make_page(1, "某乡基本履职事项清单", spec);
    for (Glyph& g : page.glyphs)  // centre the header labels in their columns
        if (g.baseline < 120 && g.x0 >= 90 && g.x0 < 130) g.x0 += 10, g.x1 += 10;
    const Document doc = assemble({page});
    REQUIRE(doc.lists.size() == 1);
    const auto& list = doc.lists[0];
    REQUIRE(list.columns.size() == 3);
    CHECK(list.columns[1].label == "事项类别");
    REQUIRE(list.items.size() == 2);
    CHECK(list.items[0].values[0] == Paragraphs{"1"});
    CHECK(list.items[0].values[1] == Paragraphs{"党建"});
}
