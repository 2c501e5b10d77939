#include <doctest/doctest.h>

#include <chrono>

#include "review/word_diff.hpp"

using dutylist::review::Edit;
using dutylist::review::side_text;
using dutylist::review::Span;
using dutylist::review::word_diff;
using dutylist::review::word_diff_markup;

namespace {

// The spans, checked to give both texts back exactly.
std::vector<Span> diff(const std::string& old_text, const std::string& new_text) {
    auto spans = word_diff(old_text, new_text);
    CHECK(side_text(spans, Edit::removed) == old_text);
    CHECK(side_text(spans, Edit::added) == new_text);
    for (size_t i = 1; i < spans.size(); ++i) CHECK(spans[i].edit != spans[i - 1].edit);
    return spans;
}

}  // namespace

TEST_CASE("Chinese words are characters: two put in") {
    CHECK(diff("3.负责项目的实施监管和验收；", "3.负责项目的实施监管和竣工验收；") ==
          std::vector<Span>{{Edit::same, "3.负责项目的实施监管和"}, {Edit::added, "竣工"}, {Edit::same, "验收；"}});
    CHECK(word_diff_markup(word_diff("领导本乡政权机关、群团组织和其他各类组织", "领导本乡政权机关、群团组织和其他组织")) ==
          "领导本乡政权机关、群团组织和其他[-各类-]组织");
}

TEST_CASE("one paragraph of four changed: only it is marked, and only its changed words") {
    const std::string old_text = "1.根据上报信息进行规划布局；\n2.做好招投标和建设工作；\n3.负责项目的实施监管和验收；\n4.做好项目资产移交。";
    const std::string new_text = "1.根据上报信息进行规划布局；\n2.做好招投标和建设工作；\n3.负责项目的实施监管和竣工验收；\n4.做好项目资产移交。";
    CHECK(diff(old_text, new_text) == std::vector<Span>{{Edit::same, "1.根据上报信息进行规划布局；\n2.做好招投标和建设工作；\n3.负责项目的实施监管和"},
                                                        {Edit::added, "竣工"},
                                                        {Edit::same, "验收；\n4.做好项目资产移交。"}});
}

TEST_CASE("paragraphs put in and taken out keep the breaks of each side") {
    CHECK(diff("甲\n乙", "甲\n丙丁\n乙") == std::vector<Span>{{Edit::same, "甲"}, {Edit::added, "\n丙丁"}, {Edit::same, "\n乙"}});
    CHECK(diff("甲\n乙", "乙") == std::vector<Span>{{Edit::removed, "甲\n"}, {Edit::same, "乙"}});
    CHECK(diff("", "甲") == std::vector<Span>{{Edit::added, "甲"}});
    CHECK(diff("甲", "").size() == 1);
    CHECK(diff("", "").empty());
}

TEST_CASE("Latin letters and digits are one word; whitespace is no change") {
    CHECK(word_diff_markup(diff("通过 ISO 9001 认证", "通过 ISO 14001 认证")) == "通过 ISO [-9001 -]{+14001 +}认证");
    CHECK(diff("a b", "a  b") == std::vector<Span>{{Edit::same, "a"}, {Edit::removed, " "}, {Edit::added, "  "}, {Edit::same, "b"}});
}

TEST_CASE("a paragraph rewritten is replaced whole, not marked character by character") {
    CHECK(diff("深入学习贯彻党的路线方针政策", "组织开展基层理论宣讲活动") ==
          std::vector<Span>{{Edit::removed, "深入学习贯彻党的路线方针政策"}, {Edit::added, "组织开展基层理论宣讲活动"}});
}

TEST_CASE("the cost is bounded: a middle of more word pairs than the bound is replaced whole") {
    std::string middle;
    for (char32_t c = 0x4E00; c < 0x4E00 + 1100; ++c) {
        // U+4E00 onwards: 1100 distinct ideographs of three bytes each.
        middle += static_cast<char>(0xE0 | (c >> 12));
        middle += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        middle += static_cast<char>(0x80 | (c & 0x3F));
    }
    const auto start = std::chrono::steady_clock::now();
    const auto spans = diff("甲" + middle + "乙", "丙" + middle + "丁");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
    CHECK(spans.size() == 2);
    // Under the bound the same middle is aligned: only the ends differ.
    const auto small = diff("甲" + middle.substr(0, 3 * 900) + "乙", "丙" + middle.substr(0, 3 * 900) + "丁");
    CHECK(small.size() == 5);
}
