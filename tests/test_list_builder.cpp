// The one list builder of the model, on neutral tables built by hand the way each reader
// builds them: what a list is (header, title, kind, notes, sections, merges, continuation) is
// decided here for every format.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/error.hpp"
#include "model/list_builder.hpp"

using namespace dutylist;

namespace {

// A row of one-column cells; "" is an empty cell, "^" a cell merged from the one above, and
// "a\nb" a cell of two paragraphs.
TableRow row(const std::vector<std::string>& cells, int number = 0) {
    TableRow r;
    r.source.row = number;
    for (size_t i = 0; i < cells.size(); ++i) {
        TableCell c;
        c.col = static_cast<int>(i);
        if (cells[i] == "^") {
            c.merged_from_above = true;
        } else {
            size_t start = 0;
            for (size_t nl; (nl = cells[i].find('\n', start)) != std::string::npos; start = nl + 1)
                c.text.push_back(cells[i].substr(start, nl - start));
            if (start < cells[i].size()) c.text.push_back(cells[i].substr(start));
        }
        r.cells.push_back(std::move(c));
    }
    return r;
}

// One cell across a table `width` columns wide.
TableRow across(const std::string& text, int width) {
    TableRow r;
    r.cells.push_back({0, width, {text}, false, false});
    return r;
}

Table table(std::vector<TableRow> rows, int width = 3) {
    Table t;
    t.rows = std::move(rows);
    t.width = width;
    t.name = "table 1";
    return t;
}

const std::vector<std::string> header = {"序号", "事项类别", "事项名称"};

struct Built {
    Document doc;
    std::vector<std::string> warnings;
};

template <typename Feed>
Built build(Feed feed) {
    Built out;
    ListBuilder builder("no list here", [&](const std::string& w) { out.warnings.push_back(w); });
    feed(builder);
    out.doc = builder.finish();
    return out;
}

std::vector<Paragraphs> values(const Item& item) { return item.values; }

}  // namespace

TEST_CASE("the cover, a 目录, a heading and a table make a titled list; kind from the heading") {
    const Built b = build([](ListBuilder& l) {
        l.text({"奇台县五马场哈萨克族乡", false, 0, 0});
        l.text({"履职事项清单", false, 0, 0});
        l.text({"2025年7月", false, 0, 0});
        l.text({"目录", false, 0, 0});
        l.text({"一、基本履职事项清单……1", true, 0, 0});
        l.text({"某乡基本履职事项清单", false, 0, 0});
        l.table(table({row(header), row({"1", "党的建设", "组织学习"}, 2)}));
    });
    CHECK(b.doc.issuer == "奇台县五马场哈萨克族乡");
    CHECK(b.doc.title == "履职事项清单");
    CHECK(b.doc.date_iso == "2025-07");
    REQUIRE(b.doc.lists.size() == 1);
    CHECK(b.doc.lists[0].title == "某乡基本履职事项清单");
    CHECK(b.doc.lists[0].kind == ListKind::basic);
    CHECK(b.doc.lists[0].columns[0].key == "seq");
    REQUIRE(b.doc.lists[0].items.size() == 1);
    CHECK(b.doc.lists[0].items[0].source.row == 2);
    CHECK(b.warnings.empty());
}

TEST_CASE("a heading naming no kind: the kind from the columns; notes with 说明： and 备注： kept") {
    const Built b = build([](ListBuilder& l) {
        l.text({"某镇履职事项清单", false, 0, 0});
        l.text({"说明：本清单实行动态管理。", false, 0, 0});
        l.table(table({row({"序号", "事项名称", "备注"}), row({"1", "组织学习", ""})}));
        l.text({"备注：备注栏为配合部门。", false, 0, 0});
    });
    REQUIRE(b.doc.lists.size() == 1);
    CHECK(b.doc.lists[0].title == "某镇履职事项清单");
    CHECK(b.doc.lists[0].kind == ListKind::basic);
    CHECK(b.doc.lists[0].notes == std::vector<std::string>{"说明：本清单实行动态管理。", "备注：备注栏为配合部门。"});
}

TEST_CASE("a title row inside the table names the list; a grouped two-row header names the columns under it") {
    const Built b = build([](ListBuilder& l) {
        TableRow top = row({"序号", "事项名称", "职责分工"});
        top.cells[2].col_span = 2;
        TableRow under = row({"^", "^", "上级部门职责", "乡镇配合职责"});
        l.table(table({across("某乡配合履职事项清单", 4), top, under, row({"1", "甲", "乙", "丙"})}, 4));
    });
    REQUIRE(b.doc.lists.size() == 1);
    const DutyList& list = b.doc.lists[0];
    CHECK(list.title == "某乡配合履职事项清单");
    CHECK(list.kind == ListKind::cooperative);
    REQUIRE(list.columns.size() == 4);
    CHECK(list.columns[2].key == "department_duties");
    CHECK(list.columns[3].label == "乡镇配合职责");
    REQUIRE(list.items.size() == 1);
    CHECK(values(list.items[0]) == std::vector<Paragraphs>{{"1"}, {"甲"}, {"乙"}, {"丙"}});
}

