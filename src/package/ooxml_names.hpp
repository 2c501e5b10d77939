// Every OOXML namespace, relationship type and content type the readers and the DOCX renderer
// use, named once. Readers accept the transitional (ECMA) and the strict (ISO) spelling: Word's
// "Strict Open XML" save and some WPS builds write the purl.oclc.org ones.
#pragma once

namespace dutylist::package {

// Namespaces of elements and attributes.
inline constexpr const char* ns_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* ns_w_strict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
inline constexpr const char* ns_s = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
inline constexpr const char* ns_s_strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
inline constexpr const char* ns_mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";
inline constexpr const char* ns_r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* ns_relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
inline constexpr const char* ns_content_types = "http://schemas.openxmlformats.org/package/2006/content-types";
inline constexpr const char* ns_core_properties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";

// Relationship types. The transitional ones of officeDocument share this prefix.
inline constexpr const char* rel_prefix = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
inline constexpr const char* rel_office_document = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
inline constexpr const char* rel_office_document_strict = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";
inline constexpr const char* rel_styles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
inline constexpr const char* rel_styles_strict = "http://purl.oclc.org/ooxml/officeDocument/relationships/styles";
inline constexpr const char* rel_numbering = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
inline constexpr const char* rel_numbering_strict = "http://purl.oclc.org/ooxml/officeDocument/relationships/numbering";
inline constexpr const char* rel_worksheet = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
inline constexpr const char* rel_worksheet_strict = "http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet";
inline constexpr const char* rel_shared_strings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";
inline constexpr const char* rel_shared_strings_strict = "http://purl.oclc.org/ooxml/officeDocument/relationships/sharedStrings";
inline constexpr const char* rel_extended_properties =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";
inline constexpr const char* rel_core_properties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
// Word 2010 writes it beside the styles part; the DOCX renderer carries it over with them.
inline constexpr const char* rel_styles_with_effects = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects";

// Content types of [Content_Types].xml.
inline constexpr const char* type_relationships = "application/vnd.openxmlformats-package.relationships+xml";
inline constexpr const char* type_core_properties = "application/vnd.openxmlformats-package.core-properties+xml";
inline constexpr const char* type_extended_properties = "application/vnd.openxmlformats-officedocument.extended-properties+xml";
inline constexpr const char* type_docx_main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

}  // namespace dutylist::package
