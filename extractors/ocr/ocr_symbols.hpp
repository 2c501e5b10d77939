// What the recogniser read, as plain data, and the character-level repairs that are safe on
// Chinese text: the punctuation Tesseract returns in ASCII put back into its full-width form
// where it stands between Chinese characters. Pure; no Tesseract.
#pragma once

#include <string>
#include <vector>

#include "extractors/pdf/page_content.hpp"

namespace dutylist::ocr {

struct PixelBox {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    int width() const { return x1 - x0; }
    int height() const { return y1 - y0; }
};

struct OcrSymbol {
    char32_t code = 0;
    PixelBox box;
    float confidence = 0;  // Tesseract's, 0–100
};

struct OcrLine {
    std::vector<OcrSymbol> symbols;  // left to right
    PixelBox box;
};

// ASCII , ; : ( ) ! ? next to a Chinese character become ，；：（）！？ (Tesseract's models
// read the full-width forms as ASCII most of the time).
void restore_full_width(OcrLine& line);

// Brackets of a cell (its lines in order) that pair up but do not match: Tesseract's Chinese
// model reads （ as 〈 now and then, rarely ） as 〉; an opener and a closer of which one is a
// parenthesis become the full-width parentheses. Brackets that match are left as they are.
void pair_parentheses(std::vector<OcrLine>& lines);

// A "|" or "_" at either end of a line is what is left of a ruling next to it (Chinese text
// never starts or ends with one): dropped.
void drop_ruling_remnants(OcrLine& line);

// Short lines are where Tesseract's Chinese model goes wrong on digits: a page number
// "— 2 —" read as "一克一" or "2动志", a 序号 "7" as "归". Such a line (at most a few symbols,
// starting with a dash or read with low confidence) is worth reading again as digits and
// dashes only.
bool may_be_misread_number(const OcrLine& line);
// The line as `reread` (its digits-and-dashes reading, dashes made "—") when that has digits
// and nothing else but dashes, and (unless the line starts with a dash) is read with at least
// low_confidence; else unchanged.
void take_number_reading(OcrLine& line, const std::vector<OcrSymbol>& reread);

// Mean confidence of the line's symbols.
double mean_confidence(const OcrLine& line);

// The line's text as UTF-8, without spaces (for messages).
std::string line_text(const OcrLine& line);

// The lines' symbols as glyphs on the page, in points (`scale` points per pixel). Every glyph
// of a line gets the line's middle and the font size `size` (pt), so that the lines rebuild
// as the recogniser found them; ideographs get the full-em advance they have in print.
std::vector<pdf::Glyph> glyphs_from_lines(const std::vector<OcrLine>& lines, double scale, double size);

// The font size (pt) the lines were printed at: the median height of lines of ideographs.
// 0 when there is no such line.
double printed_size(const std::vector<OcrLine>& lines, double scale);

}  // namespace dutylist::ocr
