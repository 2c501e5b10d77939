// Small helpers over libxml2 trees for SpreadsheetML: elements are matched by namespace URI and
// local name, never by prefix (WPS and LibreOffice write other prefixes than Excel).
#pragma once

#include <libxml/tree.h>

#include <cstring>
#include <string>

namespace dutylist::xlsx {

inline constexpr const char* ns_main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
inline constexpr const char* ns_main_strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";

inline const char* chars(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

// A SpreadsheetML element with this local name.
inline bool is_s(const xmlNode* n, const char* local) {
    return n->type == XML_ELEMENT_NODE && std::strcmp(chars(n->name), local) == 0 && n->ns &&
           (std::strcmp(chars(n->ns->href), ns_main) == 0 || std::strcmp(chars(n->ns->href), ns_main_strict) == 0);
}

// The first SpreadsheetML child with this local name, or null.
inline const xmlNode* s_child(const xmlNode* n, const char* local) {
    for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
        if (is_s(c, local)) return c;
    return nullptr;
}

// An attribute without namespace (r, t, ref, name), or "" when absent.
inline std::string attribute(const xmlNode* n, const char* name) {
    for (const xmlAttr* a = n->properties; a; a = a->next)
        if (!a->ns && std::strcmp(chars(a->name), name) == 0)
            return a->children && a->children->type == XML_TEXT_NODE ? chars(a->children->content) : "";
    return "";
}

inline std::string text_content(const xmlNode* n) {
    std::string out;
    for (const xmlNode* c = n->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE) out += chars(c->content);
    return out;
}

// The text of a string item (<si> of the shared strings, <is> of an inline string): its <t>, or
// its rich-text runs' <t> in order. Phonetic runs (<rPh>) are a reading aid, not the text.
// Characters XML cannot hold are written _xHHHH_ (_x000D_ for a carriage return) and decoded.
std::string string_item_text(const xmlNode* item);

}  // namespace dutylist::xlsx
