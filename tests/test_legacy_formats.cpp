// Legacy office formats read through headless LibreOffice (extractors/office): the corpus list
// saved by LibreOffice itself as Word 97 .doc and as RTF, and a workbook of tests/data saved as
// Excel 97 .xls, made here at test time, read in one folder run; each must give the model of its
// source, and the corpus truth cell for cell. Then what goes wrong: a password-protected .doc, a
// missing LibreOffice, a LibreOffice that hangs (killed with its whole process group in the
// time limit, its temporary folder removed).
#include <doctest/doctest.h>

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "extractors/office/legacy_formats.hpp"
#include "extractors/office/ole_container.hpp"
#include "format_registry.hpp"
#include "model/error.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;
namespace fs = std::filesystem;

namespace {

const fs::path corpus_docx = corpus("wumachang/wumachang.docx");
const fs::path source_xlsx = source_dir() / "tests/data/xlsx/wumachang-one-sheet.xlsx";

// The legacy files, made once for every test case: three LibreOffice starts side by side.
struct Fixture {
    TempDir dir;
    Fixture() {
        const std::string soffice = "soffice --headless --norestore --nolockcheck -env:UserInstallation=file://";
        auto start = [&](const std::string& profile, const std::string& to, const fs::path& source) {
            return soffice + (dir / profile).string() + " --convert-to " + to + " --outdir " + quote(dir / "made") + " " + quote(source);
        };
        const CommandResult made = run_shell(start("p1", "doc", corpus_docx) + " & " + start("p2", "rtf", corpus_docx) + " & " +
                                             start("p3", "xls", source_xlsx) + " & wait");
        REQUIRE_MESSAGE(fs::exists(dir / "made/wumachang.doc"), made.err);
        REQUIRE_MESSAGE(fs::exists(dir / "made/wumachang.rtf"), made.err);
        REQUIRE_MESSAGE(fs::exists(dir / "made/wumachang-one-sheet.xls"), made.err);
    }
    fs::path doc() const { return dir / "made/wumachang.doc"; }
    fs::path rtf() const { return dir / "made/wumachang.rtf"; }
    fs::path xls() const { return dir / "made/wumachang-one-sheet.xls"; }
};

const Fixture& fixture() {
    static const Fixture made;
    return made;
}

// The model as our JSON gives it, without the fields that say where it was read from.
nlohmann::json without_source(nlohmann::json j) {
    if (j.is_object()) {
        j.erase("source");
        for (auto& [key, value] : j.items()) value = without_source(value);
    } else if (j.is_array()) {
        for (auto& value : j) value = without_source(value);
    }
    return j;
}

nlohmann::json model_json(const fs::path& json_file) { return without_source(nlohmann::json::parse(read_file(json_file))); }

// The FIB's fEncrypted flag set in a copy of a real .doc: what Word writes for a password.
std::string with_password_flag(std::string bytes) {
    const auto directory = office::OleDirectory::read(bytes);
    REQUIRE(directory);
    const office::OleStream* word = directory->find("WordDocument");
    REQUIRE(word);
    const size_t fib = (static_cast<size_t>(word->start_sector) + 1) * 512;
    REQUIRE(bytes.substr(fib, 2) == "\xEC\xA5");
    bytes[fib + 0x0B] = static_cast<char>(bytes[fib + 0x0B] | 0x01);
    return bytes;
}

// Killed, a process is left for init to reap: gone, or a zombie until then.
bool is_running(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string number, name, state;
    return stat >> number >> name >> state && state != "Z";
}

std::string env_dutylist(const std::string& env, const std::string& arguments) {
    return "env " + env + " " + quote(dutylist_exe()) + " " + arguments + " </dev/null";
}

}  // namespace

TEST_CASE("legacy files are recognised by their content, not their name") {
    const Fixture& f = fixture();
    CHECK(office::legacy_kind(read_file(f.doc())) == office::LegacyKind::word);
    CHECK(office::legacy_kind(read_file(f.xls())) == office::LegacyKind::workbook);
    CHECK(office::legacy_kind(read_file(f.rtf())) == office::LegacyKind::rtf);
    CHECK(office::legacy_kind(read_file(corpus_docx)) == office::LegacyKind::none);
    CHECK_FALSE(office::is_encrypted_word(read_file(f.doc())));
    CHECK(office::is_encrypted_word(with_password_flag(read_file(f.doc()))));
    // Cut short, the allocation table or directory is missing: not taken for a .doc.
    const std::string doc = read_file(f.doc());
    CHECK(office::legacy_kind(doc.substr(0, 2048)) == office::LegacyKind::none);
    CHECK(office::legacy_kind(doc.substr(0, 511)) == office::LegacyKind::none);
}

