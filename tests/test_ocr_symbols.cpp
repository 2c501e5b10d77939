// The pure parts of the OCR module: punctuation put back into full width, recognised symbols
// as glyphs in the recogniser's order, and the words of the OCR summary.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extractors/ocr/ocr_report.hpp"
#include "extractors/ocr/ocr_symbols.hpp"

using namespace dutylist::ocr;

namespace {

OcrLine line_of(const std::u32string& text, int width = 40) {
    OcrLine line;
    int x = 0;
    for (char32_t c : text) {
        line.symbols.push_back({c, {x, 0, x + width - 4, 40}, 95});
        x += width;
    }
    line.box = {0, 0, x, 40};
    return line;
}

std::string fixed(const std::u32string& text) {
    OcrLine line = line_of(text);
    restore_full_width(line);
    return line_text(line);
}

}  // namespace

TEST_CASE("ASCII punctuation beside Chinese text becomes full width, elsewhere it stays") {
    CHECK(fixed(U"职责;服务") == "职责；服务");
    CHECK(fixed(U"建设,优化:提升") == "建设，优化：提升");
    CHECK(fixed(U"(1)依法") == "（1）依法");
    CHECK(fixed(U"8:30, 1,000 (a)") == "8:30, 1,000 (a)");
    CHECK(fixed(U"见(附件)") == "见（附件）");
}

TEST_CASE("bars left of a ruling at a line's ends are dropped, inside a line kept") {
    OcrLine line = line_of(U"|事项名称|_");
    drop_ruling_remnants(line);
    CHECK(line_text(line) == "事项名称");
    line = line_of(U"a|b");
    drop_ruling_remnants(line);
    CHECK(line_text(line) == "a|b");
}

TEST_CASE("a short line starting with a dash or read with low confidence is read again as a number") {
    OcrLine line = line_of(U"一克一");
    CHECK(may_be_misread_number(line));
    take_number_reading(line, {{U'-', {}, 90}, {U'2', {}, 90}, {U'—', {}, 90}});
    CHECK(line_text(line) == "—2—");
    OcrLine doubtful = line_of(U"归");
    doubtful.symbols[0].confidence = 40;
    CHECK(may_be_misread_number(doubtful));
    take_number_reading(doubtful, {{U'7', {}, 85}});
    CHECK(line_text(doubtful) == "7");
    CHECK_FALSE(may_be_misread_number(line_of(U"一是加强组织建设")));
    CHECK_FALSE(may_be_misread_number(line_of(U"党建")));  // confident text stays
    OcrLine kept = line_of(U"一克一");
    take_number_reading(kept, {{U'x', {}, 90}});
    CHECK(line_text(kept) == "一克一");
    OcrLine guessed = line_of(U"归");
    guessed.symbols[0].confidence = 40;
    take_number_reading(guessed, {{U'2', {}, 30}});  // a guess is no better
    CHECK(line_text(guessed) == "归");
}

TEST_CASE("symbols become glyphs in the recogniser's order, ideographs an em wide") {
    // A closing quote whose ink box Tesseract puts left of the ideograph before it.
    OcrLine line = line_of(U"家”建");
    line.symbols[1].box.x0 = line.symbols[0].box.x0 + 2;
    const auto glyphs = glyphs_from_lines({line}, 0.24, 10.5);
    REQUIRE(glyphs.size() == 3);
    CHECK(glyphs[0].x0 < glyphs[1].x0);
    CHECK(glyphs[1].x0 < glyphs[2].x0);
    CHECK(glyphs[2].x1 - glyphs[2].x0 == doctest::Approx(10.5));
    CHECK(glyphs[0].centre_y() == doctest::Approx(20 * 0.24));
}

TEST_CASE("the printed size comes from lines of ideographs") {
    CHECK(printed_size({line_of(U"党的建设")}, 0.24) == doctest::Approx(40 * 0.24 / 0.9));
    CHECK(printed_size({line_of(U"12")}, 0.24) == 0);
}

TEST_CASE("page lists are ranges") {
    CHECK(page_ranges({3}) == "page 3");
    CHECK(page_ranges({1, 2, 3, 4, 7, 9, 10}) == "pages 1–4, 7, 9–10");
}

TEST_CASE("the summary names the pages, the mean confidence and each doubtful cell") {
    RecognitionTally tally;
    PageRecognition page;
    page.recognised = true;
    page.cells = 10;
    page.symbols = 100;
    page.confidence_sum = 9000;
    page.doubtful.push_back({1, 4, 3, 55.5, "攻动模范"});
    for (int p = 1; p <= 60; ++p) tally.add(p, page);
    const auto messages = tally.messages(2);
    REQUIRE(messages.size() == 4);
    CHECK(messages[0].find("pages 1–60 were read") != std::string::npos);
    CHECK(messages[0].find("mean confidence 90%") != std::string::npos);
    CHECK(messages[0].find("60 of 600 cells") != std::string::npos);
    CHECK(messages[1] == "page 1, table 1, row 4, column 3: read with 55% confidence as \"攻动模范\"");
    CHECK(messages[3] == "… and 58 more cells with low confidence");
}

TEST_CASE("brackets of a cell that pair up but do not match become full-width parentheses") {
    const auto paired = [](std::vector<std::u32string> texts) {
        std::vector<OcrLine> lines;
        for (const auto& t : texts) lines.push_back(line_of(t));
        pair_parentheses(lines);
        std::string out;
        for (const OcrLine& l : lines) out += line_text(l) + "|";
        return out;
    };
    CHECK(paired({U"干部职级〈职员等级）晋升"}) == "干部职级（职员等级）晋升|");
    CHECK(paired({U"出具证明（婚姻关系证明〉"}) == "出具证明（婚姻关系证明）|");
    // Across the lines of a cell, and nested pairs each by its own.
    CHECK(paired({U"证明〈婚姻关系", U"证明、分居（一）证明）"}) == "证明（婚姻关系|证明、分居（一）证明）|");
    // Brackets that match, or have no partner, stay.
    CHECK(paired({U"〈烟花爆竹〉（零售）"}) == "〈烟花爆竹〉（零售）|");
    CHECK(paired({U"〈未闭合", U"之后）"}) == "（未闭合|之后）|");
    CHECK(paired({U"只有〈开"}) == "只有〈开|");
}
