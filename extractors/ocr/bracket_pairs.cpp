#include "extractors/ocr/bracket_pairs.hpp"

#include <string_view>

namespace dutylist::ocr {
namespace {

using namespace std::literals;

// The kinds of bracket Chinese lists use, by position: full-width forms, and the ASCII form
// where the kind has one (a pair keeps its width: that the glyph's advance decided).
constexpr std::u32string_view openers = U"（〈《【〔「『［";
constexpr std::u32string_view closers = U"）〉》】〕」』］";
constexpr std::u32string_view ascii_openers = U"(\0\0\0\0\0\0["sv;
constexpr std::u32string_view ascii_closers = U")\0\0\0\0\0\0]"sv;
constexpr size_t no_kind = std::u32string_view::npos;
constexpr size_t parenthesis = 0;

// A code is re-decided only when at least this share of the pairs it makes name another kind:
// a stray reading of one closer must not move a code that pairs right elsewhere.
constexpr double pairs_agree = 0.8;
// ... and only when it makes at least this many: one pair may be one misread partner.
constexpr int min_pairs = 2;

struct Pairing {
    std::map<size_t, int> kinds;  // the kind of the pairs it is an end of: pairs
    int pairs = 0;
};

// The kind of bracket `c` opens (`opening`) or closes, or no_kind.
size_t kind_of(char32_t c, bool opening) {
    if (c == 0) return no_kind;
    const size_t full = (opening ? openers : closers).find(c);
    return full != no_kind ? full : (opening ? ascii_openers : ascii_closers).find(c);
}

char32_t bracket(size_t kind, bool opening, bool ascii) {
    const char32_t half = (opening ? ascii_openers : ascii_closers)[kind];
    return ascii && half ? half : (opening ? openers : closers)[kind];
}

char32_t character_of(const RunCharacter& c, const std::map<FontCode, CodeDecision>& decisions) {
    if (!c.code) return c.character;
    const auto it = decisions.find(*c.code);
    return it == decisions.end() ? 0 : it->second.character;
}

// How strongly a broken code at one end of a pair says the pair is of `kind`: by the
// occurrences read as that kind's bracket.
int support(const RunCharacter& end, bool opening, size_t kind, const std::map<FontCode, CodeDecision>& decisions) {
    const CodeDecision& d = decisions.at(*end.code);
    const auto it = d.votes.find(bracket(kind, opening, d.character < 0x80));
    return it == d.votes.end() ? 0 : it->second;
}

// The kind of a pair whose ends were read as kinds `opened` and `closed`: theirs when they
// agree; a trusted end's when one is; the parenthesis when one end is one, since the other
// kinds are rare in these lists (GB/T 15834: 〈〉 is the book-title mark nested inside 《》)
// and Tesseract's misreading goes that way; else the kind the readings of both ends favour.
size_t pair_kind(const RunCharacter& opener, size_t opened, const RunCharacter& closer, size_t closed,
                 const std::map<FontCode, CodeDecision>& decisions) {
    if (opened == closed) return opened;
    if (!opener.code || !closer.code) return opener.code ? closed : opened;
    if (opened == parenthesis || closed == parenthesis) return parenthesis;
    const int for_opened = support(opener, true, opened, decisions) + support(closer, false, opened, decisions);
    const int for_closed = support(opener, true, closed, decisions) + support(closer, false, closed, decisions);
    return for_opened >= for_closed ? opened : closed;
}

// Pairs the brackets of one line by nesting and records, for each broken code among them,
// the kind of the pair it is an end of.
void pair_line(const std::vector<RunCharacter>& run, const std::map<FontCode, CodeDecision>& decisions,
               std::map<FontCode, Pairing>& pairings) {
    std::vector<const RunCharacter*> open;
    for (const RunCharacter& c : run) {
        const char32_t ch = character_of(c, decisions);
        if (kind_of(ch, true) != no_kind) {
            open.push_back(&c);
            continue;
        }
        const size_t closed = kind_of(ch, false);
        if (closed == no_kind || open.empty()) continue;
        const RunCharacter& opener = *open.back();
        open.pop_back();
        const size_t kind = pair_kind(opener, kind_of(character_of(opener, decisions), true), c, closed, decisions);
        for (const RunCharacter* end : {&opener, &c})
            if (end->code) {
                Pairing& p = pairings[*end->code];
                ++p.kinds[kind];
                ++p.pairs;
            }
    }
}

}  // namespace

void pair_brackets(std::map<FontCode, CodeDecision>& decisions, const std::vector<std::vector<RunCharacter>>& runs) {
    std::map<FontCode, Pairing> pairings;
    for (const auto& run : runs) pair_line(run, decisions, pairings);
    for (const auto& [code, pairing] : pairings) {
        if (pairing.pairs < min_pairs) continue;
        CodeDecision& d = decisions.at(code);
        const bool opens = kind_of(d.character, true) != no_kind;
        for (const auto& [kind, pairs] : pairing.kinds) {
            const char32_t wanted = bracket(kind, opens, d.character < 0x80);
            if (pairs < pairs_agree * pairing.pairs || wanted == d.character) continue;
            // As sure as the pairs are: the readings of this code were all of the other kind.
            d.character = wanted;
            d.agreeing = d.readings * pairs / pairing.pairs;
        }
    }
}

}  // namespace dutylist::ocr
