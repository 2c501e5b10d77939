#include <doctest/doctest.h>

#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

#include "format_registry.hpp"
#include "model/error.hpp"
#include "model/text.hpp"
#include "package/zip_writer.hpp"
#include "renderers/docx_renderer.hpp"
#include "renderers/json_renderer.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;
namespace fs = std::filesystem;

namespace {

// libzip directly, with its consistency check (ZIP_CHECKCONS): our output is read by a stricter
// reader than the package module that wrote it.
std::map<std::string, std::string> unzip(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    REQUIRE(source);
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    REQUIRE_MESSAGE(archive, zip_error_strerror(&error));
    std::map<std::string, std::string> parts;
    for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
        zip_stat_t st;
        REQUIRE(zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) == 0);
        std::string data(st.size, '\0');
        zip_file_t* f = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        REQUIRE(f);
        CHECK(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
        zip_fclose(f);
        parts[st.name] = std::move(data);
    }
    zip_discard(archive);
    zip_error_fini(&error);
    return parts;
}

size_t count(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t at = 0; (at = s.find(what, at)) != std::string::npos; at += what.size()) ++n;
    return n;
}

// The contents of every w:tc, in order.
std::vector<std::string> cells_of(const std::string& xml) {
    std::vector<std::string> cells;
    for (size_t at = 0; (at = xml.find("<w:tc>", at)) != std::string::npos;) {
        const size_t end = xml.find("</w:tc>", at);
        REQUIRE(end != std::string::npos);
        cells.push_back(xml.substr(at, end - at));
        at = end;
    }
    return cells;
}

Document read_as(const std::string& name, const std::string& bytes, const std::string& format) {
    Document doc = read_document({name, bytes}, {});
    CHECK(doc.source.format == format);
    return doc;
}

Document read_file_as(const fs::path& path, const std::string& format) { return read_as(path.filename().string(), read_file(path), format); }

// Everything the document says; source differs by construction (another file).
void check_same_content(const Document& got, const Document& want, bool compare_provenance) {
    CHECK(got.issuer == want.issuer);
    CHECK(got.title == want.title);
    CHECK(got.date == want.date);
    CHECK(got.date_iso == want.date_iso);
    REQUIRE(got.lists.size() == want.lists.size());
    for (size_t l = 0; l < want.lists.size(); ++l) {
        const DutyList& g = got.lists[l];
        const DutyList& w = want.lists[l];
        INFO("list ", l + 1);
        CHECK(g.kind == w.kind);
        CHECK(g.title == w.title);
        CHECK(g.columns == w.columns);
        CHECK(g.notes == w.notes);
        REQUIRE(g.items.size() == w.items.size());
        int differing = 0;
        for (size_t r = 0; r < w.items.size(); ++r) {
            const bool same = compare_provenance ? g.items[r] == w.items[r] : g.items[r].values == w.items[r].values;
            if (!same && ++differing <= 3) {
                INFO("row ", r + 1);
                CHECK(g.items[r].values == w.items[r].values);
                if (compare_provenance) CHECK(g.items[r].source == w.items[r].source);
            }
        }
        CHECK(differing == 0);
    }
}

// LibreOffice's PDF export of a DOCX, as a person would make it; a private profile keeps
// parallel runs apart.
fs::path convert_with_libreoffice(const fs::path& docx, const TempDir& dir) {
    const auto result = run_shell("soffice -env:UserInstallation=file://" + (dir / "lo-profile").string() +
                                  " --headless --convert-to pdf --outdir " + quote(dir.path()) + " " + quote(docx));
    const fs::path pdf = dir / (docx.stem().string() + ".pdf");
    REQUIRE_MESSAGE(fs::exists(pdf), "soffice did not convert ", docx, ": ", result.out, result.err);
    return pdf;
}

const Document& truth_document() {
    static const Document doc = document_from_truth(corpus("wumachang/truth.json"));
    return doc;
}

