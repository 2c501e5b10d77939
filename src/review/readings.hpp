// How the text of a document's items was read (model/text_reading.hpp): from the PDF's text, from
// fonts repaired from their glyphs, or by OCR, and how many items OCR read with low confidence.
// What a reviewer checks first, said the same way by inspect and validate.
#pragma once

#include <cstddef>
#include <string>

#include "model/document.hpp"

namespace dutylist::review {

struct Readings {
    size_t text = 0;
    size_t repaired = 0;
    size_t ocr = 0;
    size_t doubtful = 0;  // items below doubtful_confidence (model/document.hpp), whatever their reading
};

Readings count_readings(const DutyList& list);
Readings count_readings(const Document& document);

// "80 from the text, 25 by OCR, 3 below 70% confidence"; "" for no items.
std::string readings_text(const Readings& readings);

}  // namespace dutylist::review
