// Characters a CJK font draws with one glyph for two code points (户 and 戶 in Noto Sans CJK
// SC): the PDF's ToUnicode map can name only one of them, often the traditional one. The
// table comes from the fonts' cmaps (make_shared_glyphs.py).
#pragma once

#include <string_view>
#include <vector>

#include "extractors/pdf/page_content.hpp"

namespace dutylist::pdf {

// The font's family as the table names it: subset prefix ("ABCDEF+") and style ("-Regular") cut.
std::string_view font_family(std::string_view font_name);

// The GB 2312 member of the set whose glyph `cp` is drawn with in `font_name`; `cp` itself when
// that font does not share the glyph.
char32_t simplified_shared_glyph(char32_t cp, std::string_view font_name);

bool in_gb2312(char32_t cp);

// Simplified Chinese: at least `simplified_share` of the ideographs are in GB 2312, counting
// only ideographs outside the shared-glyph sets (those are in doubt).
bool reads_as_simplified(const std::vector<Glyph>& glyphs);

// In simplified-Chinese text (decided by reads_as_simplified over these glyphs: the page's own
// text, since pages are laid out one by one in parallel), every glyph drawn in a font that shares it with a GB 2312
// character reads as that character; other text is left as it is.
void fold_shared_glyphs(std::vector<Glyph>& glyphs, const std::vector<FontInfo>& fonts);

}  // namespace dutylist::pdf
