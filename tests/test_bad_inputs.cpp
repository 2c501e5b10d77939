// The bad-input suite: every file made by tests/bad_inputs/make_bad_inputs.py must be refused
// with exit 1 and one line on stderr that names it and says what is wrong, leave no output
// file, finish in seconds, stay within a memory bound, and never show the content of a local
// file that a hostile document points at.
#include <doctest/doctest.h>

#include <sys/resource.h>
#include <sys/time.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "package/ooxml_package.hpp"
#include "support/paths.hpp"

using namespace dutylist::test;
namespace fs = std::filesystem;

namespace {

// Far above what a refusal needs; low enough that inflating a bomb or expanding entities in
// memory would fail.
constexpr rlim_t memory_cap = rlim_t{2} << 30;
// Generous for a sanitizer build on a busy machine; a refusal takes well under a second.
constexpr double time_bound_seconds = 20;

struct BadInput {
    std::string name;
    std::string expected;  // a regular expression the error line must match, "" for any
    std::string what;
};

std::vector<BadInput> read_manifest(const fs::path& path) {
    std::vector<BadInput> rows;
    std::istringstream in(read_file(path));
    std::string line;
    while (std::getline(in, line)) {
        BadInput row;
        std::istringstream fields(line);
        std::getline(fields, row.name, '\t');
        std::getline(fields, row.expected, '\t');
        std::getline(fields, row.what, '\t');
        if (!row.name.empty()) rows.push_back(row);
    }
    return rows;
}

// CPU seconds after which a run is killed: a hang then fails the time check quickly instead of
// holding the suite until ctest's timeout.
constexpr rlim_t cpu_cap_seconds = 60;

// Limits the address space and CPU time of the processes started while it lives (they inherit
// the limits).
class ResourceCap {
public:
    ResourceCap() {
        getrlimit(RLIMIT_AS, &saved_memory_);
        getrlimit(RLIMIT_CPU, &saved_cpu_);
        // The limit counts this process's own CPU time too, so it starts from what it has used.
        rusage self{};
        getrusage(RUSAGE_SELF, &self);
        const rlim_t used = static_cast<rlim_t>(self.ru_utime.tv_sec + self.ru_stime.tv_sec);
        rlimit cpu = saved_cpu_;
        cpu.rlim_cur = std::min(used + 1 + cpu_cap_seconds, saved_cpu_.rlim_max);
        setrlimit(RLIMIT_CPU, &cpu);
        if (under_asan) {
            // ASan reserves terabytes of address space, so its own allocator enforces the cap:
            // past this resident size allocations fail (std::bad_alloc), as under the rlimit.
            const char* asan = std::getenv("ASAN_OPTIONS");
            saved_asan_ = asan ? asan : "";
            std::string capped = saved_asan_ + (saved_asan_.empty() ? "" : ":") +
                                 "allocator_may_return_null=1:soft_rss_limit_mb=" + std::to_string(memory_cap >> 20);
            setenv("ASAN_OPTIONS", capped.c_str(), 1);
            return;
        }
        rlimit memory = saved_memory_;
        memory.rlim_cur = std::min(memory_cap, saved_memory_.rlim_max);
        setrlimit(RLIMIT_AS, &memory);
    }
    ~ResourceCap() {
        setrlimit(RLIMIT_AS, &saved_memory_);
        setrlimit(RLIMIT_CPU, &saved_cpu_);
        if (under_asan) setenv("ASAN_OPTIONS", saved_asan_.c_str(), 1);
    }
    ResourceCap(const ResourceCap&) = delete;
    ResourceCap& operator=(const ResourceCap&) = delete;

private:
    rlimit saved_memory_{};
    rlimit saved_cpu_{};
    std::string saved_asan_;
};

std::vector<std::string> files_under(const fs::path& dir) {
    std::vector<std::string> names;
    if (!fs::exists(dir)) return names;
    for (const auto& e : fs::recursive_directory_iterator(dir)) names.push_back(e.path().filename().string());
    return names;
}

std::string all_output(const fs::path& dir) {
    std::string text;
    if (!fs::exists(dir)) return text;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) text += read_file(e.path());
    return text;
}

// A line of /etc/passwd that no duty list contains, to look for in everything dutylist prints.
std::string passwd_marker() {
    std::istringstream in(read_file("/etc/passwd"));
    std::string line;
    std::getline(in, line);
    return line;
}

struct Suite {
    TempDir tmp;
    fs::path inputs = tmp / "in";
    std::vector<BadInput> files;

    Suite() {
        auto r = run_shell("/usr/bin/python3 " + quote(source_dir() / "tests/bad_inputs/make_bad_inputs.py") + " " +
                           quote(shared_dir()) + " " + quote(inputs));
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        files = read_manifest(inputs / "manifest.tsv");
    }
};

}  // namespace

