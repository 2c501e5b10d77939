// Scanned pages through OCR (extractors/ocr): PDFs whose pages are only images, made by
// tests/data/scans/make_scans.py from a LibreOffice print of a ruled list, must give every row
// of their truth, and nearly every cell exactly; the reader must say that the text was
// recognised. Each file is one page, so the test stays fast; whole files go to bench/.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "extractors/ocr/scanned_page.hpp"
#include "extractors/ocr/text_recogniser.hpp"
#include "extractors/pdf/pdf_reader.hpp"
#include "extractors/pdf/poppler_device.hpp"
#include "model/error.hpp"
#include "support/paths.hpp"
#include "support/pdf_reads.hpp"
#include "support/truth.hpp"

using namespace dutylist;
namespace fs = std::filesystem;

namespace {

fs::path scans() { return test::source_dir() / "tests" / "data" / "scans"; }

using Read = test::PdfRead;
using test::said;

Read read_scan(const fs::path& pdf, OcrMode mode = OcrMode::automatic) { return test::read_pdf_file(pdf, mode, 1); }

// Every row found, and at most one cell in ten misread: a scan is not a text layer, and the
// figure is reported so that a change in the recognition shows.
void check_scan(const std::string& name) {
    const Read r = read_scan(scans() / name);
    test::TruthOptions options;
    options.compare_metadata = false;
    const auto report = test::compare_with_truth(r.document, scans() / "scan.truth.json", options);
    MESSAGE(name << ": cells " << report.exact_cells << "/" << report.cells << " exact, items "
                 << report.exact_items << "/" << report.items << (report.perfect() ? "" : "; " + report.summary()));
    REQUIRE(r.document.lists.size() == 1);
    CHECK(r.document.lists[0].items.size() == static_cast<size_t>(report.items));
    CHECK(report.exact_cells * 10 >= report.cells * 9);
    const bool columns_right = std::none_of(report.problems.begin(), report.problems.end(),
                                            [](const std::string& p) { return p.find("columns") != std::string::npos; });
    CHECK_MESSAGE(columns_right, report.summary());
    CHECK(said(r, "page 1 was read from the page images by OCR"));
}

// Runs `script` in `dir`, the PDF `source` its argument, after the imports it needs to spoil
// pages as tests/data/scans/make_scans.py does.
void make_scans_with(const test::TempDir& dir, const std::string& script, const fs::path& source) {
    const std::string head = "import sys, subprocess, pathlib\n"
                             "sys.path.insert(0, '" + scans().string() + "')\n"
                             "import make_scans\n"
                             "from PIL import Image\n";
    test::write_file(dir / "make.py", head + script);
    REQUIRE(test::run_shell("/usr/bin/python3 make.py " + test::quote(source), dir.path()).exit_code == 0);
}

}  // namespace

TEST_CASE("a clean 200 dpi scan of a ruled list is read by OCR") { check_scan("scan-clean.pdf"); }

TEST_CASE("a skewed, speckled photocopy on grey paper is read by OCR") { check_scan("scan-photocopy.pdf"); }

// Six pages with their numbers "— 2 —" … at the foot, which OCR misreads ("一三", "=么省一"):
// photocopied at test time as bench/ocr_bench.py does, they must neither start a list nor leave
// a 序号 read as an ideograph or as nothing.
TEST_CASE("a six-page photocopy: its misread page numbers start no list, and every row keeps its number") {
    const test::TempDir dir;
    const fs::path source = test::source_dir() / "tests" / "data" / "pdf" / "lo-ruled-landscape.pdf";
    const std::string script =
        "subprocess.run(['pdftoppm', '-r', '200', '-gray', sys.argv[1], 'p'], check=True)\n"
        "pages = [make_scans.spoil(Image.open(p).convert('L'), n) for n, p in enumerate(sorted(pathlib.Path('.').glob('p*.pgm')))]\n"
        "pages[0].save('photocopy.pdf', save_all=True, append_images=pages[1:], resolution=200, quality=55)\n";
    make_scans_with(dir, script, source);
    const Read r = test::read_pdf_file(dir / "photocopy.pdf", OcrMode::automatic);
    const auto truth = test::document_from_truth(test::source_dir() / "tests" / "data" / "pdf" / "lo-ruled-landscape.truth.json");
    REQUIRE(r.document.lists.size() == truth.lists.size());
    for (size_t l = 0; l < truth.lists.size(); ++l) {
        CHECK(r.document.lists[l].title == truth.lists[l].title);
        REQUIRE(r.document.lists[l].items.size() == truth.lists[l].items.size());
        for (const Item& item : r.document.lists[l].items) {
            REQUIRE_FALSE(item.values.empty());
            const std::string seq = item.values[0].empty() ? "" : item.values[0].front();
            const bool number = !seq.empty() && std::all_of(seq.begin(), seq.end(), [](char c) { return c >= '0' && c <= '9'; });
            CHECK_MESSAGE(number, seq);
        }
    }
}

