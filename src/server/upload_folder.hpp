// A private folder (mode 0700, from mkdtemp) holding the uploads of one request, removed with
// everything in it when the request is answered. Files in it are named by the form field they
// came from, never by the name the browser sent, so no client's name reaches the file system.
#pragma once

#include <filesystem>
#include <string>

namespace dutylist::server {

class UploadFolder {
public:
    // Under root ("" for the system's temporary folder). Throws Error when it cannot be made.
    explicit UploadFolder(const std::filesystem::path& root);
    ~UploadFolder();
    UploadFolder(const UploadFolder&) = delete;
    UploadFolder& operator=(const UploadFolder&) = delete;

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace dutylist::server
