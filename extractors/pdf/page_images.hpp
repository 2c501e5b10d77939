// The picture of each item's region of its PDF page, for the review page that shows a person
// every item beside what the page printed there. Pages are drawn by Poppler's Splash rasteriser
// (poppler_device.hpp), each once, in grey; each item's boxes (its Provenance) are cut out with
// a small margin and encoded as PNG (io/png_image.hpp). What comes out is plain data
// (model/source_images.hpp): the renderer of the review page never sees the PDF.
#pragma once

#include <cstddef>

#include "model/document.hpp"
#include "model/source_images.hpp"
#include "reader.hpp"

namespace dutylist::pdf {

// Legible CJK at the sizes lists are printed in (10.5 pt is 16 px at this resolution), and
// small: the corpus's 240 items make a review page of 5.2 MB (README, "Review").
inline constexpr double review_dpi = 110;
// A page drawn larger than this (a poster, a plan sheet) is drawn at a lower resolution so
// that it fits: an A3 page at review_dpi is 2.3 million pixels.
inline constexpr double max_review_page_pixels = 6e6;
// Past this many items only the first ones get a picture, so that one review page stays
// something a browser opens and a clerk can mail: at the corpus's 22 KB of page per picture,
// about 33 MB. Ten times the corpus's lists; a county's merged list is split first.
inline constexpr size_t max_review_images = 1500;
// Around the box, so that rulings and a cell's edge are in the picture.
inline constexpr double review_margin_points = 3;
// Drawing threads at most, as the reader's: each holds a Poppler document and a page's bitmap.
inline constexpr size_t max_review_threads = 8;

// `input` must be the PDF that `document` was read from. Items without boxes get no picture;
// a page that Poppler cannot draw leaves its items without one (counted as left out). Pages
// are drawn on options.threads threads (0: the cores), each with its own Poppler document, and
// the pictures are the same whatever the number. Throws TimeLimitReached past options.deadline
// (checked before each page).
SourceImages item_images(const InputFile& input, const Document& document, const ReadOptions& options);

}  // namespace dutylist::pdf
