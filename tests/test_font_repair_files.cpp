// The files of tests/data/pdf/untrusted/ whose fonts are broken, and LibreOffice's fonts with
// nothing left to name their glyphs, repaired from their glyphs (extractors/ocr/font_repair,
// glyph_votes, glyph_shapes): each converts exactly to the truth of the file it was made from.
// Apart from test_font_repair so that ctest runs the two side by side.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "extractors/pdf/pdf_reader.hpp"
#include "support/paths.hpp"
#include "support/pdf_reads.hpp"
#include "support/truth.hpp"

using namespace dutylist;
namespace fs = std::filesystem;

namespace {

fs::path untrusted() { return test::source_dir() / "tests" / "data" / "pdf" / "untrusted"; }

using Read = test::PdfRead;
using test::said;

Read read(const fs::path& pdf, OcrMode mode = OcrMode::automatic) { return test::read_pdf_file(pdf, mode); }

}  // namespace

TEST_CASE("a Ghostscript re-distil whose Type 3 fonts map ideographs to Latin letters converts exactly") {
    const fs::path pdf = untrusted() / "gs-chromium-type3.pdf";
    const Read r = read(pdf);
    const auto report = test::compare_with_truth(r.document, untrusted() / "gs-chromium-type3.truth.json");
    CHECK_MESSAGE(report.perfect(), report.summary());
    CHECK(said(r, "repaired from its glyphs"));
    CHECK_FALSE(said(r, "read from the page images by OCR"));
}

TEST_CASE("a Ghostscript re-distil whose CID TrueType fonts map ideographs to Latin letters and controls converts exactly") {
    const fs::path pdf = untrusted() / "gs-chromium-ruled.pdf";
    const Read r = read(pdf);
    const auto report = test::compare_with_truth(r.document, untrusted() / "gs-chromium-ruled.truth.json");
    CHECK_MESSAGE(report.perfect(), report.summary());
    CHECK(said(r, "DroidSansFallback repaired from its glyphs"));
}

TEST_CASE("fonts without ToUnicode: the text road, exact, with the good font's digits untouched") {
    const Read r = read(untrusted() / "no-tounicode.pdf");
    test::TruthOptions options;
    options.compare_metadata = false;
    const auto report = test::compare_with_truth(r.document, untrusted() / "no-tounicode.truth.json", options);
    CHECK_MESSAGE(report.perfect(), report.summary());
    CHECK(said(r, "BAAAAA+DroidSansFallback repaired from its glyphs"));
    // Its near twins (犬 read as 大) are told by their glyphs drawn in the installed Droid Sans Fallback.
    CHECK(said(r, "drawn in the installed font Droid Sans Fallback"));
    REQUIRE(r.document.lists.size() == 2);
    CHECK(r.document.lists[0].items.size() == 10);
}

TEST_CASE("LibreOffice's Type 1 fonts with no ToUnicode and glyphs named /g1, /g2, …: exact") {
    const test::TempDir dir;
    const fs::path source = test::source_dir() / "tests" / "data" / "pdf" / "lo-three-line.pdf";
    const fs::path pdf = dir / "lo-unnamed-glyphs.pdf";
    REQUIRE(test::run_shell("/usr/bin/python3 " + test::quote(untrusted() / "make_unnamed_glyphs.py") + " " +
                            test::quote(source) + " " + test::quote(pdf))
                .exit_code == 0);
    CHECK_THROWS(read(pdf, OcrMode::never));
    const Read r = read(pdf);
    const auto report = test::compare_with_truth(r.document, source.parent_path() / "lo-three-line.truth.json");
    CHECK_MESSAGE(report.perfect(), report.summary());
    CHECK(said(r, "NotoSerifCJKjp-Regular-VKana repaired from its glyphs"));
    CHECK(said(r, "by the shape of their glyphs drawn in the installed font Noto Serif CJK"));
}
