#include "renderers/templates.hpp"

#include <string>

#include "model/error.hpp"

namespace dutylist {

std::string_view template_file(std::string_view path) {
    for (const auto& f : embedded_files())
        if (f.path == path) return f.bytes;
    throw Error("this dutylist was built without its template " + std::string(path));
}

std::vector<EmbeddedFile> template_folder(std::string_view folder) {
    std::vector<EmbeddedFile> out;
    for (const auto& f : embedded_files())
        if (f.path.starts_with(folder)) out.push_back({f.path.substr(folder.size()), f.bytes});
    return out;
}

}  // namespace dutylist
