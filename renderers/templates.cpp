#include "renderers/templates.hpp"

#include <string>

#include "model/error.hpp"

namespace dutylist {

std::string_view template_file(std::string_view path) {
    for (const auto& f : embedded_files())
        if (f.path == path) return f.bytes;
    throw Error("this dutylist was built without its template " + std::string(path));
}

std::string fill_template(std::string_view page, const std::map<std::string, std::string>& values) {
    std::string out;
    out.reserve(page.size());
    size_t pos = 0;
    for (size_t open; (open = page.find("{{", pos)) != std::string_view::npos;) {
        const size_t close = page.find("}}", open);
        if (close == std::string_view::npos) break;
        const std::string name(page.substr(open + 2, close - open - 2));
        const auto it = values.find(name);
        if (it == values.end()) throw Error("a template names an unknown field {{" + name + "}}");
        out.append(page.substr(pos, open - pos));
        out += it->second;
        pos = close + 2;
    }
    out.append(page.substr(pos));
    return out;
}

std::vector<EmbeddedFile> template_folder(std::string_view folder) {
    std::vector<EmbeddedFile> out;
    for (const auto& f : embedded_files())
        if (f.path.starts_with(folder)) out.push_back({f.path.substr(folder.size()), f.bytes});
    return out;
}

}  // namespace dutylist
