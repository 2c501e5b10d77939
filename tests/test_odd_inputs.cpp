// Odd but valid inputs convert: a PDF with only an owner password, a file with no extension or
// the wrong one, a name with spaces and Chinese characters, a 10 MB cell, 50,000 rows. The files
// are made by tests/bad_inputs/make_odd_inputs.py; each output is read back and checked.
#include <doctest/doctest.h>

#include <sys/resource.h>
#include <sys/time.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "extractors/json/json_reader.hpp"
#include "format_registry.hpp"
#include "support/paths.hpp"

using namespace dutylist;
using namespace dutylist::test;
namespace fs = std::filesystem;

namespace {

// CPU seconds (not wall time, which a busy machine stretches) for one conversion: the plain
// build needs a few; ASan and UBSan make the code about ten times slower.
constexpr double time_bound_seconds = under_asan ? 300 : 30;

double children_cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct OddInputs {
    TempDir tmp;
    fs::path dir = tmp / "in";

    OddInputs() {
        auto r = run_shell("/usr/bin/python3 " + quote(source_dir() / "tests/bad_inputs/make_odd_inputs.py") + " " +
                           quote(shared_dir()) + " " + quote(dir));
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
    }
};

Document read_output(const fs::path& path) { return read_json({path.filename().string(), read_file(path)}, {}); }

struct Timed {
    CommandResult result;
    double seconds = 0;  // CPU time of the conversion
};

Timed convert(const std::string& arguments, const fs::path& cwd) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = children_cpu_seconds();
    Timed t{run_dutylist("convert " + arguments, cwd), 0};
    t.seconds = children_cpu_seconds() - cpu_start;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    MESSAGE("convert " << arguments << ": exit " << t.result.exit_code << " in " << t.seconds << " s of CPU, " << wall << " s");
    return t;
}

}  // namespace

TEST_CASE("a PDF with only an owner password converts like the unprotected one") {
    OddInputs odd;
    fs::copy_file(corpus("wumachang/wumachang.pdf"), odd.dir / "plain.pdf");
    auto r = convert("plain.pdf owner-password.pdf -t json -o out", odd.dir);
    INFO(r.result.err);
    REQUIRE(r.result.exit_code == 0);
    Document plain = read_output(odd.dir / "out/plain.json");
    Document owner = read_output(odd.dir / "out/owner-password.json");
    CHECK(plain.lists.size() == 3);
    CHECK(owner.lists == plain.lists);
    CHECK(owner.issuer == plain.issuer);
}

TEST_CASE("no extension or the wrong one: the content decides") {
    OddInputs odd;
    fs::copy_file(corpus("wumachang/wumachang.docx"), odd.dir / "docx-without-extension");
    fs::copy_file(corpus("wumachang/wumachang.docx"), odd.dir / "docx-named.pdf");
    fs::copy_file(corpus("wumachang/wumachang.pdf"), odd.dir / "pdf-named.docx");
    fs::copy_file(corpus("wumachang/wumachang.pdf"), odd.dir / "pdf-without-extension");
    fs::copy_file(odd.dir / "rows-50000.json", odd.dir / "json-named.txt");
    fs::copy_file(corpus("wumachang/wumachang.docx"), odd.dir / "reference.docx");
    auto r = convert("docx-without-extension docx-named.pdf pdf-named.docx pdf-without-extension json-named.txt "
                     "reference.docx -t json -o out",
                     odd.dir);
    INFO(r.result.err);
    REQUIRE(r.result.exit_code == 0);
    Document reference = read_output(odd.dir / "out/reference.json");
    CHECK(reference.lists.size() == 3);
    CHECK(read_output(odd.dir / "out/docx-without-extension.json").lists == reference.lists);
    CHECK(read_output(odd.dir / "out/docx-named.json").lists == reference.lists);
    CHECK(read_output(odd.dir / "out/pdf-named.json").source.format == "pdf");
    CHECK(read_output(odd.dir / "out/pdf-without-extension.json").lists.size() == 3);
    CHECK(read_output(odd.dir / "out/json-named.json").lists.at(0).items.size() == 50000);
}

