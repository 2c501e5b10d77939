#include "extractors/ocr/glyph_votes.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "extractors/ocr/glyph_shapes.hpp"
#include "model/text.hpp"
#include "i18n/catalogue.hpp"

namespace dutylist::ocr {

void GlyphVotes::add(const FontCode& code, char32_t reading, double confidence) {
    std::lock_guard lock(mutex_);
    Tally& t = readings_[code][reading];
    ++t.votes;
    t.confidence += confidence;
}

GlyphVotes::Readings GlyphVotes::readings_of(const FontCode& code) const {
    Readings all = base_ ? base_->readings_of(code) : Readings{};
    std::lock_guard lock(mutex_);
    if (const auto it = readings_.find(code); it != readings_.end())
        for (const auto& [reading, tally] : it->second) {
            all[reading].votes += tally.votes;
            all[reading].confidence += tally.confidence;
        }
    return all;
}

bool GlyphVotes::settled(const FontCode& code) const {
    const Readings readings = readings_of(code);
    if (readings.empty()) return false;
    int all = 0;
    const Tally* best = nullptr;
    for (const auto& [reading, tally] : readings) {
        all += tally.votes;
        if (!best || tally.votes > best->votes) best = &tally;
    }
    return best->votes >= settled_votes && best->votes >= settled_share * all &&
           best->confidence >= settled_confidence * best->votes;
}

namespace {

bool is_ideograph(char32_t c) { return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF); }

// Tesseract's Chinese model reads a Latin font's em dash (the "— 1 —" of a page number) as
// the ideograph 一, which a font that draws next to no ideographs cannot hold.
void dashes_of_latin_fonts(std::map<FontCode, CodeDecision>& decisions) {
    std::map<std::string, std::pair<int, int>> ideographs_of;  // font: ideographs, codes
    for (const auto& [code, d] : decisions) {
        auto& [ideographs, all] = ideographs_of[code.first];
        ideographs += is_ideograph(d.character);
        ++all;
    }
    for (auto& [code, d] : decisions) {
        const auto [ideographs, all] = ideographs_of[code.first];
        if (d.character == U'一' && 2 * ideographs < all) d.character = U'—';
    }
}

}  // namespace

void GlyphVotes::count_lines(int read, int settled) {
    std::lock_guard lock(mutex_);
    lines_read_ += read;
    lines_settled_ += settled;
}

std::pair<int, int> GlyphVotes::lines() const {
    std::lock_guard lock(mutex_);
    return {lines_read_, lines_settled_};
}

int GlyphVotes::readings(const FontCode& code) const {
    int all = 0;
    for (const auto& [reading, tally] : readings_of(code)) all += tally.votes;
    return all;
}

bool GlyphVotes::has_sample(const FontCode& code) const {
    if (base_ && base_->has_sample(code)) return true;
    std::lock_guard lock(mutex_);
    return samples_.count(code) > 0;
}

void GlyphVotes::keep_sample(const FontCode& code, InkBox sample) {
    std::lock_guard lock(mutex_);
    samples_.emplace(code, std::move(sample));
}

void GlyphVotes::merge(const GlyphVotes& page) {
    std::scoped_lock lock(mutex_, page.mutex_);
    for (const auto& [code, readings] : page.readings_)
        for (const auto& [reading, tally] : readings) {
            Tally& here = readings_[code][reading];
            here.votes += tally.votes;
            here.confidence += tally.confidence;
        }
    for (const auto& [code, sample] : page.samples_) samples_.emplace(code, sample);
    lines_read_ += page.lines_read_;
    lines_settled_ += page.lines_settled_;
}

std::map<FontCode, CodeDecision> GlyphVotes::decisions() const {
    std::lock_guard lock(mutex_);
    std::map<FontCode, CodeDecision> out;
    for (const auto& [code, readings] : readings_) {
        CodeDecision d;
        const Tally* best = nullptr;
        for (const auto& [reading, tally] : readings) {
            d.readings += tally.votes;
            d.votes[reading] = tally.votes;
            // Equal votes: the more confident reading wins.
            if (!best || tally.votes > best->votes ||
                (tally.votes == best->votes && tally.confidence > best->confidence)) {
                best = &tally;
                d.character = reading;
            }
        }
        d.agreeing = best->votes;
        d.confidence = best->confidence / best->votes;
        out.emplace(code, d);
    }
    if (!samples_.empty()) {
        InstalledFaces faces;
        decide_by_shape(out, samples_, faces);
    }
    dashes_of_latin_fonts(out);
    return out;
}

namespace {

using CodesOfFont = std::vector<std::pair<unsigned, CodeDecision>>;

// The least certain codes the votes decided: reading, votes for it / readings (mean confidence).
std::string least_certain_votes(CodesOfFont codes, size_t count) {
    std::erase_if(codes, [](const auto& c) { return c.second.by_shape; });
    std::sort(codes.begin(), codes.end(), [](const auto& a, const auto& b) {
        return a.second.certainty() != b.second.certainty() ? a.second.certainty() < b.second.certainty()
                                                            : a.second.confidence < b.second.confidence;
    });
    std::string out;
    for (size_t i = 0; i < codes.size() && i < count; ++i) {
        const CodeDecision& d = codes[i].second;
        std::string shown;
        append_utf8(shown, d.character);
        out += fmt::format("{}{} {}/{} ({:.0f})", i ? ", " : "", shown, d.agreeing, d.readings, d.confidence);
    }
    return out;
}

// The uncertain codes decided by their shape: how many the shape confirmed, and those it
// changed (character for the votes' reading, similarity); "" for none.
std::string decided_by_shape(const CodesOfFont& codes, size_t count) {
    std::string changed, face;
    size_t confirmed = 0, n = 0;
    for (const auto& [code, d] : codes) {
        if (!d.by_shape) continue;
        face = d.face;
        if (d.character == d.voted) {
            ++confirmed;
            continue;
        }
        if (n++ >= count) continue;
        std::string c, v;
        append_utf8(c, d.character);
        append_utf8(v, d.voted);
        changed += fmt::format("{}{} ← {} ({:.2f})", n > 1 ? ", " : "", c, v, d.shape_similarity);
    }
    if (confirmed + n == 0) return "";
    std::string out = fmt::format(fmt::runtime(_("; by the shape of their glyphs drawn in the installed font {}, {} uncertain "
                                                 "codes confirmed")),
                                  face, confirmed);
    if (n > 0) out += fmt::format(fmt::runtime(_(", {} changed: {}")), n, n > count ? changed + ", …" : changed);
    return out;
}

}  // namespace

std::vector<std::string> repair_report(const std::map<FontCode, CodeDecision>& decisions,
                                       const std::map<std::string, std::string>& font_names, size_t least_certain) {
    std::map<std::string, CodesOfFont> by_font;
    for (const auto& [code, d] : decisions) by_font[code.first].emplace_back(code.second, d);
    std::vector<std::string> lines;
    for (const auto& [font, codes] : by_font) {
        int readings = 0;
        for (const auto& [code, d] : codes) readings += d.readings;
        const auto name = font_names.find(font);
        lines.push_back(fmt::format(fmt::runtime(_("font {} repaired from its glyphs: {} codes recovered, {:.1f} readings each; "
                                                "least certain: {}")),
                                    name != font_names.end() && !name->second.empty() ? name->second : fmt::format(fmt::runtime(_("object {}")), font),
                                    codes.size(), double(readings) / double(codes.size()), least_certain_votes(codes, least_certain)) +
                        decided_by_shape(codes, least_certain));
    }
    return lines;
}

}  // namespace dutylist::ocr
