// What reading one page may cost, counted while Poppler draws it, so that a small hostile PDF
// (forms nested 40 deep, operators that paint nothing, a pattern of 5·10^9 tiles, an inline
// image declared 1.6 GB, a huge image drawn hundreds of times) is stopped at once rather than
// run for hours. Plain counting: poppler_device.cpp feeds it from Poppler's callbacks.
#pragma once

#include <algorithm>

namespace dutylist::pdf {

// A page that draws more than this is no list page but a malformed or hostile file (nested
// forms can draw 10^8 lines from 3 KB): its drawing is stopped. Characters, lines, forms
// entered, graphics-state operators (q, Q, cm) and every other operator count.
inline constexpr long max_page_operations = 500000;
// A whole document: a 60-page list draws about a million; far beyond that is no list.
inline constexpr long max_document_operations = 20'000'000;
// Poppler asks its abort check once every this many operators of a content stream (Gfx::go,
// "updateLevel - lastAbortCheck > 10"): each ask stands for that many operators executed, so
// operators that draw nothing (0 g, n, BT ET) count too. A stream too short to be asked is a
// form, and each form entered counts.
inline constexpr long operators_per_abort_check = 11;
// Inline image data is read byte by byte to find its end; reading this many bytes costs about
// what drawing a character does, and counts as one operation (a 300 dpi A4 page in colour,
// 26 MB, is 100,000: a fifth of a page's budget).
inline constexpr double inline_image_bytes_per_operation = 256;
// Rendering a page for OCR decodes every image it draws, each time it is drawn: a 600 dpi
// colour scan of an A4 page is 100 MB, so a page past this is no scan but a malformed PDF.
inline constexpr double max_page_image_bytes = 256.0 * 1024 * 1024;
// A page rendered for OCR is a grey bitmap of a byte a pixel, which Tesseract copies several
// times over: an A2 page at 300 dpi is 35 million pixels, a list's A4 or A3 far fewer. A page
// larger than this (a MediaBox of 5 m × 5 m is 3.5·10^9 pixels) is no scan but a malformed PDF.
inline constexpr double max_render_pixels = 40e6;

// The bytes an image of these dimensions decodes to.
inline double image_bytes(int width, int height, int components, int bits) {
    return std::max(0, height) * ((double(std::max(0, width)) * components * bits + 7) / 8);
}

class DrawingBudget {
public:
    explicit DrawingBudget(long document_left) : limit_(std::min(max_page_operations, document_left)) {}

    // Spends n operations; false once the page is over its budget (nothing more is drawn).
    bool spend(long n = 1) {
        used_ += n;
        return used_ <= limit_;
    }
    // Spends n only if it fits, else exhausts the budget: for work Poppler does in one go
    // without asking (the tiles of a pattern, the data of an inline image), refused whole.
    bool spend_whole(double n) {
        if (n > double(limit_ - used_)) {
            used_ = limit_ + 1;
            return false;
        }
        used_ += static_cast<long>(n);
        return true;
    }
    void add_image(double bytes) { image_bytes_ += bytes; }

    bool exhausted() const { return used_ > limit_; }
    long used() const { return used_; }
    double image_bytes() const { return image_bytes_; }  // decoded by rendering the page

private:
    const long limit_;
    long used_ = 0;
    double image_bytes_ = 0;
};

}  // namespace dutylist::pdf
