#include "extractors/ocr/ocr_report.hpp"

#include <cmath>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"

namespace dutylist::ocr {

std::string page_ranges(const std::vector<int>& pages) {
    std::string out;
    for (size_t i = 0; i < pages.size();) {
        size_t j = i;
        while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
        if (!out.empty()) out += ", ";
        out += j == i ? std::to_string(pages[i]) : fmt::format("{}–{}", pages[i], pages[j]);
        i = j + 1;
    }
    return fmt::format(fmt::runtime(pages.size() > 1 ? _("pages {}") : _("page {}")), out);
}

void RecognitionTally::add(int page, const PageRecognition& r) {
    if (!r.recognised) return;
    pages_.push_back(page);
    cells_ += r.cells;
    symbols_ += r.symbols;
    confidence_sum_ += r.confidence_sum;
    for (const DoubtfulCell& c : r.doubtful) doubtful_.emplace_back(page, c);
}

std::vector<std::string> RecognitionTally::messages(size_t max_cells) const {
    std::vector<std::string> out;
    if (pages_.empty()) return out;
    const double mean = symbols_ ? confidence_sum_ / symbols_ : 0;
    const char* read_message = pages_.size() > 1
        ? _("{} were read from the page images by OCR (Tesseract, {} characters, mean confidence {:.0f}%); {} of {} "
            "cells have low confidence (below {:.0f}%): check them against the original")
        : _("{} was read from the page images by OCR (Tesseract, {} characters, mean confidence {:.0f}%); {} of {} "
            "cells have low confidence (below {:.0f}%): check them against the original");
    out.push_back(fmt::format(fmt::runtime(read_message), page_ranges(pages_), symbols_, mean,
                              doubtful_.size(), cells_, low_confidence));
    for (size_t i = 0; i < doubtful_.size() && i < max_cells; ++i) {
        const auto& [page, c] = doubtful_[i];
        out.push_back(fmt::format(fmt::runtime(_("page {}, table {}, row {}, column {}: read with {:.0f}% confidence as \"{}\"")), page,
                                  c.table, c.row, c.col, std::floor(c.confidence), c.text));
    }
    if (doubtful_.size() > max_cells)
        out.push_back(fmt::format(fmt::runtime(_("… and {} more cells with low confidence")), doubtful_.size() - max_cells));
    return out;
}

}  // namespace dutylist::ocr
