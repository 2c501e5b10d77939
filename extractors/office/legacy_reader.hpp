// The readers of legacy office formats: Word 97–2003 and WPS, RTF, Excel 97–2003 and Kingsoft
// spreadsheets. Each is converted by headless LibreOffice (libreoffice.hpp) and the DOCX or XLSX
// it gives is read by our DOCX or XLSX reader; the document's source still names the original
// file and format. A folder's files are converted ahead, all in one start (convert_ahead).
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "reader.hpp"

namespace dutylist::office {

bool sniff_legacy_word(std::string_view bytes);
Document read_legacy_word(const InputFile& input, const ReadOptions& options);
bool sniff_rtf(std::string_view bytes);
Document read_rtf(const InputFile& input, const ReadOptions& options);
bool sniff_legacy_workbook(std::string_view bytes);
Document read_legacy_workbook(const InputFile& input, const ReadOptions& options);

// Converts every file among `paths` that these readers read (by content; unreadable files are
// left to the reader's own message), with one LibreOffice start for the word processing files
// and one for the spreadsheets, running side by side. The readers then take each conversion
// from memory instead of starting LibreOffice for it. `starting` is told how many files go to
// LibreOffice before it starts (for a progress note: this is where a folder's time goes).
// `stall_limit` is ReadOptions::convert_timeout, for each file of the batch.
void convert_ahead(const std::vector<std::string>& paths, size_t max_bytes, std::chrono::seconds stall_limit,
                   const std::function<void(size_t)>& starting);

}  // namespace dutylist::office