TEST_CASE("every bad input is refused with exit 1, one clear line and no output") {
    Suite suite;
    REQUIRE(suite.files.size() >= 60);
    const std::string marker = passwd_marker();
    REQUIRE(marker.size() > 5);
    int refused = 0;
    for (size_t i = 0; i < suite.files.size(); ++i) {
        const BadInput& bad = suite.files[i];
        const fs::path out = suite.tmp / ("out-" + std::to_string(i));
        const std::string before = fs::is_regular_file(suite.inputs / bad.name) && fs::file_size(suite.inputs / bad.name) < (64u << 20)
                                       ? read_file(suite.inputs / bad.name)
                                       : "";
        CommandResult r;
        auto start = std::chrono::steady_clock::now();
        {
            ResourceCap cap;
            r = run_dutylist("convert " + quote(bad.name) + " -t all -o " + quote(out), suite.inputs);
        }
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const std::string prefix = "dutylist: " + bad.name + ": ";
        CAPTURE(bad.name);
        CAPTURE(bad.what);
        CAPTURE(r.err);
        MESSAGE(bad.name << " (" << seconds << " s): " << r.err.substr(0, r.err.find('\n')));
        CHECK(r.exit_code == 1);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(r.err.rfind(prefix, 0) == 0);
        // A reason in words: more than a word or two, not an internal error or a library's code.
        CHECK(r.err.size() > prefix.size() + 10);
        CHECK(r.err.find("internal error") == std::string::npos);
        if (!bad.expected.empty()) CHECK(std::regex_search(r.err, std::regex(bad.expected, std::regex::icase)));
        CHECK(r.out.empty());
        CHECK(files_under(out).empty());
        CHECK(seconds < time_bound_seconds);
        CHECK(r.err.find(marker) == std::string::npos);
        CHECK(all_output(out).find(marker) == std::string::npos);
        if (!before.empty()) CHECK(read_file(suite.inputs / bad.name) == before);
        if (r.exit_code == 1 && std::count(r.err.begin(), r.err.end(), '\n') == 1) ++refused;
    }
    MESSAGE(refused << " of " << suite.files.size() << " bad inputs refused cleanly");
}

TEST_CASE("bad inputs among good ones: each bad one is named, the good one converts") {
    Suite suite;
    write_file(suite.inputs / "good.json",
               "{\"schema\": \"dutylist/1\", \"issuer\": \"\", \"title\": \"t\", \"date\": \"\", \"lists\": []}\n");
    auto r = run_dutylist("convert empty.pdf good.json legacy.docx folder.pdf -t json -o out", suite.inputs);
    CHECK(r.exit_code == 1);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 3);
    for (const char* name : {"empty.pdf", "legacy.docx", "folder.pdf"}) CHECK(r.err.find(name) != std::string::npos);
    CHECK(files_under(suite.inputs / "out") == std::vector<std::string>{"good.json"});
}

TEST_CASE("inspect refuses bad inputs the same way") {
    Suite suite;
    for (const char* name : {"empty.docx", "user-password-256.pdf", "billion-laughs.docx", "deflate-bomb.docx",
                             "nested-5000.docx", "truncated-at-1000.pdf", "folder.docx"}) {
        CommandResult r;
        {
            ResourceCap cap;
            r = run_dutylist(std::string("inspect ") + name, suite.inputs);
        }
        CAPTURE(name);
        CAPTURE(r.err);
        CHECK(r.exit_code == 1);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(r.err.find(name) != std::string::npos);
    }
}

TEST_CASE("a refused file whose name holds a line break still gives exactly one line") {
    TempDir tmp;
    write_file(tmp / "bad\nname.pdf", "");
    auto r = run_dutylist("convert 'bad\nname.pdf' -o out", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find("name.pdf") != std::string::npos);
    CHECK(files_under(tmp / "out").empty());
}

// A --reference-doc is input too: hostile ones are refused like any input; what an accepted one
// contributes is its whitelisted parts only (tests/bad_inputs/reference_docs.py).
TEST_CASE("every bad reference document is refused, and a reference's unexpected parts are ignored") {
    Suite suite;
    const fs::path dir = suite.inputs / "reference";
    const std::vector<BadInput> references = read_manifest(dir / "manifest.tsv");
    REQUIRE(references.size() >= 8);
    const std::string marker = passwd_marker();
    for (size_t i = 0; i < references.size(); ++i) {
        const BadInput& bad = references[i];
        const fs::path out = suite.tmp / ("reference-out-" + std::to_string(i));
        CommandResult r;
        const auto start = std::chrono::steady_clock::now();
        {
            ResourceCap cap;
            r = run_dutylist("convert list.json -t docx -o " + quote(out) + " --reference-doc " + quote(bad.name), dir);
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CAPTURE(bad.name);
        CAPTURE(bad.what);
        CAPTURE(r.err);
        MESSAGE(bad.name << " (" << seconds << " s): " << r.err.substr(0, r.err.find('\n')));
        CHECK(seconds < time_bound_seconds);
        CHECK(r.err.find(marker) == std::string::npos);
        CHECK(all_output(out).find(marker) == std::string::npos);
        if (!bad.expected.starts_with("ok: ")) {
            CHECK(r.exit_code == 1);
            CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
            CHECK(r.err.starts_with("dutylist: list.json: the reference document " + bad.name + " "));
            CHECK(std::regex_search(r.err, std::regex(bad.expected, std::regex::icase)));
            CHECK(files_under(out).empty());
            continue;
        }
        REQUIRE(r.exit_code == 0);
        const std::string docx = read_file(out / "list.docx");
        dutylist::package::Package package(docx, "the output");
        std::vector<std::string> parts = package.part_names();
        std::sort(parts.begin(), parts.end());
        std::string listed;
        for (const auto& p : parts) listed += (listed.empty() ? "" : " ") + p;
        CHECK(listed == bad.expected.substr(4));
        for (const char* smuggled : {"attacker.example", "passwd", "lol9", "OLE object", "body picture"}) {
            CAPTURE(smuggled);
            CHECK(docx.find(smuggled) == std::string::npos);
            for (const auto& p : parts) CHECK(package.read(p)->find(smuggled) == std::string::npos);
        }
    }
}
