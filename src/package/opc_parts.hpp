// The two kinds of part every OOXML package has besides its content (Open Packaging
// Conventions): the relationships of a part (word/_rels/document.xml.rels) and the content
// types of all parts ([Content_Types].xml), read from a parsed part and written as XML.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "package/xml_part.hpp"

namespace dutylist::package {

struct Relationship {
    std::string id;
    std::string type;    // full relationship type URI (ooxml_names.hpp)
    std::string target;  // as the .rels part writes it, relative to the source part's folder
    std::string part;    // the part it points to, resolved: "word/styles.xml"; "" when written
    bool operator==(const Relationship&) const = default;
};

// "word/document.xml" → "word/_rels/document.xml.rels"; "" (the package itself) → "_rels/.rels".
std::string relationships_part_of(const std::string& source_part);
// "word/document.xml" + "numbering.xml" → "word/numbering.xml"; "/word/x.xml" → "word/x.xml".
std::string resolve_target(const std::string& source_part, const std::string& target);

// The internal relationships of `source_part` from its parsed .rels part; external ones (links
// to web pages or files) are left out, as no reader may follow them.
std::vector<Relationship> read_relationships(const XmlPart& rels, const std::string& source_part);
// A .rels part of these relationships (their id, type and target).
std::string relationships_xml(const std::vector<Relationship>& relationships);

struct ContentTypes {
    std::map<std::string, std::string> defaults;   // extension → content type
    std::map<std::string, std::string> overrides;  // "/word/styles.xml" → content type
};

ContentTypes read_content_types(const XmlPart& types);
// [Content_Types].xml with these defaults and overrides, the overrides in the order given.
std::string content_types_xml(const std::map<std::string, std::string>& defaults,
                              const std::vector<std::pair<std::string, std::string>>& overrides);

}  // namespace dutylist::package
