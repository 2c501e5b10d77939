// Tesseract, kept to text_recogniser.cpp: one engine per thread, loaded once and reused for
// every page and cell that thread reads. Failures at its edge are values (a message naming
// the package to install), not exceptions from inside the library.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "extractors/ocr/ocr_symbols.hpp"
#include "extractors/pdf/page_content.hpp"

namespace dutylist::ocr {

// Simplified Chinese only: its model has Latin letters and digits too, and with "+eng" Tesseract
// read 16 pt headings, the wrapped label 别 and 承接部门及工作方式 as Latin letters ("All",
// "AGERE IRIAN") on the 6-page fixture scan; chi_sim alone read them right.
inline constexpr const char* ocr_languages = "chi_sim";

// Tesseract's time for one page: the 6-page fixture scan takes about a second a page on one
// core, a dense A3 page a few; a page that takes this long (a page of noise, a huge image) is
// given up, as Tesseract has no limit of its own.
inline constexpr std::chrono::seconds max_page_seconds{120};

class TextRecogniser {
public:
    ~TextRecogniser();
    TextRecogniser(const TextRecogniser&) = delete;
    TextRecogniser& operator=(const TextRecogniser&) = delete;

    // The page the next reads look at; it must outlive them.
    void set_page(const pdf::PageImage& image);
    // Reads after this point in time return nothing, and a read running then stops at once.
    // The reader of a page sets it when it starts, to now + max_page_seconds.
    void set_deadline(std::chrono::steady_clock::time_point deadline) { deadline_ = deadline; }
    bool past_deadline() const { return std::chrono::steady_clock::now() >= deadline_; }
    // The text in `box` of the page, read as one block of lines (no columns to find).
    std::vector<OcrLine> read_block(const PixelBox& box);
    // `box` read as one line of text.
    std::vector<OcrSymbol> read_line(const PixelBox& box);
    // `box` read as one line of nothing but digits and dashes.
    std::vector<OcrSymbol> read_digits(const PixelBox& box);
    // `box` read as one line of nothing but digits, with the English model: a number alone (a
    // 序号), which the Chinese model misreads. The box should hold the number alone, with paper
    // around it, its digits about 22–30 px tall.
    std::vector<OcrSymbol> read_number(const PixelBox& box);

    struct Loaded;
    // This thread's recogniser, loaded on first use; `error` says why there is none.
    static Loaded for_this_thread();

private:
    TextRecogniser();
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
};

struct TextRecogniser::Loaded {
    TextRecogniser* recogniser = nullptr;
    std::string error;
};

}  // namespace dutylist::ocr
