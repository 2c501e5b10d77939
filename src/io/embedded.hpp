// Files from templates/ compiled into the binary (cmake/EmbedFiles.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace dutylist {

struct EmbeddedFile {
    std::string_view path;  // relative to templates/, e.g. "html/list.html"
    std::string_view bytes;
};

const std::vector<EmbeddedFile>& embedded_files();

}  // namespace dutylist
