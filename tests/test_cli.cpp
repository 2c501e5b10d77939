// The command-line contract: output names, exit codes, one-line errors, no partial files.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "renderers/json_renderer.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;
namespace fs = std::filesystem;

namespace {

std::string corpus_json() { return document_to_json(document_from_truth(corpus("wumachang/truth.json"))); }

size_t count_lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

std::vector<std::string> files_in(const fs::path& dir) {
    std::vector<std::string> names;
    if (!fs::exists(dir)) return names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("convert names outputs after the input's stem in the output folder") {
    TempDir tmp;
    write_file(tmp / "清单 2025.json", corpus_json());
    auto r = run_dutylist("convert '清单 2025.json' -t json -o out", tmp.path());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(files_in(tmp / "out") == std::vector<std::string>{"清单 2025.json"});
    CHECK(read_file(tmp / "out" / "清单 2025.json") == corpus_json());
}

TEST_CASE("the input format is detected from the content, not the extension") {
    TempDir tmp;
    write_file(tmp / "list.pdf", corpus_json());
    write_file(tmp / "noextension", corpus_json());
    auto r = run_dutylist("convert list.pdf noextension -o out", tmp.path());
    CHECK(r.exit_code == 0);
    CHECK(files_in(tmp / "out") == std::vector<std::string>{"list.json", "noextension.json"});
}

TEST_CASE("- reads standard input and -o - writes standard output") {
    TempDir tmp;
    write_file(tmp / "in.json", corpus_json());
    auto r = run_dutylist("convert - -t json -o -", tmp.path(), (tmp / "in.json").string());
    CHECK(r.exit_code == 0);
    CHECK(r.out == corpus_json());
    CHECK(r.err.empty());
    CHECK(files_in(tmp.path()) == std::vector<std::string>{"in.json"});
}

TEST_CASE("a missing input gives exit 1, one line naming it, and no output") {
    TempDir tmp;
    auto r = run_dutylist("convert missing.pdf -t json -o out", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(count_lines(r.err) == 1);
    CHECK(r.err == "dutylist: missing.pdf: file not found\n");
    CHECK(files_in(tmp / "out").empty());
}

TEST_CASE("unreadable inputs give exit 1 with a reason in words") {
    TempDir tmp;
    fs::create_directory(tmp / "folder.pdf");
    write_file(tmp / "picture.pdf", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write_file(tmp / "empty.docx", "");
    for (auto [name, reason] : {std::pair{"folder.pdf", "is a folder"}, std::pair{"picture.pdf", "PNG image"},
                                std::pair{"empty.docx", "empty"}}) {
        auto r = run_dutylist(std::string("convert ") + name + " -o out", tmp.path());
        CHECK(r.exit_code == 1);
        CHECK(count_lines(r.err) == 1);
        CHECK(r.err.find(name) != std::string::npos);
        CHECK(r.err.find(reason) != std::string::npos);
        CHECK(files_in(tmp / "out").empty());
    }
}

TEST_CASE("one bad input among good ones: the good ones convert, exit 1") {
    TempDir tmp;
    write_file(tmp / "good.json", corpus_json());
    write_file(tmp / "bad.json", "{\"schema\": \"dutylist/1\", \"lists\": [");
    auto r = run_dutylist("convert bad.json good.json -o out", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(count_lines(r.err) == 1);
    CHECK(r.err.find("bad.json") != std::string::npos);
    CHECK(files_in(tmp / "out") == std::vector<std::string>{"good.json"});
}

TEST_CASE("usage errors give exit 2") {
    TempDir tmp;
    write_file(tmp / "in.json", corpus_json());
    auto unknown = run_dutylist("convert in.json -t json,pptx -o out", tmp.path());
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("unknown output format \"pptx\"") != std::string::npos);
    CHECK(files_in(tmp / "out").empty());
    CHECK(run_dutylist("convert", tmp.path()).exit_code == 2);
    CHECK(run_dutylist("frobnicate in.json", tmp.path()).exit_code == 2);
    CHECK(run_dutylist("convert in.json --no-such-flag", tmp.path()).exit_code == 2);
    CHECK(run_dutylist("convert in.json in.json -o -", tmp.path()).exit_code == 2);
}

TEST_CASE("an output never overwrites its input") {
    TempDir tmp;
    write_file(tmp / "list.json", corpus_json());
    auto r = run_dutylist("convert list.json -t json -o .", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("overwrite the input") != std::string::npos);
    CHECK(read_file(tmp / "list.json") == corpus_json());
}

TEST_CASE("an output that cannot be written leaves no partial or temporary file") {
    TempDir tmp;
    write_file(tmp / "in.json", corpus_json());
    fs::create_directories(tmp / "out" / "in.json");  // a folder where the output file should go
    auto r = run_dutylist("convert in.json -t json -o out", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(count_lines(r.err) == 1);
    CHECK(files_in(tmp / "out") == std::vector<std::string>{"in.json"});
    CHECK(fs::is_directory(tmp / "out" / "in.json"));
}

TEST_CASE("--help teaches and --version answers") {
    auto help = run_dutylist("--help");
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("Examples:") != std::string::npos);
    CHECK(help.out.find("Exit codes") != std::string::npos);
    auto convert_help = run_dutylist("convert --help");
    CHECK(convert_help.exit_code == 0);
    CHECK(convert_help.out.find("--to") != std::string::npos);
    auto version = run_dutylist("--version");
    CHECK(version.exit_code == 0);
    CHECK(version.out.rfind("dutylist ", 0) == 0);
}

TEST_CASE("inspect summarises lists and item counts") {
    TempDir tmp;
    write_file(tmp / "in.json", corpus_json());
    auto r = run_dutylist("inspect in.json", tmp.path());
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("basic") != std::string::npos);
    CHECK(r.out.find(" 105 items") != std::string::npos);
    CHECK(r.out.find("  98 items") != std::string::npos);
    CHECK(r.out.find("  37 items") != std::string::npos);
    CHECK(r.out.find("2025年7月 (2025-07)") != std::string::npos);
    CHECK(run_dutylist("inspect nothing.pdf", tmp.path()).exit_code == 1);
}

TEST_CASE("inspect -t json: lists, counts, pages, how the text was read and the findings, for scripts") {
    TempDir tmp;
    write_file(tmp / "in.json", corpus_json());
    const auto r = run_dutylist("inspect in.json " + quote(source_dir() / "samples/wumachang.pdf") + " nothing.pdf --format json", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(r.err == "dutylist: nothing.pdf: file not found\n");
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["files"].size() == 3);
    const auto& json_file = j["files"][0];
    CHECK(json_file["file"] == "in.json");
    CHECK(json_file["items"] == 240);
    REQUIRE(json_file["lists"].size() == 3);
    CHECK(json_file["lists"][1]["name"] == "cooperative");
    CHECK(json_file["lists"][1]["items"] == 98);
    CHECK(json_file["findings"] == nlohmann::json::array());
    const auto& pdf = j["files"][1];
    CHECK(pdf["format"] == "pdf");
    CHECK(pdf["pages"] == 60);
    CHECK(pdf["read"] == nlohmann::json{{"text", 240}, {"repaired", 0}, {"ocr", 0}, {"low_confidence", 0}});
    CHECK(pdf["lists"][0]["first_page"] == 3);
    CHECK(pdf["lists"][2]["last_page"] == 60);
    CHECK(pdf["lists"][0]["columns"][1] == nlohmann::json{{"key", "category"}, {"label", "事项类别"}});
    CHECK(j["files"][2] == nlohmann::json{{"file", "nothing.pdf"}, {"error", "file not found"}});
    CHECK(run_dutylist("inspect in.json -t json", tmp.path()).out == run_dutylist("inspect in.json --to json", tmp.path()).out);
}

TEST_CASE("--names zh names the lists' CSV files in Chinese; --html-fragment and --no-footer for a website") {
    TempDir tmp;
    write_file(tmp / "清单.json", corpus_json());
    REQUIRE(run_dutylist("convert 清单.json -t csv --names zh -o zh", tmp.path()).exit_code == 0);
    CHECK(files_in(tmp / "zh") == std::vector<std::string>{"清单.上级部门收回事项清单.csv", "清单.基本履职事项清单.csv", "清单.配合履职事项清单.csv"});
    REQUIRE(run_dutylist("convert 清单.json -t csv -o en", tmp.path()).exit_code == 0);
    CHECK(read_file(tmp / "zh/清单.基本履职事项清单.csv") == read_file(tmp / "en/清单.basic.csv"));

    REQUIRE(run_dutylist("convert 清单.json -t html -o page", tmp.path()).exit_code == 0);
    REQUIRE(run_dutylist("convert 清单.json -t html --html-fragment --no-footer -o fragment", tmp.path()).exit_code == 0);
    const std::string page = read_file(tmp / "page/清单.html"), fragment = read_file(tmp / "fragment/清单.html");
    CHECK(page.find("<footer class=\"source\">由 dutylist 从 ") != std::string::npos);
    CHECK(fragment.starts_with("<div class=\"dutylist\">"));
    for (const std::string absent : {"<html", "<head>", "<body", "<script", "<footer", "{{"}) CHECK_MESSAGE(fragment.find(absent) == std::string::npos, absent);
    // Every row of the page is in the fragment, row for row.
    const auto rows = [](const std::string& html) { return html.substr(html.find("<section"), html.rfind("</section>") - html.find("<section")); };
    CHECK(rows(fragment) == rows(page));
    REQUIRE(run_dutylist("convert 清单.json -t html --no-footer -o bare", tmp.path()).exit_code == 0);
    CHECK(read_file(tmp / "bare/清单.html").find("<footer") == std::string::npos);
}

TEST_CASE("a message never passes a terminal's escape sequences through") {
    TempDir tmp;
    write_file(tmp / "a\x1b]0;pwned\x07" "b.pdf", "not a pdf");
    auto r = run_dutylist("convert a*b.pdf -o out", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(r.err.find('\x1b') == std::string::npos);
    CHECK(r.err.find("a\\x1b]0;pwned\\x07b.pdf") != std::string::npos);
}

TEST_CASE("an input whose last output cannot be written leaves none of its outputs") {
    TempDir tmp;
    write_file(tmp / "in.json", corpus_json());
    fs::create_directories(tmp / "out" / "in.json");  // JSON comes after the CSVs
    auto r = run_dutylist("convert in.json -t csv,json -o out", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(count_lines(r.err) == 1);
    CHECK(files_in(tmp / "out") == std::vector<std::string>{"in.json"});
}

TEST_CASE("a mistyped command gets the nearest one; a folder-less -o FILE writes that file when the run makes one") {
    TempDir dir;
    auto r = run_dutylist("convet x.pdf", dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err == "dutylist: unknown command \"convet\"; did you mean \"convert\"? (one of convert, inspect, validate, diff or serve)\n");
    r = run_dutylist("sevre", dir.path());
    CHECK(r.err.find("did you mean \"serve\"?") != std::string::npos);
    r = run_dutylist("zzz", dir.path());
    CHECK(r.err == "dutylist: unknown command \"zzz\" (one of convert, inspect, validate, diff or serve)\n");

    write_file(dir / "list.json", corpus_json());
    r = run_dutylist("convert list.json -t docx -o 清单/乡镇清单.docx", dir.path());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(fs::is_regular_file(dir / "清单/乡镇清单.docx"));
    // CSV is a file per list: -o out.csv would silently have been a folder.
    r = run_dutylist("convert list.json -t csv -o out.csv", dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("dutylist: -o out.csv names one .csv file, but this run writes other files (only one input with -t csv --template") == 0);
    CHECK_FALSE(fs::exists(dir / "out.csv"));
    r = run_dutylist("convert list.json -t json,html -o -", dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("this conversion makes 2 (.json, .html): give an output folder") != std::string::npos);
}