// Corpus pages 4, 11, 33 and 34 scanned at 200 dpi, clean and photocopied (as bench/ocr_bench.py
// does the whole file), read as their text layer reads: the same lists, headers, 序号 and (clean;
// the photocopy misreads one 党 as 洛) 事项类别. The Chinese model read these 序号 wrong (6 as 0,
// 44 as 4) and two 自然资源 of page 11 as nothing;
// the photocopy broke page 33's ruling between 事项名称 and 对应上级部门 a pixel below the header,
// which joined the two labels and split the list.
TEST_CASE("corpus pages scanned at 200 dpi keep their headers, 序号 and 事项类别 of their text layer") {
    const test::TempDir dir;
    const fs::path corpus = test::corpus("wumachang/wumachang.pdf");
    const std::string script =
        "pages = [4, 11, 33, 34]\n"
        "for n in pages:\n"
        "    subprocess.run(['pdftoppm', '-r', '200', '-gray', '-f', str(n), '-l', str(n), sys.argv[1], f'p{n:02d}'], check=True)\n"
        "    subprocess.run(['pdfseparate', '-f', str(n), '-l', str(n), sys.argv[1], f't{n:02d}.pdf'], check=True)\n"
        "clean = [Image.open(next(pathlib.Path('.').glob(f'p{n:02d}-*.pgm'))).convert('L') for n in pages]\n"
        "copied = [make_scans.spoil(p, n - 1) for p, n in zip(clean, pages)]\n"
        "for name, images, quality in (('clean', clean, 75), ('photocopy', copied, 55)):\n"
        "    images[0].save(name + '.pdf', save_all=True, append_images=images[1:], resolution=200, quality=quality)\n"
        "subprocess.run(['pdfunite'] + [f't{n:02d}.pdf' for n in pages] + ['text.pdf'], check=True)\n";
    make_scans_with(dir, script, corpus);
    const Read text = test::read_pdf_file(dir / "text.pdf", OcrMode::never);
    REQUIRE(text.document.lists.size() == 2);
    const auto joined = [](const Paragraphs& p) {
        std::string out;
        for (const std::string& s : p) out += (out.empty() ? "" : "\n") + s;
        return out;
    };
    for (const std::string kind : {"clean", "photocopy"}) {
        CAPTURE(kind);
        const Read r = test::read_pdf_file(dir / (kind + ".pdf"), OcrMode::automatic);
        REQUIRE(r.document.lists.size() == text.document.lists.size());
        for (size_t l = 0; l < text.document.lists.size(); ++l) {
            const DutyList& want = text.document.lists[l];
            const DutyList& got = r.document.lists[l];
            REQUIRE(got.columns.size() == want.columns.size());
            for (size_t c = 0; c < want.columns.size(); ++c) CHECK(got.columns[c].label == want.columns[c].label);
            REQUIRE(got.items.size() == want.items.size());
            for (size_t i = 0; i < want.items.size(); ++i)
                for (size_t c = 0; c < (kind == "clean" ? 2 : 1); ++c) CHECK(joined(got.items[i].values[c]) == joined(want.items[i].values[c]));
        }
    }
}

TEST_CASE("with --ocr never a scan is refused, saying how to read it") {
    try {
        read_scan(scans() / "scan-clean.pdf", OcrMode::never);
        FAIL("a scanned page was read without OCR");
    } catch (const Error& e) {
        const std::string message = e.what();
        CHECK(message.find("page 1") != std::string::npos);
        CHECK(message.find("--ocr auto") != std::string::npos);
    }
}

// Tesseract has no time limit of its own: each read is given the page's deadline through its
// monitor, and stops there (extractors/ocr/text_recogniser.hpp, max_page_seconds).
TEST_CASE("a read by Tesseract stops at the page's deadline") {
    const std::string bytes = test::read_file(scans() / "scan-clean.pdf");  // the PdfFile borrows them
    pdf::PdfFile file(bytes);
    const pdf::PageImage image = file.render_page(1, ocr::render_dpi);
    const ocr::TextRecogniser::Loaded loaded = ocr::TextRecogniser::for_this_thread();
    REQUIRE(loaded.recogniser);
    ocr::TextRecogniser& reader = *loaded.recogniser;
    reader.set_page(image);
    const ocr::PixelBox whole{0, 0, image.width, image.height};
    using clock = std::chrono::steady_clock;
    auto start = clock::now();
    const size_t all_lines = reader.read_block(whole).size();
    const double untimed = std::chrono::duration<double>(clock::now() - start).count();
    CHECK_FALSE(reader.past_deadline());
    REQUIRE(all_lines >= 5);

    start = clock::now();
    reader.set_deadline(start + std::chrono::milliseconds(100));
    const size_t cut_lines = reader.read_block(whole).size();
    const double timed = std::chrono::duration<double>(clock::now() - start).count();
    MESSAGE("whole page " << untimed << " s, " << all_lines << " lines; with a 0.1 s deadline " << timed << " s, " << cut_lines << " lines");
    CHECK(reader.past_deadline());
    CHECK(cut_lines < all_lines);
    CHECK(timed < untimed / 2);
    CHECK(reader.read_line(whole).empty());  // past the deadline nothing more is read
    reader.set_deadline(clock::time_point::max());
}
