// Page numbers: bare numbers, and where a bare number is the page's rather than a 序号.
#include <doctest/doctest.h>

#include <string>

#include "extractors/pdf/page_numbers.hpp"

using namespace dutylist::pdf;

namespace {

constexpr double page_height = 600;
constexpr double margin_share = 0.1;  // the top and bottom 60 points

TextLine line_at(const std::string& text, double top) {
    TextLine l;
    l.text = text;
    l.top = top;
    l.bottom = top + 10;
    return l;
}

}  // namespace

TEST_CASE("a bare number is digits with dots, at most four characters") {
    for (const char* n : {"3", "12", "3.1", " 12 ", "2024"}) CHECK_MESSAGE(is_bare_number(n), n);
    for (const char* n : {"", ".3", "12345", "3a", "— 3 —", "第3页"}) CHECK_FALSE_MESSAGE(is_bare_number(n), n);
}

TEST_CASE("a bare number is the page's number in the margins only; a decorated one anywhere") {
    CHECK(is_page_number_line(line_at("3", 20), page_height, margin_share));
    CHECK(is_page_number_line(line_at("3", 580), page_height, margin_share));
    CHECK_FALSE(is_page_number_line(line_at("3", 300), page_height, margin_share));  // a 序号 on its own line
    CHECK(is_page_number_line(line_at("— 3 —", 300), page_height, margin_share));
    CHECK(is_page_number_line(line_at("第3页", 300), page_height, margin_share));
    CHECK_FALSE(is_page_number_line(line_at("序号", 20), page_height, margin_share));
}
