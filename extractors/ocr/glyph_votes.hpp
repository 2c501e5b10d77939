// What the recogniser read for each code of a broken font, over every occurrence read in the
// document, and the character each code is decided to be: the reading most occurrences agree
// on. A code read 200 times is decided by 200 readings, so an occasional misreading is
// outvoted. Thread-safe (pages are read on several threads); no Tesseract.
#pragma once

#include <algorithm>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "extractors/ocr/installed_faces.hpp"

namespace dutylist::ocr {

// A code whose leading reading has at least this many votes and this share of them needs no
// more: reading further occurrences would not change it (what makes a 60-page file cost the
// distinct glyphs it has, not its pages).
inline constexpr int settled_votes = 3;
inline constexpr double settled_share = 0.8;
// ... and the recogniser's mean confidence in it is at least this: a rare ideograph the fast
// model misreads the same way in every copy of a repeated line is read at 84 (the corpus's 凿
// as 羡), a right reading at 95 and more; such a code is read on, and its doubtful readings
// again at other scales, until the readings settle it.
inline constexpr double settled_confidence = 90;

// One code of one font, the font named by its object in the file.
using FontCode = std::pair<std::string, unsigned>;

struct CodeDecision {
    char32_t character = 0;
    int readings = 0;       // occurrences read
    int agreeing = 0;       // of them, read as `character`
    double confidence = 0;  // mean recogniser confidence (0–100) of the agreeing readings
    std::map<char32_t, int> votes;  // every reading, with how many occurrences were read so
    // Its votes left it uncertain, and its glyph matched `character` drawn in the installed face
    // of its font clearly best (glyph_shapes.hpp), as alike as `shape_similarity` (0–1; 0 when
    // not compared).
    bool by_shape = false;
    double shape_similarity = 0;
    std::string face;    // the installed face it was compared in
    char32_t voted = 0;  // what the votes alone decided
    double share() const { return readings ? double(agreeing) / readings : 0; }
    // How sure the decision is, 0–100: the lower of the share of readings that agree and how
    // sure the recogniser was of them. A code read once, uncertainly, is not made sure by being
    // outvoted by nothing; a code read 200 times, some of them otherwise, is as sure as its
    // majority. A code decided by its shape is as sure as its glyph is alike.
    double certainty() const { return by_shape ? 100 * shape_similarity : std::min(100 * share(), confidence); }
};

// The votes of a document, or of one page read against the document's votes so far (`base`):
// a page read on a worker thread asks whether a code is settled of both, and adds only to its
// own, which are merged into the document's in page order once every page of its round is
// read (reading_plan.hpp). So what a page reads, and the document's votes, never depend on
// which thread was quicker. Thread-safe; `base` must not change while this reads it.
class GlyphVotes {
public:
    explicit GlyphVotes(const GlyphVotes* base = nullptr) : base_(base) {}
    GlyphVotes(const GlyphVotes&) = delete;
    GlyphVotes& operator=(const GlyphVotes&) = delete;

    void add(const FontCode& code, char32_t reading, double confidence);
    // Whether `code` is decided beyond doubt already (settled_votes, settled_share,
    // settled_confidence).
    bool settled(const FontCode& code) const;
    // How many times `code` has been read.
    int readings(const FontCode& code) const;
    // The glyph of `code` as the page draws it (the first kept; font_repair.cpp cuts it out),
    // for the codes the votes leave uncertain to be decided by shape.
    bool has_sample(const FontCode& code) const;
    void keep_sample(const FontCode& code, InkBox sample);
    // Lines of broken fonts read, and left unread because their codes were settled.
    void count_lines(int read, int settled);
    std::pair<int, int> lines() const;
    // Adds the readings, samples (of codes that have none) and line counts of `page`, which
    // was read against these.
    void merge(const GlyphVotes& page);
    // Every code read at least once, decided: by its votes, and where they leave it uncertain
    // and it has a sample, by its shape (glyph_shapes.hpp).
    std::map<FontCode, CodeDecision> decisions() const;

private:
    struct Tally {
        int votes = 0;
        double confidence = 0;
    };
    using Readings = std::map<char32_t, Tally>;
    // The code's readings here and in `base_`.
    Readings readings_of(const FontCode& code) const;

    const GlyphVotes* base_;
    mutable std::mutex mutex_;
    std::map<FontCode, Readings> readings_;
    std::map<FontCode, InkBox> samples_;
    int lines_read_ = 0, lines_settled_ = 0;
};

// One line per font for a clerk: codes recovered, readings each, the least certain ones.
std::vector<std::string> repair_report(const std::map<FontCode, CodeDecision>& decisions,
                                       const std::map<std::string, std::string>& font_names, size_t least_certain = 5);

}  // namespace dutylist::ocr
