#include "io/run_inputs.hpp"

#include <sys/stat.h>

#include <fmt/format.h>

#include "model/error.hpp"

namespace dutylist {

void RunInputs::add(const std::string& path) {
    struct stat st {};
    if (path != "-" && ::stat(path.c_str(), &st) == 0) files_.emplace(std::pair{st.st_dev, st.st_ino}, path);
}

void RunInputs::refuse_overwrite(const std::filesystem::path& output) const {
    struct stat st {};
    if (::stat(output.c_str(), &st) != 0) return;
    auto input = files_.find({st.st_dev, st.st_ino});
    if (input == files_.end()) return;
    throw Error(fmt::format("the output {} would overwrite the input {}; choose another folder or name with -o", output.string(),
                            input->second));
}

}  // namespace dutylist
