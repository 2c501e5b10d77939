#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "format_registry.hpp"
#include "model/columns.hpp"
#include "renderers/json_renderer.hpp"
#include "review/validate.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;
using review::Finding;
using review::Severity;

namespace {

Document corpus_document() { return document_from_truth(corpus("wumachang/truth.json")); }

void set_cell(DutyList& list, size_t row, const std::string& key, Paragraphs value) {
    list.items.at(row).values.at(static_cast<size_t>(column_index(list, key))) = std::move(value);
}

std::vector<std::string> codes(const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const auto& f : findings) out.push_back(f.list + " " + f.seq + " " + f.code);
    return out;
}

bool reader_registered(std::string_view name) {
    return std::any_of(readers().begin(), readers().end(), [&](const Reader& r) { return r.name == name; });
}

}  // namespace

TEST_CASE("the corpus list has no findings") {
    const auto findings = review::validate(corpus_document());
    CHECK_MESSAGE(findings.empty(), codes(findings).size(), " findings, the first: ", findings.empty() ? "" : findings[0].message);
    CHECK_FALSE(review::has_errors(findings));
}

TEST_CASE("a planted gap, duplicate 序号 and empty name are found, and nothing else") {
    Document doc = corpus_document();
    DutyList& basic = doc.lists.at(0);
    basic.items.erase(basic.items.begin() + 4);  // 序号 5 gone: rows now read 4, 6
    set_cell(basic, 9, "seq", {"10"});           // row 10 held 11: 10 twice, then 11 missing
    set_cell(basic, 29, "name", {});             // 序号 31 without a name
    const auto findings = review::validate(doc);
    CHECK(codes(findings) == std::vector<std::string>{"basic 6 seq-gap", "basic 10 seq-duplicate", "basic 12 seq-gap", "basic 31 empty-name"});
    CHECK(review::has_errors(findings));
    for (const auto& f : findings) CHECK(f.severity == Severity::error);
    CHECK(findings[0].message.find("序号 5 is missing") != std::string::npos);
    CHECK(findings[1].message.find("rows 9 and 10") != std::string::npos);
}

TEST_CASE("a name in two lists, a shifted row and an unknown column") {
    Document doc = corpus_document();
    DutyList& basic = doc.lists.at(0);
    DutyList& withdrawn = doc.lists.at(2);
    set_cell(withdrawn, 3, "name", basic.items[7].values[static_cast<size_t>(column_index(basic, "name"))]);
    // Cells slid one column to the right: 序号 empty, the number under 事项类别.
    Item& shifted = basic.items[20];
    shifted.values = {{}, {"21"}, {"党的建设"}};
    basic.columns.push_back({"ze_ren_ren", "责任人"});
    for (auto& item : basic.items) item.values.push_back({"张三"});
    const auto findings = review::validate(doc);
    CHECK(codes(findings) == std::vector<std::string>{"basic  unknown-column", "basic row 21 shifted-row", "withdrawn 4 name-in-two-lists"});
    CHECK(findings[0].severity == Severity::warning);
    CHECK(findings[2].message.find("item 8 of the 基本履职事项清单") != std::string::npos);
}

TEST_CASE("a name listed twice in one list, and a 序号 that is not a number") {
    Document doc = corpus_document();
    DutyList& basic = doc.lists.at(0);
    set_cell(basic, 40, "name", basic.items[2].values[static_cast<size_t>(column_index(basic, "name"))]);
    set_cell(basic, 50, "seq", {"五十一"});
    const auto findings = review::validate(doc);
    CHECK(codes(findings) == std::vector<std::string>{"basic 41 duplicate-name", "basic 五十一 seq-not-number"});
    CHECK(findings[0].message == "the 事项名称 of row 41 is also the name of row 3 (序号 3)");
}

TEST_CASE("a cooperative row whose duties slid under 对应上级部门 is shifted") {
    Document doc = corpus_document();
    DutyList& coop = doc.lists.at(1);
    Item& item = coop.items[4];
    const size_t departments = static_cast<size_t>(column_index(coop, "departments"));
    item.values[departments] = item.values[departments + 1];
    item.values[departments + 1] = item.values[departments + 2];
    item.values[departments + 2] = {};
    const auto findings = review::validate(doc);
    REQUIRE(findings.size() == 2);
    CHECK(codes(findings)[0] == "cooperative 5 shifted-row");
    CHECK(codes(findings)[1] == "cooperative 5 empty-cell");
}

