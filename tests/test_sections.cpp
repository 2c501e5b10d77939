// Section rows (one cell across a table) into the 事项类别 column.
#include <doctest/doctest.h>

#include "model/sections.hpp"

using namespace dutylist;

namespace {

// A list of `count` items with columns 序号 and 事项名称.
DutyList numbered(int count) {
    DutyList list;
    list.columns = {{"seq", "序号"}, {"name", "事项名称"}};
    for (int i = 1; i <= count; ++i) list.items.push_back({{{std::to_string(i)}, {"事项" + std::to_string(i)}}, {}});
    return list;
}

Paragraphs category_of(const DutyList& list, size_t item) {
    return list.items[item].values[static_cast<size_t>(column_index(list, "category"))];
}

}  // namespace

TEST_CASE("a list marker is left out of a heading, a number is not") {
    CHECK(without_list_marker("一、党的建设") == "党的建设");
    CHECK(without_list_marker("十二、 平安法治") == "平安法治");
    CHECK(without_list_marker("（三）组织建设") == "组织建设");
    CHECK(without_list_marker("(3)组织建设") == "组织建设");
    CHECK(without_list_marker("2.民生服务") == "民生服务");
    CHECK(without_list_marker("2、民生服务") == "民生服务");
    CHECK(without_list_marker("党的建设") == "党的建设");
    CHECK(without_list_marker("1.5亩以上") == "1.5亩以上");
    CHECK(without_list_marker("一、") == "一、");
    CHECK(without_list_marker("一带一路") == "一带一路");
}

TEST_CASE("section headings become a 事项类别 column after 序号") {
    DutyList list = numbered(4);
    apply_section_headings(list, {{0, "一、党的建设"}, {2, "二、经济发展"}});
    REQUIRE(list.columns.size() == 3);
    CHECK(list.columns[1] == Column{"category", "事项类别"});
    CHECK(list.items[0].values == std::vector<Paragraphs>{{"1"}, {"党的建设"}, {"事项1"}});
    CHECK(category_of(list, 1) == Paragraphs{"党的建设"});
    CHECK(category_of(list, 2) == Paragraphs{"经济发展"});
    CHECK(category_of(list, 3) == Paragraphs{"经济发展"});
    CHECK(list.notes.empty());
}

TEST_CASE("items above the first heading keep an empty 事项类别; a heading under the last item is a note") {
    DutyList list = numbered(3);
    apply_section_headings(list, {{1, "党的建设"}, {3, "注：本清单实行动态管理。"}});
    CHECK(category_of(list, 0).empty());
    CHECK(category_of(list, 1) == Paragraphs{"党的建设"});
    CHECK(list.notes == std::vector<std::string>{"注：本清单实行动态管理。"});
}

TEST_CASE("a list with a 事项类别 column keeps what its cells say and fills the empty ones") {
    DutyList list;
    list.columns = {{"seq", "序号"}, {"category", "事项类别"}, {"name", "事项名称"}};
    list.items = {{{{"1"}, {}, {"甲"}}, {}}, {{{"2"}, {"综合"}, {"乙"}}, {}}};
    apply_section_headings(list, {{0, "一、党的建设"}});
    CHECK(list.columns.size() == 3);
    CHECK(category_of(list, 0) == Paragraphs{"党的建设"});
    CHECK(category_of(list, 1) == Paragraphs{"综合"});
}

TEST_CASE("nested headings give outer／inner, and a heading of the outer level starts afresh") {
    DutyList list = numbered(4);
    apply_section_headings(list, {{0, "一、党的建设"}, {0, "（一）组织建设"}, {1, "（二）宣传思想"}, {3, "二、经济发展"}});
    CHECK(category_of(list, 0) == Paragraphs{"党的建设／组织建设"});
    CHECK(category_of(list, 1) == Paragraphs{"党的建设／宣传思想"});
    CHECK(category_of(list, 2) == Paragraphs{"党的建设／宣传思想"});
    CHECK(category_of(list, 3) == Paragraphs{"经济发展"});
}

TEST_CASE("no headings change nothing") {
    DutyList list = numbered(2);
    const DutyList before = list;
    apply_section_headings(list, {});
    CHECK(list == before);
    apply_section_headings(list, {{0, "  "}});
    CHECK(list == before);
}
