#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "format_registry.hpp"
#include "renderers/json_renderer.hpp"
#include "renderers/jsonl_renderer.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;
namespace fs = std::filesystem;

namespace {

std::vector<nlohmann::json> jsonl_lines(const std::string& text) {
    std::vector<nlohmann::json> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
    return out;
}

// Every regular file under dir, relative to it, sorted.
std::vector<std::string> files_under(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out.push_back(e.path().lexically_relative(dir).string());
    std::sort(out.begin(), out.end());
    return out;
}

std::string corpus_json() { return document_to_json(document_from_truth(corpus("wumachang/truth.json"))); }

}  // namespace

TEST_CASE("a folder of the corpus and two broken files: three converted, two named, exit 1, 720 lines") {
    TempDir dir;
    fs::create_directories(dir / "in/merged");
    fs::copy_file(corpus("wumachang/wumachang.docx"), dir / "in/wumachang.docx");
    fs::copy_file(corpus("wumachang/wumachang.pdf"), dir / "in/wumachang.pdf");
    fs::copy_file(corpus("wumachang/merged/wumachang-merged.docx"), dir / "in/merged/wumachang-merged.docx");
    write_file(dir / "in/scan.pdf", "\x89PNG\r\n\x1a\n not a list");
    write_file(dir / "in/merged/cut.docx", read_file(corpus("wumachang/wumachang.docx")).substr(0, 4000));

    auto r = run_dutylist("convert in -t json,jsonl -o out", dir.path());
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("dutylist: in/scan.pdf: ") != std::string::npos);
    CHECK(r.err.find("dutylist: in/merged/cut.docx: ") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 2);
    // The DOCX and PDF share a stem, so both keep their extension; the merged one keeps its folder.
    CHECK(files_under(dir / "out") ==
          std::vector<std::string>{"items.jsonl", "merged/wumachang-merged.json", "wumachang.docx.json", "wumachang.pdf.json"});

    const auto lines = jsonl_lines(read_file(dir / "out/items.jsonl"));
    CHECK(lines.size() == 720);
    std::map<std::string, int> per_input_and_kind;
    for (const auto& line : lines) per_input_and_kind[line["input"].get<std::string>() + " " + line["list_kind"].get<std::string>()]++;
    for (const char* input : {"in/merged/wumachang-merged.docx", "in/wumachang.docx", "in/wumachang.pdf"}) {
        CHECK(per_input_and_kind[std::string(input) + " basic"] == 105);
        CHECK(per_input_and_kind[std::string(input) + " cooperative"] == 98);
        CHECK(per_input_and_kind[std::string(input) + " withdrawn"] == 37);
    }
    const auto& first = lines.at(0);
    CHECK(first["input"] == "in/merged/wumachang-merged.docx");
    CHECK(first["source_file"] == "wumachang-merged.docx");
    CHECK(first["doc_issuer"] == "新疆维吾尔自治区昌吉回族自治州奇台县五马场哈萨克族乡");
    CHECK(first["doc_date"] == "2025年7月");
    CHECK(first["list_title"] == "昌吉州奇台县五马场哈萨克族乡基本履职事项清单");
    CHECK(first["row"] == 1);
    CHECK(first["seq"] == "1");
    CHECK(first["category"] == "党的建设");
    const auto& coop = lines.at(105);
    CHECK(coop["list_kind"] == "cooperative");
    CHECK(coop["departments"] == "奇台县委组织部");
    CHECK(coop["departments_list"] == nlohmann::json::array({"奇台县委组织部"}));
}

TEST_CASE("inputs with one stem never overwrite each other") {
    TempDir dir;
    const std::string json = corpus_json();
    fs::create_directories(dir / "in/a");
    fs::create_directories(dir / "in/b");
    fs::create_directories(dir / "other");
    write_file(dir / "in/a/清单.json", json);
    write_file(dir / "in/b/清单.json", json);
    write_file(dir / "in/清单.json", json);
    write_file(dir / "in/清单.docx", json);  // read by its content, whatever it is called
    write_file(dir / "other/清单.json", json);
    auto r = run_dutylist("convert in other -t json -o out -j 2", dir.path());
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(files_under(dir / "out") ==
          std::vector<std::string>{"a/清单.json", "b/清单.json", "清单.docx.json", "清单.json-2.json", "清单.json.json"});
}

