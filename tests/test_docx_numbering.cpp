// Number formats of WordprocessingML as Word prints them (docx_numbering).
#include <doctest/doctest.h>

#include "extractors/docx/docx_numbering.hpp"
#include "extractors/number_format.hpp"

using dutylist::format_number;

TEST_CASE("decimal, letters and roman numerals") {
    CHECK(format_number(7, "decimal") == "7");
    CHECK(format_number(7, "decimalZero") == "07");
    CHECK(format_number(12, "decimalZero") == "12");
    CHECK(format_number(3, "lowerLetter") == "c");
    CHECK(format_number(28, "upperLetter") == "BB");
    CHECK(format_number(14, "upperRoman") == "XIV");
    CHECK(format_number(1994, "lowerRoman") == "mcmxciv");
    CHECK(format_number(5, "anUnknownFormat") == "5");
}

TEST_CASE("Chinese counting as printed in headings 一、 and （十一）") {
    CHECK(format_number(1, "chineseCounting") == "一");
    CHECK(format_number(10, "chineseCounting") == "十");
    CHECK(format_number(11, "chineseCounting") == "十一");
    CHECK(format_number(20, "chineseCounting") == "二十");
    CHECK(format_number(35, "chineseCountingThousand") == "三十五");
    CHECK(format_number(101, "chineseCountingThousand") == "一百零一");
    CHECK(format_number(110, "chineseCountingThousand") == "一百一十");
    CHECK(format_number(1005, "chineseCountingThousand") == "一千零五");
    CHECK(format_number(12, "chineseLegalSimplified") == "壹拾贰");
    CHECK(format_number(205, "ideographDigital") == "二〇五");
}

TEST_CASE("ideographic sequences and enclosed numbers") {
    CHECK(format_number(1, "ideographTraditional") == "甲");
    CHECK(format_number(10, "ideographTraditional") == "癸");
    CHECK(format_number(11, "ideographTraditional") == "11");
    CHECK(format_number(12, "ideographZodiac") == "亥");
    CHECK(format_number(3, "decimalEnclosedCircle") == "③");
    CHECK(format_number(20, "decimalEnclosedCircleChinese") == "⑳");
    CHECK(format_number(21, "decimalEnclosedCircle") == "21");
    CHECK(format_number(2, "decimalEnclosedParen") == "⑵");
    CHECK(format_number(4, "decimalEnclosedFullstop") == "⒋");
    CHECK(format_number(3, "ideographEnclosedCircle") == "㈢");
    CHECK(format_number(12, "decimalFullWidth") == "１２");
    CHECK(format_number(4, "none") == "");
}
