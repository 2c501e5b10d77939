// The only door to Poppler: opens a PDF held in memory and reads one page at a time into plain
// PageContent. One PdfFile per thread; several may read the same bytes at once.
#pragma once

#include <memory>
#include <string_view>
#include <utility>

#include "extractors/pdf/page_content.hpp"

namespace dutylist::pdf {

class PdfFile {
public:
    // `bytes` must outlive the PdfFile. Throws Error when the file is damaged or needs a
    // password to be opened; a file with only an owner password (restrictions) opens.
    explicit PdfFile(std::string_view bytes);
    ~PdfFile();
    PdfFile(const PdfFile&) = delete;
    PdfFile& operator=(const PdfFile&) = delete;

    int page_count() const;
    // Width and height in points as displayed (its crop box, turned by its /Rotate).
    std::pair<double, double> page_size(int number) const;
    // 1-based; nothing of Poppler's page is kept. Throws Error past the page's or the document's
    // drawing budget (drawing_budget.hpp).
    PageContent read_page(int number);
    // The page as Poppler's Splash rasteriser draws it, in grey at `dpi`. Throws Error when
    // read_page found that its images decode to more than max_page_image_bytes, or when the
    // page at `dpi` is more than max_render_pixels (drawing_budget.hpp).
    PageImage render_page(int number, double dpi);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace dutylist::pdf
