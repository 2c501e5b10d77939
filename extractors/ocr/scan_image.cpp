// Leptonica is kept to this file.
#include "extractors/ocr/scan_image.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include <leptonica/allheaders.h>

#include "model/error.hpp"

namespace dutylist::ocr {
namespace {

constexpr double mm_per_inch = 25.4;
// Runs of inked pixel rows shorter than this are specks or rules, not lines of text (6 pt
// text, the smallest in a list, is about 2 mm tall).
constexpr double min_text_line_mm = 1.5;

struct PixDeleter {
    void operator()(PIX* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

struct BoxaDeleter {
    void operator()(BOXA* b) const { boxaDestroy(&b); }
};

PixPtr checked(PIX* pix) {
    if (!pix) throw Error("the page image could not be processed (out of memory?)");
    return PixPtr(pix);
}

// The rectangle [x0, x1) × [y0, y1) of the image (inside it) as an 8-bit Leptonica image.
PixPtr to_pix(const pdf::PageImage& image, int x0, int y0, int x1, int y1) {
    PixPtr pix = checked(pixCreate(x1 - x0, y1 - y0, 8));
    const int wpl = pixGetWpl(pix.get());
    l_uint32* data = pixGetData(pix.get());
    for (int y = y0; y < y1; ++y) {
        l_uint32* line = data + static_cast<ptrdiff_t>(y - y0) * wpl;
        const unsigned char* row = image.grey.data() + static_cast<ptrdiff_t>(y) * image.width;
        for (int x = x0; x < x1; ++x) SET_DATA_BYTE(line, x - x0, row[x]);
    }
    return pix;
}

PixPtr to_pix(const pdf::PageImage& image) { return to_pix(image, 0, 0, image.width, image.height); }

pdf::PageImage from_pix(PIX* pix, double dpi) {
    pdf::PageImage image;
    image.width = static_cast<int>(pixGetWidth(pix));
    image.height = static_cast<int>(pixGetHeight(pix));
    image.dpi = dpi;
    image.grey.resize(static_cast<size_t>(image.width) * static_cast<size_t>(image.height));
    const int wpl = pixGetWpl(pix);
    const l_uint32* data = pixGetData(pix);
    for (int y = 0; y < image.height; ++y) {
        const l_uint32* line = data + static_cast<ptrdiff_t>(y) * wpl;
        unsigned char* row = image.grey.data() + static_cast<ptrdiff_t>(y) * image.width;
        for (int x = 0; x < image.width; ++x) row[x] = static_cast<unsigned char>(GET_DATA_BYTE(line, x));
    }
    return image;
}

int to_px(double mm, double dpi) { return std::max(1, static_cast<int>(std::lround(mm / mm_per_inch * dpi))); }

// The runs of `lines` (one direction, opened already) as segments along their middle.
void add_segments(PIX* lines, bool horizontal, int max_thickness, std::vector<pdf::Segment>& out) {
    std::unique_ptr<BOXA, BoxaDeleter> boxes(pixConnComp(lines, nullptr, 8));
    if (!boxes) return;
    const int n = boxaGetCount(boxes.get());
    for (int i = 0; i < n; ++i) {
        l_int32 x, y, w, h;
        if (boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h) != 0) continue;
        const int thickness = horizontal ? h : w;
        if (thickness > max_thickness) continue;
        if (horizontal) {
            const double mid = y + h / 2.0;
            out.push_back({double(x), mid, double(x + w), mid});
        } else {
            const double mid = x + w / 2.0;
            out.push_back({mid, double(y), mid, double(y + h)});
        }
    }
}

// The paper's grey level (the most common one) stretched to white, the rest in proportion.
PixPtr whiten_paper(PixPtr grey) {
    NUMA* histogram = pixGetGrayHistogram(grey.get(), 2);
    if (!histogram) return grey;
    l_float32 peak = 0;
    l_int32 paper = 255;
    numaGetMax(histogram, &peak, &paper);
    numaDestroy(&histogram);
    if (paper >= 255 || paper < 128) return grey;  // white already, or no paper to be seen
    return checked(pixGammaTRC(nullptr, grey.get(), 1.0f, 0, paper));
}

PixPtr small_blots(PIX* ink, int size) {
    return checked(pixSelectBySize(ink, size, size, 8, L_SELECT_IF_BOTH, L_SELECT_IF_LTE, nullptr));
}

// The specks of dust and toner in a 1-bit image: the tiny blots, and the small ones standing alone.
PixPtr specks(PIX* ink, double dpi, const ScanTolerances& tol) {
    PixPtr tiny = small_blots(ink, to_px(tol.max_speck_mm, dpi));
    PixPtr small = small_blots(ink, to_px(tol.max_lone_speck_mm, dpi));
    PixPtr print = checked(pixSubtract(nullptr, ink, small.get()));
    const int reach = 2 * to_px(tol.lone_distance_mm, dpi) + 1;
    PixPtr near_print = checked(pixDilateBrick(nullptr, print.get(), reach, reach));
    PixPtr lone = checked(pixSubtract(nullptr, small.get(), near_print.get()));
    return checked(pixOr(nullptr, lone.get(), tiny.get()));
}

}  // namespace

PreparedScan prepare_scan(const pdf::PageImage& page, bool straighten, const ScanTolerances& tol) {
    PreparedScan out;
    PixPtr grey = whiten_paper(to_pix(page));
    if (straighten) {
        l_float32 angle = 0, confidence = 0;
        // Defaults for the sweep (±7°) and the binarisation; a clone when no skew is found.
        PixPtr straight = checked(pixDeskewGeneral(grey.get(), 0, 0, 0, 0, tol.ink_level, &angle, &confidence));
        // A clone is the same image with one more reference: giving up `grey` drops that one.
        if (straight.get() != grey.get()) out.skew_degrees = angle;
        grey = std::move(straight);
    }
    PixPtr ink = checked(pixConvertTo1(grey.get(), tol.ink_level));
    const int horizontal_run = to_px(tol.min_horizontal_mm, page.dpi);
    const int vertical_run = to_px(tol.min_vertical_mm, page.dpi);
    const int gap = to_px(tol.max_ruling_gap_mm, page.dpi) + 1;
    PixPtr across = checked(pixCloseSafeBrick(nullptr, ink.get(), gap, 1));
    PixPtr down = checked(pixCloseSafeBrick(nullptr, ink.get(), 1, gap));
    PixPtr horizontal = checked(pixOpenBrick(nullptr, across.get(), horizontal_run, 1));
    PixPtr vertical = checked(pixOpenBrick(nullptr, down.get(), 1, vertical_run));
    const int max_thickness = to_px(tol.max_thickness_mm, page.dpi);
    add_segments(horizontal.get(), true, max_thickness, out.rulings);
    add_segments(vertical.get(), false, max_thickness, out.rulings);

    PixPtr rulings = checked(pixOr(nullptr, horizontal.get(), vertical.get()));
    PixPtr marks = checked(pixConvertTo1(grey.get(), tol.speck_level));
    pixOr(rulings.get(), rulings.get(), specks(marks.get(), page.dpi, tol).get());
    const int grow = 2 * tol.erase_margin_px + 1;
    PixPtr erase = checked(pixDilateBrick(nullptr, rulings.get(), grow, grow));
    pixSetMasked(grey.get(), erase.get(), 255);
    out.image = from_pix(grey.get(), page.dpi);
    return out;
}

bool has_ink(const pdf::PageImage& image, int x0, int y0, int x1, int y1, int ink_level, int min_pixels) {
    x0 = std::max(x0, 0);
    y0 = std::max(y0, 0);
    x1 = std::min(x1, image.width);
    y1 = std::min(y1, image.height);
    int found = 0;
    for (int y = y0; y < y1; ++y) {
        const unsigned char* row = image.grey.data() + static_cast<ptrdiff_t>(y) * image.width;
        for (int x = x0; x < x1; ++x)
            if (row[x] < ink_level && ++found >= min_pixels) return true;
    }
    return false;
}

std::vector<std::pair<int, int>> text_line_rows(const pdf::PageImage& image, int x0, int y0, int x1, int y1, int ink_level) {
    x0 = std::max(x0, 0);
    y0 = std::max(y0, 0);
    x1 = std::min(x1, image.width);
    y1 = std::min(y1, image.height);
    std::vector<std::pair<int, int>> runs;
    int start = -1;
    for (int y = y0; y <= y1; ++y) {
        bool ink = false;
        if (y < y1) {
            const unsigned char* row = image.grey.data() + static_cast<ptrdiff_t>(y) * image.width;
            ink = std::any_of(row + x0, row + x1, [&](unsigned char v) { return v < ink_level; });
        }
        if (ink && start < 0) start = y;
        if (!ink && start >= 0) {
            if (y - start >= to_px(min_text_line_mm, image.dpi)) runs.emplace_back(start, y);
            start = -1;
        }
    }
    return runs;
}

int text_line_height(const pdf::PageImage& image, int x0, int y0, int x1, int y1, int ink_level) {
    std::vector<int> heights;
    for (const auto& [top, bottom] : text_line_rows(image, x0, y0, x1, y1, ink_level)) heights.push_back(bottom - top);
    if (heights.empty()) return 0;
    std::nth_element(heights.begin(), heights.begin() + static_cast<ptrdiff_t>(heights.size() / 2), heights.end());
    return heights[heights.size() / 2];
}

pdf::PageImage scaled_part(const pdf::PageImage& image, int x0, int y0, int x1, int y1, double factor, bool sharpen) {
    PixPtr part = to_pix(image, std::max(x0, 0), std::max(y0, 0), std::min(x1, image.width), std::min(y1, image.height));
    const auto f = static_cast<l_float32>(factor);
    PixPtr scaled = checked(sharpen ? pixScale(part.get(), f, f) : pixScaleGeneral(part.get(), f, f, 0.0f, 0));
    return from_pix(scaled.get(), image.dpi * factor);
}

pdf::PageImage on_paper(const pdf::PageImage& part, int margin) {
    pdf::PageImage out;
    out.width = part.width + 2 * margin;
    out.height = part.height + 2 * margin;
    out.dpi = part.dpi;
    out.grey.assign(static_cast<size_t>(out.width) * static_cast<size_t>(out.height), 255);
    for (int y = 0; y < part.height; ++y)
        std::copy_n(part.grey.begin() + static_cast<ptrdiff_t>(y) * part.width, part.width,
                    out.grey.begin() + static_cast<ptrdiff_t>(y + margin) * out.width + margin);
    return out;
}

}  // namespace dutylist::ocr
