#include "extractors/ocr/ocr_symbols.hpp"

#include "extractors/ocr/ocr_report.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace dutylist::ocr {
namespace {

// Ideographs are drawn about this share of the font size tall (Noto/Source Han, SimSun).
constexpr double ideograph_ink_share = 0.9;
// Full-width punctuation sits at one side of its em box, this far (× size) from the edge.
constexpr double punctuation_bearing = 0.1;

bool is_chinese(char32_t c) {
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x3000 && c <= 0x303F) ||
           (c >= 0xFF00 && c <= 0xFFEF);
}

bool is_ideograph(char32_t c) { return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF); }

char32_t full_width(char32_t c) {
    switch (c) {
        case U',': return U'，';
        case U';': return U'；';
        case U':': return U'：';
        case U'(': return U'（';
        case U')': return U'）';
        case U'!': return U'！';
        case U'?': return U'？';
        default: return 0;
    }
}

constexpr std::u32string_view closing = U"，。；：、！？）」』》”’";
constexpr std::u32string_view opening = U"（「『《“‘";
// Glyphs of a line keep the recogniser's order at least this far apart (pt), whatever the
// widening of their boxes: the line builder orders glyphs by their left edge.
constexpr double min_order_step = 0.01;

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

}  // namespace

void pair_parentheses(std::vector<OcrLine>& lines) {
    std::vector<OcrSymbol*> open;
    for (OcrLine& line : lines)
        for (OcrSymbol& s : line.symbols) {
            if (s.code == U'（' || s.code == U'〈') {
                open.push_back(&s);
                continue;
            }
            if ((s.code != U'）' && s.code != U'〉') || open.empty()) continue;
            OcrSymbol& opener = *open.back();
            open.pop_back();
            if ((opener.code == U'〈') != (s.code == U'〉')) opener.code = U'（', s.code = U'）';
        }
}

void restore_full_width(OcrLine& line) {
    auto& s = line.symbols;
    const auto chinese_at = [&](size_t i) { return i < s.size() && is_chinese(s[i].code); };
    const auto beside_chinese = [&](size_t i) { return (i > 0 && chinese_at(i - 1)) || chinese_at(i + 1); };
    std::vector<char32_t> to(s.size(), 0);
    for (size_t i = 0; i < s.size(); ++i) {
        if (!full_width(s[i].code) || to[i]) continue;
        if (s[i].code == U'(') {
            // A pair of brackets changes together: "(1)依法" becomes "（1）依法".
            size_t j = i + 1;
            while (j < s.size() && s[j].code != U')' && s[j].code != U'(') ++j;
            const bool paired = j < s.size() && s[j].code == U')';
            if (beside_chinese(i) || (paired && beside_chinese(j))) {
                to[i] = U'（';
                if (paired) to[j] = U'）';
            } else if (paired) {
                to[j] = U')';
            }
        } else if (beside_chinese(i)) {
            to[i] = full_width(s[i].code);
        }
    }
    for (size_t i = 0; i < s.size(); ++i)
        if (to[i]) s[i].code = to[i];
}

void drop_ruling_remnants(OcrLine& line) {
    auto& s = line.symbols;
    const auto remnant = [](const OcrSymbol& x) { return x.code == U'|' || x.code == U'_'; };
    while (!s.empty() && remnant(s.back())) s.pop_back();
    while (!s.empty() && remnant(s.front())) s.erase(s.begin());
}

namespace {
// A page number's middle is at most this many characters ("— 123 —" and a misread or two).
constexpr size_t max_page_number_middle = 4;
bool is_dash(char32_t c) { return c == U'一' || c == U'—' || c == U'-' || c == U'－' || c == U'–'; }
}  // namespace

double mean_confidence(const OcrLine& line) {
    if (line.symbols.empty()) return 0;
    double sum = 0;
    for (const OcrSymbol& s : line.symbols) sum += s.confidence;
    return sum / static_cast<double>(line.symbols.size());
}

bool may_be_misread_number(const OcrLine& line) {
    const auto& s = line.symbols;
    if (s.empty() || s.size() > max_page_number_middle + 2) return false;
    return is_dash(s.front().code) || mean_confidence(line) < low_confidence;
}

void take_number_reading(OcrLine& line, const std::vector<OcrSymbol>& reread) {
    std::vector<OcrSymbol> out;
    bool digits = false;
    for (OcrSymbol r : reread) {
        if (r.code >= U'0' && r.code <= U'9') digits = true;
        else if (is_dash(r.code)) r.code = U'—';
        else return;
        out.push_back(r);
    }
    // A line framed by dashes is a page number whatever the digits' confidence; a line that
    // was only doubtful takes the digits when they are read with more certainty.
    OcrLine candidate{out, line.box};
    if (!digits || (!is_dash(line.symbols.front().code) && mean_confidence(candidate) < low_confidence)) return;
    line.symbols = std::move(out);
}

std::string line_text(const OcrLine& line) {
    std::string out;
    for (const OcrSymbol& s : line.symbols) append_utf8(out, s.code);
    return out;
}

std::vector<pdf::Glyph> glyphs_from_lines(const std::vector<OcrLine>& lines, double scale, double size) {
    std::vector<pdf::Glyph> out;
    for (const OcrLine& line : lines) {
        const double middle = (line.box.y0 + line.box.y1) / 2.0 * scale;
        const size_t line_start = out.size();
        for (const OcrSymbol& s : line.symbols) {
            pdf::Glyph g;
            g.code = s.code;
            g.size = size;
            g.reading = TextReading::ocr;
            g.confidence = s.confidence;
            g.baseline = middle + 0.35 * size;  // so that the glyph's centre_y is the line's middle
            g.x0 = s.box.x0 * scale;
            g.x1 = s.box.x1 * scale;
            if (closing.find(s.code) != std::u32string_view::npos) {
                g.x0 -= punctuation_bearing * size;
                g.x1 = g.x0 + size;
            } else if (opening.find(s.code) != std::u32string_view::npos) {
                g.x1 += punctuation_bearing * size;
                g.x0 = g.x1 - size;
            } else if (is_chinese(s.code) && g.x1 - g.x0 < size) {
                const double centre = (g.x0 + g.x1) / 2;
                g.x0 = centre - size / 2;
                g.x1 = centre + size / 2;
            }
            if (out.size() > line_start) g.x0 = std::max(g.x0, out.back().x0 + min_order_step);
            g.x1 = std::max(g.x1, g.x0 + min_order_step);
            out.push_back(g);
        }
    }
    return out;
}

double printed_size(const std::vector<OcrLine>& lines, double scale) {
    std::vector<double> heights;
    for (const OcrLine& line : lines) {
        const auto ideographs = std::count_if(line.symbols.begin(), line.symbols.end(),
                                              [](const OcrSymbol& s) { return is_ideograph(s.code); });
        if (ideographs >= 2) heights.push_back(line.box.height() * scale);
    }
    if (heights.empty()) return 0;
    std::nth_element(heights.begin(), heights.begin() + static_cast<std::ptrdiff_t>(heights.size() / 2), heights.end());
    return heights[heights.size() / 2] / ideograph_ink_share;
}

}  // namespace dutylist::ocr
