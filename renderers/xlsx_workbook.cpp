#include "renderers/xlsx_workbook.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "io/files.hpp"
#include "io/temporary_files.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace dutylist::xlsx_out {
namespace {

// Names tried for the temporary workbook before giving up: another process's file of the
// same name is the only reason to try again.
constexpr int max_temporary_name_attempts = 16;
// Far above any workbook of a list (the corpus's three lists make about 60 kB).
constexpr size_t max_workbook_bytes = 256u << 20;

double code_point_width(char32_t cp) { return is_cjk(cp) ? 2 : 1; }

}  // namespace

double text_width(std::string_view text) {
    double widest = 0, line = 0;
    for (size_t i = 0; i < text.size();) {
        const char32_t cp = next_code_point(text, i);
        line = cp == '\n' ? 0 : line + code_point_width(cp);
        widest = std::max(widest, line);
    }
    return widest;
}

size_t estimated_lines(std::string_view text, double width) {
    size_t lines = 1;
    double used = 0;
    for (size_t i = 0; i < text.size();) {
        const char32_t cp = next_code_point(text, i);
        if (cp == '\n') {
            ++lines, used = 0;
            continue;
        }
        const double w = code_point_width(cp);
        if (used > 0 && used + w > width - 1) ++lines, used = 0;
        used += w;
    }
    return lines;
}

std::string cell_string(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        const char32_t cp = next_code_point(text, i);
        if (cp == '\n' || (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F))) append_utf8(out, cp);
    }
    return out;
}

WorkbookFile::WorkbookFile(std::string what) : what_(std::move(what)) {
    // The name is remembered before the file is created, so that a signal at any moment finds
    // it (mkstemps would create it first). O_EXCL and O_NOFOLLOW: never a file someone put there.
    static std::atomic<unsigned> made{0};
    const std::filesystem::path dir = std::filesystem::temp_directory_path();
    int fd = -1;
    for (int attempt = 0; attempt < max_temporary_name_attempts; ++attempt) {
        path_ = (dir / ("dutylist-" + std::to_string(::getpid()) + "-" + std::to_string(made++) + ".xlsx")).string();
        slot_ = remember_temporary(path_);
        fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd >= 0) break;
        const int err = errno;
        forget_temporary(slot_);
        slot_ = -1;
        if (err != EEXIST) break;
    }
    if (fd < 0) throw Error(fmt::format(fmt::runtime(_("cannot create a temporary file for {}")), _(what_.c_str())));
    ::close(fd);
    lxw_workbook_options options{};
    book_ = workbook_new_opt(path_.c_str(), &options);
    if (!book_) {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
        forget_temporary(slot_);
        throw Error(fmt::format(fmt::runtime(_("cannot start {}")), _(what_.c_str())));
    }
}

WorkbookFile::~WorkbookFile() {
    // A workbook given up half-way (an error thrown) is closed without a word: it is removed.
    if (book_) workbook_close(book_);
    std::error_code ignored;  // nothing to tell when it is gone already
    std::filesystem::remove(path_, ignored);
    forget_temporary(slot_);
}

void WorkbookFile::check(lxw_error error) const {
    if (error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
        throw Error(fmt::format(fmt::runtime(_("a cell of {} is longer than an XLSX cell can hold (32,767 characters)")), _(what_.c_str())));
    if (error != LXW_NO_ERROR) throw Error(fmt::format(fmt::runtime(_("cannot write {}: {}")), _(what_.c_str()), lxw_strerror(error)));
}

std::string WorkbookFile::finish() {
    const lxw_error error = workbook_close(book_);
    book_ = nullptr;
    if (error != LXW_NO_ERROR) throw Error(fmt::format(fmt::runtime(_("cannot write {}: {}")), _(what_.c_str()), lxw_strerror(error)));
    return read_input(path_, max_workbook_bytes).bytes;
}

}  // namespace dutylist::xlsx_out