TEST_CASE("a compound file whose allocation table loops is refused at once") {
    // 8 MB of sectors, each a DIFAT sector listing sector 0 as FAT and pointing to itself next.
    std::string bytes = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0');
    bytes[0x1E] = 9;
    for (size_t i = 0; i < 109; ++i) bytes.replace(0x4C + 4 * i, 4, "\xFF\xFF\xFF\xFF");
    bytes.append(8u << 20, '\0');
    const auto started = std::chrono::steady_clock::now();
    CHECK_FALSE(office::OleDirectory::read(bytes));
    CHECK(office::legacy_kind(bytes) == office::LegacyKind::none);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
}

TEST_CASE("a folder of .doc, .rtf and .xls converts in one run with the models of their sources") {
    const Fixture& f = fixture();
    TempDir work;
    fs::create_directories(work / "in");
    fs::copy_file(f.doc(), work / "in/list.doc");
    fs::copy_file(f.rtf(), work / "in/list.rtf");
    fs::copy_file(f.xls(), work / "in/sheet.xls");
    // No Kingsoft WPS here to make a .wps or .et: the formats it writes under those names.
    fs::copy_file(f.doc(), work / "in/wps.wps");
    fs::copy_file(f.xls(), work / "in/et.et");
    // Macro-enabled and template packages are OOXML like the rest: read natively, macros never run.
    fs::copy_file(corpus_docx, work / "in/list.docm");
    fs::copy_file(source_xlsx, work / "in/sheet.xlsm");
    write_file(work / "in/notes.txt", "会议记录\n");
    write_file(work / "in/bad.doc", read_file(f.doc()).substr(0, 4096));
    fs::create_directories(work / "tmp");

    const auto started = std::chrono::steady_clock::now();
    // On a terminal (script(1) gives it one), where the summary line is shown; its output, the
    // terminal's, is standard output here.
    const std::string command = env_dutylist("TMPDIR=" + quote(work / "tmp"), "convert " + quote(work / "in") + " -t json -o " + quote(work / "out"));
    const CommandResult run = run_shell("script -qec " + quote(command + "; exit $?") + " /dev/null");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    MESSAGE("folder of 5 legacy and 2 OOXML files converted in ", seconds, " s");
    CHECK(run.exit_code == 1);
    CHECK_MESSAGE(run.out.find("converted 7 of 9 files; skipped: ") != std::string::npos, run.out);
    CHECK(run.out.find("notes.txt (not a duty list format)") != std::string::npos);
    CHECK(run.out.find(" files with LibreOffice first…") != std::string::npos);
    CHECK(run.out.find("bad.doc (") != std::string::npos);
    CHECK_MESSAGE(fs::is_empty(work / "tmp"), "LibreOffice's temporary folder was left behind");

    const CommandResult reference =
        run_dutylist("convert " + quote(corpus_docx) + " " + quote(source_xlsx) + " -t json -o " + quote(work / "ref"));
    REQUIRE_MESSAGE(reference.exit_code == 0, reference.err);
    const nlohmann::json docx_model = model_json(work / "ref/wumachang.json");
    CHECK(model_json(work / "out/list.doc.json") == docx_model);
    CHECK(model_json(work / "out/list.rtf.json") == docx_model);
    CHECK(model_json(work / "out/list.docm.json") == docx_model);
    CHECK(model_json(work / "out/wps.json") == docx_model);
    CHECK(model_json(work / "out/et.json") == model_json(work / "ref/wumachang-one-sheet.json"));
    CHECK(model_json(work / "out/sheet.xls.json") == model_json(work / "ref/wumachang-one-sheet.json"));
    CHECK(model_json(work / "out/sheet.xlsm.json") == model_json(work / "ref/wumachang-one-sheet.json"));

    // The source names the original file and format; every cell matches the corpus truth.
    for (const auto& [name, format] : {std::pair{"list.doc.json", "doc"}, {"list.rtf.json", "rtf"}, {"sheet.xls.json", "xls"}}) {
        const std::string json = read_file(work / "out" / name);
        CHECK(nlohmann::json::parse(json)["source"]["format"] == format);
        const TruthReport report = compare_with_truth(read_document({name, json}, {}), corpus("wumachang/truth.json"));
        CHECK_MESSAGE(report.exact_cells == report.cells, name, ": ", report.summary());
    }
}

