#include "server/upload_folder.hpp"

#include <cerrno>
#include <cstring>
#include <system_error>

#include <stdlib.h>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/error.hpp"

namespace dutylist::server {
namespace fs = std::filesystem;

UploadFolder::UploadFolder(const fs::path& root) {
    std::error_code ec;
    const fs::path base = root.empty() ? fs::temp_directory_path(ec) : root;
    if (ec) throw Error(fmt::format(fmt::runtime(_("the server has no temporary folder for uploads ({})")), ec.message()));
    std::string pattern = (base / "dutylist-upload-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        throw Error(fmt::format(fmt::runtime(_("the server cannot make a folder for the upload ({})")), std::strerror(errno)));
    path_ = pattern;
}

UploadFolder::~UploadFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

}  // namespace dutylist::server