// A reference document made of the built-in one's parts (templates/docx/) with one part
// replaced: what a hostile or damaged --reference-doc looks like past its ZIP directory.
std::string reference_with(const std::string& replaced, const std::string& bytes) {
    const fs::path folder = source_dir() / "templates/docx";
    std::vector<std::pair<std::string, std::string>> parts;
    for (const auto& e : fs::recursive_directory_iterator(folder))
        if (e.is_regular_file()) parts.emplace_back(fs::relative(e.path(), folder).generic_string(), read_file(e.path()));
    std::vector<package::ZipEntry> entries;
    for (const auto& [path, content] : parts) entries.push_back({path, path == replaced ? std::string_view(bytes) : std::string_view(content)});
    REQUIRE(std::count_if(entries.begin(), entries.end(), [&](const auto& e) { return e.path == replaced; }) == 1);
    return package::write_zip(entries, "the test reference");
}

// The first line of /etc/passwd, which an external entity would pull into the output.
std::string passwd_line() {
    const std::string passwd = read_file("/etc/passwd");
    return passwd.substr(0, passwd.find('\n'));
}

}  // namespace

TEST_CASE("the corpus as DOCX: parts, fonts, landscape pages, repeated headers, a w:p per paragraph") {
    const auto outputs = render_docx(truth_document(), {});
    REQUIRE(outputs.size() == 1);
    CHECK(outputs[0].suffix == ".docx");
    auto parts = unzip(outputs[0].bytes);
    for (const char* part : {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml", "word/_rels/document.xml.rels",
                             "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml"})
        CHECK_MESSAGE(parts.contains(part), part);
    const std::string& xml = parts["word/document.xml"];
    const std::string& styles = parts["word/styles.xml"];
    for (const char* font : {"w:eastAsia=\"仿宋_GB2312\"", "w:eastAsia=\"黑体\"", "w:eastAsia=\"方正小标宋简体\""}) CHECK(styles.find(font) != std::string::npos);
    CHECK(parts["word/footer1.xml"].find("<w:t xml:space=\"preserve\">— </w:t>") != std::string::npos);
    CHECK(parts["word/footer1.xml"].find("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>") != std::string::npos);
    CHECK(parts["[Content_Types].xml"].find("/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"") != std::string::npos);
    CHECK(parts["word/_rels/document.xml.rels"].find("Target=\"footer1.xml\"") != std::string::npos);
    CHECK(xml.find("<w:footerReference w:type=\"default\" r:id=\"rId4\"/><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>") != std::string::npos);
    CHECK(xml.find("<w:pgNumType w:start=\"1\"/>") != std::string::npos);

    // Cover, then one heading, one table and one repeated header row per list.
    // The issuer is set smaller than its style so that it stays on one line (test_docx_layout).
    CHECK(xml.find("<w:pStyle w:val=\"CoverIssuer\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"34\"/><w:szCs w:val=\"34\"/></w:rPr>"
                   "<w:t xml:space=\"preserve\">新疆维吾尔自治区昌吉回族自治州奇台县五马场哈萨克族乡</w:t>") != std::string::npos);
    CHECK(xml.find("<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">履职事项清单</w:t>") != std::string::npos);
    CHECK(xml.find("<w:pStyle w:val=\"CoverDate\"/></w:pPr><w:r><w:t xml:space=\"preserve\">2025年7月</w:t>") != std::string::npos);
    CHECK(count(xml, "<w:pStyle w:val=\"Heading1\"/>") == 3);
    CHECK(count(xml, "<w:tbl>") == 3);
    CHECK(count(xml, "<w:tblHeader/>") == 3);
    CHECK(count(xml, "<w:tblBorders>") == 3);

    // Every cell holds at least one w:p, and every paragraph of the model is its own w:p.
    const auto cells = cells_of(xml);
    size_t want_cells = 0, want_paragraphs = 0;
    for (const auto& list : truth_document().lists) {
        want_cells += list.columns.size() * (list.items.size() + 1);
        want_paragraphs += list.columns.size();
        for (const auto& item : list.items)
            for (const auto& cell : item.values) want_paragraphs += std::max<size_t>(cell.size(), 1);
    }
    CHECK(cells.size() == want_cells);
    size_t paragraphs = 0;
    for (const auto& cell : cells) {
        CHECK(cell.find("<w:p>") != std::string::npos);
        paragraphs += count(cell, "<w:p>");
    }
    CHECK(paragraphs == want_paragraphs);
    // The same input gives the same bytes.
    CHECK(render_docx(truth_document(), {})[0].bytes == outputs[0].bytes);
}

TEST_CASE("--merge-categories merges runs of equal 事项类别 vertically") {
    const auto plain = unzip(render_docx(truth_document(), {})[0].bytes)["word/document.xml"];
    RenderOptions options;
    options.merge_categories = true;
    const auto merged = unzip(render_docx(truth_document(), options)[0].bytes)["word/document.xml"];
    size_t runs = 0, continued = 0;
    for (const auto& list : truth_document().lists) {
        const int c = column_index(list, "category");
        REQUIRE(c >= 0);
        for (size_t r = 1; r < list.items.size(); ++r) {
            const bool same = list.items[r].values[c] == list.items[r - 1].values[c];
            const bool same_before = r >= 2 && list.items[r - 1].values[c] == list.items[r - 2].values[c];
            if (same) ++continued;
            if (same && !same_before) ++runs;
        }
    }
    MESSAGE("category runs: ", runs, ", merged cells: ", continued);
    CHECK(runs > 10);
    CHECK(count(merged, "<w:vMerge w:val=\"restart\"/>") == runs);
    CHECK(count(merged, "<w:vMerge/>") == continued);
    CHECK(plain.find("w:vMerge") == std::string::npos);
    CHECK(cells_of(merged).size() == cells_of(plain).size());
}

TEST_CASE("model strings are escaped and odd documents still give a valid package") {
    Document doc;
    doc.title = "A&B <清单>";
    DutyList list;
    list.kind = ListKind::other;
    list.columns = {{"name", "名称\"x\""}};
    list.items.push_back({{{"a\tb\nc", "\x01控制字符"}}, {}});
    list.items.push_back({{{}}, {}});
    doc.lists = {list, DutyList{}};
    const auto parts = unzip(render_docx(doc, {})[0].bytes);
    const std::string& xml = parts.at("word/document.xml");
    CHECK(xml.find("A&amp;B &lt;清单&gt;") != std::string::npos);
    CHECK(xml.find("名称&quot;x&quot;") != std::string::npos);
    CHECK(xml.find("<w:t xml:space=\"preserve\">a</w:t><w:tab/><w:t xml:space=\"preserve\">b</w:t><w:br/><w:t xml:space=\"preserve\">c</w:t>") != std::string::npos);
    CHECK(xml.find('\x01') == std::string::npos);
    CHECK(xml.find("控制字符") != std::string::npos);
    CHECK(count(xml, "<w:tbl>") == 1);  // a list without columns has a heading only
    CHECK(cells_of(xml).size() == 3);
    for (const auto& cell : cells_of(xml)) CHECK(cell.find("<w:p>") != std::string::npos);
}

TEST_CASE("DOCX → our DOCX → model gives the same model") {
    for (const char* file : {"wumachang/wumachang.docx", "wumachang/merged/wumachang-merged.docx"}) {
        for (bool merge : {false, true}) {
            const std::string variant = merge ? " with --merge-categories" : "";
            INFO(file, variant);
            const Document input = read_file_as(corpus(file), "docx");
            RenderOptions options;
            options.merge_categories = merge;
            const Document again = read_as("again.docx", render_docx(input, options)[0].bytes, "docx");
            check_same_content(again, input, true);
            const auto report = compare_with_truth(again, corpus("wumachang/truth.json"));
            CHECK_MESSAGE(report.perfect(), report.summary());
        }
    }
}

TEST_CASE("PDF → our DOCX → model gives the same model") {
    const Document input = read_file_as(corpus("wumachang/wumachang.pdf"), "pdf");
    const Document again = read_as("again.docx", render_docx(input, {})[0].bytes, "docx");
    // Provenance differs by design: pages and boxes from a PDF, table and row from a DOCX.
    check_same_content(again, input, false);
}

TEST_CASE("the full circle: our DOCX, printed to PDF by LibreOffice, read by our PDF extractor, matches truth.json") {
    for (bool merge : {false, true}) {
        const std::string variant = merge ? "with --merge-categories" : "plain";
        INFO(variant);
        TempDir dir;
        RenderOptions options;
        options.merge_categories = merge;
        write_file(dir / "ours.docx", render_docx(truth_document(), options)[0].bytes);
        const fs::path pdf = convert_with_libreoffice(dir / "ours.docx", dir);
        const Document back = read_file_as(pdf, "pdf");
        const auto report = compare_with_truth(back, corpus("wumachang/truth.json"));
        CHECK_MESSAGE(report.perfect(), report.summary());
        MESSAGE(report.summary());
    }
}

TEST_CASE("the DOCX opens in LibreOffice: every page landscape after the cover, page numbers from 1") {
    TempDir dir;
    write_file(dir / "ours.docx", render_docx(truth_document(), {})[0].bytes);
    const fs::path pdf = convert_with_libreoffice(dir / "ours.docx", dir);
    const auto info = run_shell("pdfinfo -f 1 -l 3 " + quote(pdf));
    REQUIRE(info.exit_code == 0);
    CHECK(info.out.find("Page    1 size:  595.") != std::string::npos);
    CHECK(info.out.find("Page    2 size:  841.") != std::string::npos);
    const auto cover = run_shell("pdftotext -f 1 -l 1 " + quote(pdf) + " -");
    CHECK(cover.out.find("— ") == std::string::npos);
    const auto first = run_shell("pdftotext -f 2 -l 3 " + quote(pdf) + " -");
    // pdftotext may or may not keep the thin spaces around the number.
    CHECK(remove_whitespace(first.out).find("—1—") != std::string::npos);
    CHECK(remove_whitespace(first.out).find("—2—") != std::string::npos);
}

TEST_CASE("--reference-doc takes styles, settings and footer from the user's document") {
    TempDir dir;
    write_file(dir / "list.json", document_to_json(truth_document()));
    // The corpus DOCX as a reference: its own styles, numbering, theme and "— N —" footer.
    const fs::path reference = corpus("wumachang/wumachang.docx");
    auto result = run_dutylist("convert list.json -t docx -o out --reference-doc " + quote(reference), dir.path());
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    auto ours = unzip(read_file(dir / "out" / "list.docx"));
    auto theirs = unzip(read_file(reference));
    for (const char* part : {"word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "word/numbering.xml", "word/theme/theme1.xml"}) {
        INFO(part);
        CHECK(ours[part] == theirs[part]);
    }
    // Their styles win; ours are added only where theirs lack one the document uses.
    const std::string& styles = ours["word/styles.xml"];
    CHECK(styles.find("w:styleId=\"TitleChar\"") != std::string::npos);
    CHECK(styles.find("<w:color w:val=\"17365D\" w:themeColor=\"text2\" w:themeShade=\"BF\"/>") != std::string::npos);
    CHECK(count(styles, "w:styleId=\"Title\"") == 1);
    CHECK(count(styles, "w:styleId=\"TableText\"") == 1);
    CHECK(count(styles, "w:styleId=\"CoverIssuer\"") == 1);
    CHECK(ours["word/_rels/document.xml.rels"].find("Target=\"footer1.xml\"") != std::string::npos);
    CHECK(ours["word/document.xml"].find("<w:footerReference w:type=\"default\" r:id=\"rId9\"/>") != std::string::npos);
    CHECK(ours["[Content_Types].xml"].find("/word/theme/theme1.xml") != std::string::npos);
    const Document back = read_as("list.docx", read_file(dir / "out" / "list.docx"), "docx");
    const auto report = compare_with_truth(back, corpus("wumachang/truth.json"));
    CHECK_MESSAGE(report.perfect(), report.summary());
    // LibreOffice lays it out as ours: landscape list pages, the text in place, page numbers.
    const fs::path pdf = convert_with_libreoffice(dir / "out" / "list.docx", dir);
    CHECK(run_shell("pdfinfo -f 2 -l 2 " + quote(pdf)).out.find("Page    2 size:  841.") != std::string::npos);
    const std::string page = remove_whitespace(run_shell("pdftotext -f 2 -l 2 " + quote(pdf) + " -").out);
    CHECK(page.find("昌吉州奇台县五马场哈萨克族乡基本履职事项清单") != std::string::npos);
    CHECK(page.find("—1—") != std::string::npos);

    write_file(dir / "not-a-docx.docx", "plain text");
    result = run_dutylist("convert list.json -t docx -o bad --reference-doc not-a-docx.docx", dir.path());
    CHECK(result.exit_code != 0);
    CHECK(result.err.find("the reference document not-a-docx.docx is not a Word document (.docx)") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "bad" / "list.docx"));
    RenderOptions missing;
    missing.reference_doc = (dir / "missing.docx").string();
    CHECK_THROWS_WITH_AS(render_docx(truth_document(), missing), ("the reference document " + missing.reference_doc + ": file not found").c_str(), Error);
}

TEST_CASE("--reference-doc refuses a hostile or damaged document with one line naming it and the reason") {
    TempDir dir;
    write_file(dir / "list.json", document_to_json(truth_document()));
    const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    std::string lol = "<!ENTITY lol0 \"lol\">";
    for (int i = 1; i < 10; ++i) {
        lol += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) lol += "&lol" + std::to_string(i - 1) + ";";
        lol += "\">";
    }
    std::string deep;
    for (int i = 0; i < 300; ++i) deep += "<w:style>";
    for (int i = 0; i < 300; ++i) deep += "</w:style>";
    struct Hostile {
        std::string name, bytes, reason;
    };
    const std::vector<Hostile> hostile = {
        {"entity-bomb.docx",
         reference_with("word/document.xml", "<?xml version=\"1.0\"?><!DOCTYPE w:document [" + lol + "]><w:document " + w +
                                                 "><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"),
         "is unsafe or damaged: its part word/document.xml declares a DTD"},
        {"external-entity.docx",
         reference_with("word/styles.xml", "<?xml version=\"1.0\"?><!DOCTYPE w:styles [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><w:styles " +
                                               w + "><w:style w:styleId=\"&xxe;\"/></w:styles>"),
         "is unsafe or damaged: its part word/styles.xml declares a DTD"},
        {"deep-nesting.docx", reference_with("word/styles.xml", "<w:styles " + w + ">" + deep + "</w:styles>"),
         "is damaged: its part word/styles.xml is not well-formed XML"},
        {"broken-xml.docx", reference_with("word/document.xml", "<w:document " + w + "><w:body><w:p>"),
         "is damaged: its part word/document.xml is not well-formed XML"},
        // 128 MB of spaces in 130 KB, its size declared or not (tests/data/docx/make_docx.py), and
        // no other part: without the package's relationships it is no Word document, and the
        // bomb is never inflated (tests/bad_inputs/reference_docs.py has one in a styles part).
        {"bomb.docx", read_file(source_dir() / "tests/data/docx/bomb.docx"), "is not a Word document (.docx)"},
        {"bomb-lying.docx", read_file(source_dir() / "tests/data/docx/bomb-lying.docx"), "is not a Word document (.docx)"},
        {"bomb-in-styles.docx", reference_with("word/styles.xml", std::string(65u << 20, ' ')),
         "is refused: its part word/styles.xml would inflate to more than 64 MB"},
    };
    const std::string marker = passwd_line();
    REQUIRE(marker.size() > 5);
    for (const auto& h : hostile) {
        CAPTURE(h.name);
        write_file(dir / h.name, h.bytes);
        const fs::path out = dir / ("out-" + h.name);
        const auto result = run_dutylist("convert list.json -t docx -o " + quote(out) + " --reference-doc " + h.name, dir.path());
        CAPTURE(result.err);
        CHECK(result.exit_code == 1);
        CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
        CHECK(result.err.starts_with("dutylist: list.json: the reference document " + h.name + " " + h.reason));
        CHECK(result.err.find(marker) == std::string::npos);
        CHECK_FALSE(fs::exists(out / "list.docx"));
    }
}

TEST_CASE("the README's main command writes all four formats for the bundled sample") {
    TempDir dir;
    const auto result = run_dutylist("convert " + quote(source_dir() / "samples" / "wumachang.pdf") + " -t all -o out", dir.path());
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    for (const char* name : {"wumachang.json", "wumachang.basic.csv", "wumachang.cooperative.csv", "wumachang.withdrawn.csv", "wumachang.html",
                             "wumachang.docx"})
        CHECK_MESSAGE(fs::file_size(dir / "out" / name) > 10000, name);
    const Document from_json = read_file_as(dir / "out" / "wumachang.json", "pdf");
    const Document from_docx = read_file_as(dir / "out" / "wumachang.docx", "docx");
    check_same_content(from_docx, from_json, false);
}