TEST_CASE("merged cells fill every row they cover; repeated header rows are dropped; rows with nothing of their own too") {
    const Built b = build([](ListBuilder& l) {
        l.text({"某乡基本履职事项清单", false, 0, 0});
        l.table(table({row(header), row({"1", "党的建设", "甲"}), row({"2", "^", "乙"}), row(header), row({"3", "经济发展", "丙"}),
                       row({"4", "^", "丁"}), row({"", "^", ""})}));
    });
    const auto& items = b.doc.lists.at(0).items;
    REQUIRE(items.size() == 4);
    const std::vector<std::string> want = {"党的建设", "党的建设", "经济发展", "经济发展"};
    for (size_t i = 0; i < items.size(); ++i) CHECK(items[i].values[1] == Paragraphs{want[i]});
}

TEST_CASE("section rows become the 事项类别; a note row across the foot is a note") {
    const Built b = build([](ListBuilder& l) {
        l.text({"某乡基本履职事项清单", false, 0, 0});
        l.table(table({row({"序号", "事项名称"}), across("一、党的建设", 2), row({"1", "甲"}), row({"二、经济发展"}), row({"2", "乙"}),
                       across("注：动态调整。", 2)},
                      2));
    });
    const DutyList& list = b.doc.lists.at(0);
    REQUIRE(list.columns.size() == 3);
    CHECK(list.columns[1].key == "category");
    REQUIRE(list.items.size() == 2);
    CHECK(values(list.items[0]) == std::vector<Paragraphs>{{"1"}, {"党的建设"}, {"甲"}});
    CHECK(values(list.items[1]) == std::vector<Paragraphs>{{"2"}, {"经济发展"}, {"乙"}});
    CHECK(list.notes == std::vector<std::string>{"注：动态调整。"});
}

TEST_CASE("after a page break: the same header goes on with the list, and the row the break split is joined") {
    for (bool goes_on : {true, false}) {
        const Built b = build([&](ListBuilder& l) {
            l.text({"某乡基本履职事项清单", false, 1, 0});
            Table one = table({row(header), row({"1", "党的建设", "一二三"})});
            one.page = 1;
            l.table(one);
            TableRow rest = row({"", "", "四五。\n下一段。"});
            rest.cells[2].continues_paragraph = goes_on;
            rest.source.pages = {2};
            Table two = table({row(header), rest, row({"2", "经济发展", "乙"})});
            two.page = 2;
            two.after_page_break = true;
            l.table(two);
        });
        const auto& items = b.doc.lists.at(0).items;
        REQUIRE(items.size() == 2);
        CHECK(items[0].values[2] == (goes_on ? Paragraphs{"一二三四五。", "下一段。"} : Paragraphs{"一二三", "四五。", "下一段。"}));
        CHECK(items[0].source.pages == std::vector<int>{2});
    }
}

TEST_CASE("after a page break: a header read with a misread character goes on with the list; another header does not") {
    const std::vector<std::string> withdrawn = {"序号", "事项名称", "承接部门及工作方式"};
    const auto lists_with = [&](const std::vector<std::string>& second_header) {
        return build([&](ListBuilder& l) {
            l.text({"某乡上级部门收回事项清单", false, 1, 0});
            Table one = table({row(withdrawn), row({"1", "甲", "县农业农村局"})});
            one.page = 1;
            l.table(one);
            Table two = table({row(second_header), row({"2", "乙", "县林草局"})});
            two.page = 2;
            two.after_page_break = true;
            l.table(two);
        }).doc.lists.size();
    };
    // OCR of the corpus photocopy's last page: 承接 as ”艰接 (two of nine characters).
    CHECK(lists_with({"序号", "事项名称", "”艰接部门及工作方式"}) == 1);
    CHECK(lists_with({"序号", "事项名称", "承接部门"}) == 2);
    CHECK(lists_with({"序号", "事项名称", "对应上级部门"}) == 2);
}

TEST_CASE("a 序号 wrapped in its column and cut by a page break (3 | 9 for 39) joins the row it began") {
    // `tail` is the first 序号 on the next page; only 9 makes 39 after 38, 40 is a row of its own.
    for (const std::string tail : {"9", "40"}) {
        const Built b = build([&](ListBuilder& l) {
            l.text({"某乡基本履职事项清单", false, 1, 0});
            l.table(table({row(header), row({"37", "党的建设", "甲"}), row({"38", "^", "乙"}), row({"3", "^", "丙"})}));
            TableRow rest = row({tail, "", "丁"});
            rest.cells[2].continues_paragraph = true;
            Table two = table({rest, row({"41", "民生", "戊"})});
            two.after_page_break = true;
            l.table(two);
        });
        const auto& items = b.doc.lists.at(0).items;
        if (tail == "9") {
            REQUIRE(items.size() == 4);
            CHECK(items[2].values[0] == Paragraphs{"39"});
            CHECK(items[2].values[2] == Paragraphs{"丙丁"});
            CHECK(items[3].values[0] == Paragraphs{"41"});
        } else {
            REQUIRE(items.size() == 5);
            CHECK(items[2].values[0] == Paragraphs{"3"});
            CHECK(items[3].values[0] == Paragraphs{"40"});
        }
    }
}

