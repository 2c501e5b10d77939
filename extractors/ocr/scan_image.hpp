// A page image made ready for recognition with Leptonica, which stays inside scan_image.cpp:
// its paper made white (a photocopy's grey background stretched away), straightened (a scan is rarely square to the page), its table rulings found by morphology
// (long horizontal and vertical runs of dark pixels) and then painted white, so that no
// ruling reaches the recogniser as "|" or "—"; specks of dust painted white as well, so that
// none is read as a character.
#pragma once

#include <vector>

#include "extractors/pdf/page_content.hpp"

namespace dutylist::ocr {

struct ScanTolerances {
    // Darker than this (0 black … 255 white) is ink when looking for rulings.
    int ink_level = 160;
    // Darker than this, on paper made white, is a mark that may be a speck: Tesseract's own
    // threshold, taken on a band of nothing but paper and specks, falls among the specks.
    int speck_level = 224;
    // Runs shorter than these are strokes of characters (an ideograph is at most ~6 mm tall at
    // the 16 pt the largest list cells use), longer ones are rulings. Horizontal rulings run
    // at least one column wide, the narrowest (序号) about 10 mm.
    double min_horizontal_mm = 8.0;
    double min_vertical_mm = 6.0;
    // A ruling printed faint and copied breaks into pieces: a pixel row or column where it
    // crosses another ruling comes out lighter than ink (the corpus photocopy at 200 dpi, a
    // 1.5 px vertical ruling grey 161–169 one row below a horizontal one), and the piece cut
    // off, a header row's height, is shorter than a ruling. Gaps up to this long are bridged
    // first: far less than the space between two lines of text, so no strokes join.
    double max_ruling_gap_mm = 0.15;
    // A run thicker than this is a filled area (a stamp, a photo), not a ruling.
    double max_thickness_mm = 1.2;
    // Pixels this far around a ruling or a speck are painted white with it (anti-aliased edges).
    int erase_margin_px = 2;
    // Blots of ink no larger than this both ways are specks of dust or toner, not print: the
    // smallest printed mark, the full stop of "1." at 10.5 pt, is about 0.4 mm.
    double max_speck_mm = 0.3;
    // Blots up to this size are specks too when no other ink is this near: a full stop or
    // the dot of an "i" always sits next to its letters.
    double max_lone_speck_mm = 1.0;
    double lone_distance_mm = 1.5;
};

struct PreparedScan {
    pdf::PageImage image;                // straightened, rulings painted white
    std::vector<pdf::Segment> rulings;   // in pixels of `image`
    double skew_degrees = 0;             // how far the page was turned to straighten it
};

// `straighten`: false when the page's geometry is known exact (vector rulings of the PDF).
PreparedScan prepare_scan(const pdf::PageImage& page, bool straighten, const ScanTolerances& tol = {});

// Whether the rectangle [x0, x1) × [y0, y1) of a prepared image holds ink: at least
// `min_pixels` darker than `ink_level` (fewer are specks of dust, no character).
bool has_ink(const pdf::PageImage& image, int x0, int y0, int x1, int y1, int ink_level = 160, int min_pixels = 20);

// The runs of consecutive pixel rows of the rectangle that hold ink, [top, bottom), at least a
// line of the smallest text tall (shorter ones are specks or rules): its lines of text.
std::vector<std::pair<int, int>> text_line_rows(const pdf::PageImage& image, int x0, int y0, int x1, int y1, int ink_level = 160);

// The height (px) of the text lines in the rectangle: the median run of consecutive pixel rows
// that hold ink. 0 when there is no ink.
int text_line_height(const pdf::PageImage& image, int x0, int y0, int x1, int y1, int ink_level = 160);

// The rectangle of `image` scaled by `factor` (< 1: smaller): area-averaged below 0.7,
// interpolated above, and then, when `sharpen`, sharpened up to 1.4 (Leptonica's pixScale).
// Glyphs of broken fonts read better sharpened (a closing quote read as ` without); numbers
// alone worse (a 31 px "44" read as 4 with).
pdf::PageImage scaled_part(const pdf::PageImage& image, int x0, int y0, int x1, int y1, double factor, bool sharpen = true);

// `part` on white paper `margin` pixels wide all round: the recogniser needs some around a
// line (or a lone glyph) to find it.
pdf::PageImage on_paper(const pdf::PageImage& part, int margin);

}  // namespace dutylist::ocr
