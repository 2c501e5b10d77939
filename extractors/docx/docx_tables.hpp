// Stage two of the DOCX reader: the DOCX-shaped intermediate → the model, through the list
// builder (model/list_builder.hpp). Body paragraphs become text blocks (目录 entries marked),
// tables neutral tables on their grid (gridBefore, gridSpan, vMerge, w:tblHeader), in body
// order; what a list is, the builder decides.
#pragma once

#include <functional>
#include <string>

#include "extractors/docx/docx_ooxml.hpp"
#include "model/document.hpp"

namespace dutylist::docx {

// Throws Error when no table holds a duty list. `warn` hears of tables that are skipped.
Document build_document(const Body& body, const std::function<void(const std::string&)>& warn);

}  // namespace dutylist::docx
