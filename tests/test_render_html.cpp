#include <doctest/doctest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "renderers/html_renderer.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;
namespace fs = std::filesystem;

namespace {

std::string unescape(std::string s) {
    static const std::pair<std::string, std::string> entities[] = {{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
    for (const auto& [from, to] : entities)
        for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
    return s;
}

// The text between open and close starting at pos, advancing pos past close; "" and npos when absent.
std::string between(const std::string& s, size_t& pos, const std::string& open, const std::string& close, size_t limit) {
    const size_t a = s.find(open, pos);
    if (a == std::string::npos || a >= limit) { pos = std::string::npos; return ""; }
    const size_t b = s.find(close, a + open.size());
    REQUIRE(b != std::string::npos);
    pos = b + close.size();
    return s.substr(a + open.size(), b - a - open.size());
}

struct Row {
    std::string id;
    std::vector<Paragraphs> cells;
};

// The rows of each table of a page this renderer made: ids and the <p> paragraphs of each cell.
std::vector<std::vector<Row>> read_tables(const std::string& html) {
    std::vector<std::vector<Row>> tables;
    for (size_t pos = 0;;) {
        const std::string body = between(html, pos, "<tbody>", "</tbody>", html.size());
        if (pos == std::string::npos) break;
        std::vector<Row> rows;
        for (size_t r = 0;;) {
            const size_t start = body.find("<tr id=\"", r);
            if (start == std::string::npos) break;
            Row row;
            size_t p = start;
            row.id = between(body, p, "<tr id=\"", "\">", body.size());
            const size_t end = body.find("</tr>", p);
            REQUIRE(end != std::string::npos);
            for (size_t c = p;;) {
                const std::string cell = between(body, c, "\">", "</td>", end);
                if (c == std::string::npos) break;
                Paragraphs paragraphs;
                for (size_t q = 0;;) {
                    const std::string text = between(cell, q, "<p>", "</p>", cell.size());
                    if (q == std::string::npos) break;
                    paragraphs.push_back(unescape(text));
                }
                row.cells.push_back(std::move(paragraphs));
            }
            rows.push_back(std::move(row));
            r = end;
        }
        tables.push_back(std::move(rows));
    }
    return tables;
}

const char* const kinds[] = {"basic", "cooperative", "withdrawn"};

}  // namespace

TEST_CASE("the corpus as HTML: every paragraph of every cell, 105/98/37 rows with anchors") {
    const Document doc = document_from_truth(corpus("wumachang/truth.json"));
    const auto outputs = render_html(doc, {});
    REQUIRE(outputs.size() == 1);
    CHECK(outputs[0].suffix == ".html");
    const std::string& html = outputs[0].bytes;
    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    CHECK(html.find("<title>新疆维吾尔自治区昌吉回族自治州奇台县五马场哈萨克族乡履职事项清单</title>") != std::string::npos);
    CHECK(html.find("<p class=\"issuer\">新疆维吾尔自治区昌吉回族自治州奇台县五马场哈萨克族乡</p>") != std::string::npos);
    CHECK(html.find("<p class=\"date\">2025年7月</p>") != std::string::npos);
    CHECK(html.find("{{") == std::string::npos);
    // Self-contained: nothing is loaded from elsewhere.
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find(" src=") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);

    const auto truth = nlohmann::json::parse(read_file(corpus("wumachang/truth.json")));
    const auto tables = read_tables(html);
    REQUIRE(tables.size() == 3);
    CHECK(tables[0].size() == 105);
    CHECK(tables[1].size() == 98);
    CHECK(tables[2].size() == 37);
    int paragraphs = 0;
    for (size_t l = 0; l < 3; ++l) {
        const auto& list = truth["lists"][l];
        CHECK(html.find(std::string("<a href=\"#list-") + kinds[l] + "\">" + list["title"].get<std::string>() + "</a>") != std::string::npos);
        for (const auto& label : list["columns"]) CHECK(html.find("\">" + label.get<std::string>() + "</th>") != std::string::npos);
        CHECK(html.find("<caption><h2>" + list["title"].get<std::string>() + "</h2>") != std::string::npos);
        REQUIRE(tables[l].size() == list["rows"].size());
        for (size_t r = 0; r < tables[l].size(); ++r) {
            INFO(kinds[l], " row ", r + 1);
            CHECK(tables[l][r].id == std::string(kinds[l]) + "-" + std::to_string(r + 1));
            REQUIRE(tables[l][r].cells.size() == list["rows"][r].size());
            for (size_t c = 0; c < tables[l][r].cells.size(); ++c) {
                CHECK(tables[l][r].cells[c] == list["rows"][r][c].get<Paragraphs>());
                paragraphs += static_cast<int>(tables[l][r].cells[c].size());
            }
        }
    }
    MESSAGE("paragraphs in the page's cells: ", paragraphs);
    CHECK(paragraphs > 240 * 3);
}

TEST_CASE("HTML escapes every model string and keeps empty cells and second lists of a kind") {
    Document doc;
    doc.issuer = "A&B";
    doc.title = "<script>alert(1)</script>";
    DutyList list;
    list.kind = ListKind::cooperative;
    list.title = "\"配合\"";
    list.columns = {{"seq", "序号"}, {"name", "<b>名称</b>"}};
    list.items.push_back({{{"1"}, {"a < b & c", "'x'"}}, {}});
    list.items.push_back({{{"2"}, {}}, {}});
    list.notes = {"注：<i>"};
    doc.lists = {list, list};
    const std::string html = render_html(doc, {})[0].bytes;
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("<title>A&amp;B&lt;script&gt;") != std::string::npos);
    CHECK(html.find("<th scope=\"col\" class=\"col-name\">&lt;b&gt;名称&lt;/b&gt;</th>") != std::string::npos);
    CHECK(html.find("<p>a &lt; b &amp; c</p><p>&#39;x&#39;</p>") != std::string::npos);
    CHECK(html.find("<tr id=\"cooperative-2\"><td class=\"col-seq\" data-label=\"序号\"><p>2</p></td>"
                    "<td class=\"col-name\" data-label=\"&lt;b&gt;名称&lt;/b&gt;\"></td></tr>") != std::string::npos);
    CHECK(html.find("<tr id=\"cooperative-2-1\">") != std::string::npos);
    CHECK(html.find("id=\"list-cooperative-2\"") != std::string::npos);
    CHECK(html.find("<p>注：&lt;i&gt;</p>") != std::string::npos);
    const auto tables = read_tables(html);
    REQUIRE(tables.size() == 2);
    CHECK(tables[1][0].cells[1] == Paragraphs{"a < b & c", "'x'"});
}

