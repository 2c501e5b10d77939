// Broken fonts repaired from their glyphs. When a font's Unicode map cannot be trusted
// (Identity-H without ToUnicode, /g123 names, a re-distil that maps codes to control or
// private-use characters), the PDF still holds each glyph's code, position and size and the
// rulings exactly; only the map is wrong. So lines holding such glyphs, as many as their codes
// need (reading_plan.hpp), are cut out of the page as Splash renders it and recognised one line
// at a time; every reading is a vote for the code of the glyph under it (glyph_votes.hpp); once
// the whole document is read, every glyph of the
// font gets its code's decided character and the page goes on through the text road, its
// geometry untouched. Fonts that are fine are not touched.
#pragma once

#include <map>
#include <set>
#include <string>

#include "extractors/ocr/bracket_pairs.hpp"
#include "extractors/ocr/glyph_votes.hpp"
#include "extractors/ocr/text_recogniser.hpp"
#include "extractors/pdf/page_content.hpp"

namespace dutylist::ocr {

// Whether the page draws characters of fonts whose map cannot be trusted.
bool has_broken_fonts(const pdf::PageContent& page);

// A line of the page (a cell's line) that draws glyphs of broken fonts: its glyphs, indices into
// page.glyphs left to right, and the codes of broken fonts among them, each once.
struct BrokenRun {
    std::vector<size_t> glyphs;
    std::vector<FontCode> codes;
};
std::vector<BrokenRun> broken_runs(const pdf::PageContent& page);

// Reads `runs` (of broken_runs(page), as a reading plan chose them) from `image` (the page
// rendered), adding a vote for each glyph read; a doubtful reading of a code that `votes` does
// not hold settled is read again in context.
void read_broken_glyphs(const pdf::PageContent& page, const std::vector<const BrokenRun*>& runs, const pdf::PageImage& image,
                        TextRecogniser& reader, GlyphVotes& votes);

// The page's lines (a cell's line each), in reading order: the context decisions that a
// glyph alone cannot make look at (pair_brackets).
std::vector<std::vector<RunCharacter>> character_runs(const pdf::PageContent& page);

// The page's broken fonts, by object, with their display names.
void add_broken_fonts(const pdf::PageContent& page, std::map<std::string, std::string>& names);

// Gives every glyph of a broken font its code's decided character; a font of which every
// code on the page was decided is marked repaired and trusted, one with codes never read
// stays untrusted, saying how many. `broken`: the fonts found broken on any page of the
// document (a page that draws only a glyph or two of a font cannot tell): on a page that
// trusts one of them, its codes read elsewhere take their reading.
void apply_repair(pdf::PageContent& page, const std::map<FontCode, CodeDecision>& decisions,
                  const std::set<std::string>& broken);

}  // namespace dutylist::ocr
