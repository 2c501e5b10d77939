#include "extractors/ocr/reading_plan.hpp"

#include <algorithm>
#include <map>

namespace dutylist::ocr {

ReadingPlan::ReadingPlan(std::vector<std::vector<BrokenRun>> pages) : pages_(std::move(pages)) {
    for (const auto& runs : pages_) {
        read_.emplace_back(runs.size(), false);
        total_ += static_cast<int>(runs.size());
    }
}

std::vector<std::vector<size_t>> ReadingPlan::next_round(const GlyphVotes& votes) {
    std::vector<std::vector<size_t>> chosen(pages_.size());
    if (rounds_++ >= max_reading_rounds) return chosen;
    // Settledness asked once a code a round: the votes do not change while the round is planned.
    std::map<FontCode, int> wanted;
    const auto need = [&](const FontCode& code) -> int& {
        auto [it, added] = wanted.try_emplace(code, 0);
        if (added) it->second = votes.settled(code) ? 0 : round_readings;
        return it->second;
    };
    for (size_t p = 0; p < pages_.size(); ++p)
        for (size_t r = 0; r < pages_[p].size(); ++r) {
            const BrokenRun& run = pages_[p][r];
            if (read_[p][r] || std::none_of(run.codes.begin(), run.codes.end(), [&](const FontCode& c) { return need(c) > 0; }))
                continue;
            for (const FontCode& code : run.codes) --need(code);
            read_[p][r] = true;
            ++read_count_;
            chosen[p].push_back(r);
        }
    return chosen;
}

}  // namespace dutylist::ocr
