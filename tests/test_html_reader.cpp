// The web-page reader: the corpus DOCX saved as HTML by LibreOffice gives the model of the
// DOCX; a county-site page holding the corpus lists inside a layout table with navigation,
// breadcrumb, counters and a footer (tests/data/html, made by make_html.py) gives the corpus
// truth, in UTF-8, in GBK declared as gb2312 and in GBK declared nowhere; pages written here
// exercise encodings, spans, cell paragraphs and hostile input.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "extractors/html/html_encoding.hpp"
#include "extractors/html/html_reader.hpp"
#include "format_registry.hpp"
#include "model/error.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;
namespace fs = std::filesystem;

namespace {

fs::path data(const std::string& name) { return source_dir() / "tests/data/html" / name; }

Document read(const fs::path& path, std::vector<std::string>* warnings = nullptr) {
    ReadOptions options;
    if (warnings) options.warn = [warnings](const std::string& w) { warnings->push_back(w); };
    return read_document({path.filename().string(), read_file(path)}, options);
}

Document read_page(const std::string& bytes, std::vector<std::string>* warnings = nullptr) {
    ReadOptions options;
    if (warnings) options.warn = [warnings](const std::string& w) { warnings->push_back(w); };
    return read_document({"page.html", bytes}, options);
}

Document without_sources(Document doc) {
    doc.source = {};
    for (DutyList& list : doc.lists)
        for (Item& item : list.items) item.source = {};
    return doc;
}

std::string page_with(const std::string& body) { return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + body + "</body></html>"; }

const char* header = "<tr><th>序号</th><th>事项类别</th><th>事项名称</th></tr>";

}  // namespace

TEST_CASE("the corpus DOCX saved as HTML by LibreOffice gives the model of the DOCX") {
    const Document page = read(data("wumachang-libreoffice.html"));
    CHECK(page.source.format == "html");
    const Document docx = read(corpus("wumachang/wumachang.docx"));
    CHECK(without_sources(page) == without_sources(docx));
    const TruthReport report = compare_with_truth(page, corpus("wumachang/truth.json"));
    INFO(report.summary());
    CHECK(report.perfect());
    CHECK(report.items == 240);
}

TEST_CASE("a county-site page gives the corpus lists, without its navigation, counters and footer") {
    std::vector<std::string> warnings;
    const Document page = read(data("county-site.html"), &warnings);
    TruthOptions options;
    options.compare_metadata = false;  // the page has no cover: its heading is the article's
    const TruthReport report = compare_with_truth(page, corpus("wumachang/truth.json"), options);
    INFO(report.summary());
    CHECK(report.perfect());
    CHECK(report.items == 240);
    CHECK(report.exact_cells == report.cells);
    for (const std::string& w : warnings) {
        INFO(w);
        CHECK(w.find("版权所有") == std::string::npos);
        CHECK(w.find("浏览次数") == std::string::npos);
    }
    for (const DutyList& list : page.lists) CHECK(list.notes.empty());
}

TEST_CASE("the same page in GBK, declared as gb2312 or not declared, reads the same") {
    const Document utf8 = without_sources(read(data("county-site.html")));
    CHECK(without_sources(read(data("county-site-gbk.html"))) == utf8);
    std::vector<std::string> warnings;
    CHECK(without_sources(read(data("county-site-gbk-undeclared.htm"), &warnings)) == utf8);
    REQUIRE(warnings.size() >= 1);
    CHECK(warnings[0].find("GB18030") != std::string::npos);
}

