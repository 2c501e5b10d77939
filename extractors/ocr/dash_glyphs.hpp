// Dashes known by their ink, where Tesseract cannot tell them. The Chinese dash 破折号 "——"
// is two em dashes; a producer draws it as one glyph two ems wide (LibreOffice: the corpus,
// its ToUnicode naming two code points) or as two glyphs whose ink runs on into each other.
// Tesseract reads either as the one ideograph 一, so the line reads a character short and no
// glyph of it gets a reading. The geometry decides instead: a rule drawn across the glyph's
// advance is a dash; an ideograph leaves side bearings and more than one stroke's height.
#pragma once

#include "extractors/pdf/page_content.hpp"

namespace dutylist::ocr {

// The character a broken font's glyph two ems wide decided as "——" is given: the apply step
// gives the page two em-dash glyphs for it, as the text road does for a ToUnicode of two.
inline constexpr char32_t double_dash = U'⸺';  // U+2E3A TWO-EM DASH

// Whether `g` draws one thin horizontal rule across its advance (for a glyph two ems wide:
// no ideograph is).
bool draws_rule(const pdf::Glyph& g, const pdf::PageImage& image);

// Whether two glyphs of one code side by side draw one rule: the ink runs through the edge
// between them (an ideograph drawn twice, 一一, leaves its side bearings between the two).
bool joined_dashes(const pdf::Glyph& left, const pdf::Glyph& right, const pdf::PageImage& image);

}  // namespace dutylist::ocr
