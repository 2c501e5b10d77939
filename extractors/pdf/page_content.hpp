// What one PDF page holds, as plain data: the glyphs and the ruling segments, in points with
// the origin at the top-left of the page as displayed (after /Rotate). Produced by the Poppler
// device (poppler_device.hpp), consumed by the pure layout functions.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"

namespace dutylist::pdf {

struct Glyph {
    char32_t code = 0;
    double x0 = 0, x1 = 0;   // advance box, left to right
    double baseline = 0;
    double size = 0;         // font size on the page
    int font = 0;            // index into PageContent::fonts
    unsigned font_code = 0;  // the character code in its font, as the content stream draws it
    TextReading reading = TextReading::text;
    // How sure the reading is, 0–100, when not from the text layer: the recogniser's for a
    // recognised glyph, its code's certainty for a repaired one (glyph_votes.hpp).
    float confidence = 100;

    double top() const { return baseline - 0.85 * size; }
    double bottom() const { return baseline + 0.15 * size; }
    double centre_x() const { return (x0 + x1) / 2; }
    double centre_y() const { return baseline - 0.35 * size; }
};

// An axis-aligned ruling: horizontal when y0 == y1, vertical when x0 == x1.
struct Segment {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool horizontal() const { return y0 == y1; }
};

struct FontInfo {
    std::string name;
    bool bold = false;
    std::string untrusted;  // why its Unicode cannot be trusted, "" when it can
    // The embedded program's own FontName: the only name of the Type 3 fonts Chromium makes
    // from Noto CJK ("AAAAAA+NotoSansCJKsc-Regular").
    std::string program;
    // The font's object in the file ("12 0"): the same on every page that uses it, so that
    // what is learnt of its codes on one page holds on all.
    std::string object;
    // Its codes were read from their glyphs (extractors/ocr/font_repair.hpp), not its map.
    bool repaired = false;
};

struct PageContent {
    int number = 0;  // 1-based
    double width = 0, height = 0;
    std::vector<Glyph> glyphs;
    std::vector<Segment> segments;
    std::vector<FontInfo> fonts;
    int images = 0;            // images drawn (a page of images and no text is a scan)
    int shapes = 0;            // filled paths other than rectangles (glyphs drawn as outlines)
    int rotated_glyphs = 0;    // glyphs not on a horizontal line, left out of `glyphs`
};

// A page rendered to grey pixels (0 black … 255 white), row by row from the top-left, as the
// page is displayed; `dpi` pixels per inch, so a point is dpi / 72 pixels.
struct PageImage {
    int width = 0, height = 0;
    double dpi = 0;
    std::vector<unsigned char> grey;
};

}  // namespace dutylist::pdf
