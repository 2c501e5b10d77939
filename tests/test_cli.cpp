// The command-line contract: output names, exit codes, one-line errors, no partial files.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

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
