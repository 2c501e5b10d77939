// The PDF extractor on PDFs from other producers than the corpus's LibreOffice export: every
// tests/data/pdf/NAME.pdf must give its NAME.truth.json exactly, and every PDF in
// tests/data/pdf/untrusted/ (pages whose text does not say what they show: Unicode maps broken
// by the producer, glyphs drawn as outlines) must be refused rather than read as wrong data when OCR is off (test_ocr_scans reads them by OCR). See tests/data/pdf/README.md for what each file exercises and
// make_pdfs.sh there for how they are made.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "format_registry.hpp"
#include "model/error.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
namespace fs = std::filesystem;

namespace {

fs::path data_dir() { return test::source_dir() / "tests" / "data" / "pdf"; }

std::vector<fs::path> pdfs_in(const fs::path& dir) {
    std::vector<fs::path> pdfs;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".pdf") pdfs.push_back(entry.path());
    std::sort(pdfs.begin(), pdfs.end());
    return pdfs;
}

fs::path truth_of(const fs::path& pdf) {
    return pdf.parent_path() / (pdf.stem().string() + ".truth.json");
}

// Files without a cover have an empty issuer, title and date in their truth: there is nothing
// to compare them with.
test::TruthOptions options_for(const fs::path& truth) {
    const auto json = nlohmann::json::parse(test::read_file(truth));
    test::TruthOptions options;
    options.compare_metadata = !json["title"].get<std::string>().empty();
    return options;
}

void check_against_truth(const fs::path& pdf) {
    const std::string name = pdf.filename().string();
    Document document;
    try {
        document = read_document(InputFile{name, test::read_file(pdf)}, ReadOptions{});
    } catch (const Error& e) {
        FAIL_CHECK(name << ": not read: " << std::string(e.what()));
        return;
    }
    CHECK(document.source.format == "pdf");
    const auto report = test::compare_with_truth(document, truth_of(pdf), options_for(truth_of(pdf)));
    MESSAGE(name << ": " << report.exact_items << "/" << report.items << " items exact");
    CHECK_MESSAGE(report.perfect(), name << ": " << report.summary());
    // Each item records the pages it spans, and they are pages of this file.
    int without_pages = 0;
    int outside = 0;
    for (const auto& list : document.lists)
        for (const auto& item : list.items) {
            if (item.source.pages.empty()) ++without_pages;
            for (int page : item.source.pages)
                if (page < 1 || page > document.source.pages) ++outside;
        }
    CHECK_MESSAGE(without_pages == 0, name << ": " << without_pages << " items record no page");
    CHECK_MESSAGE(outside == 0, name << ": " << outside << " pages outside 1-" << document.source.pages);
}

}  // namespace

TEST_CASE("every producer's PDF is there with its truth") {
    const auto pdfs = pdfs_in(data_dir());
    CHECK(pdfs.size() >= 13);
    CHECK(!pdfs_in(data_dir() / "untrusted").empty());
    for (const auto& pdf : pdfs) CHECK_MESSAGE(fs::exists(truth_of(pdf)), pdf.filename().string());
}

TEST_CASE("every producer's PDF gives exactly its truth") {
    for (const auto& pdf : pdfs_in(data_dir())) {
        const std::string name = pdf.filename().string();
        SUBCASE(name.c_str()) { check_against_truth(pdf); }
    }
}

TEST_CASE("the DOCX or XLSX a LibreOffice PDF was made from gives the same truth") {
    int sources = 0;
    for (const auto& pdf : pdfs_in(data_dir()))
        for (const char* extension : {".docx", ".xlsx"}) {
            const fs::path source = pdf.parent_path() / (pdf.stem().string() + extension);
            if (!fs::exists(source)) continue;
            ++sources;
            const std::string name = source.filename().string();
            SUBCASE(name.c_str()) {
                const Document document = read_document(InputFile{name, test::read_file(source)}, ReadOptions{});
                const auto report = test::compare_with_truth(document, truth_of(pdf), options_for(truth_of(pdf)));
                CHECK_MESSAGE(report.perfect(), name << ": " << report.summary());
            }
        }
    CHECK(sources >= 14);
}

TEST_CASE("without OCR, a PDF whose text does not say what its pages show is refused, not read") {
    ReadOptions without_ocr;
    without_ocr.ocr = OcrMode::never;
    for (const auto& pdf : pdfs_in(data_dir() / "untrusted")) {
        const std::string name = pdf.filename().string();
        SUBCASE(name.c_str()) {
            const InputFile input{name, test::read_file(pdf)};
            CHECK_THROWS_AS(read_document(input, without_ocr), Error);
        }
    }
}
