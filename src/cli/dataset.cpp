#include "cli/dataset.hpp"

namespace dutylist::cli {

Dataset::Dataset(const DatasetRendering& rendering, const std::string& output_dir)
    : rendering_(rendering), to_stdout_(output_dir == "-") {
    if (!to_stdout_) {
        path_ = std::filesystem::path(output_dir) / rendering.file;
        file_.emplace(path_);
    }
}

void Dataset::deliver(size_t index, std::string records) {
    std::lock_guard lock(mutex_);
    pending_.emplace(index, std::move(records));
    for (auto it = pending_.begin(); it != pending_.end() && it->first == next_; it = pending_.erase(it), ++next_) {
        if (!error_) write(it->second);
    }
}

void Dataset::finish() {
    if (error_) throw *error_;
    if (file_) file_->commit();
}

void Dataset::write(const std::string& records) {
    try {
        if (to_stdout_) write_stdout(records);
        else file_->append(records);
    } catch (const Error& e) {
        error_ = e;
    }
}

}  // namespace dutylist::cli
