// The lines printed around a list's tables that the DOCX and XLSX readers recognise alike.
#include <doctest/doctest.h>

#include "model/printed_lines.hpp"

using namespace dutylist;

TEST_CASE("notes start with 注, 备注： or 说明：") {
    CHECK(is_note("注：本清单随机构改革动态调整。"));
    CHECK(is_note("注:1.以上事项"));
    CHECK(is_note("备注：无"));
    CHECK(is_note("说明: 见附件"));
    CHECK_FALSE(is_note("备注"));  // a column label, not a note
    CHECK_FALSE(is_note("基本履职事项清单"));
    CHECK_FALSE(is_note("一、党的建设（注重实效）"));
}

TEST_CASE("the cover's date line is a short date that names no 清单") {
    CHECK(is_date_line("2025年7月"));
    CHECK(is_date_line("二〇二五年七月"));
    CHECK_FALSE(is_date_line("2025年履职事项清单"));
    CHECK_FALSE(is_date_line("奇台县五马场哈萨克族乡"));
}
