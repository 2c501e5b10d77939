// The file of a dataset writer (-t jsonl): the records of every converted input, in input
// order, written as each input finishes rather than gathered, so that memory stays that of the
// files being converted however many there are, and no long serial write is left for the end.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "io/files.hpp"
#include "model/error.hpp"
#include "writer.hpp"

namespace dutylist::cli {

class Dataset {
public:
    // output_dir "-" writes the records to standard output.
    Dataset(const DatasetRendering& rendering, const std::string& output_dir);

    const DatasetRendering& rendering() const { return rendering_; }

    // The records of input `index`; empty when it failed. Inputs that finish early wait until
    // those before them are written.
    void deliver(size_t index, std::string records);

    // Renames the dataset into place once any input converted; throws Error when it could not
    // be written. Without a call, the temporary file is removed.
    void finish();

    std::string name() const { return to_stdout_ ? "-" : path_.string(); }

private:
    void write(const std::string& records);

    const DatasetRendering rendering_;
    const bool to_stdout_;
    std::filesystem::path path_;
    std::optional<AtomicFile> file_;
    std::mutex mutex_;
    std::map<size_t, std::string> pending_;
    size_t next_ = 0;
    std::optional<Error> error_;
};

}  // namespace dutylist::cli
