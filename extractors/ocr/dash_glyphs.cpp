#include "extractors/ocr/dash_glyphs.hpp"

#include <algorithm>
#include <cmath>

#include "extractors/ocr/scan_image.hpp"

namespace dutylist::ocr {
namespace {

// A rule's ink is at most this tall (font sizes): an em dash is a stroke's weight, 一 in a
// Song or Hei face has a stroke and its serif, still under this; the glyph is then told from
// 一 by its width.
constexpr double rule_max_height = 0.2;
// A rule's ink covers at least this share of its advance. The corpus's two-em dash: 86 px of
// 91 at 300 dpi, justification's character spacing being part of the advance.
constexpr double rule_min_span = 0.9;
// Glyphs of one code this far apart at most (font sizes) may be one rule drawn in two.
constexpr double joined_gap = 0.25;

struct InkBox {
    int x0, y0, x1, y1;  // exclusive ends; x0 == x1 when there is no ink
};

InkBox ink_box(const pdf::PageImage& image, int x0, int y0, int x1, int y1) {
    const int ink = ScanTolerances{}.ink_level;
    InkBox box{x1, y1, x0, y0};
    for (int y = std::max(y0, 0); y < std::min(y1, image.height); ++y) {
        const unsigned char* row = image.grey.data() + static_cast<ptrdiff_t>(y) * image.width;
        for (int x = std::max(x0, 0); x < std::min(x1, image.width); ++x)
            if (row[x] < ink) {
                box.x0 = std::min(box.x0, x);
                box.x1 = std::max(box.x1, x + 1);
                box.y0 = std::min(box.y0, y);
                box.y1 = std::max(box.y1, y + 1);
            }
    }
    if (box.x1 <= box.x0) box.x1 = box.x0;
    return box;
}

}  // namespace

bool draws_rule(const pdf::Glyph& g, const pdf::PageImage& image) {
    const double px = image.dpi / 72.0;
    const int x0 = static_cast<int>(std::lround(g.x0 * px)), x1 = static_cast<int>(std::lround(g.x1 * px));
    const InkBox ink = ink_box(image, x0, static_cast<int>(std::floor(g.top() * px)), x1,
                               static_cast<int>(std::ceil(g.bottom() * px)));
    if (ink.x1 <= ink.x0) return false;
    return ink.y1 - ink.y0 <= rule_max_height * g.size * px && ink.x1 - ink.x0 >= rule_min_span * (x1 - x0);
}

bool joined_dashes(const pdf::Glyph& a, const pdf::Glyph& b, const pdf::PageImage& image) {
    if (a.font != b.font || a.font_code != b.font_code || std::abs(b.x0 - a.x1) > joined_gap * a.size) return false;
    const double px = image.dpi / 72.0;
    const int y0 = static_cast<int>(std::floor(a.top() * px)), y1 = static_cast<int>(std::ceil(a.bottom() * px));
    // Every column from the left glyph's ink to the right one's holds ink, in one thin band.
    const InkBox ink = ink_box(image, static_cast<int>(std::lround((a.x1 - 0.1 * a.size) * px)), y0,
                               static_cast<int>(std::lround((b.x0 + 0.1 * b.size) * px)), y1);
    if (ink.x1 <= ink.x0 || ink.y1 - ink.y0 > rule_max_height * a.size * px) return false;
    for (int x = ink.x0; x < ink.x1; ++x)
        if (!has_ink(image, x, ink.y0, x + 1, ink.y1, ScanTolerances{}.ink_level, 1)) return false;
    return ink.x1 - ink.x0 >= static_cast<int>((b.x0 - a.x1 + 0.2 * a.size) * px) - 1;
}

}  // namespace dutylist::ocr
