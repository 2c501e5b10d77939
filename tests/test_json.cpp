#include <doctest/doctest.h>

#include "extractors/json/json_reader.hpp"
#include "format_registry.hpp"
#include "model/error.hpp"
#include "renderers/json_renderer.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;

namespace {

Document corpus_model() {
    Document d = document_from_truth(corpus("wumachang/truth.json"));
    d.source = {"wumachang.pdf", "pdf", 60, std::string(64, 'a')};
    d.lists[0].items[0].source.pages = {3};
    d.lists[0].items[0].source.boxes = {{3, 56.7, 80.12, 538.6, 160.5}};
    d.lists[0].notes = {"注：本清单随法律法规调整动态更新。"};
    return d;
}

Document read(const std::string& json_text) { return read_document({"test.json", json_text}, {}); }

}  // namespace

TEST_CASE("JSON write, read, write gives the same JSON and the same model") {
    const Document original = corpus_model();
    const std::string first = document_to_json(original);
    const Document back = read(first);
    CHECK(back.lists == original.lists);
    CHECK(back.source == original.source);
    CHECK(back.issuer == original.issuer);
    CHECK(back.date_iso == "2025-07");
    CHECK(document_to_json(back) == first);
    CHECK(compare_with_truth(back, corpus("wumachang/truth.json")).perfect());
}

TEST_CASE("JSON keys items by column key, joins paragraphs and derives departments") {
    const std::string json = document_to_json(corpus_model());
    CHECK(json.find("\"schema\": \"dutylist/2\"") != std::string::npos);
    CHECK(json.find("{\n     \"key\": \"township_duties\",\n     \"label\": \"乡镇配合职责\"\n    }") != std::string::npos);
    CHECK(json.find("\"departments_list\": [\n      \"奇台县委组织部\"\n     ]") != std::string::npos);
    CHECK(json.find("\"receiver\": \"奇台县民政局：\\n对违规领取高龄津贴的追缴。\"") != std::string::npos);
}

TEST_CASE("column keys never meet an item's provenance or derived fields") {
    Document d = corpus_model();
    DutyList& list = d.lists[0];
    REQUIRE(list.columns.size() >= 3);
    list.columns[0].key = "source";
    list.columns[1].key = "departments_list";
    list.columns[2].key = "values";
    for (auto& item : list.items) item.values.at(0) = {"第一段", "第二段"};
    const std::string first = document_to_json(d);
    const Document back = read(first);
    CHECK(back.lists == d.lists);
    CHECK(back.lists[0].items[0].source.pages == std::vector<int>{3});
    CHECK(document_to_json(back) == first);
}

TEST_CASE("a JSON file with two columns of one key is refused, not shown with one column's text twice") {
    const std::string twice = R"({"schema": "dutylist/2", "issuer": "", "title": "t", "date": "", "lists": [{"kind": "basic",
        "title": "t", "columns": [{"key": "name", "label": "事项名称"}, {"key": "name", "label": "备注"}],
        "items": [{"values": {"name": "a"}, "source": {}}], "notes": []}]})";
    CHECK_THROWS_WITH_AS(read(twice), doctest::Contains("two columns of list 1 have the key \"name\""), Error);
}

TEST_CASE("a value under no column's key, a key given twice, or a key dutylist never writes, is refused rather than lost") {
    const std::string head = R"({"schema": "dutylist/2", "issuer": "", "title": "t", "date": "", "lists": [{"kind": "basic",
        "title": "t", "columns": [{"key": "KEY", "label": "事项名称"}], "items": [{"values": VALUES, "source": {}}], "notes": []}]})";
    auto file = [&](const std::string& key, const std::string& values) {
        std::string text = head;
        text.replace(text.find("KEY"), 3, key);
        return text.replace(text.find("VALUES"), 6, values);
    };
    CHECK(read(file("name", R"({"name": "a"})")).lists.at(0).items.at(0).values.at(0) == std::vector<std::string>{"a"});
    CHECK_THROWS_WITH_AS(read(file("name", R"({"name": "a", "remarks": "lost"})")),
                         doctest::Contains("a value under \"remarks\", which is no column of the list"), Error);
    // A key twice in one object: the library would keep one value and lose the other.
    CHECK_THROWS_WITH_AS(read(file("name", R"({"name": "kept", "name": "lost"})")),
                         doctest::Contains("the key \"name\" is given twice in one object"), Error);
    CHECK_THROWS_WITH_AS(read(R"({"schema": "dutylist/2", "issuer": "甲", "issuer": "乙", "title": "t", "date": "", "lists": []})"),
                         doctest::Contains("\"issuer\" is given twice"), Error);
    for (const std::string key : {"", "Name", "2nd", "a b", "名称"}) {
        CAPTURE(key);
        CHECK_THROWS_WITH_AS(read(file(key, "{}")), doctest::Contains("has the key"), Error);
    }
}

