// Reads a duty list from an OpenDocument text (.odt) or spreadsheet (.ods), as LibreOffice, WPS
// or Calligra write them, natively: the ZIP and its XML through the package module (its inflate
// limits, no DTD, no network), the body's paragraphs and tables (odf_body, odf_table, odf_text)
// into the model's list builder, as the DOCX and XLSX readers feed it.
#pragma once

#include <string_view>

#include "reader.hpp"

namespace dutylist {

// A ZIP whose first entry, the stored mimetype, names an OpenDocument text (or its template).
bool sniff_odt(std::string_view bytes);
// The same for an OpenDocument spreadsheet.
bool sniff_ods(std::string_view bytes);
Document read_odt(const InputFile& input, const ReadOptions& options);
Document read_ods(const InputFile& input, const ReadOptions& options);

}  // namespace dutylist
