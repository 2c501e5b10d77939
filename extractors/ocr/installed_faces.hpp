// The Chinese fonts installed on this machine (fontconfig: every face that covers `zh`), drawn
// by FreeType. An embedded font is nearly always a subset of one of them (LibreOffice and WPS
// embed Noto CJK, Droid Sans Fallback, SimSun…), so a character drawn in the installed face
// is the glyph the PDF draws for it, pixel for pixel up to rasterising: what glyph_shapes.hpp
// compares a broken font's glyphs with. No face installed is no error: nothing to compare with.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace dutylist::ocr {

// Grey ink (0 paper … 255 black) in a box of pixels, with the glyph's origin (on its
// baseline, at its left edge) in the box's pixel coordinates (y down) and its em in pixels.
struct InkBox {
    int width = 0, height = 0;
    std::vector<std::uint8_t> ink;  // row by row
    double ppem = 0;
    double origin_x = 0, origin_y = 0;
    std::uint8_t at(int x, int y) const { return ink[static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)]; }
};

class InstalledFaces {
public:
    InstalledFaces();  // lists the faces; opens none yet
    ~InstalledFaces();
    InstalledFaces(const InstalledFaces&) = delete;
    InstalledFaces& operator=(const InstalledFaces&) = delete;

    size_t size() const;
    std::string name(size_t face) const;  // family and style, for messages
    // `c` drawn in `face` into a box of the size, em and origin of `frame`; false when the face
    // has no glyph for `c` (or cannot be opened).
    bool draw(size_t face, char32_t c, const InkBox& frame, InkBox& out);
    // The characters the face has a glyph for (its Unicode map).
    std::vector<char32_t> characters(size_t face);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace dutylist::ocr