TEST_CASE("dutylist/1 files are still read, their column values beside the item's source") {
    const std::string old = R"({"schema": "dutylist/1", "issuer": "", "title": "t", "date": "", "lists": [{"kind": "basic",
        "title": "t", "columns": [{"key": "seq", "label": "序号"}, {"key": "name", "label": "事项名称"}],
        "items": [{"seq": "1", "name": "甲\n乙", "source": {"table": 1, "row": 2}}], "notes": []}]})";
    const Document d = read(old);
    REQUIRE(d.lists.size() == 1);
    CHECK(d.lists[0].items.at(0).values == std::vector<Paragraphs>{{"1"}, {"甲", "乙"}});
    CHECK(d.lists[0].items[0].source.row == 2);
    CHECK(document_to_json(d).find("\"values\": {\n      \"seq\": \"1\"") != std::string::npos);
}

TEST_CASE("our JSON validates against the published schema") {
    TempDir tmp;
    write_file(tmp / "list.json", document_to_json(corpus_model()));
    auto r = run_shell("/usr/bin/python3 " + quote(source_dir() / "tests/validate_schema.py") + " " +
                       quote(source_dir() / "docs/dutylist.schema.json") + " " + quote(tmp / "list.json"));
    INFO(r.out, r.err);
    CHECK(r.exit_code == 0);
}

TEST_CASE("the schema rejects what is not ours") {
    TempDir tmp;
    write_file(tmp / "bad.json", R"({"schema": "dutylist/2", "issuer": "", "title": "", "date": "", "date_iso": "July",
        "source": {"file": "", "format": "pdf", "pages": 1, "sha256": ""}, "lists": []})");
    auto r = run_shell("/usr/bin/python3 " + quote(source_dir() / "tests/validate_schema.py") + " " +
                       quote(source_dir() / "docs/dutylist.schema.json") + " " + quote(tmp / "bad.json"));
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("date_iso") != std::string::npos);
}

TEST_CASE("JSON that is not ours is refused with a clear reason") {
    CHECK_THROWS_WITH_AS(read("{\"a\": 1}"), doctest::Contains("not one written by dutylist"), Error);
    CHECK_THROWS_WITH_AS(read("{\"schema\": \"dutylist/9\"}"), doctest::Contains("unsupported version"), Error);
    CHECK_THROWS_WITH_AS(read("{\"schema\": \"dutylist/1\", "), doctest::Contains("syntax error"), Error);
    CHECK_THROWS_WITH_AS(read("{\"schema\": \"dutylist/1\", \"issuer\": 5}"), doctest::Contains("not a string"), Error);
    CHECK_THROWS_WITH_AS(read("{\"x\": \"\xC3\"}"), doctest::Contains("UTF-8"), Error);
    std::string deep = "{\"a\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
    CHECK_THROWS_WITH_AS(read(deep), doctest::Contains("nested"), Error);
    std::string wrong_kind = document_to_json(corpus_model());
    wrong_kind.replace(wrong_kind.find("\"basic\""), 7, "\"basik\"");
    CHECK_THROWS_WITH_AS(read(wrong_kind), doctest::Contains("basik"), Error);
}

