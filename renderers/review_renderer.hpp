// The review page: one self-contained HTML page on which a person checks a converted list
// against the original in minutes, each item beside where it was read.
//
// The seam with the source: this renderer knows nothing of PDF. Whoever holds both the input
// and its document (cli/convert.cpp, server/conversions.cpp) asks the registry for the
// pictures of the items' regions (format_registry.hpp, source_images(): Poppler draws them in
// extractors/pdf/page_images.cpp) and hands them over as plain PNG bytes in
// RenderOptions::source_images. Without them (DOCX, XLSX, ODF, HTML) each item names its
// table and row, which is how a clerk finds it in Word or Excel.
#pragma once

#include <vector>

#include "writer.hpp"

namespace dutylist {

// Suffix ".review.html". Each item is an <li class="item"> with id "basic-12" (the anchors of
// render_html), its fields beside one <img> of its region (a data: URI, so the page stands
// alone), or beside its table and row. An item is class "doubtful" with a
// <p class="reason"> per reason when it was read with little confidence
// (doubtful_confidence, model/document.hpp) or the self-check found it suspect
// (review/self_check.hpp); a check's findings on whole columns stand above its list.
std::vector<Output> render_review(const Document& document, const RenderOptions& options);

}  // namespace dutylist
