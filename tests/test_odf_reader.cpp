// The OpenDocument reader: the corpus list saved by LibreOffice Writer as .odt (plain and with
// 事项类别 merged down its rows, which Writer stores as covered cells) gives the model of its
// DOCX, and the corpus-like workbooks of tests/data/xlsx saved by Calc as .ods give the models
// of the XLSX files (tests/data/odf, made by make_odf.sh); documents written here exercise
// paragraphs, lists, line breaks, 目录 entries, spans and repeats; bad files give one line.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "extractors/odf/odf_reader.hpp"
#include "format_registry.hpp"
#include "model/error.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;
namespace fs = std::filesystem;

namespace {

fs::path data(const std::string& name) { return source_dir() / "tests/data/odf" / name; }

Document read(const fs::path& path, std::vector<std::string>* warnings = nullptr) {
    ReadOptions options;
    if (warnings) options.warn = [warnings](const std::string& w) { warnings->push_back(w); };
    return read_document({path.filename().string(), read_file(path)}, options);
}

// The model without provenance, which says where in its own file each thing was found.
Document without_sources(Document doc) {
    doc.source = {};
    for (DutyList& list : doc.lists)
        for (Item& item : list.items) item.source = {};
    return doc;
}

void check_same_model(const fs::path& odf, const fs::path& reference, const char* format) {
    const Document read_odf = read(odf);
    CHECK(read_odf.source.format == format);
    const Document expected = without_sources(read(reference));
    const Document got = without_sources(read_odf);
    REQUIRE(got.lists.size() == expected.lists.size());
    for (size_t i = 0; i < got.lists.size(); ++i) {
        INFO("list " << i);
        CHECK(got.lists[i].title == expected.lists[i].title);
        REQUIRE(got.lists[i].items.size() == expected.lists[i].items.size());
        for (size_t k = 0; k < got.lists[i].items.size(); ++k)
            if (got.lists[i].items[k] != expected.lists[i].items[k]) FAIL_CHECK("item " << k << " differs");
    }
    CHECK(got == expected);
}

// A minimal OpenDocument file written here: a stored mimetype first, content.xml holding `body`
// in office:text, or in office:spreadsheet for `spreadsheet`.
std::string odf_with_body(const std::string& body, const fs::path& dir, bool spreadsheet) {
    const std::string kind = spreadsheet ? "spreadsheet" : "text";
    const std::string content =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
        "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" office:version=\"1.3\">"
        "<office:automatic-styles><style:style style:name=\"TOC\" style:family=\"paragraph\"><style:paragraph-properties>"
        "<style:tab-stops><style:tab-stop style:position=\"6in\" style:type=\"right\" style:leader-style=\"dotted\" "
        "style:leader-text=\".\"/></style:tab-stops></style:paragraph-properties></style:style></office:automatic-styles>"
        "<office:body><office:" + kind + ">" + body + "</office:" + kind + "></office:body></office:document-content>";
    write_file(dir / "content.xml", content);
    write_file(dir / "mimetype", "application/vnd.oasis.opendocument." + kind);
    write_file(dir / "zip.py",
               "import zipfile\n"
               "with zipfile.ZipFile('t.odt', 'w') as z:\n"
               "    z.write('mimetype', compress_type=zipfile.ZIP_STORED)\n"
               "    z.write('content.xml', compress_type=zipfile.ZIP_DEFLATED)\n");
    const auto r = run_shell("cd " + quote(dir) + " && /usr/bin/python3 zip.py");
    REQUIRE(r.exit_code == 0);
    return read_file(dir / "t.odt");
}

std::string odt_with_body(const std::string& body, const fs::path& dir) { return odf_with_body(body, dir, false); }
std::string ods_with_body(const std::string& body, const fs::path& dir) { return odf_with_body(body, dir, true); }

const char* header_row =
    "<table:table-header-rows><table:table-row><table:table-cell><text:p>序号</text:p></table:table-cell>"
    "<table:table-cell><text:p>事项类别</text:p></table:table-cell><table:table-cell><text:p>事项名称</text:p></table:table-cell>"
    "</table:table-row></table:table-header-rows>";

}  // namespace

TEST_CASE("the corpus list saved by LibreOffice as .odt gives the model of its DOCX") {
    check_same_model(data("wumachang.odt"), corpus("wumachang/wumachang.docx"), "odt");
    const TruthReport report = compare_with_truth(read(data("wumachang.odt")), corpus("wumachang/truth.json"));
    INFO(report.summary());
    CHECK(report.perfect());
    CHECK(report.exact_cells == report.cells);
    CHECK(report.items == 240);
}

