#include "support/paths.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace dutylist::test {
namespace fs = std::filesystem;

fs::path source_dir() { return DUTYLIST_SOURCE_DIR; }
fs::path shared_dir() { return fs::weakly_canonical(fs::path(DUTYLIST_SHARED_DIR)); }
fs::path corpus(const std::string& relative) { return shared_dir() / "corpus" / relative; }

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

TempDir::TempDir() {
    std::random_device rd;
    for (;;) {
        path_ = fs::temp_directory_path() / ("dutylist-test-" + std::to_string(rd()));
        if (fs::create_directory(path_)) break;
    }
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::string quote(const fs::path& path) {
    std::string s = "'";
    for (char c : path.string()) s += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return s + "'";
}

CommandResult run_shell(const std::string& command, const fs::path& cwd) {
    TempDir tmp;
    std::string full = "cd " + quote(cwd) + " && " + command + " >" + quote(tmp / "out") + " 2>" + quote(tmp / "err");
    int status = std::system(full.c_str());
    CommandResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_file(tmp / "out");
    r.err = read_file(tmp / "err");
    return r;
}

fs::path dutylist_exe() { return DUTYLIST_EXE; }

CommandResult run_dutylist(const std::string& arguments, const fs::path& cwd, const std::string& stdin_file) {
    std::string command = quote(DUTYLIST_EXE) + " " + arguments;
    if (!stdin_file.empty()) command += " <" + quote(stdin_file);
    else command += " </dev/null";
    return run_shell(command, cwd);
}

}  // namespace dutylist::test
