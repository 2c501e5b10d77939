// DOCX that looks like a published list: a cover page, then each list under its heading in a
// bordered table on A4 landscape pages, styled by a reference document.
#pragma once

#include <vector>

#include "writer.hpp"

namespace dutylist {

// Suffix ".docx". Styles, settings, fonts and the footer ("— N —" page numbers) come from
// templates/docx/ or, with options.reference_doc, from the user's .docx (as pandoc's
// --reference-doc). Every paragraph of a cell is its own w:p; the header row repeats on
// each page; with options.merge_categories runs of equal 事项类别 cells are merged vertically.
std::vector<Output> render_docx(const Document& document, const RenderOptions& options);

}  // namespace dutylist
