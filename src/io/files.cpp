#include "io/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <iterator>
#include <memory>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "io/temporary_files.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace dutylist {
namespace fs = std::filesystem;

namespace {

// Temporary names are the process id and a count, so another name is tried only when a file of
// that name was left by an earlier process of the same id; a few tries find a free one.
constexpr int max_temporary_name_attempts = 16;

std::string size_text(size_t bytes) { return fmt::format("{} MB", bytes / (1024 * 1024)); }

std::string read_fd(int fd, size_t max_bytes, const std::string& what, size_t expected = 0) {
    std::string data;
    // A regular file's size is known: one allocation instead of a doubling chain of copies.
    data.reserve(std::min(expected, max_bytes) + 1);
    char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EISDIR) throw Error(_("is a folder, not a file"));
            throw Error(fmt::format(fmt::runtime(_("cannot be read ({})")), std::strerror(errno)));
        }
        if (n == 0) break;
        data.append(buffer, static_cast<size_t>(n));
        if (data.size() > max_bytes) throw Error(fmt::format("{} is larger than the limit of {}", what, size_text(max_bytes)));
    }
    return data;
}

}  // namespace

void write_stdout(std::string_view bytes) {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    if (!std::cout) throw Error(_("cannot write to standard output"));
}

InputFile read_input(const std::string& path, size_t max_bytes) {
    if (path == "-") return {"-", read_fd(STDIN_FILENO, max_bytes, "standard input")};
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT) throw Error(_("file not found"));
        throw Error(fmt::format(fmt::runtime(_("cannot be read ({})")), std::strerror(errno)));
    }
    if (S_ISDIR(st.st_mode)) throw Error(_("is a folder, not a file"));
    // Opening a FIFO waits for a writer and a device may never end: only files are read.
    if (!S_ISREG(st.st_mode))
        throw Error(fmt::format(fmt::runtime(_("is {}, not a regular file")), S_ISFIFO(st.st_mode)   ? _("a named pipe (FIFO)")
                                                          : S_ISSOCK(st.st_mode) ? _("a socket")
                                                          : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? _("a device")
                                                                                                       : _("a special file")));
    if (static_cast<size_t>(st.st_size) > max_bytes)
        throw Error(fmt::format(fmt::runtime(_("the file is larger than the limit of {}")), size_text(max_bytes)));
    // O_NONBLOCK: should the file be swapped for a FIFO after the check, open does not wait.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno == EACCES) throw Error(_("cannot be read (permission denied)"));
        throw Error(fmt::format(fmt::runtime(_("cannot be read ({})")), std::strerror(errno)));
    }
    try {
        struct stat opened {};
        if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode)) throw Error(_("is not a regular file"));
        std::string bytes = read_fd(fd, max_bytes, "the file", static_cast<size_t>(st.st_size));
        ::close(fd);
        return {fs::path(path).filename().string(), std::move(bytes)};
    } catch (...) {
        ::close(fd);
        throw;
    }
}

AtomicFile::AtomicFile(fs::path path) : path_(std::move(path)) {
    fs::path dir = path_.parent_path().empty() ? fs::path(".") : path_.parent_path();
    // Not named after the output: a name near the folder's limit would leave no room. The name
    // is remembered before the file is created, so a signal at any moment finds it (mkstemp
    // would create it first). O_EXCL and O_NOFOLLOW: never a file or link someone else put there.
    static std::atomic<unsigned> made{0};
    int err = EEXIST;
    for (int attempt = 0; attempt < max_temporary_name_attempts && err == EEXIST; ++attempt) {
        temporary_ = (dir / fmt::format(".dutylist.tmp-{}-{}", ::getpid(), made++)).string();
        slot_ = remember_temporary(temporary_);
        fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd_ >= 0) return;
        err = errno;
        forget_temporary(slot_);
        slot_ = -1;
    }
    throw Error(fmt::format(fmt::runtime(_("cannot write to {} ({})")), dir.string(), std::strerror(err)));
}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::discard() {
    if (closed_) ::unlink(temporary_.c_str());
    closed_ = false;
    if (fd_ >= 0) {
        ::close(fd_);
        ::unlink(temporary_.c_str());
        fd_ = -1;
    }
    forget_temporary(slot_);
    slot_ = -1;
}

