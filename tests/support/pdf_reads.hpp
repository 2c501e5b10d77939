// A PDF read by the reader as the CLI reads it, with the warnings it gave kept for the test.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "extractors/pdf/pdf_reader.hpp"
#include "support/paths.hpp"

namespace dutylist::test {

struct PdfRead {
    Document document;
    std::vector<std::string> warnings;
};

// `threads` 0: as many as the reader finds useful.
inline PdfRead read_pdf_file(const std::filesystem::path& pdf, OcrMode mode = OcrMode::automatic, unsigned threads = 0) {
    PdfRead out;
    ReadOptions options;
    options.ocr = mode;
    options.threads = threads;
    options.warn = [&](const std::string& w) { out.warnings.push_back(w); };
    out.document = read_pdf(InputFile{pdf.filename().string(), read_file(pdf)}, options);
    return out;
}

// Some warning of the read holds `words`.
inline bool said(const PdfRead& r, const std::string& words) {
    return std::any_of(r.warnings.begin(), r.warnings.end(),
                       [&](const std::string& w) { return w.find(words) != std::string::npos; });
}

}  // namespace dutylist::test