TEST_CASE("a name with spaces and Chinese characters keeps its name") {
    OddInputs odd;
    const std::string name = "五马场 哈萨克族乡 履职事项清单 (2025年7月).docx";
    fs::copy_file(corpus("wumachang/wumachang.docx"), odd.dir / name);
    auto r = convert(quote(name) + " -t json,csv -o " + quote("输出 文件夹"), odd.dir);
    INFO(r.result.err);
    REQUIRE(r.result.exit_code == 0);
    const fs::path out = odd.dir / "输出 文件夹";
    CHECK(read_output(out / "五马场 哈萨克族乡 履职事项清单 (2025年7月).json").lists.size() == 3);
    CHECK(fs::exists(out / "五马场 哈萨克族乡 履职事项清单 (2025年7月).basic.csv"));
    CHECK(read_output(out / "五马场 哈萨克族乡 履职事项清单 (2025年7月).json").source.file == name);
}

TEST_CASE("a 10 MB cell converts whole, from JSON and from DOCX") {
    OddInputs odd;
    // Not xlsx: an XLSX cell holds 32,767 characters at most (test_render_xlsx checks the refusal).
    auto r = convert("big-cell.json big-cell-word.docx -t json,csv,html,docx -o out", odd.dir);
    INFO(r.result.err);
    REQUIRE(r.result.exit_code == 0);
    CHECK(r.seconds < time_bound_seconds);
    const Document from_json = read_output(odd.dir / "out/big-cell.json");
    const Document from_docx = read_output(odd.dir / "out/big-cell-word.json");
    REQUIRE(from_json.lists.size() == 1);
    REQUIRE(from_docx.lists.size() == 1);
    REQUIRE(from_json.lists[0].items.size() == 1);
    REQUIRE(from_docx.lists[0].items.size() == 1);
    const Paragraphs& cell = from_json.lists[0].items[0].values.at(2);
    size_t bytes = 0;
    for (const auto& p : cell) bytes += p.size();
    CHECK(bytes > (10u << 20));
    CHECK(from_docx.lists[0].items[0].values.at(2) == cell);
    for (const char* suffix : {".html", ".basic.csv"})
        CHECK(fs::file_size(odd.dir / "out" / (std::string("big-cell") + suffix)) > (10u << 20));
    CHECK(fs::exists(odd.dir / "out/big-cell.docx"));
}

TEST_CASE("50,000 rows convert, from JSON and from DOCX, in reasonable time") {
    OddInputs odd;
    auto from_json = convert("rows-50000.json -t all -o out", odd.dir);
    INFO(from_json.result.err);
    REQUIRE(from_json.result.exit_code == 0);
    CHECK(from_json.seconds < time_bound_seconds);
    auto from_docx = convert("rows-50000-word.docx -t all -o out", odd.dir);
    INFO(from_docx.result.err);
    REQUIRE(from_docx.result.exit_code == 0);
    CHECK(from_docx.seconds < time_bound_seconds);
    const Document a = read_output(odd.dir / "out/rows-50000.json");
    const Document b = read_output(odd.dir / "out/rows-50000-word.json");
    REQUIRE(a.lists.size() == 1);
    REQUIRE(b.lists.size() == 1);
    CHECK(a.lists[0].items.size() == 50000);
    CHECK(b.lists[0].items.size() == 50000);
    CHECK(b.lists[0].items.back().values.at(2) == Paragraphs{"第50000项履职事项"});
    for (size_t i = 0; i < b.lists[0].items.size() && i < a.lists[0].items.size(); i += 997)
        CHECK(b.lists[0].items[i].values == a.lists[0].items[i].values);
}

