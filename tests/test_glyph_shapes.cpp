// Uncertain codes of broken fonts decided by their glyph's shape (extractors/ocr/glyph_shapes,
// installed_faces): glyphs drawn by FreeType in the installed Noto Serif CJK stand for the
// page's glyphs of a font that is a subset of it (fonts-noto-cjk is a test dependency); the
// corpus list and LibreOffice's fonts with nothing left to name their glyphs are read in
// test_font_repair.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "extractors/ocr/glyph_shapes.hpp"
#include "extractors/ocr/glyph_votes.hpp"
#include "extractors/ocr/installed_faces.hpp"

using namespace dutylist;

namespace {

size_t face_named(ocr::InstalledFaces& faces, const std::string& name) {
    for (size_t i = 0; i < faces.size(); ++i)
        if (faces.name(i) == name) return i;
    return faces.size();
}

// A 10.5 pt glyph at 300 dpi, its origin a fraction of a pixel off the grid.
ocr::InkBox page_frame() {
    ocr::InkBox frame;
    frame.ppem = 10.5 * 300 / 72;
    frame.width = static_cast<int>(std::ceil(frame.ppem)) + 1;
    frame.height = static_cast<int>(std::ceil((ocr::sample_above + ocr::sample_below) * frame.ppem));
    frame.origin_x = 0.4;
    frame.origin_y = ocr::sample_above * frame.ppem + 0.3;
    return frame;
}

ocr::InkBox drawn(ocr::InstalledFaces& faces, size_t face, char32_t c) {
    ocr::InkBox out;
    REQUIRE(faces.draw(face, c, page_frame(), out));
    return out;
}

const std::u32string certain_characters = U"乡人民政府工作事项清单负责";

}  // namespace

TEST_CASE("a glyph is alike itself, and far less another ideograph or its near twin") {
    ocr::InstalledFaces faces;
    const size_t serif = face_named(faces, "Noto Serif CJK SC Regular");
    REQUIRE(serif < faces.size());
    const ocr::InkBox chu = drawn(faces, serif, U'畜');
    CHECK(ocr::ink_similarity(chu, drawn(faces, serif, U'畜')) == doctest::Approx(1));
    CHECK(ocr::ink_similarity(chu, drawn(faces, serif, U'冀')) < 0.7);
    const double twins = ocr::ink_similarity(drawn(faces, serif, U'犬'), drawn(faces, serif, U'大'));
    CHECK(twins > 0.8);
    CHECK(twins < 1);
}

TEST_CASE("an uncertain code takes the candidate its glyph matches clearly best; certain codes and unclear matches keep their votes") {
    ocr::InstalledFaces faces;
    const size_t serif = face_named(faces, "Noto Serif CJK SC Regular");
    REQUIRE(serif < faces.size());
    ocr::GlyphVotes votes;
    unsigned code = 1;
    for (char32_t c : certain_characters) {
        for (int i = 0; i < 5; ++i) votes.add({"9 0", code}, c, 99);
        votes.keep_sample({"9 0", code++}, drawn(faces, serif, c));
    }
    const ocr::FontCode chu{"9 0", 100}, tu{"9 0", 101}, quan{"9 0", 102}, unseen{"9 0", 103}, blend{"9 0", 104};
    for (int i = 0; i < 14; ++i) votes.add(chu, U'冀', 91);  // 畜 read as 冀 in most of its lines
    for (int i = 0; i < 8; ++i) votes.add(chu, U'畜', 60);
    votes.keep_sample(chu, drawn(faces, serif, U'畜'));
    for (int i = 0; i < 5; ++i) votes.add(tu, U'履', 99);  // settled: never changed
    votes.keep_sample(tu, drawn(faces, serif, U'屠'));
    for (int i = 0; i < 3; ++i) votes.add(quan, U'大', 95);
    votes.add(quan, U'犬', 95);
    votes.keep_sample(quan, drawn(faces, serif, U'犬'));  // the dot tells 犬 from 大
    // A glyph half 畜 and half 冀 is not clearly either.
    ocr::InkBox half = drawn(faces, serif, U'畜');
    const ocr::InkBox other = drawn(faces, serif, U'冀');
    for (size_t i = 0; i < half.ink.size(); ++i) half.ink[i] = static_cast<std::uint8_t>((half.ink[i] + other.ink[i]) / 2);
    votes.add(blend, U'冀', 80);
    votes.keep_sample(blend, half);
    votes.add(unseen, U'宰', 80);  // no sample: its votes decide
    const auto decided = votes.decisions();
    CHECK(decided.at(chu).character == U'畜');
    CHECK(decided.at(chu).by_shape);
    CHECK(decided.at(chu).voted == U'冀');
    CHECK(decided.at(chu).agreeing == 8);
    CHECK(decided.at(chu).certainty() > 90);
    CHECK(decided.at(tu).character == U'履');
    CHECK_FALSE(decided.at(tu).by_shape);
    CHECK(decided.at(quan).character == U'犬');
    CHECK(decided.at(quan).voted == U'大');
    CHECK(decided.at(blend).character == U'冀');
    CHECK_FALSE(decided.at(blend).by_shape);
    CHECK(decided.at(unseen).character == U'宰');
    const auto report = ocr::repair_report(decided, {{"9 0", "BAAAAA+NotoSerifCJKjp-Regular-VKana"}});
    REQUIRE(report.size() == 1);
    CHECK(report[0].find("uncertain codes confirmed, 2 changed: 畜 ← 冀") != std::string::npos);
    CHECK(report[0].find("犬 ← 大") != std::string::npos);
}

TEST_CASE("a font no installed face draws like its glyphs is left to its votes") {
    ocr::InstalledFaces faces;
    const size_t serif = face_named(faces, "Noto Serif CJK SC Regular");
    REQUIRE(serif < faces.size());
    ocr::GlyphVotes votes;
    unsigned code = 1;
    // Each glyph drawn shifted by half an em: the font draws nothing as any face does.
    for (char32_t c : certain_characters) {
        ocr::InkBox sample = drawn(faces, serif, c);
        for (int y = 0; y < sample.height; ++y)
            for (int x = sample.width - 1; x >= 0; --x)
                sample.ink[static_cast<size_t>(y * sample.width + x)] =
                    x >= sample.width / 2 ? sample.at(x - sample.width / 2, y) : 0;
        for (int i = 0; i < 5; ++i) votes.add({"9 0", code}, c, 99);
        votes.keep_sample({"9 0", code++}, sample);
    }
    const ocr::FontCode chu{"9 0", 100};
    votes.add(chu, U'冀', 91);
    votes.keep_sample(chu, drawn(faces, serif, U'畜'));
    const auto decided = votes.decisions();
    CHECK(decided.at(chu).character == U'冀');
    CHECK_FALSE(decided.at(chu).by_shape);
}
