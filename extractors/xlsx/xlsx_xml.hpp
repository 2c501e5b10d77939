// Small helpers over libxml2 trees for SpreadsheetML, on the package module's namespace-aware
// ones (package/xml_nodes.hpp): elements of either spelling of the SpreadsheetML namespace.
#pragma once

#include <libxml/tree.h>

#include <cstring>
#include <string>

#include "package/ooxml_names.hpp"
#include "package/xml_nodes.hpp"

namespace dutylist::xlsx {

using package::attribute;
using package::chars;
using package::text_content;

// A SpreadsheetML element with this local name.
inline bool is_s(const xmlNode* n, const char* local) {
    return package::is_element(n) && std::strcmp(chars(n->name), local) == 0 &&
           (package::in_namespace(n->ns, package::ns_s) || package::in_namespace(n->ns, package::ns_s_strict));
}

// The first SpreadsheetML child with this local name, or null.
inline const xmlNode* s_child(const xmlNode* n, const char* local) {
    for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
        if (is_s(c, local)) return c;
    return nullptr;
}

// The text of a string item (<si> of the shared strings, <is> of an inline string): its <t>, or
// its rich-text runs' <t> in order. Phonetic runs (<rPh>) are a reading aid, not the text.
// Characters XML cannot hold are written _xHHHH_ (_x000D_ for a carriage return) and decoded.
std::string string_item_text(const xmlNode* item);

}  // namespace dutylist::xlsx
