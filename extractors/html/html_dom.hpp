// Small helpers over the tree libxml2's HTML parser builds (element names in lower case, no
// namespaces), and the nesting the page walkers follow.
#pragma once

#include <libxml/tree.h>

#include <cstring>
#include <initializer_list>
#include <string>

#include "package/xml_nodes.hpp"

namespace dutylist::html {

// Element nesting the walkers follow: real pages stay far below it (a site template, its
// layout tables and the list's cells are some 30 deep); a page nested 10^5 deep is refused.
inline constexpr int max_nesting = 200;

// Throws Error when `depth` is past max_nesting.
void enter(int depth);

inline bool is_tag(const xmlNode* n, const char* name) {
    return n->type == XML_ELEMENT_NODE && std::strcmp(package::chars(n->name), name) == 0;
}

inline bool is_any_tag(const xmlNode* n, std::initializer_list<const char*> names) {
    for (const char* name : names)
        if (is_tag(n, name)) return true;
    return false;
}

inline std::string attribute(const xmlNode* n, const char* name) { return package::attribute(n, name); }

// An attribute holding a count (colspan, rowspan), clamped to [low, high]; `fallback` when
// absent or not a number.
int count_attribute(const xmlNode* n, const char* name, int fallback, int low, int high);

// Whether any element below `n` (not `n` itself) is a <table>, within max_nesting.
bool contains_table(const xmlNode* n, int depth);

}  // namespace dutylist::html
