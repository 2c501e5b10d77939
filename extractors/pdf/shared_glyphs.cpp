#include "extractors/pdf/shared_glyphs.hpp"

#include <algorithm>

#include "extractors/pdf/shared_glyphs_table.hpp"

namespace dutylist::pdf {
namespace {

// Simplified-Chinese text has nearly all its ideographs in GB 2312 (the corpus: over 99.9%);
// traditional text shares only the common characters with it (about seven in ten).
constexpr double simplified_share = 0.95;

const SharedGlyph* shared_entry(char32_t cp) {
    auto it = std::lower_bound(shared_glyphs.begin(), shared_glyphs.end(), cp,
                               [](const SharedGlyph& e, char32_t c) { return e.from < c; });
    return it != shared_glyphs.end() && it->from == cp ? &*it : nullptr;
}

bool in_shared_set(char32_t cp) {
    return shared_entry(cp) ||
           std::any_of(shared_glyphs.begin(), shared_glyphs.end(), [&](const SharedGlyph& e) { return e.to == cp; });
}

bool is_unified_ideograph(char32_t cp) {
    return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x20000 && cp <= 0x2F7FF) ||
           (cp >= 0x30000 && cp <= 0x3134F);
}

const std::string& font_name(const FontInfo& font) { return font.name.empty() ? font.program : font.name; }

}  // namespace

std::string_view font_family(std::string_view name) {
    if (name.size() > 7 && name[6] == '+' &&
        std::all_of(name.begin(), name.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; }))
        name.remove_prefix(7);
    return name.substr(0, name.find('-'));
}

char32_t simplified_shared_glyph(char32_t cp, std::string_view font_name) {
    const SharedGlyph* e = shared_entry(cp);
    if (!e) return cp;
    const std::string_view family = font_family(font_name);
    for (size_t bit = 0; bit < shared_glyph_families.size(); ++bit)
        if ((e->families >> bit & 1) && shared_glyph_families[bit] == family) return e->to;
    return cp;
}

bool in_gb2312(char32_t cp) {
    if (cp < 0x4E00 || cp > 0x9FFF) return false;
    const char32_t i = cp - 0x4E00;
    return gb2312_ideographs[i / 64] >> (i % 64) & 1;
}

bool reads_as_simplified(const std::vector<Glyph>& glyphs) {
    long ideographs = 0, simplified = 0;
    for (const Glyph& g : glyphs) {
        if (!is_unified_ideograph(g.code) || in_shared_set(g.code)) continue;
        ++ideographs;
        if (in_gb2312(g.code)) ++simplified;
    }
    return ideographs > 0 && static_cast<double>(simplified) >= simplified_share * static_cast<double>(ideographs);
}

void fold_shared_glyphs(std::vector<Glyph>& glyphs, const std::vector<FontInfo>& fonts) {
    const bool any = std::any_of(glyphs.begin(), glyphs.end(), [](const Glyph& g) { return shared_entry(g.code); });
    if (!any || !reads_as_simplified(glyphs)) return;
    for (Glyph& g : glyphs)
        if (g.font >= 0 && static_cast<size_t>(g.font) < fonts.size())
            g.code = simplified_shared_glyph(g.code, font_name(fonts[static_cast<size_t>(g.font)]));
}

}  // namespace dutylist::pdf
