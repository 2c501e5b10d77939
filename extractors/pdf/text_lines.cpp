#include "extractors/pdf/text_lines.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "extractors/pdf/equivalent_ideographs.hpp"
#include "extractors/pdf/numbering_habit.hpp"
#include "model/text.hpp"

namespace dutylist::pdf {
namespace {

constexpr std::u32string_view opening_punctuation = U"（(“‘《〈【〔[「『";
constexpr std::u32string_view closing_punctuation = U"，。、；：？！）)”’》〉】〕]」』,.;:?!%％";
constexpr std::u32string_view sentence_end = U"。；;：:！!？?";

bool contains(std::u32string_view set, char32_t cp) { return set.find(cp) != std::u32string_view::npos; }


std::u32string decode(std::string_view s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        const char32_t cp = next_code_point(s, i);
        if (!is_space(cp)) out.push_back(cp);
    }
    return out;
}

bool in_unifiable_range(char32_t cp) {
    return (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

// The first thing a line break cannot split: opening brackets, one ideograph or Latin word,
// and the closing punctuation that may not start a line.
double lead_width(const std::vector<Glyph>& glyphs) {
    size_t i = 0;
    while (i < glyphs.size() && is_space(glyphs[i].code)) ++i;
    if (i == glyphs.size()) return 0;
    const double start = glyphs[i].x0;
    while (i < glyphs.size() && contains(opening_punctuation, glyphs[i].code)) ++i;
    if (i < glyphs.size() && is_cjk(glyphs[i].code) && !contains(closing_punctuation, glyphs[i].code)) {
        ++i;
    } else {
        while (i < glyphs.size() && !is_space(glyphs[i].code) && !is_cjk(glyphs[i].code)) ++i;
    }
    while (i < glyphs.size() && contains(closing_punctuation, glyphs[i].code)) ++i;
    return glyphs[std::max<size_t>(i, 1) - 1].x1 - start;
}

TextLine make_line(std::vector<Glyph>& glyphs, const std::vector<FontInfo>& fonts, const LineTolerances& tol) {
    std::sort(glyphs.begin(), glyphs.end(), [](const Glyph& a, const Glyph& b) { return a.x0 < b.x0; });
    std::vector<Glyph> kept;
    kept.reserve(glyphs.size());
    for (const Glyph& g : glyphs) {
        bool duplicate = false;
        // A repeated narrow letter ("ll" in Hello) starts one advance later: a copy offset by
        // half its own advance or more is the next letter, not fake bold.
        for (size_t k = kept.size(); k-- > 0 && kept.size() - k <= 3;) {
            const double reach = std::min(tol.fake_bold * g.size, 0.5 * (kept[k].x1 - kept[k].x0));
            duplicate = duplicate || (kept[k].code == g.code && std::abs(kept[k].x0 - g.x0) < reach &&
                                      std::abs(kept[k].baseline - g.baseline) < tol.fake_bold * g.size);
        }
        if (!duplicate) kept.push_back(g);
    }
    TextLine line;
    int bold = 0, ink = 0;
    const Glyph* prev = nullptr;
    for (const Glyph& g : kept) {
        if (is_space(g.code)) {
            if (!line.text.empty() && line.text.back() != ' ') line.text += ' ';
            prev = nullptr;
            continue;
        }
        if (prev && !is_cjk(prev->code) && !is_cjk(g.code) && g.x0 - prev->x1 > tol.word_gap * g.size &&
            line.text.back() != ' ')
            line.text += ' ';
        append_utf8(line.text, g.code);
        line.reading.add(g);
        line.x0 = ink ? std::min(line.x0, g.x0) : g.x0;
        line.x1 = ink ? std::max(line.x1, g.x1) : g.x1;
        line.size = std::max(line.size, g.size);
        line.top = ink ? std::min(line.top, g.top()) : g.top();
        line.bottom = ink ? std::max(line.bottom, g.bottom()) : g.bottom();
        line.baseline = g.baseline;
        ++ink;
        if (g.font >= 0 && static_cast<size_t>(g.font) < fonts.size() && fonts[static_cast<size_t>(g.font)].bold) ++bold;
        prev = &g;
    }
    line.text = trim(line.text);
    line.bold = ink > 0 && 2 * bold > ink;
    line.lead_width = lead_width(kept);
    line.frame_x0 = line.x0;
    line.frame_x1 = line.x1;
    return line;
}

bool ends_sentence(const std::string& text) {
    const std::u32string s = decode(text);
    return !s.empty() && contains(sentence_end, s.back());
}

// Room left at the end of a line: to the right edge, or around it when the line is centred.
double room_after(const TextLine& line) {
    const double left = line.x0 - line.frame_x0, right = line.frame_x1 - line.x1;
    const bool centred = left > 0.5 * line.size && std::abs(left - right) < 0.5 * line.size;
    return centred ? left + right : right;
}

// Within `flush_room` (× font size) of the cell's left edge: neither centred nor indented.
constexpr double flush_room = 0.2;

bool starts_flush(const TextLine& line) { return line.x0 - line.frame_x0 < flush_room * line.size; }

}  // namespace

char32_t unify_ideograph(char32_t cp) {
    if (!in_unifiable_range(cp)) return cp;
    if (cp <= 0x2FDF) {
        // Radicals: Unicode's table of equivalent ideographs (most have no decomposition).
        auto it = std::lower_bound(equivalent_ideographs.begin(), equivalent_ideographs.end(), cp,
                                   [](const auto& entry, char32_t c) { return entry.first < c; });
        return it != equivalent_ideographs.end() && it->first == cp ? it->second : cp;
    }
    // Compatibility ideographs: their canonical decomposition is the unified ideograph.
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    icu::UnicodeString mapped;
    if (!nfc || !nfc->getDecomposition(static_cast<UChar32>(cp), mapped) || mapped.countChar32() != 1) return cp;
    return static_cast<char32_t>(mapped.char32At(0));
}

std::vector<std::vector<Glyph>> group_into_lines(std::vector<Glyph> glyphs, const LineTolerances& tol) {
    for (Glyph& g : glyphs) g.code = unify_ideograph(g.code);
    std::sort(glyphs.begin(), glyphs.end(), [](const Glyph& a, const Glyph& b) { return a.centre_y() < b.centre_y(); });
    std::vector<std::vector<Glyph>> lines;
    double centre = 0, size = 0;
    for (const Glyph& g : glyphs) {
        if (lines.empty() || std::abs(g.centre_y() - centre) > tol.same_line * std::max(size, g.size)) {
            lines.emplace_back();
            centre = g.centre_y();
            size = g.size;
        }
        lines.back().push_back(g);
    }
    for (auto& line : lines)
        std::sort(line.begin(), line.end(), [](const Glyph& a, const Glyph& b) { return a.x0 < b.x0; });
    return lines;
}

TextLine line_from_glyphs(std::vector<Glyph> glyphs, const std::vector<FontInfo>& fonts, const LineTolerances& tol) {
    return make_line(glyphs, fonts, tol);
}

std::vector<TextLine> build_lines(std::vector<Glyph> glyphs, const std::vector<FontInfo>& fonts, const LineTolerances& tol) {
    std::vector<TextLine> lines;
    for (auto& group : group_into_lines(std::move(glyphs), tol)) {
        TextLine line = make_line(group, fonts, tol);
        if (!line.text.empty()) lines.push_back(std::move(line));
    }
    return lines;
}

bool starts_with_marker(const std::string& text) { return marker_kind(decode(text)) != Marker::none; }

bool is_heading_line(const std::string& text) {
    const std::u32string s = decode(text);
    if (s.size() < 3 || s.size() > 20 || (s.back() != U'：' && s.back() != U':')) return false;
    for (size_t i = 0; i + 1 < s.size(); ++i)
        if (contains(closing_punctuation, s[i]) && s[i] != U'）' && s[i] != U')') return false;
    return true;
}

namespace {

// Baseline distance of two lines of one cell on one page, in font sizes; 0 when not measurable.
double pitch(const TextLine& a, const TextLine& b) {
    if (a.page != b.page || a.size <= 0 || b.baseline <= a.baseline) return 0;
    return (b.baseline - a.baseline) / std::max(a.size, b.size);
}

enum class Break { none, shown, numbered };

// `prev` leaves a quotation or bracket open (“大喇, （含) that `line` closes: no paragraph ends
// inside one, however much room the line left (a producer may wrap a glyph that would have fitted
// with the closing mark after it).
bool inside_brackets(const TextLine& prev, const TextLine& line) {
    static constexpr std::u32string_view opens = U"“‘（(《〈【〔「『", closes = U"”’）)》〉】〕」』";
    std::u32string pending;
    for (char32_t c : decode(prev.text)) {
        if (const size_t o = opens.find(c); o != std::u32string_view::npos) pending.push_back(closes[o]);
        else if (!pending.empty() && c == pending.back()) pending.pop_back();
    }
    if (pending.empty()) return false;
    for (char32_t c : decode(line.text)) {
        if (c == pending.back()) return true;
        if (contains(opens, c)) return false;
    }
    return false;
}

// Whether the page shows a paragraph end between the lines (`shown`), or only an item number
// after a sentence end says so (`numbered`), which an inline "…；2." wrapped there also gives.
Break break_between(const TextLine& prev, const TextLine& line, const ParagraphTolerances& tol) {
    const double room = room_after(prev);
    const double slack = tol.justified ? tol.justified_slack : tol.ragged_slack;
    const bool fits = (room >= line.lead_width - slack * line.size ||
                       (tol.justified && starts_flush(prev) && room >= tol.justified_room * line.size)) &&
                      !inside_brackets(prev, line);
    const double p = pitch(prev, line);
    const bool by_spacing = tol.spaced_pitch > 0 && p > 0;
    const bool gap = by_spacing && p > tol.spaced_pitch + tol.paragraph_gap;
    if (fits || gap || is_heading_line(line.text) || is_heading_line(prev.text)) return Break::shown;
    return !by_spacing && starts_with_marker(line.text) && ends_sentence(prev.text) ? Break::numbered : Break::none;
}

// Where the cell's page shows its numbered items: inline after a sentence end, or starting a
// paragraph the page ends visibly.
NumberingHabit cell_numbering(const std::vector<TextLine>& lines, const ParagraphTolerances& tol) {
    NumberingHabit habit;
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::u32string text = decode(lines[i].text);
        inline_markers(text, sentence_end, [&](Marker m) { ++habit.runs_on[static_cast<size_t>(m)]; });
        if (i == 0 || !ends_sentence(lines[i - 1].text)) continue;
        if (const Marker m = marker_kind(text); m != Marker::none && break_between(lines[i - 1], lines[i], tol) == Break::shown)
            ++habit.starts[static_cast<size_t>(m)];
    }
    return habit;
}

// Pairs of wide pitches needed, absolutely and as a share of all pitches, before a list counts
// as setting space between paragraphs: a few odd pitches (a taller glyph) do not.
constexpr int min_spaced_pairs = 3;
constexpr double min_spaced_share = 0.05;
// Ragged text: lines that start at the left edge and stop short of the right edge by more
// than flush_room although the next line's start did not fit. Justified text has them only
// where a paragraph happens to end close to the edge (0.5% of the corpus's lines); ragged
// text wherever a line may not start with what follows (、。） and the like).
constexpr int min_ragged_lines = 2;
constexpr double min_ragged_share = 0.02;


}  // namespace

ParagraphTolerances paragraph_style(const std::vector<const std::vector<TextLine>*>& cells) {
    ParagraphTolerances tol;
    std::vector<double> pitches;
    int ragged = 0, lines = 0;
    for (const auto* cell : cells)
        for (size_t i = 1; i < cell->size(); ++i) {
            const TextLine &line = (*cell)[i - 1], &next = (*cell)[i];
            if (double p = pitch(line, next); p > 0) pitches.push_back(p);
            if (line.size <= 0 || !starts_flush(line)) continue;
            ++lines;
            const double room = room_after(line);
            if (room >= flush_room * line.size && room < next.lead_width - tol.ragged_slack * line.size) ++ragged;
        }
    tol.justified = !(ragged >= min_ragged_lines && ragged > min_ragged_share * lines);
    for (const auto* cell : cells) tol.numbering.add(cell_numbering(*cell, tol));
    if (pitches.empty()) return tol;
    std::sort(pitches.begin(), pitches.end());
    // Most line pairs are inside a paragraph: the lower quartile is the line pitch.
    const double line_pitch = pitches[pitches.size() / 4];
    const auto wide = std::count_if(pitches.begin(), pitches.end(), [&](double p) {
        return p > line_pitch + tol.paragraph_gap && p < 2 * line_pitch;
    });
    if (wide >= min_spaced_pairs && static_cast<double>(wide) >= min_spaced_share * static_cast<double>(pitches.size()))
        tol.spaced_pitch = line_pitch;
    return tol;
}

bool ends_paragraph(const TextLine& prev, const TextLine& line, const ParagraphTolerances& tol) {
    return break_between(prev, line, tol) != Break::none;
}

Paragraphs paragraphs_from_lines(const std::vector<TextLine>& lines, const ParagraphTolerances& tol) {
    const NumberingHabit own = cell_numbering(lines, tol);
    Paragraphs out;
    std::string current;
    auto flush = [&] {
        std::string p = normalize_paragraph(current);
        if (!p.empty()) out.push_back(std::move(p));
        current.clear();
    };
    const TextLine* prev = nullptr;
    for (const TextLine& line : lines) {
        if (prev) {
            const Break b = break_between(*prev, line, tol);
            const Marker m = b == Break::numbered ? marker_kind(decode(line.text)) : Marker::none;
            const int lean = m == Marker::none ? 0 : own.leaning(m, true) ? own.leaning(m, true) : tol.numbering.leaning(m, false);
            if (b == Break::shown || (b == Break::numbered && lean <= 0)) flush();
        }
        append_wrapped(current, line.text);
        prev = &line;
    }
    flush();
    return out;
}

std::string join_lines(const std::vector<TextLine>& lines) {
    std::string out;
    for (const TextLine& line : lines) append_wrapped(out, line.text);
    return normalize_paragraph(out);
}

}  // namespace dutylist::pdf