TEST_CASE("a vertical merge saved as covered cells is filled into every row, as from the DOCX") {
    check_same_model(data("wumachang-merged.odt"), corpus("wumachang/merged/wumachang-merged.docx"), "odt");
    const TruthReport report = compare_with_truth(read(data("wumachang-merged.odt")), corpus("wumachang/truth.json"));
    INFO(report.summary());
    CHECK(report.perfect());
}

TEST_CASE("the corpus-like workbooks saved by Calc as .ods give the models of the XLSX files") {
    for (const char* stem : {"wumachang-sheets", "wumachang-one-sheet"}) {
        INFO(stem);
        check_same_model(data(std::string(stem) + ".ods"), source_dir() / "tests/data/xlsx" / (std::string(stem) + ".xlsx"), "ods");
    }
}

TEST_CASE("Word's automatic numbering, a text box and merged cells, saved by Writer, read as from the DOCX") {
    for (const char* stem : {"numbering", "styles", "cells"}) {
        INFO(stem);
        check_same_model(data(std::string(stem) + ".odt"), source_dir() / "tests/data/docx" / (std::string(stem) + ".docx"), "odt");
    }
    // What the numbering gives, so that a model equally wrong from both files would still fail.
    const Document doc = read(data("numbering.odt"));
    REQUIRE(doc.lists.size() >= 1);
    CHECK(doc.lists[0].title == "一、测试镇基本履职事项清单");
    REQUIRE(doc.lists[0].items.size() >= 2);
    CHECK(doc.lists[0].items[0].values[0] == Paragraphs{"1"});
    CHECK(doc.lists[0].items[1].values[0] == Paragraphs{"2"});
    CHECK(doc.lists[0].items[0].values[2] == Paragraphs{"1.甲", "2.乙"});
    CHECK(read(data("styles.odt")).issuer == "样式县样式镇");
}

TEST_CASE("paragraphs, lists, line breaks, spaces and spans of a text document written here") {
    TempDir tmp;
    const std::string body =
        std::string("<text:p>某乡人民政府</text:p><text:p>履职事项清单</text:p><text:p>2025年7月</text:p>"
                    "<text:table-of-content><text:index-body><text:p>目录</text:p><text:p>1. 基本履职事项清单<text:tab/>1</text:p>"
                    "</text:index-body></text:table-of-content>"
                    "<text:p text:style-name=\"TOC\">2. 配合履职事项清单<text:tab/>2</text:p>"
                    "<text:h text:outline-level=\"1\">某乡<text:span>基本履职事项清单</text:span></text:h>"
                    "<table:table table:name=\"T\">") +
        header_row +
        "<table:table-row><table:table-cell><text:p>1</text:p></table:table-cell>"
        "<table:table-cell table:number-rows-spanned=\"2\"><text:p>党的建设</text:p></table:table-cell>"
        "<table:table-cell><text:p>第一段<text:line-break/>第二段</text:p><text:soft-page-break/>"
        "<text:list><text:list-item><text:p>列表一</text:p></text:list-item><text:list-item><text:p>列表 a<text:s text:c=\"3\"/>b "
        "c</text:p></text:list-item></text:list><text:p>注<text:note><text:note-body><text:p>脚注</text:p></text:note-body>"
        "</text:note>释</text:p></table:table-cell></table:table-row>"
        "<table:table-row><table:table-cell><text:p>2</text:p></table:table-cell><table:covered-table-cell/>"
        "<table:table-cell><text:p>第二项</text:p></table:table-cell></table:table-row>"
        "<table:table-row><table:table-cell table:number-columns-spanned=\"3\"><text:p>经济发展</text:p></table:table-cell>"
        "<table:covered-table-cell table:number-columns-repeated=\"2\"/></table:table-row>"
        "<table:table-row><table:table-cell><text:p>3</text:p></table:table-cell><table:table-cell><text:p>经济发展</text:p>"
        "</table:table-cell><table:table-cell><text:p>第三项</text:p></table:table-cell></table:table-row></table:table>";
    const Document doc = read_document({"t.odt", odt_with_body(body, tmp.path())}, {});
    CHECK(doc.issuer == "某乡人民政府");
    CHECK(doc.title == "履职事项清单");
    CHECK(doc.date_iso == "2025-07");
    REQUIRE(doc.lists.size() == 1);
    const DutyList& list = doc.lists[0];
    CHECK(list.title == "某乡基本履职事项清单");
    CHECK(list.kind == ListKind::basic);
    REQUIRE(list.items.size() == 3);
    CHECK(list.items[0].values[1] == Paragraphs{"党的建设"});
    CHECK(list.items[0].values[2] == Paragraphs{"第一段", "第二段", "列表一", "列表a b c", "注释"});
    CHECK(list.items[1].values[1] == Paragraphs{"党的建设"});
    CHECK(list.items[1].values[2] == Paragraphs{"第二项"});
    CHECK(list.items[2].values[2] == Paragraphs{"第三项"});
}