void AtomicFile::append(std::string_view bytes) {
    if (fd_ < 0) throw Error(fmt::format("cannot write {} (already closed)", path_.string()));
    size_t written = 0;
    while (written < bytes.size()) {
        ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int err = n < 0 ? errno : ENOSPC;
            discard();
            throw Error(fmt::format(fmt::runtime(_("cannot write {} ({})")), path_.string(), std::strerror(err)));
        }
        written += static_cast<size_t>(n);
    }
}

void AtomicFile::commit() {
    close();
    rename();
}

void AtomicFile::close() {
    if (fd_ < 0) throw Error(fmt::format("cannot write {} (already closed)", path_.string()));
    // Created 0600, unread while half-written; outputs are ordinary files, readable as the umask allows.
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd_, 0666 & ~mask);
    int fd = fd_;
    fd_ = -1;
    closed_ = true;
    if (::close(fd) != 0) fail(errno);
}

void AtomicFile::rename() {
    if (!closed_) throw Error(fmt::format("cannot write {} (not closed)", path_.string()));
    closed_ = false;
    if (::rename(temporary_.c_str(), path_.c_str()) != 0) fail(errno);
    forget_temporary(slot_);
    slot_ = -1;
}

void AtomicFile::fail(int err) {
    ::unlink(temporary_.c_str());
    closed_ = false;
    forget_temporary(slot_);
    slot_ = -1;
    throw Error(fmt::format(fmt::runtime(_("cannot write {} ({})")), path_.string(), std::strerror(err)));
}

void write_file_atomically(const fs::path& path, std::string_view bytes) {
    AtomicFile file(path);
    file.append(bytes);
    file.commit();
}

void write_files_together(const std::vector<FileToWrite>& files) {
    // Checked before anything is written: the temporary names are short, but the name itself
    // must fit the folder's limit.
    for (const auto& f : files) {
        const fs::path dir = f.path.parent_path().empty() ? fs::path(".") : f.path.parent_path();
        const long longest = ::pathconf(dir.c_str(), _PC_NAME_MAX);
        if (longest > 0 && f.path.filename().string().size() > static_cast<size_t>(longest))
            throw Error(fmt::format(fmt::runtime(_("cannot write {}: the name is longer than the {} bytes a file name may have here")),
                                    f.path.string(), longest));
    }
    std::vector<std::unique_ptr<AtomicFile>> temporaries;
    for (const auto& f : files) {
        temporaries.push_back(std::make_unique<AtomicFile>(f.path));
        temporaries.back()->append(f.bytes);
        temporaries.back()->close();
    }
    // Outputs already renamed are remembered like temporaries until the last one is in place,
    // so a signal in between leaves none of them either.
    std::vector<int> renamed;
    auto forget_renamed = [&] {
        for (int slot : renamed) forget_temporary(slot);
    };
    try {
        for (size_t i = 0; i < temporaries.size(); ++i) {
            temporaries[i]->rename();
            renamed.push_back(remember_temporary(files[i].path.string()));
        }
    } catch (...) {
        for (size_t i = 0; i < renamed.size(); ++i) ::unlink(files[i].path.c_str());
        forget_renamed();
        throw;
    }
    forget_renamed();
}

std::string output_stem(const std::string& input_path) {
    if (input_path == "-") return "stdin";
    std::string stem = fs::path(input_path).stem().string();
    std::string safe;
    for (size_t i = 0; i < stem.size();) {
        size_t start = i;
        char32_t cp = next_code_point(stem, i);
        if (cp < 0x20 || cp == 0x7F || cp == '/' || cp == '\\' || cp == 0xFFFD) safe += '_';
        else safe.append(stem, start, i - start);
    }
    if (safe.empty() || safe == "." || safe == "..") safe = "output";
    return safe;
}

}  // namespace dutylist
