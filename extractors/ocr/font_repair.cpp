#include "extractors/ocr/font_repair.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "extractors/ocr/dash_glyphs.hpp"
#include "extractors/ocr/glyph_shapes.hpp"
#include "extractors/ocr/scan_image.hpp"
#include "i18n/catalogue.hpp"

namespace dutylist::ocr {
namespace {

// Glyphs on baselines this close (font sizes) are on one line.
constexpr double same_baseline = 0.2;
// A gap wider than this (font sizes) between glyphs of a line starts another run: the next
// cell or column, never read as one line with this one.
constexpr double max_run_gap = 1.0;
// Glyphs of one code drawn less than this apart (font sizes) are one glyph drawn twice.
constexpr double overdraw_offset = 0.25;
// The ink of a glyph reaches a little beyond its em box (font sizes): kept in the cut-out.
constexpr double ink_overshoot = 0.08;
// Tesseract's Chinese model reads lines best at 30–45 px (scanned_page.cpp measured it): a
// line is read at an em height of 34 px (from a copy scaled down when larger; 40 px a line).
// Its fast model misreads a rare ideograph differently at different scales (the corpus's 凿,
// one 14 pt line cut out at em heights 24–40 px: 凿 17 times in 30, else 羡, 间, 煜, 茧 or 盘),
// but the same pixels the same way every time: a boilerplate line printed 16 times gave 16
// votes for 羡. So a doubtful reading is read again at the other two em heights, and the
// votes disagree where the model is unsure, leaving the plurality to the truth.
constexpr std::array<double, 3> reading_em_px = {34, 42, 48};
// White paper around the cut-out line, in line heights: the recogniser needs some to find it.
constexpr double paper_margin = 0.5;
// A glyph box with fewer dark pixels than this draws nothing: a space.
constexpr int space_max_ink_px = 3;
// Readings of a glyph drawn blank are certain.
constexpr double blank_confidence = 100;
// A dash known by its ink (dash_glyphs.hpp): the geometry, not the recogniser, decides it.
constexpr double joined_confidence = 95;
// A glyph read with less confidence than this (Tesseract's 0–100), of a code not settled yet,
// is read again with the glyphs around it at the other em heights. Read on its own, as this
// reader did before, a glyph loses the line's context and is read worse (凿 as 辫 at 89, in all
// 16 occurrences).
constexpr double doubtful_reading = 90;
// Glyphs either side of a doubtful one read with it again.
constexpr size_t context_glyphs = 6;
// A glyph at least this wide (font sizes) is full-width; at most the second, half-width.
constexpr double full_width_advance = 0.9;
constexpr double half_width_advance = 0.6;
// A glyph at least this wide (font sizes) that draws a rule is the two-em dash "——".
constexpr double two_em_advance = 1.8;

bool is_broken(const pdf::PageContent& page, const pdf::Glyph& g) {
    return !page.fonts[static_cast<size_t>(g.font)].untrusted.empty();
}

FontCode code_of(const pdf::PageContent& page, const pdf::Glyph& g) {
    return {page.fonts[static_cast<size_t>(g.font)].object, g.font_code};
}

bool ruling_between(const pdf::PageContent& page, const pdf::Glyph& a, const pdf::Glyph& b) {
    const double y = b.centre_y();
    return std::any_of(page.segments.begin(), page.segments.end(), [&](const pdf::Segment& s) {
        return !s.horizontal() && s.x0 >= a.centre_x() && s.x0 <= b.centre_x() && s.y0 <= y && s.y1 >= y;
    });
}

// Bold made by drawing a glyph twice, a hair apart: one character on the page.
bool overdrawn(const pdf::Glyph& a, const pdf::Glyph& b) {
    return a.font == b.font && a.font_code == b.font_code && std::abs(b.x0 - a.x0) < overdraw_offset * b.size;
}

// The page's glyphs as runs of one line each, left to right: indices into page.glyphs.
std::vector<std::vector<size_t>> runs_of(const pdf::PageContent& page) {
    std::vector<size_t> order(page.glyphs.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    const auto& g = page.glyphs;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return g[a].baseline < g[b].baseline; });
    std::vector<std::vector<size_t>> lines;
    for (size_t i : order) {
        if (lines.empty() || g[i].baseline - g[lines.back().front()].baseline > same_baseline * g[i].size)
            lines.emplace_back();
        lines.back().push_back(i);
    }
    std::vector<std::vector<size_t>> runs;
    for (auto& line : lines) {
        std::sort(line.begin(), line.end(), [&](size_t a, size_t b) { return g[a].x0 < g[b].x0; });
        for (size_t k = 0; k < line.size(); ++k) {
            const pdf::Glyph& here = g[line[k]];
            if (k > 0 && overdrawn(g[line[k - 1]], here)) continue;
            if (k == 0 || here.x0 - g[line[k - 1]].x1 > max_run_gap * here.size ||
                ruling_between(page, g[line[k - 1]], here))
                runs.emplace_back();
            runs.back().push_back(line[k]);
        }
    }
    return runs;
}

// The run cut out of the page image onto white paper, scaled to a height Tesseract reads well.
pdf::PageImage cut_out(const pdf::PageContent& page, const std::vector<size_t>& run, const pdf::PageImage& image,
                       double em_px) {
    double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9, size = 0;
    for (size_t i : run) {
        const pdf::Glyph& g = page.glyphs[i];
        x0 = std::min(x0, g.x0);
        x1 = std::max(x1, g.x1);
        y0 = std::min(y0, g.top() - ink_overshoot * g.size);
        y1 = std::max(y1, g.bottom() + ink_overshoot * g.size);
        size = std::max(size, g.size);
    }
    x0 -= ink_overshoot * size;
    x1 += ink_overshoot * size;
    const double px = image.dpi / 72.0;
    const int left = std::clamp(static_cast<int>(std::floor(x0 * px)), 0, image.width);
    const int right = std::clamp(static_cast<int>(std::ceil(x1 * px)), left, image.width);
    const int top = std::clamp(static_cast<int>(std::floor(y0 * px)), 0, image.height);
    const int bottom = std::clamp(static_cast<int>(std::ceil(y1 * px)), top, image.height);
    const double factor = std::min(1.0, em_px / (size * px));
    const pdf::PageImage part = scaled_part(image, left, top, right, bottom, factor);
    return on_paper(part, static_cast<int>(std::lround(paper_margin * part.height)) + 1);
}

// ASCII punctuation read on a full-width glyph is its full-width form, and the other way round.
char32_t width_of_glyph(char32_t reading, double advance_em) {
    static constexpr std::pair<char32_t, char32_t> pairs[] = {{U',', U'，'}, {U';', U'；'}, {U':', U'：'},
                                                              {U'(', U'（'}, {U')', U'）'}, {U'!', U'！'},
                                                              {U'?', U'？'}};
    for (const auto& [half, full] : pairs) {
        if (reading == half && advance_em >= full_width_advance) return full;
        if (reading == full && advance_em <= half_width_advance) return half;
    }
    return reading;
}

bool draws_nothing(const pdf::Glyph& g, const pdf::PageImage& image) {
    const double px = image.dpi / 72.0;
    const int x0 = static_cast<int>(std::ceil(g.x0 * px)), x1 = static_cast<int>(std::floor(g.x1 * px));
    const int y0 = static_cast<int>(std::ceil(g.top() * px)), y1 = static_cast<int>(std::floor(g.bottom() * px));
    if (x1 <= x0 || y1 <= y0) return true;
    return !has_ink(image, std::max(0, x0), std::max(0, y0), std::min(image.width, x1), std::min(image.height, y1),
                    ScanTolerances{}.ink_level, space_max_ink_px);
}

// The glyph's ink as the page draws it: what glyph_shapes.cpp compares with the installed
// fonts' glyphs.
InkBox sample_of(const pdf::Glyph& g, const pdf::PageImage& image) {
    const double px = image.dpi / 72.0;
    const int left = std::clamp(static_cast<int>(std::floor(g.x0 * px)), 0, image.width);
    const int right = std::clamp(static_cast<int>(std::ceil(g.x1 * px)), left, image.width);
    const int top = std::clamp(static_cast<int>(std::floor((g.baseline - sample_above * g.size) * px)), 0, image.height);
    const int bottom = std::clamp(static_cast<int>(std::ceil((g.baseline + sample_below * g.size) * px)), top, image.height);
    InkBox box;
    box.width = right - left;
    box.height = bottom - top;
    box.ppem = g.size * px;
    box.origin_x = g.x0 * px - left;
    box.origin_y = g.baseline * px - top;
    box.ink.reserve(static_cast<size_t>(box.width) * static_cast<size_t>(box.height));
    for (int y = top; y < bottom; ++y)
        for (int x = left; x < right; ++x)
            box.ink.push_back(static_cast<std::uint8_t>(255 - image.grey[static_cast<size_t>(y) * static_cast<size_t>(image.width) + static_cast<size_t>(x)]));
    return box;
}

bool dash_reading(char32_t c) { return c == U'一' || c == U'—' || c == U'-' || c == U'－' || c == U'–'; }

// Tesseract's LSTM places its symbol boxes only roughly (a box can stand a character off), so
// readings go to glyphs by order, where the line read has as many characters as the run draws.
// Returns the broken glyphs worth reading again.
struct Unsure {
    std::vector<size_t> doubtful;  // read with little confidence
    std::vector<size_t> unread;    // the counts differ, and their code has no reading yet
};
Unsure vote_run(const pdf::PageContent& page, const std::vector<size_t>& run, const std::vector<OcrSymbol>& symbols,
                 const pdf::PageImage& image, GlyphVotes& votes) {
    std::vector<size_t> inked;
    Unsure again;
    for (size_t i : run) {
        const pdf::Glyph& g = page.glyphs[i];
        if (!draws_nothing(g, image)) inked.push_back(i);
        else if (is_broken(page, g)) votes.add(code_of(page, g), U' ', blank_confidence);
    }
    const bool aligned = inked.size() == symbols.size();
    std::vector<bool> dash(inked.size());
    for (size_t k = 0; k + 1 < inked.size(); ++k)
        if (joined_dashes(page.glyphs[inked[k]], page.glyphs[inked[k + 1]], image)) dash[k] = dash[k + 1] = true;
    for (size_t k = 0; k < inked.size(); ++k) {
        const pdf::Glyph& g = page.glyphs[inked[k]];
        if (!is_broken(page, g)) continue;
        if (!votes.has_sample(code_of(page, g))) votes.keep_sample(code_of(page, g), sample_of(g, image));
        if ((g.x1 - g.x0) / g.size >= two_em_advance && draws_rule(g, image)) {
            votes.add(code_of(page, g), double_dash, joined_confidence);
            continue;
        }
        if (dash[k] && (!aligned || dash_reading(symbols[k].code))) {
            votes.add(code_of(page, g), U'—', aligned ? symbols[k].confidence : joined_confidence);
            continue;
        }
        if (!aligned) {
            if (votes.readings(code_of(page, g)) == 0) again.unread.push_back(inked[k]);
            continue;
        }
        votes.add(code_of(page, g), width_of_glyph(symbols[k].code, (g.x1 - g.x0) / g.size), symbols[k].confidence);
        if (symbols[k].confidence < doubtful_reading) again.doubtful.push_back(inked[k]);
    }
    return again;
}

std::vector<OcrSymbol> read_run(const pdf::PageContent& page, const std::vector<size_t>& run,
                                const pdf::PageImage& image, TextRecogniser& reader, double em_px) {
    const pdf::PageImage cut = cut_out(page, run, image, em_px);
    reader.set_page(cut);
    OcrLine line;
    line.symbols = reader.read_line({0, 0, cut.width, cut.height});
    drop_ruling_remnants(line);
    return line.symbols;
}

// The glyphs of `run` from `context` before the one at `i` to `context` after it.
std::vector<size_t> around(const std::vector<size_t>& run, size_t i, size_t context) {
    const auto at = static_cast<size_t>(std::find(run.begin(), run.end(), i) - run.begin());
    return {run.begin() + static_cast<ptrdiff_t>(at < context ? 0 : at - context),
            run.begin() + static_cast<ptrdiff_t>(std::min(at + context + 1, run.size()))};
}

// A doubtful glyph of a code not settled yet, read again among its neighbours at the em
// heights its line was not read at.
void read_in_context(const pdf::PageContent& page, const std::vector<size_t>& run, size_t i,
                     const pdf::PageImage& image, TextRecogniser& reader, GlyphVotes& votes) {
    if (votes.settled(code_of(page, page.glyphs[i]))) return;
    const std::vector<size_t> window = around(run, i, context_glyphs);
    for (size_t other = 1; other < reading_em_px.size(); ++other)
        vote_run(page, window, read_run(page, window, image, reader, reading_em_px[other]), image, votes);
}

// A glyph its line could not place (the line read a character more or less than it draws),
// read on its own, and where that fails too, with a neighbour on each side.
void read_alone(const pdf::PageContent& page, const std::vector<size_t>& run, size_t i, const pdf::PageImage& image,
                TextRecogniser& reader, GlyphVotes& votes) {
    const std::vector<size_t> alone{i};
    const double em_px = reading_em_px[0];
    const Unsure unsure = vote_run(page, alone, read_run(page, alone, image, reader, em_px), image, votes);
    if ((unsure.doubtful.empty() && unsure.unread.empty()) || votes.readings(code_of(page, page.glyphs[i])) > 0) return;
    const std::vector<size_t> three = around(run, i, 1);
    vote_run(page, three, read_run(page, three, image, reader, em_px), image, votes);
}

// A glyph decided as "——" becomes two em-dash glyphs, each half its advance: what the text
// road makes of a glyph whose ToUnicode names two code points.
void split_double_dashes(pdf::PageContent& page) {
    std::vector<pdf::Glyph> glyphs;
    glyphs.reserve(page.glyphs.size());
    for (const pdf::Glyph& g : page.glyphs) {
        if (g.code != double_dash) {
            glyphs.push_back(g);
            continue;
        }
        pdf::Glyph half = g;
        half.code = U'—';
        half.x1 = (g.x0 + g.x1) / 2;
        glyphs.push_back(half);
        half.x0 = half.x1;
        half.x1 = g.x1;
        glyphs.push_back(half);
    }
    page.glyphs = std::move(glyphs);
}

}  // namespace

