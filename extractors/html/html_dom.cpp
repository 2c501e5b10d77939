#include "extractors/html/html_dom.hpp"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/error.hpp"

namespace dutylist::html {

void enter(int depth) {
    if (depth > max_nesting)
        throw Error(fmt::format(fmt::runtime(_("the web page is refused: its elements are nested more than {} deep")), max_nesting));
}

int count_attribute(const xmlNode* n, const char* name, int fallback, int low, int high) {
    const std::string value = attribute(n, name);
    char* end = nullptr;
    const long count = std::strtol(value.c_str(), &end, 10);
    if (value.empty() || end == value.c_str()) return fallback;
    return static_cast<int>(std::clamp<long>(count, low, high));
}

bool contains_table(const xmlNode* n, int depth) {
    enter(depth);
    for (const xmlNode* c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (is_tag(c, "table") || contains_table(c, depth + 1))) return true;
    return false;
}

}  // namespace dutylist::html
