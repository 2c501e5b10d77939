#include "cli/suggest.hpp"

#include <algorithm>

namespace dutylist::cli {
namespace {

// Optimal string alignment distance: a typo swapping two letters (cnovert) is one edit.
size_t edits(std::string_view a, std::string_view b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i)
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

}  // namespace

std::string nearest_name(std::string_view typed, const std::vector<std::string>& names) {
    std::string best;
    size_t best_edits = max_suggest_edits + 1;
    for (const auto& name : names)
        if (const size_t e = edits(typed, name); e < best_edits) {
            best = name;
            best_edits = e;
        }
    return best;
}

}  // namespace dutylist::cli
