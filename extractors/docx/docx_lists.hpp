// Stage two of the DOCX reader: the DOCX-shaped intermediate → the model. Finds the cover
// (issuer lines, title, date), skips the 目录, and turns each table into a list: its title from
// the heading paragraph above it (or a title row inside it), its columns from the header row,
// its items from the other rows with merged cells filled into every row they cover.
#pragma once

#include <functional>
#include <string>

#include "extractors/docx/docx_ooxml.hpp"
#include "model/document.hpp"

namespace dutylist::docx {

// Throws Error when no table looks like a duty list. `warn` hears of tables that are skipped.
Document build_document(const Body& body, const std::function<void(const std::string&)>& warn);

}  // namespace dutylist::docx