TEST_CASE("damaged or hostile parts the reader has no use for change nothing and leak nothing") {
    OddInputs odd;
    fs::copy_file(corpus("wumachang/wumachang.docx"), odd.dir / "reference.docx");
    const std::vector<std::string> names = {"unneeded-broken-styles.docx", "unneeded-bomb-styles.docx",
                                            "unneeded-broken-rels.docx", "unneeded-xinclude-passwd.docx",
                                            "unneeded-external-styles.docx"};
    std::string arguments = "reference.docx";
    for (const auto& name : names) arguments += " " + name;
    auto r = convert(arguments + " -t all -o out", odd.dir);
    INFO(r.result.err);
    REQUIRE(r.result.exit_code == 0);
    const Document reference = read_output(odd.dir / "out/reference.json");
    REQUIRE(reference.lists.size() == 3);
    std::istringstream passwd(read_file("/etc/passwd"));
    std::string marker;
    std::getline(passwd, marker);
    REQUIRE(marker.size() > 5);
    for (const auto& name : names) {
        const std::string stem = fs::path(name).stem().string();
        CAPTURE(name);
        CHECK(read_output(odd.dir / "out" / (stem + ".json")).lists == reference.lists);
        for (const char* suffix : {".json", ".html", ".docx", ".basic.csv"})
            CHECK(read_file(odd.dir / "out" / (stem + suffix)).find(marker) == std::string::npos);
    }
    CHECK(r.result.out.find(marker) == std::string::npos);
    CHECK(r.result.err.find(marker) == std::string::npos);
}

TEST_CASE("a Word document whose main part has another name is found through the package's relationships") {
    OddInputs odd;
    const Document reference = read_document({"wumachang.docx", read_file(corpus("wumachang/wumachang.docx"))}, ReadOptions{});
    const Document renamed = read_document({"main-part-renamed.docx", read_file(odd.dir / "main-part-renamed.docx")}, ReadOptions{});
    CHECK(renamed.lists == reference.lists);
    CHECK(renamed.title == reference.title);
}

TEST_CASE("output names come from the input's name made safe, never from the document's text") {
    TempDir tmp;
    // Text that would be a path or a control sequence if it ever reached a file name.
    const std::string hostile =
        "{\"schema\": \"dutylist/1\", \"issuer\": \"../../x\", \"title\": \"/etc/passwd\", \"date\": \"\\u0001\\n\", "
        "\"lists\": [{\"kind\": \"basic\", \"title\": \"../../清单\\u0007\", \"columns\": [{\"key\": \"name\", "
        "\"label\": \"/\"}], \"items\": [{\"name\": \"a/b\\\\c\"}], \"notes\": []}]}\n";
    fs::create_directories(tmp / "sub/dir");
    for (const char* name : {"a\x01" "b\tc.json", "line\nbreak.json", "..json", "sub/dir/deep.json", "stdin-copy.json"})
        write_file(tmp / name, hostile);
    auto r = run_dutylist("convert 'a\x01" "b\tc.json' 'line\nbreak.json' ..json sub/dir/deep.json -t json,csv -o out", tmp.path());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(tmp / "out")) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"a_b_c.basic.csv", "a_b_c.json", "deep.basic.csv", "deep.json", "line_break.basic.csv",
                                            "line_break.json", "output.basic.csv", "output.json"});
    auto piped = run_dutylist("convert - -t json -o piped", tmp.path(), (tmp / "stdin-copy.json").string());
    REQUIRE(piped.exit_code == 0);
    CHECK(fs::exists(tmp / "piped/stdin.json"));
    // Nothing was written outside the output folders.
    std::vector<std::string> top;
    for (const auto& e : fs::directory_iterator(tmp.path())) top.push_back(e.path().filename().string());
    std::sort(top.begin(), top.end());
    CHECK(top == std::vector<std::string>{"..json", "a\x01" "b\tc.json", "line\nbreak.json", "out", "piped", "stdin-copy.json", "sub"});
}

TEST_CASE("an output that would overwrite its input stops that input before anything is written") {
    TempDir tmp;
    const std::string doc =
        "{\"schema\": \"dutylist/1\", \"issuer\": \"\", \"title\": \"t\", \"date\": \"\", \"lists\": [{\"kind\": \"basic\", "
        "\"title\": \"t\", \"columns\": [{\"key\": \"name\", \"label\": \"事项名称\"}], \"items\": [{\"name\": \"a\"}], \"notes\": []}]}\n";
    write_file(tmp / "list.json", doc);
    for (std::string formats : {"json", "csv,json", "html,csv,json"}) {
        auto r = run_dutylist("convert list.json -t " + formats + " -o .", tmp.path());
        CAPTURE(formats);
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("overwrite the input") != std::string::npos);
        CHECK(read_file(tmp / "list.json") == doc);
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(tmp.path())) names.push_back(e.path().filename().string());
        CHECK(names == std::vector<std::string>{"list.json"});
    }
}
