#include "extractors/office/libreoffice.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "extractors/office/child_process.hpp"
#include "model/error.hpp"

namespace dutylist::office {
namespace fs = std::filesystem;
namespace {

// A converted file as large as our input limit is a conversion gone wrong, not a list.
constexpr uintmax_t max_converted_bytes = 512u * 1024 * 1024;

// Macros never run (security level "very high" and execution disabled), links to other files
// and referer-less remote content are never updated or fetched (Writer 0 and Calc 1 mean
// "never"), and no update check or first-start wizard.
constexpr std::string_view profile_settings = R"(<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>1</value></prop></item>
<item oor:path="/org.openoffice.Office.Update/Update"><prop oor:name="Enabled" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="FirstStartWizardCompleted" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
)";

// A folder only we can read, removed with everything in it when the object goes.
class PrivateFolder {
public:
    PrivateFolder() {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = (fs::path(tmp && *tmp ? tmp : "/tmp") / "dutylist-office-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw Error("cannot make a temporary folder for LibreOffice's conversion");
        path_ = pattern;
    }
    ~PrivateFolder() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    PrivateFolder(const PrivateFolder&) = delete;
    PrivateFolder& operator=(const PrivateFolder&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

void write_private(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) throw Error("cannot write a file for LibreOffice's conversion (is the temporary folder full?)");
}

std::optional<fs::path> find_soffice() {
    const char* path = std::getenv("PATH");
    std::string_view dirs = path ? path : "/usr/bin:/bin";
    while (!dirs.empty()) {
        const size_t colon = dirs.find(':');
        const fs::path candidate = fs::path(std::string(dirs.substr(0, colon))) / "soffice";
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
        dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
    }
    return std::nullopt;
}

// -env:UserInstallation takes a URL: a TMPDIR with spaces or Chinese in it is percent-encoded.
std::string file_url(const fs::path& path) {
    std::string url = "file://";
    for (unsigned char c : path.string()) {
        if (std::isalnum(c) || std::string_view("/-._~").find(static_cast<char>(c)) != std::string_view::npos) url += static_cast<char>(c);
        else url += fmt::format("%{:02X}", c);
    }
    return url;
}

// The last line LibreOffice wrote, to name why it failed as a whole.
std::string last_log_line(const fs::path& log) {
    std::ifstream in(log);
    std::string line, last;
    while (std::getline(in, line))
        if (!line.empty()) last = line;
    return last.substr(0, 200);
}

size_t files_in(const fs::path& dir) {
    std::error_code ec;
    size_t n = 0;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) ++n;
    return n;
}

std::optional<std::string> read_converted(const fs::path& path) {
    std::error_code ec;
    const uintmax_t size = fs::file_size(path, ec);
    if (ec || size == 0 || size > max_converted_bytes) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) return std::nullopt;
    return bytes;
}

struct Batch {
    fs::path soffice;
    fs::path folder;
    Target target;
    std::chrono::seconds stall_limit;
};

// One LibreOffice start over the inputs at `pending` (in/N.ext → out/N.docx). Fills their
// results; returns those to go on with after a hang: the inputs behind the one that hung.
std::vector<size_t> run_batch(const Batch& batch, const std::vector<ConversionInput>& inputs, const std::vector<size_t>& pending,
                              std::vector<Conversion>& results) {
    const std::string extension = batch.target == Target::docx ? "docx" : "xlsx";
    const fs::path out = batch.folder / "out";
    std::vector<std::string> argv = {batch.soffice.string(),
                                     "-env:UserInstallation=" + file_url(batch.folder / "profile"),
                                     "--headless", "--invisible", "--norestore", "--nolockcheck", "--nologo", "--nodefault",
                                     "--convert-to",
                                     batch.target == Target::docx ? "docx:MS Word 2007 XML" : "xlsx:Calc MS Excel 2007 XML",
                                     "--outdir", out.string()};
    for (size_t i : pending) argv.push_back((batch.folder / "in" / fmt::format("{}{}", i, inputs[i].extension)).string());
    const ChildOutcome outcome = run_child(argv, (batch.folder / "log").string(),
                                           std::chrono::duration_cast<std::chrono::milliseconds>(batch.stall_limit),
                                           [&] { return files_in(out); });
    std::vector<size_t> again;
    bool hung_one_named = false;
    const bool failed_whole = !outcome.stalled && outcome.exit_code != 0 && files_in(out) == 0;
    for (size_t i : pending) {
        if (auto bytes = read_converted(out / fmt::format("{}.{}", i, extension))) {
            results[i].bytes = std::move(bytes);
        } else if (outcome.stalled && !hung_one_named) {
            // LibreOffice converts in the order given: the first without output is the one it hung on.
            hung_one_named = true;
            results[i].failure = fmt::format("LibreOffice did not finish converting it within {} s (--convert-timeout); it was stopped",
                                             batch.stall_limit.count());
        } else if (outcome.stalled) {
            again.push_back(i);
        } else if (failed_whole) {
            results[i].failure = fmt::format("LibreOffice failed ({})", outcome.exit_code < 0 ? "ended by a signal"
                                                                         : fmt::format("exit {}: {}", outcome.exit_code, last_log_line(batch.folder / "log")));
        } else {
            results[i].failure = "LibreOffice could not open it: the file is damaged, cut short or protected by a password";
        }
    }
    return again;
}

}  // namespace

std::vector<Conversion> convert_with_libreoffice(const std::vector<ConversionInput>& inputs, Target target,
                                                 std::chrono::seconds stall_limit) {
    std::vector<Conversion> results(inputs.size());
    if (inputs.empty()) return results;
    const std::optional<fs::path> soffice = find_soffice();
    if (!soffice) {
        for (auto& r : results)
            r.failure = fmt::format("reading this format needs LibreOffice, which is not installed (Debian: apt-get install {})",
                                    target == Target::docx ? "libreoffice-writer-nogui" : "libreoffice-calc-nogui");
        return results;
    }
    try {
        PrivateFolder folder;
        fs::create_directories(folder.path() / "in");
        fs::create_directories(folder.path() / "out");
        fs::create_directories(folder.path() / "profile" / "user");
        write_private(folder.path() / "profile" / "user" / "registrymodifications.xcu", profile_settings);
        std::vector<size_t> pending;
        for (size_t i = 0; i < inputs.size(); ++i) {
            write_private(folder.path() / "in" / fmt::format("{}{}", i, inputs[i].extension), inputs[i].bytes);
            pending.push_back(i);
        }
        const Batch batch{*soffice, folder.path(), target, stall_limit};
        while (!pending.empty()) pending = run_batch(batch, inputs, pending, results);
    } catch (const std::exception& e) {
        for (auto& r : results)
            if (!r.bytes && r.failure.empty()) r.failure = std::string("LibreOffice's conversion failed: ") + e.what();
    }
    return results;
}

}  // namespace dutylist::office