TEST_CASE("a folder walk skips hidden files, other file types and the output folder") {
    TempDir dir;
    const std::string json = corpus_json();
    fs::create_directories(dir / "in/.cache");
    write_file(dir / "in/.cache/old.json", "{broken");
    write_file(dir / "in/notes.txt", "not a list");
    write_file(dir / "in/photo.PNG", "\x89PNG");
    write_file(dir / "in/清单.JSON", json);
    auto first = run_dutylist("convert in -t json,csv -o in/out", dir.path());
    CHECK(first.exit_code == 0);
    CHECK(first.err.empty());
    auto second = run_dutylist("convert in -t json -o in/out", dir.path());
    CHECK(second.exit_code == 0);
    CHECK(files_under(dir / "in/out") ==
          std::vector<std::string>{"清单.basic.csv", "清单.cooperative.csv", "清单.json", "清单.withdrawn.csv"});
    // A file named on the command line is read whatever its name.
    write_file(dir / "list.txt", json);
    auto named = run_dutylist("convert list.txt -o out", dir.path());
    CHECK(named.exit_code == 0);
    CHECK(fs::exists(dir / "out/list.json"));
}

TEST_CASE("an empty folder and a missing input are failures; the others are still converted") {
    TempDir dir;
    fs::create_directories(dir / "empty");
    write_file(dir / "good.json", corpus_json());
    auto r = run_dutylist("convert empty good.json nowhere.pdf -o out", dir.path());
    CHECK(r.exit_code == 1);
    // Every extension of the readers' registry is named.
    CHECK(r.err.find("dutylist: empty: is a folder with no file called " + dutylist::reader_extension_patterns() + " in it\n") !=
          std::string::npos);
    for (const char* pattern : {"*.xlsx, ", "*.docx, ", "*.pdf, ", "*.doc, ", "*.xls, ", "*.odt, ", "*.json, ", " or *.shtml"})
        CHECK_MESSAGE(dutylist::reader_extension_patterns().find(pattern) != std::string::npos, pattern);
    CHECK(r.err.find("dutylist: nowhere.pdf: file not found\n") != std::string::npos);
    CHECK(fs::exists(dir / "out/good.json"));
}

TEST_CASE("jsonl is the same whatever the number of jobs, and goes to standard output under -o -") {
    TempDir dir;
    const std::string json = corpus_json();
    fs::create_directories(dir / "in");
    for (int i = 0; i < 12; ++i) write_file(dir / ("in/list" + std::to_string(i) + ".json"), json);
    auto one = run_dutylist("convert in -t jsonl -o one -j 1", dir.path());
    auto two = run_dutylist("convert in -t jsonl -o two -j 2", dir.path());
    REQUIRE(one.exit_code == 0);
    REQUIRE(two.exit_code == 0);
    const std::string dataset = read_file(dir / "one/items.jsonl");
    CHECK(dataset == read_file(dir / "two/items.jsonl"));
    CHECK(jsonl_lines(dataset).size() == 12 * 240);
    CHECK(files_under(dir / "two") == std::vector<std::string>{"items.jsonl"});
    auto piped = run_dutylist("convert in -t jsonl -o -", dir.path());
    CHECK(piped.exit_code == 0);
    CHECK(piped.out == dataset);
    auto refused = run_dutylist("convert in -t json -o -", dir.path());
    CHECK(refused.exit_code == 2);
    auto mixed = run_dutylist("convert in/list0.json -t json,jsonl -o -", dir.path());
    CHECK(mixed.exit_code == 2);
    CHECK(mixed.out.empty());
}

TEST_CASE("the dataset keeps input order when files finish out of order and some fail") {
    TempDir dir;
    fs::create_directories(dir / "in");
    // A large input first and small ones after it: under -j 2 the small ones finish first and
    // wait for it; broken ones among them add no lines.
    Document large = document_from_truth(corpus("wumachang/truth.json"));
    Document small = large;
    for (auto& list : small.lists) list.items.resize(2);
    std::vector<std::string> expected;
    for (int i = 0; i < 9; ++i) {
        const std::string name = "in/list" + std::to_string(i) + ".json";
        if (i % 3 == 2) {
            write_file(dir / name, "{broken");
            continue;
        }
        write_file(dir / name, document_to_json(i == 0 ? large : small));
        expected.push_back(document_to_jsonl(i == 0 ? large : small, (fs::path("in") / ("list" + std::to_string(i) + ".json")).string()));
    }
    auto two = run_dutylist("convert in -t jsonl -o out -j 2", dir.path());
    CHECK(two.exit_code == 1);
    std::string concatenated;
    for (const auto& lines : expected) concatenated += lines;
    CHECK(read_file(dir / "out/items.jsonl") == concatenated);
    CHECK(files_under(dir / "out") == std::vector<std::string>{"items.jsonl"});
}

