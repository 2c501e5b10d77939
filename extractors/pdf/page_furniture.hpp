// Page furniture left out of the text around the tables: printed page numbers, and running
// headers and footers — a line printed at the same place on the page before or after, alike
// but for its numbers ("file:///清单.html 1/2" and "… 2/2"). A page is finished once the page
// after it is known, so pages come out one behind.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extractors/pdf/page_layout.hpp"

namespace dutylist::pdf {

struct FurnitureTolerances {
    double running_distance = 6.0;  // points: a line repeated this close on the next page runs
    // A page read by OCR misreads its "— 3 —" ("一三", "=么省一"), so there a page number is known
    // by where it stands: a line of at most `number_chars` characters, centred within
    // `centred_share` of the page's width, in the top or bottom `margin_share` of the page
    // outside its tables, with such a line within `scanned_distance` (× the page's height: a
    // scan sits a little higher or lower on each page) on the page before or after; at the
    // foot, with or without.
    size_t number_chars = 8;
    double centred_share = 0.1;
    double margin_share = 0.12;
    double scanned_distance = 0.02;
};

class PageFurniture {
public:
    explicit PageFurniture(FurnitureTolerances tol = {}) : tol_(tol) {}

    // Takes the next page; gives back the page before it with its furniture left out of its
    // lines outside tables, or nothing for the first page.
    std::optional<PageLayout> add(PageLayout page);
    // The last page, its furniture left out.
    std::optional<PageLayout> finish();

    // A line of the page about to be added that repeats a line of the page last added.
    bool repeats_previous(const TextLine& line) const;

private:
    struct PlacedLine {
        std::string key;
        double y = 0;
        bool number_place = false;  // where a page read by OCR prints its number (see the tolerances)
        double height = 0;          // of its page
    };
    std::vector<PlacedLine> placed(const PageLayout& page) const;
    bool at_number_place(const TextLine& line, const PageLayout& page) const;
    bool scanned_page_number(const PlacedLine& line, const std::vector<PlacedLine>& on) const;
    static bool repeats(const TextLine& line, const std::vector<PlacedLine>& on, double distance);
    PageLayout cleaned(PageLayout page, const std::vector<PlacedLine>& after) const;

    FurnitureTolerances tol_;
    std::optional<PageLayout> held_;       // the page waiting for the one after it
    std::vector<PlacedLine> before_held_;  // the lines of the page before that
    std::vector<PlacedLine> held_lines_;
};

}  // namespace dutylist::pdf
