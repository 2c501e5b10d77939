// Brackets decided by the brackets they pair with. Tesseract's Chinese model reads the
// full-width parenthesis （ of a clean glyph as the angle bracket 〈 in every occurrence (the
// corpus with its ToUnicode maps deleted: 36 of 36), so no vote outvotes it; but the same
// text closes it with ）, read right. A bracket that opens is one of a pair, and what closes
// it names the pair: a code decided as 〈 that ） closes wherever it is closed is （.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "extractors/ocr/glyph_votes.hpp"

namespace dutylist::ocr {

// A character of a line in reading order: a broken font's code (decided in `decisions`), or
// a character of a font that can be trusted.
struct RunCharacter {
    std::optional<FontCode> code;
    char32_t character = 0;  // when `code` is empty
};

// Brackets are paired by nesting on each line of `runs`, and each pair given one kind
// (bracket_pairs.cpp says how, where its ends disagree). A broken code that is an end of at
// least two pairs, 80% of them of another kind than it was decided as, becomes that kind's
// bracket, as sure as that share. Codes that make no pair, or pairs that disagree, keep theirs.
void pair_brackets(std::map<FontCode, CodeDecision>& decisions, const std::vector<std::vector<RunCharacter>>& runs);

}  // namespace dutylist::ocr
