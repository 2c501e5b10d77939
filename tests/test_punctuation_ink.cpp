// Commas, colons and semicolons told apart by their ink (extractors/ocr/punctuation_ink): a
// line drawn by hand as a 200 dpi scan read at 300 dpi draws it — ideographs as blocks of
// strokes an em wide, marks at the left of their em as 宋体 prints them — with Tesseract's
// loose symbol boxes.
#include <doctest/doctest.h>

#include "extractors/ocr/punctuation_ink.hpp"

using namespace dutylist;
using namespace dutylist::ocr;

namespace {

constexpr int em = 56;        // the line's height, px
constexpr int line_top = 100;

struct Page {
    pdf::PageImage image;
    Page() {
        image.width = 800;
        image.height = 300;
        image.dpi = 300;
        image.grey.assign(static_cast<size_t>(image.width * image.height), 255);
    }
    void ink(int x0, int y0, int x1, int y1, unsigned char grey = 30) {
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) image.grey[static_cast<size_t>(y * image.width + x)] = grey;
    }
    // An ideograph in the em from x: three horizontal strokes joined by a vertical one.
    void ideograph(int x) {
        for (int y : {line_top + 6, line_top + 24, line_top + 44}) ink(x + 4, y, x + em - 4, y + 4);
        ink(x + 26, line_top + 6, x + 30, line_top + 48);
    }
    void comma(int x) { ink(x + 4, line_top + 40, x + 13, line_top + 57); }
    void dot(int x, int y, unsigned char grey = 30) { ink(x + 5, y, x + 8, y + 7, grey); }
};

// "字<mark>字" read as 字，字, the mark's box as loose as Tesseract's (half the ideograph before).
OcrLine read_as_comma(char32_t read = U'，') {
    OcrLine line;
    line.box = {0, line_top, 3 * em, line_top + em};
    line.symbols = {{U'字', {0, line_top, em, line_top + em}, 99},
                    {read, {em / 2, line_top - 6, em + em / 3, line_top + em + 10}, 97},
                    {U'字', {2 * em, line_top, 3 * em, line_top + em}, 99}};
    return line;
}

char32_t settled(Page& page, char32_t read = U'，') {
    page.ideograph(0);
    page.ideograph(2 * em);
    OcrLine line = read_as_comma(read);
    settle_punctuation(line, page.image);
    return line.symbols[1].code;
}

}  // namespace

TEST_CASE("a dot over a comma is a semicolon, two dots a colon, one tailed blot a comma") {
    Page semicolon;
    semicolon.dot(em, line_top + 17);
    semicolon.comma(em);
    CHECK(settled(semicolon) == U'；');

    // The corpus scan's colon dots are a few pixels of grey, lighter than the rulings' ink.
    Page colon;
    colon.dot(em, line_top + 16, 150);
    colon.dot(em, line_top + 40, 170);
    CHECK(settled(colon) == U'：');

    Page comma;
    comma.comma(em);
    CHECK(settled(comma, U'；') == U'，');
    CHECK(settled(comma, U';') == U',');  // ASCII as read: the width is not the ink's to say
}

TEST_CASE("a mark's reading stays when its ink is no comma, colon or semicolon") {
    Page lone_dot;  // a colon of which one dot was too faint to see: no comma
    lone_dot.dot(em, line_top + 40);
    CHECK(settled(lone_dot) == U'，');

    Page nothing;  // the mark not in the image at all
    CHECK(settled(nothing, U'；') == U'；');

    Page stroke;  // a character's stroke where the mark should be
    stroke.ink(em + 2, line_top + 4, em + 6, line_top + 52);
    CHECK(settled(stroke, U'：') == U'：');

    Page three;  // three blots: an ellipsis' dots or specks, not one of these marks
    three.dot(em, line_top + 10);
    three.dot(em, line_top + 25);
    three.dot(em, line_top + 40);
    CHECK(settled(three, U'：') == U'：');
}
