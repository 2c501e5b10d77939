// The files one run reads, known by identity (device and inode) rather than by name, so that no
// output of the run replaces one of them whatever path names it: another spelling, a link, the
// output of an earlier run that this run reads as an input (convert d -o d, twice), standard
// input redirected from the file an output would replace, or standard output appending to an
// input (>> a.json).
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>
#include <utility>

namespace dutylist {

class RunInputs {
public:
    // Remembers the file at path as an input ("-": the file standard input reads, when it is
    // one); paths that name no file are left out (they cannot be replaced, and their reader
    // reports them).
    void add(const std::string& path);

    // Throws Error when writing output would replace one of the inputs: every subcommand that
    // writes a file asks this for each of its outputs before it writes any of them.
    void refuse_overwrite(const std::filesystem::path& output) const;

    // Throws Error when standard output is one of the inputs (a.json read while `>> a.json`
    // appends to it), its message to follow the name "standard output": every subcommand that
    // writes to standard output asks before it reads.
    void refuse_stdout() const;

private:
    const std::string* find(dev_t device, ino_t inode) const;  // the input of that identity, if any

    std::map<std::pair<dev_t, ino_t>, std::string> files_;  // identity → the path as given
};

}  // namespace dutylist
