// The OpenDocument namespaces the ODF reader uses, named once, and shorthands for its elements
// and attributes on the package module's namespace-aware helpers (package/xml_nodes.hpp):
// LibreOffice, WPS and Calligra all write the same URIs under their own prefixes.
#pragma once

#include <libxml/tree.h>

#include <string>

#include "package/xml_nodes.hpp"

namespace dutylist::odf {

inline constexpr const char* ns_office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
inline constexpr const char* ns_text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
inline constexpr const char* ns_table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
inline constexpr const char* ns_style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
inline constexpr const char* ns_draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";

using package::chars;

inline bool is_text(const xmlNode* n, const char* local) { return package::is_element(n, ns_text, local); }
inline bool is_table(const xmlNode* n, const char* local) { return package::is_element(n, ns_table, local); }
inline bool is_office(const xmlNode* n, const char* local) { return package::is_element(n, ns_office, local); }
inline bool is_style(const xmlNode* n, const char* local) { return package::is_element(n, ns_style, local); }

// The first child element of namespace `ns` with this local name, or null.
inline const xmlNode* child(const xmlNode* parent, const char* ns, const char* local) {
    for (const xmlNode* c = parent ? parent->children : nullptr; c; c = c->next)
        if (package::is_element(c, ns, local)) return c;
    return nullptr;
}

inline std::string text_attribute(const xmlNode* n, const char* local) { return package::attribute(n, ns_text, local); }
inline std::string table_attribute(const xmlNode* n, const char* local) { return package::attribute(n, ns_table, local); }
inline std::string style_attribute(const xmlNode* n, const char* local) { return package::attribute(n, ns_style, local); }

}  // namespace dutylist::odf
