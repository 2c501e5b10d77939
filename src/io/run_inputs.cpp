#include "io/run_inputs.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/error.hpp"

namespace dutylist {

void RunInputs::add(const std::string& path) {
    struct stat st {};
    const bool found = path == "-" ? ::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode) : ::stat(path.c_str(), &st) == 0;
    if (found) files_.emplace(std::pair{st.st_dev, st.st_ino}, path == "-" ? std::string(_("given on standard input")) : path);
}

void RunInputs::refuse_overwrite(const std::filesystem::path& output) const {
    struct stat st {};
    if (::stat(output.c_str(), &st) == 0)
        if (const std::string* input = find(st.st_dev, st.st_ino))
            throw Error(fmt::format(fmt::runtime(_("the output {} would overwrite the input {}; choose another folder or name with -o")),
                                    output.string(), *input));
}

void RunInputs::refuse_stdout() const {
    struct stat st {};
    // A terminal or a pipe is no input; only a file standard output is redirected to can be one.
    if (::fstat(STDOUT_FILENO, &st) == 0 && S_ISREG(st.st_mode))
        if (const std::string* input = find(st.st_dev, st.st_ino))
            throw Error(fmt::format(fmt::runtime(_("is the input {}; writing there would change it, so send the output to another file")), *input));
}

const std::string* RunInputs::find(dev_t device, ino_t inode) const {
    auto input = files_.find({device, inode});
    return input == files_.end() ? nullptr : &input->second;
}

}  // namespace dutylist
