// The PDF extractor on the corpus: the LibreOffice export of the wumachang list and its variant
// with merged categories must give their truth.json in every cell, paragraph breaks included.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "format_registry.hpp"
#include "model/error.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;

namespace {

Document read_pdf_file(const std::string& relative) {
    const auto path = test::corpus(relative);
    return read_document(InputFile{path.filename().string(), test::read_file(path)}, ReadOptions{});
}

void check_corpus_file(const std::string& pdf, const std::string& truth) {
    const Document doc = read_pdf_file(pdf);
    const auto report = test::compare_with_truth(doc, test::corpus(truth));
    MESSAGE(pdf << ": " << report.summary());
    CHECK(report.items == 240);
    CHECK(report.exact_items == report.items);
    CHECK_MESSAGE(report.perfect(), report.summary());
    CHECK(doc.source.format == "pdf");
    CHECK(doc.source.pages == 60);
    CHECK(doc.date_iso == "2025-07");
}

}  // namespace

TEST_CASE("wumachang.pdf gives its truth exactly") {
    check_corpus_file("wumachang/wumachang.pdf", "wumachang/truth.json");
}

TEST_CASE("the merged-category variant gives its truth exactly") {
    check_corpus_file("wumachang/merged/wumachang-merged.pdf", "wumachang/merged/truth.json");
}

TEST_CASE("every item records the pages it spans, and the lists follow the page order") {
    const Document doc = read_pdf_file("wumachang/wumachang.pdf");
    REQUIRE(doc.lists.size() == 3);
    int last_page = 0, split = 0;
    for (const auto& list : doc.lists)
        for (const auto& item : list.items) {
            REQUIRE(!item.source.pages.empty());
            CHECK(item.source.pages.front() >= last_page);
            CHECK(item.source.boxes.size() == item.source.pages.size());
            last_page = item.source.pages.back();
            if (item.source.pages.size() > 1) ++split;
        }
    // The corpus README: 46 rows are split across a page break.
    CHECK(split == 46);
    CHECK(doc.lists[0].items.front().source.pages.front() == 3);
    CHECK(doc.lists[2].items.back().source.pages.back() == 60);
}

TEST_CASE("the same PDF read on one thread and on several gives the same document") {
    const auto path = test::corpus("wumachang/wumachang.pdf");
    const InputFile input{"wumachang.pdf", test::read_file(path)};
    ReadOptions one, two;
    one.threads = 1;
    two.threads = 2;
    CHECK(read_document(input, one) == read_document(input, two));
}
