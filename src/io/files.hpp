// Reading inputs and writing outputs safely: an output is written to a temporary file next
// to it and renamed, so a failure never leaves a partial or empty file behind.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "reader.hpp"

namespace dutylist {

// Reads a whole file ("-": standard input). Throws Error with a plain reason: not found, a
// folder, a named pipe, socket or device (not a regular file), permission denied, larger than
// max_bytes.
InputFile read_input(const std::string& path, size_t max_bytes);

// An output written piece by piece: the pieces go to a temporary file in the same folder,
// and commit() renames it into place. Destroyed without commit() (a failure on the way), it
// removes the temporary file, so the path never holds a partial output. Throws Error.
class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void append(std::string_view bytes);
    void commit();
    // commit() in two steps, for outputs that appear together: close() makes the temporary
    // file whole, rename() puts it in place.
    void close();
    void rename();

private:
    void discard();
    [[noreturn]] void fail(int err);

    std::filesystem::path path_;
    std::string temporary_;
    int fd_ = -1;
    bool closed_ = false;  // whole, waiting for rename()
    int slot_ = -1;        // in io/temporary_files, for the signal handler
};

// Writes bytes to path through a temporary file in the same folder and a rename.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

struct FileToWrite {
    std::filesystem::path path;
    std::string_view bytes;
};

// Writes the outputs of one input together: all to temporary files, then all renamed into
// place; if any fails (a name too long, a folder in the way, a full disk), every one of them
// is removed, those already renamed too, so an input has all of its outputs or none. Throws Error.
void write_files_together(const std::vector<FileToWrite>& files);

// Writes bytes to standard output and flushes them. Throws Error.
void write_stdout(std::string_view bytes);

// The file name stem of an input path, made safe as an output name ("-" gives "stdin").
std::string output_stem(const std::string& input_path);

}  // namespace dutylist
