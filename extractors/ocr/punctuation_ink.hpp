// Commas, colons and semicolons of a scanned line told apart by their ink. Tesseract's Chinese
// model reads a full-width ； or ： of a 200 dpi scan as ， most of the time (the corpus scan:
// 67 of its semicolons and 16 colons read as commas, the largest share of its misread
// characters), while the ink says which it is: a comma is one blot with a tail at the foot of
// the line, a colon two round dots one above the other, a semicolon a dot above a comma.
#pragma once

#include "extractors/ocr/ocr_symbols.hpp"
#include "extractors/pdf/page_content.hpp"

namespace dutylist::ocr {

// Each symbol of `line` read as one of ，；：,;: becomes the one its ink in `image` (the
// page the line's boxes are in) shows, full-width or ASCII as it was read; a symbol whose box
// holds anything else (a stroke of the next character, a speck) keeps its reading.
void settle_punctuation(OcrLine& line, const pdf::PageImage& image);

}  // namespace dutylist::ocr
