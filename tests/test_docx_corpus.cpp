// The DOCX extractor on the corpus: every cell of every list, exactly, from Word's file, the
// variant with vertically merged categories and the same document re-saved by LibreOffice.
#include <doctest/doctest.h>

#include "format_registry.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;

namespace {

Document read_docx_file(const std::filesystem::path& path) {
    return read_document({path.filename().string(), read_file(path)}, {});
}

void check_matches_truth(const std::filesystem::path& docx, const std::filesystem::path& truth) {
    const Document doc = read_docx_file(docx);
    CHECK(doc.source.format == "docx");
    const TruthReport report = compare_with_truth(doc, truth);
    INFO(report.summary());
    CHECK(report.perfect());
    CHECK(report.exact_items == 240);
    CHECK(report.items == 240);
    CHECK(doc.date_iso == "2025-07");
}

}  // namespace

TEST_CASE("wumachang.docx matches its truth in every cell") {
    check_matches_truth(corpus("wumachang/wumachang.docx"), corpus("wumachang/truth.json"));
}

TEST_CASE("the variant with merged 事项类别 fills the category into every row") {
    check_matches_truth(corpus("wumachang/merged/wumachang-merged.docx"), corpus("wumachang/merged/truth.json"));
}

TEST_CASE("the corpus document re-saved by LibreOffice reads the same") {
    check_matches_truth(source_dir() / "tests/data/docx/wumachang-libreoffice.docx", corpus("wumachang/truth.json"));
}

TEST_CASE("items carry their table and row, the lists their kinds and columns") {
    const Document doc = read_docx_file(corpus("wumachang/wumachang.docx"));
    REQUIRE(doc.lists.size() == 3);
    CHECK(doc.lists[0].kind == ListKind::basic);
    CHECK(doc.lists[1].kind == ListKind::cooperative);
    CHECK(doc.lists[2].kind == ListKind::withdrawn);
    CHECK(doc.lists[1].columns.back().key == "township_duties");
    // Row 1 of each table is its header row.
    CHECK(doc.lists[0].items.front().source == Provenance{{}, {}, 1, 2});
    CHECK(doc.lists[0].items.back().source == Provenance{{}, {}, 1, 106});
    CHECK(doc.lists[2].items.back().source == Provenance{{}, {}, 3, 38});
    CHECK(doc.lists[0].notes.empty());
}

TEST_CASE("our own DOCX renderer's output reads back to the truth, with and without merged categories") {
    const Document truth = document_from_truth(corpus("wumachang/truth.json"));
    const Writer* docx = find_writer("docx");
    REQUIRE(docx != nullptr);
    REQUIRE(docx->per_input() != nullptr);
    for (bool merge : {false, true}) {
        CAPTURE(merge);
        RenderOptions options;
        options.merge_categories = merge;
        const std::vector<Output> outputs = docx->per_input()->render(truth, options);
        REQUIRE(outputs.size() == 1);
        const Document back = read_document({"rendered.docx", outputs[0].bytes}, {});
        const TruthReport report = compare_with_truth(back, corpus("wumachang/truth.json"));
        INFO(report.summary());
        CHECK(report.perfect());
        CHECK(report.exact_items == 240);
    }
}