TEST_CASE("a password-protected .doc is refused without starting LibreOffice") {
    TempDir work;
    write_file(work / "locked.doc", with_password_flag(read_file(fixture().doc())));
    // No LibreOffice on PATH: the refusal must come before any conversion is tried.
    const CommandResult run = run_shell(env_dutylist("PATH=/nonexistent", "convert " + quote(work / "locked.doc") + " -o " + quote(work.path())));
    CHECK(run.exit_code == 1);
    CHECK_MESSAGE(run.err.find("protected by a password") != std::string::npos, run.err);
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
}

TEST_CASE("without LibreOffice, one line names the package to install") {
    TempDir work;
    const Fixture& f = fixture();
    const CommandResult doc = run_shell(env_dutylist("PATH=/nonexistent", "convert " + quote(f.doc()) + " -o " + quote(work.path())));
    CHECK(doc.exit_code == 1);
    CHECK_MESSAGE(doc.err.find("apt-get install libreoffice-writer-nogui") != std::string::npos, doc.err);
    CHECK(std::count(doc.err.begin(), doc.err.end(), '\n') == 1);
    const CommandResult xls = run_shell(env_dutylist("PATH=/nonexistent", "convert " + quote(f.xls()) + " -o " + quote(work.path())));
    CHECK(xls.exit_code == 1);
    CHECK_MESSAGE(xls.err.find("apt-get install libreoffice-calc-nogui") != std::string::npos, xls.err);
    CHECK(fs::is_empty(work.path()));
}

TEST_CASE("a LibreOffice that hangs is stopped with everything it started, within the time limit") {
    TempDir work;
    fs::create_directories(work / "bin");
    fs::create_directories(work / "tmp");
    // Stands in for soffice: starts a helper (as soffice starts soffice.bin) and never finishes.
    write_file(work / "bin/soffice", "#!/bin/sh\nsleep 300 &\necho $! > " + quote(work / "helper.pid") + "\nwait\n");
    fs::permissions(work / "bin/soffice", fs::perms::owner_all);
    const fs::path doc = fixture().doc();
    const auto started = std::chrono::steady_clock::now();
    const CommandResult run = run_shell(env_dutylist("PATH=" + quote(work / "bin") + ":/usr/bin:/bin TMPDIR=" + quote(work / "tmp"),
                                                     "convert " + quote(doc) + " --convert-timeout 1 -o " + quote(work.path())));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(run.exit_code == 1);
    CHECK_MESSAGE(run.err.find("did not finish converting it within 1 s") != std::string::npos, run.err);
    CHECK(seconds < 10);
    REQUIRE(fs::exists(work / "helper.pid"));
    const pid_t helper = std::stoi(read_file(work / "helper.pid"));
    for (int i = 0; i < 50 && is_running(helper); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK_MESSAGE(!is_running(helper), "the helper LibreOffice started is still running");
    CHECK(fs::is_empty(work / "tmp"));
}

TEST_CASE("a signal that ends dutylist ends LibreOffice too, though it runs in a process group of its own") {
    TempDir work;
    fs::create_directories(work / "bin");
    write_file(work / "bin/soffice", "#!/bin/sh\nsleep 300 &\necho $! > " + quote(work / "helper.pid") + "\nwait\n");
    fs::permissions(work / "bin/soffice", fs::perms::owner_all);
    // SIGTERM, handled as Ctrl-C's SIGINT is (which a shell's background job would ignore).
    // The private folder is left behind on a signal (README): in this test's own folder.
    fs::create_directories(work / "tmp");
    const std::string command = env_dutylist("PATH=" + quote(work / "bin") + ":/usr/bin:/bin TMPDIR=" + quote(work / "tmp"),
                                             "convert " + quote(fixture().doc()) + " -o " + quote(work / "out"));
    const CommandResult run = run_shell(command + " & p=$!; i=0; while [ ! -s " + quote(work / "helper.pid") +
                                        " ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done; kill -TERM $p; wait $p");
    CHECK(run.exit_code == 128 + SIGTERM);
    REQUIRE(fs::exists(work / "helper.pid"));
    const pid_t helper = std::stoi(read_file(work / "helper.pid"));
    for (int i = 0; i < 50 && is_running(helper); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK_MESSAGE(!is_running(helper), "the helper LibreOffice started is still running");
}

TEST_CASE("--help lists the legacy extensions and says they need LibreOffice") {
    const CommandResult help = run_dutylist("--help");
    for (const char* pattern : {"*.doc", "*.wps", "*.rtf", "*.xls", "*.et", "libreoffice-writer-nogui"})
        CHECK_MESSAGE(help.out.find(pattern) != std::string::npos, pattern);
}
