// Uncertain codes of a broken font decided by their glyph's shape. Tesseract misreads an
// isolated rare ideograph the same way in every occurrence (the corpus's 畜 as 冀, 屠 as 履),
// so no vote outvotes it; but the PDF's glyph is, pixel for pixel, the installed font's glyph
// of the right character (embedded fonts are subsets of fonts the machine has: Noto CJK, Droid
// Sans Fallback). So each broken font is matched with the installed face that draws its certain
// codes as the page does; then every uncertain code's glyph is compared with the candidates
// (what its occurrences were read as, and the face's characters whose coarse shape is nearest
// to it) drawn in that face, and takes the one that matches clearly best (or, of two near
// twins, the one whose own strokes the glyph has). Certain codes are never changed; where no
// face matches or no candidate is clearly best, the votes decide.
#pragma once

#include <map>

#include "extractors/ocr/glyph_votes.hpp"
#include "extractors/ocr/installed_faces.hpp"

namespace dutylist::ocr {

// A glyph's sample (font_repair.cpp cuts it out of the page) reaches this far (font sizes)
// above its baseline and below, over its advance: an ideograph's ink and a little paper.
inline constexpr double sample_above = 0.95, sample_below = 0.2;

// How alike two ink boxes of one frame are, 0–1: the ink they share over the ink either has
// (grey levels, so anti-aliased edges count in part), at the best of the shifts by up to a
// pixel either way (the page's rasteriser and FreeType round edges differently).
double ink_similarity(const InkBox& a, const InkBox& b);

// Whether the code's votes leave it in doubt: fewer agreeing readings, a smaller share of them
// or less confidence than what settles a code (glyph_votes.hpp).
bool uncertain(const CodeDecision& d);

// Decides the uncertain codes of `decisions` that have a sample by their shape, as above,
// drawing with `faces`.
void decide_by_shape(std::map<FontCode, CodeDecision>& decisions, const std::map<FontCode, InkBox>& samples,
                     InstalledFaces& faces);

}  // namespace dutylist::ocr
