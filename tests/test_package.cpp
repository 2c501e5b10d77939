// The OOXML package module (src/package/): a write → read round trip, the inflate limits, the
// refusal of DTDs, deep nesting and broken XML, the relationships resolved against their source
// part, the content types, and the copy of nodes between parts. Packages are written here by the
// module's own ZIP writer or taken from tests/data/docx (made by make_docx.py).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/error.hpp"
#include "package/ooxml_names.hpp"
#include "package/ooxml_package.hpp"
#include "package/zip_writer.hpp"
#include "support/paths.hpp"

using namespace dutylist;
using namespace dutylist::package;
using namespace dutylist::test;

namespace {

const std::string what = "the test package";

std::string docx_data(const std::string& name) { return read_file(source_dir() / "tests/data/docx" / name); }

// The message of the Error that `read` throws, or "no error".
template <typename F>
std::string error_of(F read) {
    try {
        read();
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}

std::string nested(int depth) {
    std::string xml;
    for (int i = 0; i < depth; ++i) xml += "<a>";
    for (int i = 0; i < depth; ++i) xml += "</a>";
    return xml;
}

constexpr const char* entity_bomb =
    "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><r>&c;</r>";

}  // namespace

TEST_CASE("a package written is read back part for part, in its order and with the same bytes") {
    const std::string big(300000, 'x');
    const std::vector<ZipEntry> entries = {
        {"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}, {"word/media/big.bin", big}, {"中文/名称.xml", "<r/>"}};
    for (const ZipMethod method : {ZipMethod::deflate, ZipMethod::store}) {
        const std::string zip = write_zip(entries, what, method);
        CHECK(zip.starts_with("PK\x03\x04"));
        CHECK((method == ZipMethod::deflate ? zip.size() < big.size() / 10 : zip.size() > big.size()));
        // The same parts give the same bytes: the timestamps are fixed.
        CHECK(write_zip(entries, what, method) == zip);
        Package package(zip, what);
        CHECK(package.part_names() == std::vector<std::string>{"[Content_Types].xml", "word/document.xml", "word/media/big.bin", "中文/名称.xml"});
        CHECK(package.has("word/document.xml"));
        CHECK_FALSE(package.has("word/styles.xml"));
        CHECK(package.read("word/media/big.bin") == big);
        CHECK(package.read("中文/名称.xml") == "<r/>");
        CHECK_FALSE(package.read("word/styles.xml").has_value());
        CHECK_FALSE(package.read_xml("word/styles.xml").has_value());
        const auto all = package.read_all();
        REQUIRE(all.size() == entries.size());
        for (const auto& entry : entries) CHECK(all.at(entry.path) == entry.bytes);
    }
}

TEST_CASE("inflating stops at the limits for one part and for the whole file") {
    const std::string two_mb(2 << 20, ' '), part(700 << 10, ' ');
    const std::string zip = write_zip({{"a.xml", two_mb}, {"b.xml", part}, {"c.xml", part}}, what);
    PackageLimits limits;
    limits.max_part_bytes = 1 << 20;
    limits.max_total_bytes = 1 << 20;
    Package package(zip, what, limits);
    CHECK(error_of([&] { package.read("a.xml"); }) ==
          "the test package is refused: its part a.xml would inflate to more than 1 MB (a ZIP bomb, or far larger than any real document)");
    CHECK(package.read("b.xml") == part);
    CHECK(error_of([&] { package.read("c.xml"); }).find("its part c.xml would inflate to more than 1 MB") != std::string::npos);

    // 128 MB of spaces in 130 KB: one declares its size (refused before inflating), one 1000 bytes.
    for (const char* bomb : {"bomb.docx", "bomb-lying.docx"}) {
        const std::string bytes = docx_data(bomb);
        Package docx(bytes, "the Word document");
        CHECK(error_of([&] { docx.read("word/document.xml"); }).starts_with("the Word document is refused: its part word/document.xml would inflate to more than 64 MB"));
    }
}

TEST_CASE("a part that declares a DTD is refused, in any encoding and before any entity is read") {
    CHECK(error_of([] { parse_xml(entity_bomb, "word/styles.xml", what); }) ==
          "the test package is unsafe or damaged: its part word/styles.xml declares a DTD");
    for (const char* name : {"entity-bomb.docx", "entity-bomb-utf16.docx", "external-entity.docx"}) {
        CAPTURE(name);
        const std::string bytes = docx_data(name);
        Package package(bytes, "the reference document x.docx");
        const std::string message = error_of([&] { package.read_xml("word/document.xml"); });
        CHECK(message == "the reference document x.docx is unsafe or damaged: its part word/document.xml declares a DTD");
    }
}

TEST_CASE("nesting past libxml2's 256 levels, broken XML and an empty part are refused") {
    CHECK(parse_xml(nested(250), "deep.xml", what).root() != nullptr);
    const std::string deep = error_of([] { parse_xml(nested(300), "deep.xml", what); });
    CHECK(deep.starts_with("the test package is damaged: its part deep.xml is not well-formed XML"));
    CHECK(deep.find("depth") != std::string::npos);
    const std::string bytes = docx_data("broken-xml.docx");
    Package package(bytes, "the Word document");
    CHECK(error_of([&] { package.read_xml("word/document.xml"); }).starts_with("the Word document is damaged: its part word/document.xml is not well-formed XML ("));
    CHECK(error_of([] { parse_xml("", "empty.xml", what); }).starts_with("the test package is damaged: its part empty.xml"));
    CHECK(error_of([] { Package("plain text, no ZIP", what); }) == "the test package is damaged: it is not a readable ZIP package");
}

TEST_CASE("relationships are resolved against their source part; external ones are left out") {
    CHECK(relationships_part_of("word/document.xml") == "word/_rels/document.xml.rels");
    CHECK(relationships_part_of("") == "_rels/.rels");
    CHECK(resolve_target("word/document.xml", "../customXml/item1.xml") == "customXml/item1.xml");
    CHECK(resolve_target("word/document.xml", "./media/../theme/theme1.xml") == "word/theme/theme1.xml");
    CHECK(resolve_target("", "/word/main.xml") == "word/main.xml");

    const std::vector<Relationship> main_rels = {
        {"rId1", rel_styles_strict, "styles.xml", ""},
        {"rId2", rel_numbering, "../shared/numbering.xml", ""},
        {"rId3", "http://example.com/unknown", "/word/other.xml", ""}};
    std::string rels = relationships_xml(main_rels);
    // A hyperlink to a web page: no reader may follow it.
    rels.insert(rels.find("</Relationships>"),
                "<Relationship Id=\"rId4\" Type=\"" + std::string(rel_prefix) + "hyperlink\" Target=\"https://example.com/\" TargetMode=\"External\"/>");
    const std::string package_rels = relationships_xml({{"rId1", rel_office_document, "/word/main.xml", ""}});
    const std::string zip = write_zip({{"_rels/.rels", package_rels}, {"word/_rels/main.xml.rels", rels}, {"word/main.xml", "<r/>"}}, what);
    Package package(zip, what);
    CHECK(package.related_part("", {rel_office_document, rel_office_document_strict}, "word/document.xml") == "word/main.xml");
    const auto read = package.relationships("word/main.xml");
    CHECK(read == std::vector<Relationship>{{"rId1", rel_styles_strict, "styles.xml", "word/styles.xml"},
                                            {"rId2", rel_numbering, "../shared/numbering.xml", "shared/numbering.xml"},
                                            {"rId3", "http://example.com/unknown", "/word/other.xml", "word/other.xml"}});
    CHECK(package.related_part("word/main.xml", {rel_styles, rel_styles_strict}, "word/none.xml") == "word/styles.xml");
    CHECK(package.related_part("word/main.xml", {rel_worksheet}, "xl/sheet.xml") == "xl/sheet.xml");
    CHECK(package.relationships("word/styles.xml").empty());
}

TEST_CASE("content types are written and read back; nodes are copied between parts") {
    const std::string xml = content_types_xml({{"rels", type_relationships}, {"png", "image/png"}},
                                              {{"/word/document.xml", type_docx_main}, {"/a&b.xml", "application/xml"}});
    CHECK(xml.find("PartName=\"/a&amp;b.xml\"") != std::string::npos);
    const ContentTypes types = read_content_types(parse_xml(xml, "[Content_Types].xml", what));
    CHECK(types.defaults == std::map<std::string, std::string>{{"png", "image/png"}, {"rels", type_relationships}});
    CHECK(types.overrides == std::map<std::string, std::string>{{"/a&b.xml", "application/xml"}, {"/word/document.xml", type_docx_main}});

    // Our node in the default namespace lands in theirs, which writes that namespace with a prefix.
    const XmlPart ours = parse_xml("<styles xmlns=\"urn:s\"><style id=\"B\"/></styles>", "ours.xml", what);
    XmlPart theirs = parse_xml("<s:styles xmlns:s=\"urn:s\"><s:style id=\"A\"/></s:styles>", "theirs.xml", what);
    theirs.append_copy(theirs.root(), ours.root(), what);
    const std::string written = theirs.serialize(what);
    CHECK(written.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    CHECK(written.find("<s:style id=\"A\"/><styles xmlns=\"urn:s\"><style id=\"B\"/></styles></s:styles>") != std::string::npos);
    const XmlPart back = parse_xml(written, "theirs.xml", what);
    CHECK(back.root() != nullptr);
}