TEST_CASE("encodings: byte-order marks, meta charset, http-equiv, detection") {
    CHECK(html::declared_charset("<html><head><meta charset='GBK'>") == "gbk");
    CHECK(html::declared_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />") == "gb2312");
    CHECK(html::declared_charset("<p>charset=utf-8</p>").empty());
    CHECK(html::decode_page("\xEF\xBB\xBF<p>序号</p>").text == "<p>序号</p>");
    const std::string utf16le("\xFF\xFE<\0p\0>\0\x8F\x5E\0\0", 12);  // "<p>序" in UTF-16LE, then NUL
    CHECK(html::decode_page(utf16le).text.starts_with("<p>序"));
    const html::DecodedPage gbk = html::decode_page("<p>\xD0\xF2\xBA\xC5</p>");  // 序号 in GBK, no declaration
    CHECK(gbk.detected);
    CHECK(gbk.text == "<p>序号</p>");
    CHECK_THROWS_WITH_AS(html::decode_page("<meta charset=\"x-no-such-charset\">"), doctest::Contains("character set"), Error);
}

TEST_CASE("rowspan and colspan on the grid, cell paragraphs from p, br, div and li") {
    const std::string body = std::string("<h2>某乡基本履职事项清单</h2><table>") + header +
                             "<tr><td>1</td><td rowspan=\"2\">党的建设</td><td><p>第一段</p><div>第二段</div>第三<br>段<ul><li>甲</li><li>乙</li></ul></td></tr>"
                             "<tr><td>2</td><td>第二项<span style=\"display: none\">隐藏</span><script>var x = '脚本';</script></td></tr>"
                             "<tr><td colspan=\"3\">二、经济发展</td></tr>"
                             "<tr><td>3</td><td>经济发展</td><td>第三项&nbsp;</td></tr></table>";
    const Document doc = read_page(page_with(body));
    REQUIRE(doc.lists.size() == 1);
    const DutyList& list = doc.lists[0];
    CHECK(list.title == "某乡基本履职事项清单");
    REQUIRE(list.items.size() == 3);
    CHECK(list.items[0].values[2] == Paragraphs{"第一段", "第二段", "第三", "段", "甲", "乙"});
    CHECK(list.items[1].values[1] == Paragraphs{"党的建设"});
    CHECK(list.items[1].values[2] == Paragraphs{"第二项"});
    CHECK(list.items[2].values[2] == Paragraphs{"第三项"});
}

TEST_CASE("an <ol> reads with the markers a browser prints: type, start, value, empty items") {
    const std::string body = std::string("<ol type=\"I\"><li><p>某乡基本履职事项清单</p></li></ol><table>") + header +
                             "<tr><td><ol><li><p></p></li></ol></td><td>党建</td><td><ol type=\"a\"><li>\n<p>甲</p></li><li>乙<br>续</li></ol></td></tr>"
                             "<tr><td><ol start=\"2\"><li></li></ol></td><td>党建</td><td><ol><li value=\"7\">丙</li><li>丁</li></ol></td></tr>"
                             "</table>";
    const Document doc = read_page(page_with(body));
    REQUIRE(doc.lists.size() == 1);
    CHECK(doc.lists[0].title == "I.某乡基本履职事项清单");
    REQUIRE(doc.lists[0].items.size() == 2);
    CHECK(doc.lists[0].items[0].values[0] == Paragraphs{"1."});
    CHECK(doc.lists[0].items[0].values[2] == Paragraphs{"a.甲", "b.乙", "续"});
    CHECK(doc.lists[0].items[1].values[0] == Paragraphs{"2."});
    CHECK(doc.lists[0].items[1].values[2] == Paragraphs{"7.丙", "8.丁"});
}

TEST_CASE("a page saved by Word: its conditional markers are no text, what they reveal is") {
    const std::string body = std::string("<p align=center><b><span>某乡基本履职事项清单<o:p></o:p></span></b></p><table>") + header +
                             "<tr><td><p>1</p></td><td><p>党建</p></td><td><p class=MsoListParagraph><![if !supportLists]><span>1."
                             "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span><![endif]>第一段<o:p></o:p></p>"
                             "</td></tr></table>";
    const Document doc = read_page(page_with(body));
    REQUIRE(doc.lists.size() == 1);
    CHECK(doc.lists[0].title == "某乡基本履职事项清单");
    REQUIRE(doc.lists[0].items.size() == 1);
    CHECK(doc.lists[0].items[0].values[2] == Paragraphs{"1.第一段"});
}

TEST_CASE("HTML is read by its content, under any name; a page without a list is refused with one line") {
    const std::string page = page_with(std::string("<table>") + header + "<tr><td>1</td><td>党建</td><td>事项</td></tr></table>");
    CHECK(sniff_html(page));
    CHECK(sniff_html("\n  <TABLE><tr><td>x</td></tr></TABLE>"));
    CHECK(!sniff_html("{\"schema\": \"dutylist/2\"}"));
    CHECK(!sniff_html("序号,事项名称\n1,<b>x</b>\n"));
    TempDir tmp;
    write_file(tmp / "list.txt", page);
    write_file(tmp / "none.htm", page_with("<table><tr><td>序号</td></tr></table>"));
    auto r = run_dutylist("convert list.txt -t json -o out", tmp.path());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(tmp / "out" / "list.json"));
    r = run_dutylist("convert none.htm -o out", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("HTML") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("a row without cells is no row: under a header row it once crashed the list builder") {
    const std::string body = std::string("<table><thead><tr><th>序号<th>事项名称</tr><tr>乡镇</tr></thead><tbody>") +
                             "<tr><td>1</td><td>事项</td></tr></tbody></table>";
    const Document doc = read_page(page_with(body));
    REQUIRE(doc.lists.size() == 1);
    REQUIRE(doc.lists[0].items.size() == 1);
    CHECK(doc.lists[0].items[0].values[1] == Paragraphs{"事项"});
}

TEST_CASE("a page 10^5 tables deep and spans past every limit are refused quickly") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<table><tr><td>";
    const auto start = std::chrono::steady_clock::now();
    CHECK_THROWS_WITH_AS(read_page(page_with(deep)), doctest::Contains("nested more than"), Error);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(under_asan ? 60 : 20));

    // Each empty row below gets a merged cell from every rowspan above it.
    std::string spans = std::string("<table>") + header + "<tr>";
    for (int i = 0; i < 1000; ++i) spans += "<td rowspan=\"65534\">x</td>";
    spans += "</tr>";
    for (int i = 0; i < 5000; ++i) spans += "<tr></tr>";
    CHECK_THROWS_WITH_AS(read_page(page_with(spans + "</table>")), doctest::Contains("4 million cells"), Error);
}