TEST_CASE("input formats are recognised by content, not by name") {
    CHECK(sniff_json("\xEF\xBB\xBF  {\"schema\": 1}"));
    CHECK_FALSE(sniff_json("[1, 2]"));
    CHECK_THROWS_WITH_AS(read_document({"x.pdf", "\x89PNG\r\n\x1a\n...."}, {}), doctest::Contains("PNG image"), Error);
    CHECK_THROWS_WITH_AS(read_document({"x.docx", "<!DOCTYPE html><html></html>"}, {}), doctest::Contains("web page (HTML)"), Error);
    CHECK_THROWS_WITH_AS(read_document({"x.pdf", ""}, {}), doctest::Contains("empty"), Error);
}

TEST_CASE("numbers out of range are refused, never written back wrapped around") {
    const std::string head = R"({"schema": "dutylist/2", "issuer": "", "title": "t", "date": "", )";
    const std::string list_with = R"("lists": [{"kind": "basic", "title": "t", "columns": [{"key": "name", "label": "事项名称"}],
        "items": [{"values": {"name": "a"}, "source": SOURCE}], "notes": []}]})";
    auto with_source = [&](const std::string& source) {
        std::string text = head + list_with;
        return text.replace(text.find("SOURCE"), 6, source);
    };
    CHECK_THROWS_WITH_AS(read(head + R"("source": {"file": "", "format": "pdf", "pages": 1e300, "sha256": ""}, "lists": []})"),
                         doctest::Contains("\"pages\" of the document's source is 1e+300, not a whole number"), Error);
    CHECK_THROWS_WITH_AS(read(head + R"("source": {"pages": -1}, "lists": []})"), doctest::Contains("not a whole number"), Error);
    CHECK_THROWS_WITH_AS(read(with_source(R"({"pages": [4294967297]})")), doctest::Contains("a page number"), Error);
    CHECK_THROWS_WITH_AS(read(with_source(R"({"row": 18446744073709551615})")), doctest::Contains("\"row\""), Error);
    CHECK_THROWS_WITH_AS(read(with_source(R"({"table": 2.5})")), doctest::Contains("\"table\""), Error);
    CHECK_THROWS_WITH_AS(read(with_source(R"({"boxes": [{"page": 1, "x0": 1e300}]})")), doctest::Contains("not a position"), Error);
    // Beyond what a double holds: the reason in plain words, not the JSON library's.
    const std::string overflow = head + R"("source": {"pages": 1e400}, "lists": []})";
    CHECK_THROWS_WITH_AS(read(overflow), doctest::Contains("a number is too large to be read"), Error);
    CHECK_THROWS_WITH_AS(read(head + R"("date_iso": 5, "lists": []})"), "not a valid dutylist JSON file: type must be string, but is number",
                         Error);
    const Document fits = read(with_source(R"({"pages": [2147483647], "row": 3.0})"));
    CHECK(fits.lists.at(0).items.at(0).source.pages == std::vector<int>{2147483647});
    CHECK(fits.lists[0].items[0].source.row == 3);
}

TEST_CASE("control characters of a document reach no renderer: NUL and ESC are dropped on reading") {
    const std::string text = R"({"schema": "dutylist/2", "issuer": "乡\u001b]0;x\u0007", "title": "t", "date": "", "lists": [{"kind": "basic",
        "title": "t\u0000", "columns": [{"key": "name", "label": "事项\u009b名称"}],
        "items": [{"values": {"name": "甲\u0000乙\u001b[2J\n丙"}, "source": {}}], "notes": ["注\u0001"]}]})";
    const Document d = read(text);
    CHECK(d.issuer == "乡]0;x");
    CHECK(d.lists.at(0).title == "t");
    CHECK(d.lists[0].columns.at(0).label == "事项名称");
    CHECK(d.lists[0].items.at(0).values.at(0) == Paragraphs{"甲乙[2J", "丙"});
    CHECK(d.lists[0].notes == std::vector<std::string>{"注"});
    for (const auto& name : {"csv", "html"}) {
        CAPTURE(name);
        for (const auto& out : find_writer(name)->per_input()->render(d, {})) {
            CHECK(out.bytes.find('\0') == std::string::npos);
            CHECK(out.bytes.find('\x1b') == std::string::npos);
        }
    }
}
