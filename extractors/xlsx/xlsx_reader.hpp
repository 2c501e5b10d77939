// Reads a duty list from an Excel workbook (.xlsx, as Excel, WPS or LibreOffice Calc write it):
// the workbook and its sheets' cells (xlsx_package, xlsx_sheet), then a neutral table per
// sheet for the model's list builder (xlsx_tables).
#pragma once

#include <string_view>

#include "reader.hpp"

namespace dutylist {

// A ZIP package with xl/workbook.xml and without word/document.xml.
bool sniff_xlsx(std::string_view bytes);
Document read_xlsx(const InputFile& input, const ReadOptions& options);

}  // namespace dutylist
