// Reading helpers over the libxml2 trees of xml_part.hpp, shared by every OOXML user: elements
// and attributes are matched by namespace URI and local name, never by prefix (LibreOffice and
// WPS write other prefixes than Office). The WordprocessingML and SpreadsheetML shorthands
// (extractors/docx/docx_xml.hpp, extractors/xlsx/xlsx_xml.hpp) stand on these.
#pragma once

#include <libxml/tree.h>

#include <cstring>
#include <string>
#include <vector>

namespace dutylist::package {

inline const char* chars(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

inline bool is_element(const xmlNode* n) { return n->type == XML_ELEMENT_NODE; }

inline bool in_namespace(const xmlNs* ns, const char* uri) { return ns && std::strcmp(chars(ns->href), uri) == 0; }

// An element of namespace `ns` with this local name.
inline bool is_element(const xmlNode* n, const char* ns, const char* local) {
    return is_element(n) && std::strcmp(chars(n->name), local) == 0 && in_namespace(n->ns, ns);
}

// The child elements of `parent` of namespace `ns` with this local name, in order.
inline std::vector<xmlNode*> children(const xmlNode* parent, const char* ns, const char* local) {
    std::vector<xmlNode*> out;
    for (xmlNode* c = parent ? parent->children : nullptr; c; c = c->next)
        if (is_element(c, ns, local)) out.push_back(c);
    return out;
}

// An attribute's value, or "" when absent; `ns` null for an attribute without namespace (the
// r, t, Id, Type and Target attributes).
inline std::string attribute(const xmlNode* n, const char* ns, const char* local) {
    for (const xmlAttr* a = n->properties; a; a = a->next) {
        if (std::strcmp(chars(a->name), local) != 0 || (ns ? !in_namespace(a->ns, ns) : a->ns != nullptr)) continue;
        return a->children && a->children->type == XML_TEXT_NODE ? chars(a->children->content) : "";
    }
    return "";
}

inline std::string attribute(const xmlNode* n, const char* local) { return attribute(n, nullptr, local); }

// The element's own text, its child text nodes joined.
inline std::string text_content(const xmlNode* n) {
    std::string out;
    for (const xmlNode* c = n->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE) out += chars(c->content);
    return out;
}

}  // namespace dutylist::package
