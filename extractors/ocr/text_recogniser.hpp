// Tesseract, kept to text_recogniser.cpp: one engine per thread, loaded once and reused for
// every page and cell that thread reads. Failures at its edge are values (a message naming
// the package to install), not exceptions from inside the library.
#pragma once

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

class TextRecogniser {
public:
    ~TextRecogniser();
    TextRecogniser(const TextRecogniser&) = delete;
    TextRecogniser& operator=(const TextRecogniser&) = delete;

    // The page the next reads look at; it must outlive them.
    void set_page(const pdf::PageImage& image);
    // The text in `box` of the page, read as one block of lines (no columns to find).
    std::vector<OcrLine> read_block(const PixelBox& box);
    // `box` read as one line of text.
    std::vector<OcrSymbol> read_line(const PixelBox& box);
    // `box` read as one line of nothing but digits and dashes.
    std::vector<OcrSymbol> read_digits(const PixelBox& box);

    struct Loaded;
    // This thread's recogniser, loaded on first use; `error` says why there is none.
    static Loaded for_this_thread();

private:
    TextRecogniser();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

struct TextRecogniser::Loaded {
    TextRecogniser* recogniser = nullptr;
    std::string error;
};

}  // namespace dutylist::ocr
