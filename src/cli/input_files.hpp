// The files a subcommand reads, from the paths given on its command line: a file as it is
// (whatever its name; the content decides how it is read), a folder as the files under it that a
// reader is meant for by their extension. Shared by convert, inspect and validate, so that each
// takes folders the same way.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace dutylist::cli {

struct FoundInput {
    std::string input;                     // the path as given or found, for messages
    std::filesystem::path relative_dir;  // the file's folder below the folder given; "" for a file given
};

struct InputProblem {
    std::string name;
    std::string reason;
};

struct FoundInputs {
    std::vector<FoundInput> files;        // in the order given, each folder's files sorted
    std::vector<InputProblem> failures;   // folders that cannot be read or hold nothing to read
    std::vector<InputProblem> skipped;    // files in a folder that no reader is meant for
};

// Walks each folder among `given` ("-", standard input, is a file). Skipped inside folders:
// hidden entries (.git, our temporary files), `output_dir` (which a second convert would
// otherwise read again; "" for none) and links to folders, which can loop (as find does).
FoundInputs find_inputs(const std::vector<std::string>& given, const std::filesystem::path& output_dir);

}  // namespace dutylist::cli
