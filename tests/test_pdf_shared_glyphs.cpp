// Glyphs a CJK font shares between two code points, on synthetic glyphs.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extractors/pdf/shared_glyphs.hpp"
#include "model/text.hpp"

using namespace dutylist;
using namespace dutylist::pdf;

namespace {

std::vector<Glyph> glyphs(const std::string& text, int font) {
    std::vector<Glyph> out;
    for (size_t i = 0; i < text.size();) {
        Glyph g;
        g.code = next_code_point(text, i);
        g.font = font;
        out.push_back(g);
    }
    return out;
}

std::string text_of(const std::vector<Glyph>& gs) {
    std::string out;
    for (const Glyph& g : gs) append_utf8(out, g.code);
    return out;
}

const std::vector<FontInfo> fonts = {{"ABCDEF+NotoSansCJKsc-Regular", false, "", "", "", false}, {"SimSun", false, "", "", "", false},
                                      {"", false, "", "AAAAAA+NotoSansCJKsc-Regular", "", false}};
const std::string simplified = "农戶入戶工作，建立戶籍档案，组织开展农业生产";

}  // namespace

TEST_CASE("the font's family without subset prefix and style") {
    CHECK(font_family("ABCDEF+NotoSansCJKsc-Regular") == "NotoSansCJKsc");
    CHECK(font_family("NotoSerifCJKsc-Bold") == "NotoSerifCJKsc");
    CHECK(font_family("abcdef+Foo") == "abcdef+Foo");
}

TEST_CASE("户 drawn with Noto Sans CJK SC's shared glyph reads as 户 in simplified text") {
    CHECK(simplified_shared_glyph(U'戶', "NotoSansCJKsc-Regular") == U'户');
    CHECK(simplified_shared_glyph(U'戶', "SimSun") == U'戶');
    CHECK(in_gb2312(U'户'));
    CHECK_FALSE(in_gb2312(U'戶'));
    auto g = glyphs(simplified, 0);
    fold_shared_glyphs(g, fonts);
    CHECK(text_of(g) == "农户入户工作，建立户籍档案，组织开展农业生产");
}

TEST_CASE("a font that does not share the glyph keeps the character") {
    auto g = glyphs(simplified, 1);
    fold_shared_glyphs(g, fonts);
    CHECK(text_of(g) == simplified);
}

TEST_CASE("traditional-Chinese text keeps 戶 even in a font that shares the glyph") {
    const std::string traditional = "農戶入戶工作，建立戶籍檔案，組織開展農業生產";
    CHECK_FALSE(reads_as_simplified(glyphs(traditional, 0)));
    auto g = glyphs(traditional, 0);
    fold_shared_glyphs(g, fonts);
    CHECK(text_of(g) == traditional);
}

TEST_CASE("Chromium's Type 3 font, named only by its program, names 户 by the radical ⼾") {
    auto g = glyphs("农⼾入⼾工作，建立⼾籍档案", 2);
    fold_shared_glyphs(g, fonts);
    CHECK(text_of(g) == "农户入户工作，建立户籍档案");
}
