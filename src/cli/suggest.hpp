// "did you mean": the known name nearest a mistyped one, for usage errors.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dutylist::cli {

// The name within max_suggest_edits edits (insertions, deletions, substitutions, swaps of two
// neighbours) of `typed`, the nearest first in `names` order on ties; "" when none is.
inline constexpr size_t max_suggest_edits = 2;
std::string nearest_name(std::string_view typed, const std::vector<std::string>& names);

}  // namespace dutylist::cli
