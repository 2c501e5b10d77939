// Converting Word 97–2003, WPS, RTF, Excel 97–2003 and Kingsoft files to DOCX or XLSX with
// headless LibreOffice, an existing engine, rather than a parser of ours. Run safely: its own
// throwaway profile with macros disabled and links never updated, files copied under plain
// names into a private temporary folder (removed whatever happens), no shell, and the whole
// process group killed when it stops making progress.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dutylist::office {

enum class Target { docx, xlsx };

struct ConversionInput {
    std::string_view bytes;
    std::string_view extension;  // ".doc", ".rtf", ".xls": what LibreOffice is told the file is
};

struct Conversion {
    std::optional<std::string> bytes;  // the DOCX or XLSX
    std::string failure;               // why not, for a clerk, when bytes is empty
};

// Converts every input in one LibreOffice start (another only when one input makes it hang:
// that input fails and the rest go on in a new start). `stall_limit`: how long one file may
// take. Results in input order. Never throws for a bad input; a missing LibreOffice fails every
// input with the line that names the package to install.
std::vector<Conversion> convert_with_libreoffice(const std::vector<ConversionInput>& inputs, Target target,
                                                 std::chrono::seconds stall_limit);

}  // namespace dutylist::office
