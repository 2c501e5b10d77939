// The files one run reads, known by identity (device and inode) rather than by name, so that no
// output of the run replaces one of them whatever path names it: another spelling, a link, or
// the output of an earlier run that this run reads as an input (convert d -o d, twice).
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>
#include <utility>

namespace dutylist {

class RunInputs {
public:
    // Remembers the file at path as an input; "-" and paths that name no file are left out
    // (they cannot be replaced, and their reader reports them).
    void add(const std::string& path);

    // Throws Error when writing output would replace one of the inputs: every subcommand that
    // writes a file asks this for each of its outputs before it writes any of them.
    void refuse_overwrite(const std::filesystem::path& output) const;

private:
    std::map<std::pair<dev_t, ino_t>, std::string> files_;  // identity → the path as given
};

}  // namespace dutylist
