// What recognition of a page found, as plain data, and the few lines that tell a clerk what
// was read by OCR and what to check. Pure.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"

namespace dutylist::ocr {

// Below this mean confidence (Tesseract's 0–100) a cell is worth checking by eye.
inline constexpr double low_confidence = doubtful_confidence;

struct DoubtfulCell {
    int table = 0, row = 0, col = 0;  // 1-based, on the page
    double confidence = 0;
    std::string text;
};

struct PageRecognition {
    bool recognised = false;     // the page's text was read by OCR
    double skew_degrees = 0;     // the scan was turned this much to straighten it
    int cells = 0;               // cells with text
    double confidence_sum = 0;   // over all symbols read
    int symbols = 0;
    std::vector<DoubtfulCell> doubtful;
};

// "page 3", "pages 1–4, 7": ranges, never a list of sixty numbers. `pages` ascending.
std::string page_ranges(const std::vector<int>& pages);

// Gathers the pages of one document and words the summary.
class RecognitionTally {
public:
    void add(int page, const PageRecognition& r);
    bool empty() const { return pages_.empty(); }
    // One line for the document, then one per doubtful cell (at most `max_cells` of them).
    std::vector<std::string> messages(size_t max_cells = 20) const;

private:
    std::vector<int> pages_;
    int cells_ = 0, symbols_ = 0;
    double confidence_sum_ = 0;
    std::vector<std::pair<int, DoubtfulCell>> doubtful_;
};

}  // namespace dutylist::ocr
