// Which legacy office format a file is, by its content: an OLE compound file with a
// WordDocument stream (Word 97–2003 .doc/.dot, WPS .wps), with a Workbook or Book stream (Excel
// 97–2003 .xls, Kingsoft .et), or an RTF document.
#pragma once

#include <string_view>

namespace dutylist::office {

enum class LegacyKind { none, word, workbook, rtf };

LegacyKind legacy_kind(std::string_view bytes);

// A Word 97–2003 file whose text is encrypted with a password (the FIB's fEncrypted flag).
bool is_encrypted_word(std::string_view bytes);

// What LibreOffice is told the file is: ".doc", ".xls" or ".rtf".
std::string_view conversion_extension(LegacyKind kind);

}  // namespace dutylist::office
