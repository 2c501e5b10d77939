// Page numbers: bare numbers, where a bare number is the page's rather than a 序号, and where a
// page read by OCR prints its number (page_furniture.hpp).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extractors/pdf/page_furniture.hpp"
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

namespace {

// A landscape page read by OCR, its table from 80 to 480 pt, with `foot` below it.
PageLayout scanned_page(int number, TextLine foot, bool recognised = true) {
    PageLayout page;
    page.number = number;
    page.width = 842;
    page.height = 595;
    page.recognition.recognised = recognised;
    TableBlock table;
    table.box = {60, 80, 780, 480};
    page.tables.push_back(table);
    page.lines.push_back(std::move(foot));
    return page;
}

TextLine foot_line(const std::string& text, double x0, double x1, double top) {
    TextLine l = line_at(text, top);
    l.x0 = x0;
    l.x1 = x1;
    return l;
}

// The lines left on each page once every page has gone through the furniture.
std::vector<size_t> lines_left(std::vector<PageLayout> pages) {
    PageFurniture furniture;
    std::vector<size_t> out;
    for (PageLayout& p : pages)
        if (auto done = furniture.add(std::move(p))) out.push_back(done->lines.size());
    if (auto last = furniture.finish()) out.push_back(last->lines.size());
    return out;
}

}  // namespace

TEST_CASE("on pages read by OCR, a misread page number is known by where it stands on its pages") {
    // "— 3 —" read as 一三, "— 4 —" as -总一, centred at the foot, a little higher on one scan.
    CHECK(lines_left({scanned_page(3, foot_line("一三", 405, 437, 560)), scanned_page(4, foot_line("-总一", 403, 439, 566))}) ==
          std::vector<size_t>{0, 0});
    // Not where a page number stands: off centre, in the body's height, or a long line.
    CHECK(lines_left({scanned_page(3, foot_line("一三", 100, 132, 560)), scanned_page(4, foot_line("-总一", 100, 136, 566))}) ==
          std::vector<size_t>{1, 1});
    CHECK(lines_left({scanned_page(3, foot_line("一三", 405, 437, 500)), scanned_page(4, foot_line("-总一", 403, 439, 506))}) ==
          std::vector<size_t>{1, 1});
    CHECK(lines_left({scanned_page(3, foot_line("注：本清单由乡党委负责解释", 300, 540, 560)),
                      scanned_page(4, foot_line("注：本清单由乡党委负责解释。", 300, 550, 566))}) == std::vector<size_t>{1, 1});
    // Alone at the foot, the pages around reading theirs as nothing (a photocopy's "— 37 —" as 了),
    // it is still the page number; alone at the head, with no such line on the page before or
    // after (a centred heading), or on pages with a text layer, it stays.
    CHECK(lines_left({scanned_page(3, foot_line("了", 415, 427, 560)), scanned_page(4, foot_line("一二三四五六七八九十一二", 60, 780, 300))}) ==
          std::vector<size_t>{0, 1});
    CHECK(lines_left({scanned_page(3, foot_line("一三", 405, 437, 20)), scanned_page(4, foot_line("一二三四五六七八九十一二", 60, 780, 300))}) ==
          std::vector<size_t>{1, 1});
    CHECK(lines_left({scanned_page(3, foot_line("一三", 405, 437, 560), false), scanned_page(4, foot_line("-总一", 403, 439, 566), false)}) ==
          std::vector<size_t>{1, 1});
}
