#include <doctest/doctest.h>

#include "model/columns.hpp"
#include "model/document.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

using namespace dutylist;

TEST_CASE("known column labels map to fixed keys") {
    CHECK(column_key("序号") == "seq");
    CHECK(column_key("序 号") == "seq");
    CHECK(column_key("事项类别") == "category");
    CHECK(column_key("事项\n类别") == "category");
    CHECK(column_key("事项名称") == "name");
    CHECK(column_key("对应上级部门") == "departments");
    CHECK(column_key("对应县级部门") == "departments");
    CHECK(column_key("上级部门职责") == "department_duties");
    CHECK(column_key("县级部门职责") == "department_duties");
    CHECK(column_key("乡镇配合职责") == "township_duties");
    CHECK(column_key("街道配合职责") == "township_duties");
    CHECK(column_key("镇街配合职责") == "township_duties");
    CHECK(column_key("乡镇（街道）配合职责") == "township_duties");
    CHECK(column_key("乡配合职责") == "township_duties");
    CHECK(column_key("承接部门及工作方式") == "receiver");
    CHECK(column_key("承接部门") == "receiving_department");
    CHECK(column_key("工作方式") == "method");
    CHECK(column_key("备注") == "remarks");
}

TEST_CASE("other labels get a key derived from their pinyin") {
    CHECK(column_key("责任人") == "ze_ren_ren");
    CHECK(column_key("Contact person") == "contact_person");
    CHECK(column_key("2024") == "column_2024");
    CHECK(column_key("") == "column");
}

TEST_CASE("序号 labels: the label alone, or the start of a header row read as one line") {
    CHECK(is_seq_label("序号"));
    CHECK(is_seq_label("序 号"));
    CHECK(is_seq_label("编号"));
    CHECK_FALSE(is_seq_label("序号事项名称"));
    CHECK_FALSE(is_seq_label("seq"));  // its pinyin key would be "seq", but it names no 序号 column
    CHECK_FALSE(is_seq_label("事项名称"));
    CHECK(starts_with_seq_label("序 号  事项类别  事项名称"));
    CHECK(starts_with_seq_label("编号事项名称"));
    CHECK_FALSE(starts_with_seq_label("事项类别序号"));
    CHECK_FALSE(starts_with_seq_label("序"));
}

TEST_CASE("make_columns keeps labels and makes keys unique") {
    auto cols = make_columns({"序号", "备注", "备注"});
    REQUIRE(cols.size() == 3);
    CHECK(cols[0].key == "seq");
    CHECK(cols[1].key == "remarks");
    CHECK(cols[2].key == "remarks_2");
    CHECK(cols[2].label == "备注");
}

TEST_CASE("departments are split at Chinese and ASCII separators") {
    CHECK(split_departments({"奇台县民政局、奇台县财政局"}) == std::vector<std::string>{"奇台县民政局", "奇台县财政局"});
    CHECK(split_departments({"县委组织部", "县人社局；县教育局"}) ==
          std::vector<std::string>{"县委组织部", "县人社局", "县教育局"});
    CHECK(split_departments({}).empty());
}

TEST_CASE("list kinds from names and titles") {
    CHECK(kind_from_title("昌吉州奇台县五马场哈萨克族乡基本履职事项清单") == ListKind::basic);
    CHECK(kind_from_title("配合履职事项清单") == ListKind::cooperative);
    CHECK(kind_from_title("上级部门收回事项清单") == ListKind::withdrawn);
    CHECK(kind_from_title("履职事项清单") == ListKind::other);
    CHECK(kind_from_name("withdrawn") == ListKind::withdrawn);
    CHECK_THROWS_AS(kind_from_name("nonsense"), Error);
}

TEST_CASE("dates as printed become ISO dates") {
    CHECK(iso_date("2025年7月") == "2025-07");
    CHECK(iso_date("2025 年 7 月") == "2025-07");
    CHECK(iso_date("2025年07月15日") == "2025-07-15");
    CHECK(iso_date("二〇二五年七月") == "2025-07");
    CHECK(iso_date("二〇二五年十二月二十五日") == "2025-12-25");
    CHECK(iso_date("２０２４年１０月") == "2024-10");
    CHECK(iso_date("2024.3") == "2024-03");
    CHECK(iso_date("履职事项清单").empty());
    CHECK(iso_date("2025年13月").empty());
}

TEST_CASE("paragraph normalisation removes extraction spaces around CJK only") {
    CHECK(normalize_paragraph("  依 据 婚姻登记 ") == "依据婚姻登记");
    CHECK(normalize_paragraph("按照 GB 50016 执行") == "按照GB 50016执行");
    CHECK(normalize_paragraph("a \t\n b") == "a b");
    CHECK(normalize_paragraph("“两个确立” 、 坚决") == "“两个确立”、坚决");
    CHECK(trim("\xE3\x80\x80 abc \n") == "abc");
    CHECK(remove_whitespace(" a b\tc ") == "abc");
}

TEST_CASE("UTF-8 decoding refuses malformed sequences") {
    CHECK(is_valid_utf8("清单 abc"));
    CHECK_FALSE(is_valid_utf8("\xC3"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));
    std::string s;
    append_utf8(s, U'清');
    append_utf8(s, 0x1F600);
    size_t i = 0;
    CHECK(next_code_point(s, i) == U'清');
    CHECK(next_code_point(s, i) == 0x1F600);
    CHECK(i == s.size());
}

TEST_CASE("printable escapes what would drive a terminal or break a line, and keeps the rest") {
    CHECK(printable("清单 2025.pdf") == "清单 2025.pdf");
    CHECK(printable("a\x1b]0;title\x07" "b") == "a\\x1b]0;title\\x07b");
    CHECK(printable("line\nbreak\r\t") == "line\\x0abreak\\x0d\\x09");
    CHECK(printable("del\x7f c1\xc2\x9b") == "del\\x7f c1\\xc2\\x9b");
    CHECK(printable("bad\xff\xfe utf8") == "bad\\xff\\xfe utf8");
    CHECK(printable("\xEF\xBF\xBD") == "\xEF\xBF\xBD");
}