TEST_CASE("repeated rows and cells: a sheet's empty tail is skipped, text repeats are copied and bounded") {
    TempDir tmp;
    // Calc's way of ending a sheet: a row repeated to the last row, a cell to the last column.
    const std::string tail = "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell "
                             "table:number-columns-repeated=\"16384\"/></table:table-row>";
    std::string body = std::string("<table:table>") + header_row +
                       "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell><text:p>1</text:p></table:table-cell>"
                       "<table:table-cell table:number-columns-repeated=\"2\"><text:p>同</text:p></table:table-cell></table:table-row>" +
                       tail + "</table:table>";
    for (bool spreadsheet : {true, false}) {
        INFO("spreadsheet " << spreadsheet);
        const Document doc = read_document({"t", odf_with_body(body, tmp.path(), spreadsheet)}, {});
        CHECK(doc.source.format == (spreadsheet ? "ods" : "odt"));
        REQUIRE(doc.lists.size() == 1);
        REQUIRE(doc.lists[0].items.size() == 2);
        CHECK(doc.lists[0].items[1].values[1] == Paragraphs{"同"});
        CHECK(doc.lists[0].items[1].values[2] == Paragraphs{"同"});
    }

    const std::string bomb = std::string("<table:table>") + header_row +
                             "<table:table-row table:number-rows-repeated=\"100000\"><table:table-cell "
                             "table:number-columns-repeated=\"1000\"><text:p>x</text:p></table:table-cell></table:table-row></table:table>";
    CHECK_THROWS_WITH_AS(read_document({"t.ods", ods_with_body(bomb, tmp.path())}, {}), doctest::Contains("4 million cells"), Error);
}

TEST_CASE("bad OpenDocument files give one clear line") {
    TempDir tmp;
    std::string deep;
    for (int i = 0; i < 240; ++i) deep += "<text:section>";
    deep += "<text:p>x</text:p>";
    for (int i = 0; i < 240; ++i) deep += "</text:section>";
    CHECK_THROWS_WITH_AS(read_document({"t.odt", odt_with_body(deep, tmp.path())}, {}), doctest::Contains("nested more than"), Error);
    // A header row without cells once gave the list builder a header of no columns (a crash).
    const std::string empty_header = std::string("<table:table>") + header_row +
                                     "<table:table-header-rows><table:table-row/></table:table-header-rows><table:table-row>"
                                     "<table:table-cell><text:p>1</text:p></table:table-cell></table:table-row></table:table>";
    CHECK_NOTHROW(read_document({"t.odt", odt_with_body(empty_header, tmp.path())}, {}));
    CHECK_THROWS_WITH_AS(read_document({"t.odt", odt_with_body("<text:p>没有表格</text:p>", tmp.path())}, {}),
                         doctest::Contains("no table in this OpenDocument text"), Error);

    const std::string odt = read_file(data("wumachang.odt"));
    write_file(tmp / "cut.odt", odt.substr(0, odt.size() / 2));
    auto r = run_dutylist("convert cut.odt -o out", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("cut.odt") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(!fs::exists(tmp / "out" / "cut.json"));
}

TEST_CASE("the command line converts .odt and .ods, and a folder picks them up") {
    TempDir tmp;
    fs::create_directory(tmp / "in");
    fs::copy_file(data("wumachang.odt"), tmp / "in" / "a.ODT");
    fs::copy_file(data("wumachang-sheets.ods"), tmp / "in" / "b.ods");
    auto r = run_dutylist("convert in -t json -o out", tmp.path());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(tmp / "out" / "a.json"));
    CHECK(fs::exists(tmp / "out" / "b.json"));
    CHECK(sniff_odt(read_file(data("wumachang.odt"))));
    CHECK(!sniff_ods(read_file(data("wumachang.odt"))));
    CHECK(sniff_ods(read_file(data("wumachang-sheets.ods"))));
}