TEST_CASE("no dataset, and no temporary file, when every input failed") {
    TempDir dir;
    fs::create_directories(dir / "in");
    write_file(dir / "in/a.json", "{broken");
    write_file(dir / "in/b.pdf", "%PDF-1.4 cut");
    auto run = run_dutylist("convert in -t json,jsonl -o out -j 2", dir.path());
    CHECK(run.exit_code == 1);
    CHECK(fs::is_directory(dir / "out"));
    CHECK(files_under(dir / "out").empty());
    CHECK(fs::is_empty(dir / "out"));
}

TEST_CASE("PDFs and DOCX read on two threads at once give what one thread gives") {
    TempDir dir;
    fs::create_directories(dir / "in");
    for (int i = 0; i < 3; ++i) {
        fs::copy_file(corpus("wumachang/wumachang.pdf"), dir / ("in/p" + std::to_string(i) + ".pdf"));
        fs::copy_file(corpus("wumachang/wumachang.docx"), dir / ("in/d" + std::to_string(i) + ".docx"));
    }
    auto one = run_dutylist("convert in -t jsonl -o one -j 1", dir.path());
    auto two = run_dutylist("convert in -t jsonl -o two -j 2", dir.path());
    REQUIRE(one.exit_code == 0);
    REQUIRE(two.exit_code == 0);
    const std::string dataset = read_file(dir / "one/items.jsonl");
    CHECK(jsonl_lines(dataset).size() == 6 * 240);
    CHECK(dataset == read_file(dir / "two/items.jsonl"));
}

TEST_CASE("a link from inside a folder back to it does not loop") {
    TempDir dir;
    fs::create_directories(dir / "in/sub");
    write_file(dir / "in/sub/清单.json", corpus_json());
    fs::create_directory_symlink("..", dir / "in/sub/up");
    auto r = run_dutylist("convert in -o out", dir.path());
    CHECK(r.exit_code == 0);
    CHECK(files_under(dir / "out") == std::vector<std::string>{"sub/清单.json"});
}

TEST_CASE("a jsonl line is flat, and a cell named like a document field is prefixed") {
    Document doc;
    doc.issuer = "某县某乡";
    doc.title = "履职事项清单";
    doc.source = {"a.pdf", "pdf", 2, "ab"};
    DutyList list;
    list.kind = ListKind::cooperative;
    list.title = "配合履职事项清单";
    list.columns = {{"seq", "序号"}, {"departments", "对应上级部门"}, {"row", "Row"}};
    list.items.push_back({{{"1"}, {"县民政局、县财政局"}, {"x", "y"}}, {}});
    doc.lists.push_back(list);
    const auto lines = jsonl_lines(document_to_jsonl(doc, "in/a.pdf"));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == nlohmann::json::parse(R"({"input": "in/a.pdf", "source_file": "a.pdf", "source_format": "pdf",
        "source_sha256": "ab", "doc_issuer": "某县某乡", "doc_title": "履职事项清单", "doc_date": "", "doc_date_iso": "",
        "list_kind": "cooperative", "list_title": "配合履职事项清单", "row": 1, "seq": "1", "departments": "县民政局、县财政局",
        "departments_list": ["县民政局", "县财政局"], "item_row": "x\ny"})"));
}

TEST_CASE("a jsonl record gives every column a field of its own, whatever the columns are called") {
    Document d;
    DutyList list;
    list.kind = ListKind::basic;
    list.columns = {{"row", "行"}, {"item_row", "条目行"}, {"departments_list", "部门列表"}, {"departments", "对应上级部门"}};
    list.items.push_back({{{"a"}, {"b"}, {"c"}, {"县委组织部、县民政局"}}, {}});
    d.lists.push_back(list);
    const auto lines = jsonl_lines(document_to_jsonl(d, "in.json"));
    REQUIRE(lines.size() == 1);
    const nlohmann::json& line = lines[0];
    CHECK(line["row"] == 1);
    CHECK(line["item_row"] == "a");
    CHECK(line["item_item_row"] == "b");
    CHECK(line["item_departments_list"] == "c");
    CHECK(line["departments"] == "县委组织部、县民政局");
    CHECK(line["departments_list"] == nlohmann::json::array({"县委组织部", "县民政局"}));
}