bool has_broken_fonts(const pdf::PageContent& page) {
    return std::any_of(page.glyphs.begin(), page.glyphs.end(), [&](const pdf::Glyph& g) { return is_broken(page, g); });
}

std::vector<BrokenRun> broken_runs(const pdf::PageContent& page) {
    std::vector<BrokenRun> out;
    for (auto& run : runs_of(page)) {
        BrokenRun broken;
        for (size_t i : run)
            if (is_broken(page, page.glyphs[i])) broken.codes.push_back(code_of(page, page.glyphs[i]));
        if (broken.codes.empty()) continue;
        std::sort(broken.codes.begin(), broken.codes.end());
        broken.codes.erase(std::unique(broken.codes.begin(), broken.codes.end()), broken.codes.end());
        broken.glyphs = std::move(run);
        out.push_back(std::move(broken));
    }
    return out;
}

void read_broken_glyphs(const pdf::PageContent& page, const std::vector<const BrokenRun*>& runs, const pdf::PageImage& image,
                        TextRecogniser& reader, GlyphVotes& votes) {
    for (const BrokenRun* broken : runs) {
        const std::vector<size_t>& run = broken->glyphs;
        const Unsure unsure = vote_run(page, run, read_run(page, run, image, reader, reading_em_px[0]), image, votes);
        for (size_t i : unsure.doubtful) read_in_context(page, run, i, image, reader, votes);
        for (size_t i : unsure.unread) read_alone(page, run, i, image, reader, votes);
    }
}

