// Small helpers over libxml2 trees for WordprocessingML: elements and attributes are matched by
// namespace URI and local name, never by prefix (LibreOffice and WPS use other prefixes).
#pragma once

#include <libxml/tree.h>

#include <cstring>
#include <string>

namespace dutylist::docx {

inline constexpr const char* ns_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* ns_w_strict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
inline constexpr const char* ns_mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";

inline const char* chars(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

inline bool is_w_ns(const xmlNs* ns) {
    return ns && (std::strcmp(chars(ns->href), ns_w) == 0 || std::strcmp(chars(ns->href), ns_w_strict) == 0);
}

inline bool is_element(const xmlNode* n) { return n->type == XML_ELEMENT_NODE; }

// A w: element with this local name.
inline bool is_w(const xmlNode* n, const char* local) {
    return n->type == XML_ELEMENT_NODE && std::strcmp(chars(n->name), local) == 0 && is_w_ns(n->ns);
}

inline bool is_mc(const xmlNode* n, const char* local) {
    return n->type == XML_ELEMENT_NODE && std::strcmp(chars(n->name), local) == 0 && n->ns &&
           std::strcmp(chars(n->ns->href), ns_mc) == 0;
}

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

inline int int_val(const xmlNode* n, int fallback) {
    const char* v = n ? w_attr(n, "val") : nullptr;
    if (!v || !*v) return fallback;
    char* end = nullptr;
    long x = std::strtol(v, &end, 10);
    if (*end || x < -1000000 || x > 1000000) return fallback;
    return static_cast<int>(x);
}

// An ST_OnOff property such as <w:tblHeader/> or <w:vanish w:val="false"/>: null is off.
inline bool on(const xmlNode* n) {
    if (!n) return false;
    const char* v = w_attr(n, "val");
    if (!v) return true;
    return !(std::strcmp(v, "false") == 0 || std::strcmp(v, "0") == 0 || std::strcmp(v, "off") == 0);
}

}  // namespace dutylist::docx
