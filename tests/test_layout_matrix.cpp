// A fixed sample of the layout matrix (tests/layout_matrix/README.md), made here by the real
// producers and read by the PDF reader: every cell exact. The whole matrix, with the combinations
// not yet exact, is scored by bench/fidelity.py; a combination joins this sample once it reads
// exactly, so that it stays so.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "format_registry.hpp"
#include "model/error.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
namespace fs = std::filesystem;

namespace {

// One of each producer and of each kind of borders, with all three vertical alignments among
// them: the combinations by the number their names start with (matrix.py fixes the set).
const std::vector<std::string> sample = {
    "000",  // Writer, three-line table, cells at the bottom, A3, rows mostly one line, 事项类别 merged
    "001",  // Chromium, ruled, rows longer than a page (pages with one horizontal rule, or none)
    "002",  // Calc, rules only between rows, cells centred vertically, portrait
    "005",  // Writer re-distilled by Ghostscript, rules only between rows, A3, 16 pt, 备注 column
    "008",  // Writer, no borders, cells centred, A3, 9 pt, 事项类别 merged and centred on its run of rows
    "009",  // Calc, ruled, header row repeated on every page by print titles, cells at the bottom
    "012",  // Chromium, no borders, 序号 half an em from 事项类别, header labels wrapped round one-line ones
    "013",  // Writer re-distilled by Ghostscript, rules only between rows, cells at the bottom, 9 pt, a quotation wrapped
    "014",  // Writer, rules only between rows, flush left, spacing before and after, 备注 column
    "015",  // Writer, ruled, cells at the bottom, A3, 事项类别 merged, 承接部门 and 工作方式 split
    "025",  // Ghostscript, ruled, cells centred, 9 pt, section rows, a quotation wrapped across lines
    "027",  // Ghostscript, rules only between rows, pages with two or three rules (one tall row)
    "029",  // Chromium, three-line table, cells centred vertically, 备注 column
    "031",  // Ghostscript, no borders, cells at the bottom, section rows, header repeated over a split row, a note
    "035",  // Calc, ruled, 9 pt, header row on the first page only
    "038",  // Ghostscript, rules only between rows, merged 事项类别, pages few rows wide
    "040",  // Writer, rules only between rows broken by a merged 事项类别, cells at the bottom
    "041",  // Chromium, no borders at all, cells centred vertically, A3
    "043",  // Writer, three-line table, cells at the bottom, A3, 事项类别 merged, labels touching at a page's foot
};

}  // namespace

TEST_CASE("the layout matrix's sample reads exactly") {
    test::TempDir dir;
    std::string only;
    for (const auto& s : sample) only += " " + s;
    const auto made = test::run_shell("/usr/bin/python3 " + test::quote(test::source_dir() / "tests" / "layout_matrix" / "make_matrix.py") +
                                      " " + test::quote(dir.path()) + " --only" + only);
    REQUIRE_MESSAGE(made.exit_code == 0, made.err);
    int read = 0;
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        if (entry.path().extension() != ".pdf") continue;
        const std::string name = entry.path().filename().string();
        const fs::path truth = dir.path() / (entry.path().stem().string() + ".truth.json");
        ++read;
        try {
            const Document document = read_document(InputFile{name, test::read_file(entry.path())}, ReadOptions{});
            test::TruthOptions options;
            options.compare_metadata = false;  // covers are the fixtures' business, not the matrix's
            const auto report = test::compare_with_truth(document, truth, options);
            CHECK_MESSAGE(report.perfect(), name << ": " << report.summary());
        } catch (const Error& e) {
            FAIL_CHECK(name << ": not read: " << std::string(e.what()));
        }
    }
    CHECK(read == static_cast<int>(sample.size()));
}