TEST_CASE("the HTML page in headless Chromium: no console errors, all rows, a working filter") {
    const Document doc = document_from_truth(corpus("wumachang/truth.json"));
    // Artifacts stay in the build folder for a person to look at.
    const fs::path dir = fs::current_path() / "artifacts" / "html";
    fs::create_directories(dir);
    write_file(dir / "wumachang.html", render_html(doc, {})[0].bytes);
    const auto truth = nlohmann::json::parse(read_file(corpus("wumachang/truth.json")));
    nlohmann::json expected = {{"lists", nlohmann::json::array()}};
    for (size_t l = 0; l < 3; ++l) expected["lists"].push_back({{"name", kinds[l]}, {"rows", truth["lists"][l]["rows"]}});
    write_file(dir / "expected.json", expected.dump());

    const fs::path scripts = source_dir() / "tests" / "html";
    REQUIRE_MESSAGE(fs::exists(scripts / "node_modules" / "playwright-core"),
                    "playwright-core is not installed: run npm ci in tests/html");
    const auto result = run_shell("node " + quote(scripts / "check_page.mjs") + " " + quote(dir / "wumachang.html") + " " +
                                  quote(dir / "expected.json") + " " + quote(dir));
    MESSAGE(result.out);
    CHECK_MESSAGE(result.exit_code == 0, result.err);
    CHECK(result.out.find("rows per table: 105/98/37") != std::string::npos);
    CHECK(fs::file_size(dir / "page.png") > 10000);
}

TEST_CASE("the HTML fragment inside a website's page: its style stays its own, and a 390 px phone does not scroll sideways") {
    const Document doc = document_from_truth(corpus("wumachang/truth.json"));
    const fs::path dir = fs::current_path() / "artifacts" / "html-fragment";
    fs::create_directories(dir);
    RenderOptions options;
    options.html_fragment = true;
    write_file(dir / "wumachang.html", render_html(doc, options)[0].bytes);

    const fs::path scripts = source_dir() / "tests" / "html";
    REQUIRE_MESSAGE(fs::exists(scripts / "node_modules" / "playwright-core"),
                    "playwright-core is not installed: run npm ci in tests/html");
    const auto result = run_shell("node " + quote(scripts / "check_fragment.mjs") + " " + quote(dir / "wumachang.html") + " 240 " +
                                  quote(dir));
    MESSAGE(result.out);
    CHECK_MESSAGE(result.exit_code == 0, result.err);
    CHECK(result.out.find("rows: 240") != std::string::npos);
    CHECK(fs::file_size(dir / "fragment-phone.png") > 10000);
}
