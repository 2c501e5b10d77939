// Reads a duty list from a Word document (.docx): the package (package/ooxml_package), stage one
// WordprocessingML → intermediate (docx_ooxml, docx_numbering), stage two → neutral tables for
// the model's list builder (docx_tables).
#pragma once

#include <string_view>

#include "reader.hpp"

namespace dutylist {

// A ZIP package with a word/document.xml part. Legacy .doc and encrypted files (OLE) are not
// taken; the registry names them.
bool sniff_docx(std::string_view bytes);
Document read_docx(const InputFile& input, const ReadOptions& options);

}  // namespace dutylist
