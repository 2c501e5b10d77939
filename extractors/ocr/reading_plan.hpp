// Which lines of broken fonts are read, for the whole document, before any is read: in rounds,
// each choosing in document order the lines that give every code not yet settled a few more
// readings (a line is chosen when it draws such a code still short of its round's readings, and
// never twice). Codes seen 200 times are read a few times, not 200; a code whose readings
// disagree is read again next round at other occurrences, until its votes settle it or its
// occurrences are all read. The plan depends only on the pages' geometry and the votes of the
// rounds before, so a document reads the same lines, and decides the same characters, on any
// number of threads.
#pragma once

#include <cstddef>
#include <vector>

#include "extractors/ocr/font_repair.hpp"
#include "extractors/ocr/glyph_votes.hpp"

namespace dutylist::ocr {

// Readings a round gives each code it reads: what settles a code whose readings agree.
inline constexpr int round_readings = settled_votes;
// Rounds at most: a code still unsettled after four rounds (twelve occurrences and their
// re-readings in context) is decided by its shape or its plurality; more readings of a glyph
// the model misreads the same way every time would not change it.
inline constexpr int max_reading_rounds = 4;

class ReadingPlan {
public:
    // The broken runs of each page held (broken_runs), in page order.
    explicit ReadingPlan(std::vector<std::vector<BrokenRun>> pages);

    // The runs of each page to read this round (indices into its runs; every one empty when
    // nothing is left to read or the rounds are over), chosen by `votes` of the rounds before.
    std::vector<std::vector<size_t>> next_round(const GlyphVotes& votes);
    const std::vector<BrokenRun>& runs(size_t page) const { return pages_[page]; }

    int runs_read() const { return read_count_; }
    int runs_left() const { return total_ - read_count_; }

private:
    std::vector<std::vector<BrokenRun>> pages_;
    std::vector<std::vector<bool>> read_;
    int rounds_ = 0, read_count_ = 0, total_ = 0;
};

}  // namespace dutylist::ocr
