// Where the tests find the corpus, the project and the dutylist binary; running the binary.
#pragma once

#include <filesystem>
#include <string>

namespace dutylist::test {

// True in the AddressSanitizer build, which needs other memory and time limits.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool under_asan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool under_asan = true;
#else
inline constexpr bool under_asan = false;
#endif
#else
inline constexpr bool under_asan = false;
#endif

std::filesystem::path source_dir();  // the repository
std::filesystem::path shared_dir();  // ../shared next to the repository
std::filesystem::path corpus(const std::string& relative);  // shared_dir()/corpus/relative
std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& bytes);

// A fresh empty folder, removed when the object goes.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs the dutylist binary with these arguments (a shell fragment: quote as in sh) in cwd.
CommandResult run_dutylist(const std::string& arguments, const std::filesystem::path& cwd = ".",
                           const std::string& stdin_file = "");
// The dutylist binary, for a script that starts it itself.
std::filesystem::path dutylist_exe();
// Runs any shell command the same way.
CommandResult run_shell(const std::string& command, const std::filesystem::path& cwd = ".");
std::string quote(const std::filesystem::path& path);

}  // namespace dutylist::test
