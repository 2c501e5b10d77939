// The OOXML package side of the DOCX renderer: the reference document (ours from
// templates/docx/, or a user's --reference-doc) read into parts, and the finished parts zipped.
// Like pandoc, the output takes every part of the reference but its body; document.xml, the
// relationships, [Content_Types].xml and docProps/core.xml are generated. Reading, parsing and
// zipping are the package module's (src/package/), the user's reference checked as any input.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "package/opc_parts.hpp"

namespace dutylist {

struct DocxReference {
    std::map<std::string, std::string> parts;  // path in the package → bytes, the carried-over parts only
    std::string main_part;                     // the main document's path, "word/document.xml"
    // The main document's relationships to parts that style every document (styles, settings,
    // fonts, theme, numbering, notes, headers, footers); body-only ones (images, links) are dropped.
    std::vector<package::Relationship> relationships;
    // The header and footer references of the reference's last section, as XML ready to put at
    // the start of a w:sectPr, using the ids above.
    std::string section_references;
    package::ContentTypes content_types;  // of every part of the reference
};

// Reads a reference document from the bytes of a .docx; what names it in error messages. A
// ZIP bomb, a DTD, nesting past libxml2's limit or broken XML is refused as in any input.
DocxReference read_docx_reference(std::string_view docx_bytes, const std::string& what);
// Ours, from the files under templates/docx/ compiled into the binary.
DocxReference builtin_docx_reference();

// A package of these parts: the reference's parts plus the generated main document, its
// relationships, content types, package relationships and core properties.
std::string build_docx_package(const DocxReference& reference, const std::string& document_xml, const std::string& core_xml);

}  // namespace dutylist