void apply_repair(pdf::PageContent& page, const std::map<FontCode, CodeDecision>& decisions,
                  const std::set<std::string>& broken) {
    // A font this page found nothing wrong with but another page did: its codes that were
    // read elsewhere take their reading, the rest keep their own (this page saw them right).
    std::vector<bool> elsewhere(page.fonts.size());
    for (size_t f = 0; f < page.fonts.size(); ++f)
        elsewhere[f] = page.fonts[f].untrusted.empty() && broken.count(page.fonts[f].object) > 0;
    std::vector<std::set<unsigned>> unread(page.fonts.size());
    for (pdf::Glyph& g : page.glyphs) {
        const auto f = static_cast<size_t>(g.font);
        if (!is_broken(page, g) && !elsewhere[f]) continue;
        const auto it = decisions.find(code_of(page, g));
        if (it != decisions.end()) {
            g.code = it->second.character;
            g.reading = TextReading::repaired;
            g.confidence = static_cast<float>(it->second.certainty());
            page.fonts[f].repaired = true;
        } else if (!elsewhere[f]) {
            unread[f].insert(g.font_code);
        }
    }
    split_double_dashes(page);
    for (size_t f = 0; f < page.fonts.size(); ++f) {
        pdf::FontInfo& font = page.fonts[f];
        if (font.untrusted.empty()) continue;
        font.repaired = true;
        font.untrusted = unread[f].empty() ? ""
                                           : fmt::format(fmt::runtime(_("{} of its codes could not be read from their glyphs "
                                                                     "(its Unicode map cannot be trusted)")),
                                                         unread[f].size());
    }
}

std::vector<std::vector<RunCharacter>> character_runs(const pdf::PageContent& page) {
    std::vector<std::vector<RunCharacter>> out;
    for (const auto& run : runs_of(page)) {
        auto& line = out.emplace_back();
        for (size_t i : run) {
            const pdf::Glyph& g = page.glyphs[i];
            if (is_broken(page, g)) line.push_back({code_of(page, g), 0});
            else line.push_back({std::nullopt, g.code});
        }
    }
    return out;
}

void add_broken_fonts(const pdf::PageContent& page, std::map<std::string, std::string>& names) {
    for (const pdf::FontInfo& f : page.fonts)
        if (!f.untrusted.empty()) names.emplace(f.object, f.name.empty() ? f.program : f.name);
}

}  // namespace dutylist::ocr
