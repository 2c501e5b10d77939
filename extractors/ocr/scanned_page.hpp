// A page read from its image: the grid from the PDF's own rulings where it has them, else
// from the rulings in the image; then each cell recognised as one block, and the bands
// outside the tables (headings, cover lines, page numbers) as blocks of their own. The result
// is the same PageContent of glyphs and rulings the text layer gives, so the page goes on
// through the same layout and list road.
#pragma once

#include "extractors/ocr/ocr_report.hpp"
#include "extractors/ocr/text_recogniser.hpp"
#include "extractors/pdf/page_content.hpp"

namespace dutylist::ocr {

// Pages are rendered for recognition at this resolution: Tesseract reads 10.5 pt ideographs
// reliably from 300 dpi, and misreads single characters now and then at 200.
inline constexpr double render_dpi = 300;

struct RecognisedPage {
    pdf::PageContent content;
    PageRecognition recognition;
};

// `drawn` is what the PDF's drawing gave for the page, `image` the page rendered.
RecognisedPage recognise_page(const pdf::PageContent& drawn, const pdf::PageImage& image, TextRecogniser& reader);

}  // namespace dutylist::ocr