TEST_CASE("a merged cell cut by a page break is printed empty under it and still fills its rows") {
    const Built b = build([](ListBuilder& l) {
        l.text({"某乡基本履职事项清单", false, 1, 0});
        l.table(table({row(header), row({"1", "党的建设", "甲"}), row({"2", "^", "乙"})}));
        Table two = table({row({"3", "", "丙"}), row({"4", "^", "丁"}), row({"5", "民生", "戊"})});
        two.after_page_break = true;
        l.table(two);
    });
    const auto& items = b.doc.lists.at(0).items;
    REQUIRE(items.size() == 5);
    const std::vector<std::string> want = {"党的建设", "党的建设", "党的建设", "党的建设", "民生"};
    for (size_t i = 0; i < items.size(); ++i) CHECK(items[i].values[1] == Paragraphs{want[i]});
}

TEST_CASE("a table without a header goes on with the list only after a page break and at its width") {
    auto second = [](bool after_break, int width) {
        return build([&](ListBuilder& l) {
            l.text({"某乡基本履职事项清单", false, 0, 0});
            l.table(table({row(header), row({"1", "党的建设", "甲"})}));
            Table two = table({row({"2", "经济发展", "乙"})}, width);
            two.after_page_break = after_break;
            two.name = "table 2";
            l.table(two);
        });
    };
    CHECK(second(true, 3).doc.lists.at(0).items.size() == 2);
    for (const Built& b : {second(false, 3), second(true, 4)}) {
        CHECK(b.doc.lists.at(0).items.size() == 1);
        REQUIRE(b.warnings.size() == 1);
        CHECK(b.warnings[0] == "table 2 holds no duty list (its first row is \"2 | 经济发展 | 乙\") and is skipped");
    }
}

TEST_CASE("two lists on one table, each under its title rows; a table of other things is skipped") {
    const Built b = build([](ListBuilder& l) {
        l.table(table({across("某乡基本履职事项清单", 3), row(header), row({"1", "党的建设", "甲"}), across("某乡上级部门收回事项清单", 3),
                       row({"序号", "事项名称", "承接部门"}), row({"1", "乙", "县民政局"})}));
        Table other = table({row({"单位", "电话"}), row({"党政办", "123"})}, 2);
        other.name = "table 2";
        l.table(other);
    });
    REQUIRE(b.doc.lists.size() == 2);
    CHECK(b.doc.lists[0].kind == ListKind::basic);
    CHECK(b.doc.lists[0].items.size() == 1);
    CHECK(b.doc.lists[1].kind == ListKind::withdrawn);
    CHECK(b.doc.lists[1].title == "某乡上级部门收回事项清单");
    REQUIRE(b.warnings.size() == 1);
    CHECK(b.warnings[0].starts_with("table 2 holds no duty list"));
}

TEST_CASE("text after the first table that is no heading or note is reported as left out, with its page") {
    const Built b = build([](ListBuilder& l) {
        l.text({"某乡基本履职事项清单", false, 1, 0});
        l.table(table({row(header), row({"1", "党的建设", "甲"})}));
        l.text({"某乡人民政府", false, 2, 0});
        l.text({"续表", false, 2, 0});
    });
    CHECK(b.warnings == std::vector<std::string>{"page 2: text outside the lists was left out: \"某乡人民政府\""});
}

TEST_CASE("no duty list: the reader's reason; a header without rows is left out and said") {
    CHECK_THROWS_WITH_AS(build([](ListBuilder& l) { l.table(table({row({"Name", "Amount"}), row({"Apples", "1"})}, 2)); }),
                         "no list here", Error);
    const Built b = build([](ListBuilder& l) {
        l.text({"某乡基本履职事项清单", false, 0, 0});
        l.table(table({row(header), row({"1", "党的建设", "甲"})}));
        l.text({"某乡配合履职事项清单", false, 0, 0});
        l.table(table({row({"序号", "事项名称", "上级部门职责"})}));
    });
    CHECK(b.doc.lists.size() == 1);
    REQUIRE(b.warnings.size() == 1);
    CHECK(b.warnings[0].find("某乡配合履职事项清单") != std::string::npos);
}

TEST_CASE("a header row of no cells under the labels (an odd or hostile file) names no columns of its own") {
    TableRow labels = row(header), empty;
    labels.header = empty.header = true;
    const Built b = build([&](ListBuilder& l) { l.table(table({labels, empty, row({"1", "党的建设", "组织学习"}, 3)})); });
    REQUIRE(b.doc.lists.size() == 1);
    REQUIRE(b.doc.lists[0].columns.size() == 3);
    CHECK(b.doc.lists[0].columns[2].label == "事项名称");
    REQUIRE(b.doc.lists[0].items.size() == 1);
    CHECK(b.doc.lists[0].items[0].values[2] == Paragraphs{"组织学习"});
}
