// No output of a run replaces an input of the run: every output is checked against every input
// by file identity, in every subcommand that writes.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "io/run_inputs.hpp"
#include "model/error.hpp"
#include "renderers/json_renderer.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;
namespace fs = std::filesystem;

namespace {

std::string corpus_json() { return document_to_json(document_from_truth(corpus("wumachang/truth.json"))); }

}  // namespace

TEST_CASE("an input is known by identity: another spelling, a hard link or a symbolic link") {
    TempDir tmp;
    write_file(tmp / "in.json", "{}");
    fs::create_directories(tmp / "sub");
    fs::create_hard_link(tmp / "in.json", tmp / "sub" / "hard.json");
    fs::create_symlink(tmp / "in.json", tmp / "soft.json");
    write_file(tmp / "other.json", "{}");
    RunInputs inputs;
    inputs.add((tmp / "in.json").string());
    inputs.add("-");
    inputs.add((tmp / "missing.json").string());
    CHECK_THROWS_AS(inputs.refuse_overwrite(tmp / "sub" / ".." / "in.json"), Error);
    CHECK_THROWS_AS(inputs.refuse_overwrite(tmp / "sub" / "hard.json"), Error);
    CHECK_THROWS_AS(inputs.refuse_overwrite(tmp / "soft.json"), Error);
    CHECK_NOTHROW(inputs.refuse_overwrite(tmp / "other.json"));
    CHECK_NOTHROW(inputs.refuse_overwrite(tmp / "missing.json"));
}

TEST_CASE("diff -o refuses to replace either version") {
    TempDir tmp;
    write_file(tmp / "old.json", corpus_json());
    write_file(tmp / "new.json", corpus_json());
    for (const char* target : {"old.json", "new.json", "./sub/../old.json"}) {
        fs::create_directories(tmp / "sub");
        auto r = run_dutylist(std::string("diff old.json new.json --format csv -o ") + target, tmp.path());
        CAPTURE(target);
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("overwrite the input") != std::string::npos);
        CHECK(read_file(tmp / "old.json") == corpus_json());
        CHECK(read_file(tmp / "new.json") == corpus_json());
    }
    CHECK(run_dutylist("diff old.json new.json --format csv -o changes.csv", tmp.path()).exit_code == 0);
}

TEST_CASE("an output of one input never replaces another input of the same run") {
    TempDir tmp;
    fs::create_directories(tmp / "d1");
    fs::create_directories(tmp / "d2");
    write_file(tmp / "d1" / "a.json", corpus_json());
    write_file(tmp / "d2" / "a.json", corpus_json());
    const std::string third = "{\"schema\": \"dutylist/1\", \"issuer\": \"\", \"title\": \"t\", \"date\": \"\", \"lists\": []}\n";
    write_file(tmp / "a.json.json", third);
    // d1/a.json is written as a.json.json (both inputs share the stem a): that is the third input.
    auto r = run_dutylist("convert d1/a.json d2/a.json a.json.json -t json -o .", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("a.json.json would overwrite the input a.json.json") != std::string::npos);
    CHECK(read_file(tmp / "a.json.json") == third);
}

TEST_CASE("convert d -o d twice leaves the first run's outputs, which the second reads, as they were") {
    TempDir tmp;
    fs::create_directories(tmp / "d");
    write_file(tmp / "d" / "a.json", corpus_json());
    fs::copy_file(corpus("wumachang/wumachang.docx"), tmp / "d" / "a.docx");
    auto first = run_dutylist("convert d -t json -o d", tmp.path());
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    const std::string docx_json = read_file(tmp / "d" / "a.docx.json");
    const std::string json_json = read_file(tmp / "d" / "a.json.json");
    auto second = run_dutylist("convert d -t json -o d", tmp.path());
    CAPTURE(second.err);
    CHECK(second.exit_code == 1);
    CHECK(std::count(second.err.begin(), second.err.end(), '\n') == 2);
    CHECK(second.err.find("overwrite the input") != std::string::npos);
    CHECK(read_file(tmp / "d" / "a.docx.json") == docx_json);
    CHECK(read_file(tmp / "d" / "a.json.json") == json_json);
}

TEST_CASE("the dataset file and the reference document are inputs too when named as such") {
    TempDir tmp;
    write_file(tmp / "items.jsonl", corpus_json());
    auto dataset = run_dutylist("convert items.jsonl -t jsonl -o .", tmp.path());
    CHECK(dataset.exit_code == 1);
    CHECK(dataset.err.find("overwrite the input items.jsonl") != std::string::npos);
    CHECK(read_file(tmp / "items.jsonl") == corpus_json());

    write_file(tmp / "list.json", corpus_json());
    REQUIRE(run_dutylist("convert list.json -t docx -o out", tmp.path()).exit_code == 0);
    const std::string reference = read_file(tmp / "out" / "list.docx");
    auto styled = run_dutylist("convert list.json -t docx --reference-doc out/list.docx -o out", tmp.path());
    CHECK(styled.exit_code == 1);
    CHECK(styled.err.find("overwrite the input out/list.docx") != std::string::npos);
    CHECK(read_file(tmp / "out" / "list.docx") == reference);
}

TEST_CASE("standard input is an input: convert - never replaces the file it reads") {
    TempDir tmp;
    write_file(tmp / "stdin.json", corpus_json());
    struct stat st_before {};
    REQUIRE(::stat((tmp / "stdin.json").c_str(), &st_before) == 0);
    auto r = run_dutylist("convert - -t json -o .", tmp.path(), (tmp / "stdin.json").string());
    CAPTURE(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("would overwrite the input given on standard input") != std::string::npos);
    struct stat st_after {};
    REQUIRE(::stat((tmp / "stdin.json").c_str(), &st_after) == 0);
    CHECK(st_after.st_ino == st_before.st_ino);
    CHECK(read_file(tmp / "stdin.json") == corpus_json());
    CHECK(run_dutylist("convert - -t json -o out", tmp.path(), (tmp / "stdin.json").string()).exit_code == 0);
}

TEST_CASE("standard output appending to an input is refused in every subcommand, before anything is read") {
    TempDir tmp;
    write_file(tmp / "a.json", corpus_json());
    write_file(tmp / "b.json", corpus_json());
    const std::string exe = quote(dutylist_exe());
    for (const std::string command : {"convert a.json -t json -o - >> a.json", "convert - -t json -o - < a.json >> a.json",
                                      "convert b.json a.json -t jsonl -o - >> a.json", "diff b.json a.json >> a.json",
                                      "inspect b.json a.json >> a.json", "validate a.json >> a.json"}) {
        CAPTURE(command);
        // In braces: run_shell's own redirection of standard output stays outside the command's.
        auto r = run_shell("{ " + exe + " " + command + "; }", tmp.path());
        CHECK(r.exit_code != 0);
        CHECK(r.err.find("dutylist: standard output: is the input ") != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(read_file(tmp / "a.json") == corpus_json());
    }
    CHECK(run_shell("{ " + exe + " convert a.json -t json -o - >> c.json; }", tmp.path()).exit_code == 0);
    CHECK(read_file(tmp / "c.json") == corpus_json());
}