TEST_CASE("validate on the command line: text by default, JSON findings, exit codes") {
    TempDir dir;
    Document doc = corpus_document();
    write_file(dir / "good.json", document_to_json(doc));
    auto good = run_dutylist("validate good.json", dir.path());
    CHECK(good.exit_code == 0);
    CHECK(good.out == "good.json: 3 lists, 240 items: no findings; read: 240 from the text\n");

    DutyList& basic = doc.lists.at(0);
    basic.items.erase(basic.items.begin() + 4);
    set_cell(basic, 29, "name", {});
    write_file(dir / "bad.json", document_to_json(doc));
    auto text = run_dutylist("validate bad.json", dir.path());
    CHECK(text.exit_code == 1);
    CHECK(text.out.find("basic 序号 6: error: 序号 5 is missing") != std::string::npos);
    CHECK(text.out.find("2 errors, 0 warnings") != std::string::npos);

    auto json = run_dutylist("validate bad.json --format json", dir.path());
    CHECK(json.exit_code == 1);
    const auto parsed = nlohmann::json::parse(json.out);
    REQUIRE(parsed["findings"].size() == 2);
    CHECK(parsed["findings"][0] == nlohmann::json{{"file", "bad.json"}, {"list", "basic"}, {"seq", "6"}, {"severity", "error"},
                                                  {"code", "seq-gap"}, {"message", "序号 5 is missing (row 5 has 6)"}});
    CHECK(parsed["files"] == nlohmann::json::parse(R"([{"file": "bad.json", "lists": 3, "items": 239, "errors": 2, "warnings": 0,
        "read": {"text": 239, "repaired": 0, "ocr": 0, "low_confidence": 0}}])"));
    CHECK(run_dutylist("validate bad.json -t json", dir.path()).out == json.out);
    CHECK(parsed["findings"][1]["code"] == "empty-name");

    auto broken = run_dutylist("validate missing.pdf", dir.path());
    CHECK(broken.exit_code == 1);
    CHECK(broken.err == "dutylist: missing.pdf: file not found\n");
}

TEST_CASE("the corpus PDF and DOCX validate without errors once their readers are registered") {
    for (const char* file : {"wumachang/wumachang.pdf", "wumachang/wumachang.docx", "wumachang/merged/wumachang-merged.docx"}) {
        const std::string format = std::filesystem::path(file).extension().string().substr(1);
        if (!reader_registered(format)) {
            MESSAGE("no ", format, " reader registered yet: ", std::string(file), " not checked");
            continue;
        }
        InputFile input{file, read_file(corpus(file))};
        const auto findings = review::validate(read_document(input, {}));
        CHECK_MESSAGE(!review::has_errors(findings), std::string(file), ": ", codes(findings).size(), " findings");
    }
}

TEST_CASE("validate takes several files and folders: a line per file, exit 1 when any fails") {
    TempDir dir;
    Document doc = corpus_document();
    std::filesystem::create_directories(dir / "lists/sub");
    write_file(dir / "lists/good.json", document_to_json(doc));
    write_file(dir / "lists/notes.txt", "不是清单\n");  // in a folder: skipped, as convert does
    doc.lists.at(0).items.erase(doc.lists.at(0).items.begin() + 4);
    write_file(dir / "lists/sub/bad.json", document_to_json(doc));
    write_file(dir / "alone.json", document_to_json(corpus_document()));

    const auto good = run_dutylist("validate lists/good.json alone.json", dir.path());
    CHECK(good.exit_code == 0);
    CHECK(good.out == "lists/good.json: 3 lists, 240 items: no findings; read: 240 from the text\n"
                      "alone.json: 3 lists, 240 items: no findings; read: 240 from the text\n");

    const auto mixed = run_dutylist("validate lists alone.json missing.pdf", dir.path());
    CHECK(mixed.exit_code == 1);
    CHECK(mixed.out == "lists/good.json: 3 lists, 240 items: no findings; read: 240 from the text\n"
                       "lists/sub/bad.json: 3 lists, 239 items: 1 error, 0 warnings; read: 239 from the text\n"
                       "alone.json: 3 lists, 240 items: no findings; read: 240 from the text\n");
    CHECK(mixed.err == "dutylist: missing.pdf: file not found\n");

    const auto json = run_dutylist("validate lists missing.pdf -t json", dir.path());
    CHECK(json.exit_code == 1);
    const auto parsed = nlohmann::json::parse(json.out);
    REQUIRE(parsed["files"].size() == 3);
    CHECK(parsed["files"][1]["file"] == "lists/sub/bad.json");
    CHECK(parsed["files"][1]["errors"] == 1);
    CHECK(parsed["files"][2] == nlohmann::json{{"file", "missing.pdf"}, {"error", "file not found"}});
    REQUIRE(parsed["findings"].size() == 1);
    CHECK(parsed["findings"][0]["file"] == "lists/sub/bad.json");
    CHECK(parsed["findings"][0]["code"] == "seq-gap");

    std::filesystem::create_directories(dir / "empty");
    const auto empty = run_dutylist("validate empty", dir.path());
    CHECK(empty.exit_code == 1);
    CHECK(empty.err.find("dutylist: empty: is a folder with no file called") != std::string::npos);
}
