// Small helpers over libxml2 trees for WordprocessingML, on the package module's namespace-aware
// ones (package/xml_nodes.hpp): w: elements and attributes in either spelling of the namespace.
#pragma once

#include <libxml/tree.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "package/ooxml_names.hpp"
#include "package/xml_nodes.hpp"

namespace dutylist::docx {

using package::chars;
using package::is_element;

inline bool is_w_ns(const xmlNs* ns) { return package::in_namespace(ns, package::ns_w) || package::in_namespace(ns, package::ns_w_strict); }

// A w: element with this local name.
inline bool is_w(const xmlNode* n, const char* local) {
    return n->type == XML_ELEMENT_NODE && std::strcmp(chars(n->name), local) == 0 && is_w_ns(n->ns);
}

inline bool is_mc(const xmlNode* n, const char* local) { return package::is_element(n, package::ns_mc, local); }

// The first w: child with this local name, or null.
inline xmlNode* w_child(const xmlNode* n, const char* local) {
    for (xmlNode* c = n ? n->children : nullptr; c; c = c->next)
        if (is_w(c, local)) return c;
    return nullptr;
}

// A w: attribute's value, or null when absent. The value points into the tree.
inline const char* w_attr(const xmlNode* n, const char* local) {
    for (const xmlAttr* a = n ? n->properties : nullptr; a; a = a->next) {
        if (std::strcmp(chars(a->name), local) != 0 || !is_w_ns(a->ns)) continue;
        if (a->children && a->children->type == XML_TEXT_NODE && !a->children->next) return chars(a->children->content);
        return "";
    }
    return nullptr;
}

inline std::string w_val(const xmlNode* n) {
    const char* v = w_attr(n, "val");
    return v ? v : "";
}

// A w: attribute as a whole number within ±10^6, or the fallback.
inline int int_attr(const xmlNode* n, const char* local, int fallback) {
    const char* v = n ? w_attr(n, local) : nullptr;
    if (!v || !*v) return fallback;
    char* end = nullptr;
    long x = std::strtol(v, &end, 10);
    if (*end || x < -1000000 || x > 1000000) return fallback;
    return static_cast<int>(x);
}

inline int int_val(const xmlNode* n, int fallback) { return int_attr(n, "val", fallback); }

// An ST_OnOff property such as <w:tblHeader/> or <w:vanish w:val="false"/>: null is off.
inline bool on(const xmlNode* n) {
    if (!n) return false;
    const char* v = w_attr(n, "val");
    if (!v) return true;
    return !(std::strcmp(v, "false") == 0 || std::strcmp(v, "0") == 0 || std::strcmp(v, "off") == 0);
}

}  // namespace dutylist::docx
