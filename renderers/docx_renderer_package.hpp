// The OOXML package side of the DOCX renderer: the reference document (ours from
// templates/docx/, or a user's --reference-doc) read into parts, and the finished parts zipped.
// A reference contributes a whitelist of parts, those its main document relates to as styles
// (and stylesWithEffects), settings, web settings, font table, theme, numbering, footnotes,
// endnotes, headers and footers, with the pictures and embedded fonts these relate to. Every
// other part (macros, custom XML, pictures of the body, comments, properties, anything unknown)
// is never even inflated. The main document, all relationships, [Content_Types].xml and
// docProps/ are generated. Reading, parsing and zipping are the package module's
// (src/package/): the user's reference is checked as any input, each carried XML part parsed.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "package/opc_parts.hpp"

namespace dutylist {

struct DocxReference {
    std::map<std::string, std::string> parts;  // path in the package → bytes, the whitelisted parts only
    std::string main_part;                     // the main document's path, "word/document.xml"
    // The main document's relationships to the whitelisted parts; all others are dropped.
    std::vector<package::Relationship> relationships;
    // The header and footer references of the reference's last section, as XML ready to put at
    // the start of a w:sectPr, using the ids above.
    std::string section_references;
    package::ContentTypes content_types;  // as the reference declares them, for the parts carried
};

// Reads a reference document from the bytes of a .docx; what names it in error messages. A
// ZIP bomb, a DTD, nesting past libxml2's limit or broken XML is refused as in any input.
DocxReference read_docx_reference(std::string_view docx_bytes, const std::string& what);
// Ours, from the files under templates/docx/ compiled into the binary.
DocxReference builtin_docx_reference();

// A package of these parts: the reference's parts plus the generated main document, its
// relationships, content types, package relationships and core and extended properties.
std::string build_docx_package(const DocxReference& reference, const std::string& document_xml, const std::string& core_xml);

}  // namespace dutylist
