// The body of an OpenDocument file into the list builder: a text document's paragraphs
// (headings, cover lines, 目录 entries marked: inside a table of contents or in a paragraph
// style with a tab leader) and tables in body order; a spreadsheet's sheets, each a table.
#pragma once

#include <functional>
#include <string>

#include <libxml/tree.h>

#include "extractors/odf/odf_numbering.hpp"
#include "extractors/odf/odf_text.hpp"
#include "model/document.hpp"

namespace dutylist::odf {

// `text` is office:text; `numbering` holds the document's list styles. Throws Error when no
// table holds a duty list.
Document read_text_body(const xmlNode* text, const LeaderStyles& leaders, ListNumbering& numbering,
                        const std::function<void(const std::string&)>& warn);
// `spreadsheet` is office:spreadsheet. Throws Error when no sheet holds a duty list.
Document read_spreadsheet_body(const xmlNode* spreadsheet, const std::function<void(const std::string&)>& warn);

}  // namespace dutylist::odf
