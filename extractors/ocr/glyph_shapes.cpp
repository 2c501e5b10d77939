#include "extractors/ocr/glyph_shapes.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <set>

namespace dutylist::ocr {
namespace {

// The page's rasteriser and FreeType place an edge up to a pixel apart.
constexpr int max_shift_px = 1;
// Certain codes of a font drawn in each installed face to find the face it is a subset of:
// a dozen ideographs tell Noto Serif from Noto Sans and the Japanese forms from the Chinese.
constexpr size_t face_probes = 12;
// A face draws a font's certain codes alike at least this (mean ink_similarity) when it is the
// font the PDF embeds a subset of. The corpus's LibreOffice subsets of Noto Serif and Sans CJK
// JP drawn in the installed faces: 0.88–0.97 (Chromium's Droid Sans Fallback subsets: above
// 0.8); in the other family, or Droid Sans Fallback, below 0.7.
constexpr double face_match = 0.8;
// A candidate is taken only when at least this alike (ink_similarity): less, and the glyph is
// drawn like none of them. The corpus's uncertain codes drew their right character 0.72–1.0
// alike (a glyph on a ruling or of a smaller size draws less alike).
constexpr double candidate_floor = 0.7;
// ... and when it is at least this much more alike than every other candidate: two different
// ideographs of one face differ by at least a stroke, far more than rasterising differs. Near
// twins closer than this (犬 and 大: 0.06 apart on a Chromium page) are told apart by the
// strokes that differ (told_apart), or left to their votes.
constexpr double clear_margin = 0.1;
// The coarse shape a face's characters are searched by: the em square in this many cells a
// side, drawn at one pixel a cell (loading the glyph, not drawing it, is what costs: 37 µs a
// glyph, 0.8 s for the 21,000 ideographs of Noto Serif CJK, at any size).
constexpr int coarse_cells = 12;
constexpr double coarse_ppem = coarse_cells;
// Of the face's characters, this many nearest in coarse shape join the candidates.
constexpr size_t shortlist = 8;
// The em square within the sample's box: its top this far (em) above the baseline.
constexpr double em_top = 0.88;

using Coarse = std::array<float, coarse_cells * coarse_cells>;

int ink_at(const InkBox& b, int x, int y) { return x >= 0 && y >= 0 && x < b.width && y < b.height ? b.at(x, y) : 0; }

// The shift of `b` over `a` at which they are most alike, and how alike (ink_similarity).
struct Alignment {
    int dx = 0, dy = 0;
    double similarity = 0;
};

Alignment align(const InkBox& a, const InkBox& b) {
    Alignment best;
    for (int dy = -max_shift_px; dy <= max_shift_px; ++dy)
        for (int dx = -max_shift_px; dx <= max_shift_px; ++dx) {
            long shared = 0, either = 0;
            for (int y = 0; y < a.height; ++y)
                for (int x = 0; x < a.width; ++x) {
                    const int ink_b = ink_at(b, x + dx, y + dy);
                    shared += std::min<int>(a.at(x, y), ink_b);
                    either += std::max<int>(a.at(x, y), ink_b);
                }
            if (either > 0 && double(shared) / double(either) > best.similarity)
                best = {dx, dy, double(shared) / double(either)};
        }
    return best;
}

// Near twins (犬 and 大: a dot apart) are told apart by the strokes one draws and the other
// does not: where one draws at least this much more ink (0–255) than the other,
constexpr int distinct_ink = 128;
// strokes covering at least this share of the em square (half a dot; less is rasterising),
constexpr double distinct_share = 0.005;
// of which the page's glyph has at least this share of the best's ink, and at most this share
// of its rival's.
constexpr double strokes_present = 0.6, strokes_absent = 0.25;

bool searchable(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x3001 && c <= 0x303F) ||
           (c >= 0xFF01 && c <= 0xFF5E);
}

bool is_ideograph(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

// Mean ink of each cell of the em square.
Coarse coarse_of(const InkBox& box) {
    Coarse sum{}, count{};
    const double top = box.origin_y - em_top * box.ppem;
    for (int y = 0; y < box.height; ++y) {
        const int cy = static_cast<int>(std::floor((y + 0.5 - top) / box.ppem * coarse_cells));
        if (cy < 0 || cy >= coarse_cells) continue;
        for (int x = 0; x < box.width; ++x) {
            const int cx = static_cast<int>(std::floor((x + 0.5 - box.origin_x) / box.ppem * coarse_cells));
            if (cx < 0 || cx >= coarse_cells) continue;
            sum[static_cast<size_t>(cy * coarse_cells + cx)] += box.at(x, y);
            count[static_cast<size_t>(cy * coarse_cells + cx)] += 1;
        }
    }
    for (size_t i = 0; i < sum.size(); ++i) sum[i] = count[i] > 0 ? sum[i] / count[i] : 0;
    return sum;
}

float coarse_distance(const Coarse& a, const Coarse& b) {
    float d = 0;
    for (size_t i = 0; i < a.size(); ++i) d += std::abs(a[i] - b[i]);
    return d;
}

// A face's searchable characters with their coarse shapes, made once per face.
struct FaceIndex {
    std::vector<char32_t> characters;
    std::vector<Coarse> shapes;
};

FaceIndex index_face(InstalledFaces& faces, size_t face) {
    InkBox frame;
    frame.ppem = coarse_ppem;
    frame.width = static_cast<int>(std::ceil(coarse_ppem));
    frame.height = static_cast<int>(std::ceil((sample_above + sample_below) * coarse_ppem));
    frame.origin_y = sample_above * coarse_ppem;
    FaceIndex index;
    InkBox drawn;
    for (char32_t c : faces.characters(face)) {
        if (!searchable(c) || !faces.draw(face, c, frame, drawn)) continue;
        index.characters.push_back(c);
        index.shapes.push_back(coarse_of(drawn));
    }
    return index;
}

std::vector<char32_t> nearest(const FaceIndex& index, const InkBox& sample) {
    const Coarse shape = coarse_of(sample);
    std::vector<std::pair<float, char32_t>> by_distance;
    by_distance.reserve(index.characters.size());
    for (size_t i = 0; i < index.characters.size(); ++i)
        by_distance.emplace_back(coarse_distance(shape, index.shapes[i]), index.characters[i]);
    const size_t n = std::min(shortlist, by_distance.size());
    std::partial_sort(by_distance.begin(), by_distance.begin() + static_cast<ptrdiff_t>(n), by_distance.end());
    std::vector<char32_t> out;
    for (size_t i = 0; i < n; ++i) out.push_back(by_distance[i].second);
    return out;
}

double drawn_similarity(InstalledFaces& faces, size_t face, char32_t c, const InkBox& sample) {
    InkBox drawn;
    return faces.draw(face, c, sample, drawn) ? ink_similarity(sample, drawn) : 0;
}

using FontCodes = std::vector<std::pair<const FontCode*, CodeDecision*>>;

// The installed face the font's certain ideographs look like, and how alike (0 for none).
std::pair<size_t, double> matching_face(const FontCodes& codes, const std::map<FontCode, InkBox>& samples,
                                        InstalledFaces& faces) {
    FontCodes probes;
    for (const auto& entry : codes)
        if (!uncertain(*entry.second) && is_ideograph(entry.second->character) && samples.count(*entry.first))
            probes.push_back(entry);
    std::sort(probes.begin(), probes.end(), [](const auto& a, const auto& b) { return a.second->readings > b.second->readings; });
    probes.resize(std::min(probes.size(), face_probes));
    std::pair<size_t, double> best{0, 0};
    if (probes.empty()) return best;
    for (size_t face = 0; face < faces.size(); ++face) {
        double sum = 0;
        for (const auto& [code, d] : probes) sum += drawn_similarity(faces, face, d->character, samples.at(*code));
        const double mean = sum / static_cast<double>(probes.size());
        if (mean > best.second) best = {face, mean};
    }
    return best;
}

// The candidate the code's glyph is most alike in `face`, how alike, and the next one.
struct Match {
    char32_t best = 0, runner_up = 0;
    double similarity = 0, second = 0, third = 0;
    bool clear() const { return similarity >= candidate_floor && similarity - second >= clear_margin; }
};

Match best_of(const std::set<char32_t>& candidates, const InkBox& sample, InstalledFaces& faces, size_t face) {
    Match m;
    for (char32_t c : candidates) {
        const double s = drawn_similarity(faces, face, c, sample);
        if (s > m.similarity) {
            m.third = m.second;
            m.second = m.similarity;
            m.runner_up = m.best;
            m.similarity = s;
            m.best = c;
        } else if (s > m.second) {
            m.third = m.second;
            m.second = s;
            m.runner_up = c;
        } else {
            m.third = std::max(m.third, s);
        }
    }
    return m;
}

// What the code's readings and the face's characters nearest its glyph's coarse shape match.
// The face is searched only where that can change the outcome: a reading the votes chose, as
// alike as 1 - clear_margin and clearly more than the other readings, no other character can
// be clearly more alike than.
Match shape_match(const CodeDecision& d, const InkBox& sample, const std::function<const FaceIndex&()>& index,
                  InstalledFaces& faces, size_t face) {
    std::set<char32_t> candidates;
    for (const auto& [reading, n] : d.votes)
        if (searchable(reading)) candidates.insert(reading);
    const Match readings = best_of(candidates, sample, faces, face);
    if (readings.best == d.character && readings.clear() && readings.similarity >= 1 - clear_margin) return readings;
    for (char32_t c : nearest(index(), sample)) candidates.insert(c);
    return best_of(candidates, sample, faces, face);
}

// Whether the page's glyph has the strokes that tell `m.best` from its runner-up, and not the
// runner-up's own, where only those two are alike enough to be the glyph.
bool told_apart(const Match& m, const InkBox& sample, InstalledFaces& faces, size_t face) {
    InkBox best, rival;
    if (m.similarity < candidate_floor || m.similarity - m.third < clear_margin || !faces.draw(face, m.best, sample, best) ||
        !faces.draw(face, m.runner_up, sample, rival))
        return false;
    const Alignment at = align(sample, best);
    double best_only = 0, rival_only = 0, on_best = 0, on_rival = 0;
    for (int y = 0; y < sample.height; ++y)
        for (int x = 0; x < sample.width; ++x) {
            const int b = ink_at(best, x + at.dx, y + at.dy), r = ink_at(rival, x + at.dx, y + at.dy), a = sample.at(x, y);
            if (b - r >= distinct_ink) {
                best_only += b;
                on_best += std::min(a, b);
            } else if (r - b >= distinct_ink) {
                rival_only += r;
                on_rival += std::min(a, r);
            }
        }
    const double least = distinct_share * sample.ppem * sample.ppem * 255;
    return best_only + rival_only >= least && (best_only < least || on_best >= strokes_present * best_only) &&
           (rival_only < least || on_rival <= strokes_absent * rival_only);
}

}  // namespace

double ink_similarity(const InkBox& a, const InkBox& b) { return align(a, b).similarity; }

bool uncertain(const CodeDecision& d) {
    return d.agreeing < settled_votes || d.share() < settled_share || d.confidence < settled_confidence;
}

void decide_by_shape(std::map<FontCode, CodeDecision>& decisions, const std::map<FontCode, InkBox>& samples,
                     InstalledFaces& faces) {
    std::map<std::string, FontCodes> by_font;
    for (auto& [code, d] : decisions) by_font[code.first].emplace_back(&code, &d);
    std::map<size_t, FaceIndex> indexes;
    for (auto& [font, codes] : by_font) {
        const bool doubt = std::any_of(codes.begin(), codes.end(), [&](const auto& e) {
            return uncertain(*e.second) && searchable(e.second->character) && samples.count(*e.first);
        });
        if (!doubt) continue;
        const auto [face, alike] = matching_face(codes, samples, faces);
        if (alike < face_match) continue;
        const auto index = [&]() -> const FaceIndex& {
            if (!indexes.count(face)) indexes.emplace(face, index_face(faces, face));
            return indexes.at(face);
        };
        for (auto& [code, d] : codes) {
            if (!uncertain(*d) || !searchable(d->character) || !samples.count(*code)) continue;
            const Match m = shape_match(*d, samples.at(*code), index, faces, face);
            if (!m.clear() && !told_apart(m, samples.at(*code), faces, face)) continue;
            d->shape_similarity = m.similarity;
            d->by_shape = true;
            d->face = faces.name(face);
            d->voted = d->character;
            d->character = m.best;
            const auto votes = d->votes.find(m.best);
            d->agreeing = votes == d->votes.end() ? 0 : votes->second;
        }
    }
}

}  // namespace dutylist::ocr
