#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>

#include "io/files.hpp"
#include "model/error.hpp"
#include "support/paths.hpp"

using namespace dutylist;
using namespace dutylist::test;
namespace fs = std::filesystem;

namespace {

// Names in dir, temporary files included (they start with a dot).
std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("an atomic file appears whole at commit, with the umask's permissions") {
    TempDir dir;
    const fs::path path = dir / "out.jsonl";
    {
        AtomicFile file(path);
        file.append("one\n");
        CHECK_FALSE(fs::exists(path));
        file.append("");
        file.append("two\n");
        CHECK_FALSE(fs::exists(path));
        file.commit();
    }
    CHECK(read_file(path) == "one\ntwo\n");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"out.jsonl"});
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    mode_t mask = ::umask(0);
    ::umask(mask);
    CHECK((st.st_mode & 0777) == (0666 & ~mask));
}

TEST_CASE("an atomic file dropped before commit leaves the old file as it was and no temporary file") {
    TempDir dir;
    const fs::path path = dir / "out.json";
    write_file(path, "old");
    {
        AtomicFile file(path);
        file.append("new but unfinished");
    }
    CHECK(read_file(path) == "old");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"out.json"});
    write_file_atomically(path, "new");
    CHECK(read_file(path) == "new");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"out.json"});
}

TEST_CASE("an atomic file refuses use after commit and a folder it cannot write to") {
    TempDir dir;
    AtomicFile file(dir / "a.csv");
    file.commit();
    CHECK_THROWS_AS(file.append("late"), Error);
    CHECK_THROWS_AS(file.commit(), Error);
    CHECK_THROWS_AS(AtomicFile(dir / "missing/a.csv"), Error);
    CHECK_THROWS_AS(write_file_atomically(dir / "missing/a.csv", "x"), Error);
}

TEST_CASE("reading an input: whole files, and plain reasons when it cannot be read") {
    TempDir dir;
    std::string big(300 * 1024 + 7, 'x');
    write_file(dir / "big.pdf", big);
    InputFile input = read_input((dir / "big.pdf").string(), 1 << 20);
    CHECK(input.name == "big.pdf");
    CHECK(input.bytes == big);
    CHECK_THROWS_WITH_AS(read_input((dir / "big.pdf").string(), 1000), doctest::Contains("larger than the limit"), Error);
    CHECK_THROWS_WITH_AS(read_input((dir / "none.pdf").string(), 1000), "file not found", Error);
    CHECK_THROWS_WITH_AS(read_input(dir.path().string(), 1000), "is a folder, not a file", Error);
}

TEST_CASE("outputs written together: all appear, or none when one cannot be written") {
    TempDir dir;
    write_files_together({{dir / "a.csv", "a"}, {dir / "b.json", "b"}});
    CHECK(names_in(dir.path()) == std::vector<std::string>{"a.csv", "b.json"});

    TempDir blocked;
    fs::create_directories(blocked / "c.json");  // a folder where the last output should go
    CHECK_THROWS_AS(write_files_together({{blocked / "a.csv", "a"}, {blocked / "b.csv", "b"}, {blocked / "c.json", "c"}}), Error);
    CHECK(names_in(blocked.path()) == std::vector<std::string>{"c.json"});

    // A name that just fits is written (the temporary names are short); one past the limit of
    // 255 bytes stops all before anything is written.
    TempDir long_name;
    write_files_together({{long_name / (std::string(245, 'x') + ".basic.csv"), "a"}});
    CHECK(names_in(long_name.path()).size() == 1);
    TempDir too_long;
    CHECK_THROWS_WITH_AS(write_files_together({{too_long / "a.csv", "a"}, {too_long / (std::string(250, 'x') + ".basic.csv"), "b"}}),
                         doctest::Contains("the name is longer than"), Error);
    CHECK(names_in(too_long.path()).empty());
}

TEST_CASE("a run stopped by any signal that ends it leaves no temporary file") {
    // The dataset's temporary file exists from the start, while dutylist waits for standard
    // input: a FIFO that the script holds open and never writes. The signal comes then. A
    // background job of sh starts with SIGINT and SIGQUIT ignored, which dutylist keeps: env
    // gives them back their default, as a terminal's Ctrl-C and Ctrl-\ find them. PIPE comes as
    // from a closed `| head`, XCPU as from ulimit -t, the rest as scripts and supervisors send
    // them. Should a signal not end the run, it is killed after a few seconds and fails here.
    for (const char* signal_name : {"INT", "TERM", "HUP", "QUIT", "PIPE", "XCPU", "ALRM", "USR1", "USR2", "VTALRM", "PROF"}) {
        TempDir dir;
        const std::string script = std::string("ulimit -c 0; mkfifo in; exec 3<>in; env --default-signal=INT,QUIT ") +
                                   quote(dutylist_exe()) + " convert - -t jsonl -o out <in &\nDL=$!; sleep 0.5; ls -a out > before.txt; kill -" +
                                   signal_name + " $DL; (sleep 5; kill -KILL $DL) >/dev/null 2>&1 & wait $DL; exec 3<&-; ls -a out > after.txt\n";
        write_file(dir / "run.sh", script);
        auto r = run_shell("sh run.sh", dir.path());
        CAPTURE(signal_name);
        CHECK(read_file(dir / "before.txt").find(".dutylist.tmp-") != std::string::npos);
        CHECK(read_file(dir / "after.txt") == ".\n..\n");
    }
}

TEST_CASE("a disk that fills after an input's first outputs leaves none of them") {
    // The file size limit stands in for a full disk: 100 KB (sh counts 512-byte blocks) holds
    // the three CSVs of the corpus list (17, 81 and 13 KB) but not its 166 KB JSON, which is
    // written after them. Writing past it fails with EFBIG (SIGXFSZ is ignored), like ENOSPC.
    TempDir dir;
    const std::string convert = quote(dutylist_exe()) + " convert " + quote(corpus("wumachang/wumachang.docx"));
    auto r = run_shell("ulimit -f 200; " + convert + " -t csv,json -o out", dir.path());
    CAPTURE(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("cannot write out/wumachang.json (File too large)") != std::string::npos);
    CHECK(names_in(dir / "out").empty());
    // Under the limit the CSVs alone are written: the limit is what stopped the JSON.
    REQUIRE(run_shell("ulimit -f 200; " + convert + " -t csv -o out", dir.path()).exit_code == 0);
    CHECK(names_in(dir / "out").size() == 3);
}
