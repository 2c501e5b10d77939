// The PDF reader at its edges: what it accepts from memory, what it refuses and how it says so.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extractors/pdf/pdf_reader.hpp"
#include "format_registry.hpp"
#include "model/error.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;

namespace {

std::filesystem::path data(const std::string& name) { return test::source_dir() / "tests" / "data" / name; }

InputFile input(const std::filesystem::path& path) { return {path.filename().string(), test::read_file(path)}; }

ReadOptions without_ocr() {
    ReadOptions options;
    options.ocr = OcrMode::never;
    return options;
}

std::string error_of(const InputFile& in, const ReadOptions& options = without_ocr()) {
    try {
        read_pdf(in, options);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("PDFs are recognised by their header, also after a few bytes of junk") {
    CHECK(sniff_pdf("%PDF-1.7\n"));
    CHECK(sniff_pdf("\r\n%PDF-1.4\n"));
    CHECK_FALSE(sniff_pdf("PK\x03\x04"));
    CHECK_FALSE(sniff_pdf(""));
    CHECK_FALSE(sniff_pdf("<p>a file named %PDF-x</p>"));
}

TEST_CASE("a PDF from memory, with no file behind it, reads as from a file") {
    const InputFile in{std::string(1, '-'), test::read_file(data("pdf/lo-rotated-270.pdf"))};
    const Document doc = read_document(in, ReadOptions{});
    CHECK(doc.source.file == "-");
    CHECK(doc.source.pages == 2);
    const auto report = test::compare_with_truth(doc, data("pdf/lo-rotated-270.truth.json"), {false, true});
    CHECK_MESSAGE(report.perfect(), report.summary());
}

TEST_CASE("a PDF that needs a password to open is refused with a clear message") {
    const std::string message = error_of(input(data("pdf_reader/user-password.pdf")));
    CHECK(message.find("password") != std::string::npos);
}

TEST_CASE("a PDF with only an owner password (restrictions) converts") {
    const Document doc = read_pdf(input(data("pdf_reader/owner-password.pdf")), ReadOptions{});
    const auto report = test::compare_with_truth(doc, data("pdf/lo-rotated-270.truth.json"), {false, true});
    CHECK_MESSAGE(report.perfect(), report.summary());
}

TEST_CASE("damaged and truncated PDFs give an Error, never a crash") {
    CHECK_FALSE(error_of({"x.pdf", "%PDF-1.7\nthis is not a PDF at all"}).empty());
    const std::string whole = test::read_file(data("pdf/lo-rotated-270.pdf"));
    for (size_t keep : {size_t{16}, whole.size() / 3, whole.size() - 200})
        CHECK_FALSE(error_of({"cut.pdf", whole.substr(0, keep)}).empty());
}

TEST_CASE("without OCR, untrusted text is refused naming the pages and why") {
    const InputFile in = input(data("pdf/untrusted/no-tounicode.pdf"));
    const std::string message = error_of(in);
    CHECK(message.find("pages 1–2") != std::string::npos);
    CHECK(message.find("--ocr auto") != std::string::npos);
    CHECK(message.find("ToUnicode") != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
}

TEST_CASE("without OCR and under force, untrusted text is read and each finding is a warning") {
    const InputFile in = input(data("pdf/untrusted/gs-chromium-type3.pdf"));
    CHECK(error_of(in).find("cannot be trusted") != std::string::npos);
    std::vector<std::string> warnings;
    ReadOptions force = without_ocr();
    force.force = true;
    force.warn = [&](const std::string& w) { warnings.push_back(w); };
    Document doc;
    CHECK_NOTHROW(doc = read_pdf(in, force));
    CHECK(doc.lists.size() == 2);
    REQUIRE_FALSE(warnings.empty());
    const bool named = std::any_of(warnings.begin(), warnings.end(),
                                   [](const std::string& w) { return w.find("Latin letters") != std::string::npos; });
    CHECK(named);
}

TEST_CASE("without OCR, pages with no characters but drawn text are refused as needing OCR") {
    const std::string message = error_of(input(data("pdf/untrusted/gs-outlines.pdf")));
    CHECK(message.find("OCR") != std::string::npos);
}

TEST_CASE("a PDF without a duty-list table says so") {
    const std::string message = error_of(input(data("pdf_reader/cover-only.pdf")));
    CHECK(message.find("no table of a duty list") != std::string::npos);
}
