// How list numbers print, in the format names of Word's w:numFmt ("decimal", "chineseCounting",
// "ideographTraditional", …), shared by the readers of word-processing formats (DOCX, ODF,
// HTML), so that the same numbered paragraph reads the same from every format.
#pragma once

#include <string>

namespace dutylist {

// The number `n` in a w:numFmt; unknown formats print as decimal, as Word does.
std::string format_number(int n, const std::string& format);

}  // namespace dutylist
