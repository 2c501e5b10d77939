// How each item's text was read (Provenance::reading, confidence): recognised from a scan
// (tests/data/scans), repaired from a font's glyphs (tests/data/pdf/untrusted), or the file's
// own text; carried by the list builder, written and read back by JSON, shown by inspect and
// marked by the HTML renderer.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "extractors/pdf/pdf_reader.hpp"
#include "model/list_builder.hpp"
#include "support/paths.hpp"

using namespace dutylist;
namespace fs = std::filesystem;

namespace {

fs::path data(const std::string& relative) { return test::source_dir() / "tests" / "data" / relative; }

Document read(const fs::path& pdf) {
    ReadOptions options;
    options.threads = 1;
    options.warn = [](const std::string&) {};
    return read_pdf(InputFile{pdf.filename().string(), test::read_file(pdf)}, options);
}

TableRow row(const std::vector<std::string>& cells, TextReading reading = TextReading::text,
             std::optional<int> confidence = std::nullopt) {
    TableRow r;
    for (size_t c = 0; c < cells.size(); ++c)
        r.cells.push_back({static_cast<int>(c), 1, cells[c].empty() ? Paragraphs{} : Paragraphs{cells[c]}, false, false});
    r.source.reading = reading;
    r.source.confidence = confidence;
    return r;
}

// Converts `input` to JSON in `dir`, returning the file written.
fs::path to_json(const fs::path& input, const fs::path& dir) {
    const auto r = test::run_dutylist("convert " + test::quote(input) + " -t json -o " + test::quote(dir));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return dir / (input.stem().string() + ".json");
}

}  // namespace

TEST_CASE("a scanned page: every item says it was recognised, with Tesseract's confidence of its cells") {
    const Document doc = read(data("scans/scan-photocopy.pdf"));
    REQUIRE(doc.lists.size() == 1);
    std::set<int> seen;
    for (const Item& item : doc.lists[0].items) {
        CHECK(item.source.reading == TextReading::ocr);
        REQUIRE(item.source.confidence.has_value());
        CHECK(*item.source.confidence >= 0);
        CHECK(*item.source.confidence <= 100);
        seen.insert(*item.source.confidence);
    }
    // Measured, not a placeholder: Tesseract is never wholly sure of a skewed photocopy's cells.
    CHECK(*seen.begin() < 100);
}

TEST_CASE("a Type 3 font repaired from its glyphs: its items say so, with the least certain code's certainty") {
    const Document doc = read(data("pdf/untrusted/gs-chromium-type3.pdf"));
    REQUIRE(doc.lists.size() == 2);
    for (const DutyList& list : doc.lists)
        for (const Item& item : list.items) {
            CHECK(item.source.reading == TextReading::repaired);
            REQUIRE(item.source.confidence.has_value());
            CHECK(*item.source.confidence > 50);
            CHECK(*item.source.confidence <= 100);
        }
}

TEST_CASE("a list from the file's own text says nothing new in its JSON") {
    const test::TempDir dir;
    const std::string json = test::read_file(to_json(test::corpus("wumachang/wumachang.docx"), dir.path()));
    CHECK(json.find("\"read\"") == std::string::npos);
    CHECK(json.find("\"confidence\"") == std::string::npos);
    CHECK(test::run_dutylist("inspect " + test::quote(test::corpus("wumachang/wumachang.docx"))).out.find(
              "read:    105 from the text") != std::string::npos);
}

TEST_CASE("how items were read survives JSON to JSON byte for byte, and inspect counts it") {
    const test::TempDir dir;
    const fs::path first = to_json(data("scans/scan-clean.pdf"), dir / "a");
    const fs::path again = to_json(first, dir / "b");
    CHECK(test::read_file(first) == test::read_file(again));
    const auto j = nlohmann::json::parse(test::read_file(first));
    for (const auto& item : j.at("lists").at(0).at("items")) {
        CHECK(item.at("source").at("read") == "ocr");
        CHECK(item.at("source").at("confidence").is_number_integer());
    }
    const auto inspected = test::run_dutylist("inspect " + test::quote(first));
    CHECK(inspected.out.find("read:    5 by OCR\n") != std::string::npos);
}

TEST_CASE("an item below 70% confidence is counted by inspect and marked in HTML; bad values are refused") {
    const test::TempDir dir;
    const fs::path json = to_json(data("scans/scan-clean.pdf"), dir / "a");
    auto j = nlohmann::json::parse(test::read_file(json));
    j["lists"][0]["items"][1]["source"]["confidence"] = 42;
    test::write_file(dir / "doubt.json", j.dump());
    CHECK(test::run_dutylist("inspect doubt.json", dir.path()).out.find("5 by OCR, 1 below 70% confidence") !=
          std::string::npos);
    REQUIRE(test::run_dutylist("convert doubt.json -t html -o out", dir.path()).exit_code == 0);
    const std::string html = test::read_file(dir / "out" / "doubt.html");
    CHECK(html.find("<tr id=\"basic-2\" class=\"doubtful\" title=\"识别置信度 42%") != std::string::npos);
    CHECK(html.find("<tr id=\"basic-1\">") != std::string::npos);

    j["lists"][0]["items"][1]["source"]["confidence"] = 120;
    test::write_file(dir / "over.json", j.dump());
    CHECK(test::run_dutylist("inspect over.json", dir.path()).exit_code == 1);
    j["lists"][0]["items"][1]["source"]["confidence"] = 42;
    j["lists"][0]["items"][1]["source"]["read"] = "guessed";
    test::write_file(dir / "how.json", j.dump());
    const auto refused = test::run_dutylist("inspect how.json", dir.path());
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("\"read\" of an item's source is \"guessed\"") != std::string::npos);
}

TEST_CASE("a row joined across a page break takes the weaker reading and the lower confidence") {
    ListBuilder builder("no list", [](const std::string&) {});
    builder.text({"某乡基本履职事项清单", false, 1, 0});
    const TableRow header = row({"序号", "事项类别", "事项名称"});
    Table one;
    one.rows = {header, row({"1", "党的建设", "一二三"}, TextReading::repaired, 88)};
    one.width = 3;
    one.page = 1;
    builder.table(one);
    Table two;
    two.rows = {header, row({"", "", "四五"}, TextReading::ocr, 61), row({"2", "经济发展", "乙"})};
    two.width = 3;
    two.page = 2;
    two.after_page_break = true;
    builder.table(two);
    const Document doc = builder.finish();
    REQUIRE(doc.lists.size() == 1);
    const auto& items = doc.lists[0].items;
    REQUIRE(items.size() == 2);
    CHECK(items[0].values[2] == Paragraphs{"一二三", "四五"});
    CHECK(items[0].source.reading == TextReading::ocr);
    CHECK(items[0].source.confidence == std::optional<int>(61));
    CHECK(items[1].source.reading == TextReading::text);
    CHECK_FALSE(items[1].source.confidence.has_value());
}
