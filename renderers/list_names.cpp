#include "renderers/list_names.hpp"

#include <map>

namespace dutylist {

std::vector<std::string> list_names(const Document& document, ListNaming naming) {
    std::vector<std::string> names;
    std::map<std::string, int> seen;
    for (const auto& list : document.lists) {
        std::string name = naming == ListNaming::chinese ? kind_label(list.kind) : kind_name(list.kind);
        const int n = ++seen[name];
        names.push_back(n == 1 ? name : name + "-" + std::to_string(n));
    }
    return names;
}

}  // namespace dutylist
