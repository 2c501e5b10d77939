#include "extractors/docx/docx_reader.hpp"

#include "extractors/docx/docx_lists.hpp"
#include "extractors/docx/docx_numbering.hpp"
#include "extractors/docx/docx_ooxml.hpp"
#include "extractors/docx/docx_package.hpp"
#include "extractors/docx/docx_xml.hpp"
#include "model/error.hpp"

namespace dutylist {
namespace {

constexpr std::string_view ole_magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr const char* rel_office_document = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
constexpr const char* rel_office_document_strict = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";
constexpr const char* rel_numbering = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
constexpr const char* rel_numbering_strict = "http://purl.oclc.org/ooxml/officeDocument/relationships/numbering";
constexpr const char* rel_styles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
constexpr const char* rel_styles_strict = "http://purl.oclc.org/ooxml/officeDocument/relationships/styles";

std::string attribute(const xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string out = v ? docx::chars(v) : "";
    xmlFree(v);
    return out;
}

// "word/document.xml" + "numbering.xml" → "word/numbering.xml"; "/word/x.xml" → "word/x.xml".
std::string resolve_target(const std::string& source_part, const std::string& target) {
    if (!target.empty() && target[0] == '/') return target.substr(1);
    std::string dir = source_part.substr(0, source_part.rfind('/') + 1);
    std::string path = dir + target;
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= path.size()) {
        size_t slash = path.find('/', start);
        std::string piece = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (piece == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!piece.empty() && piece != ".") {
            parts.push_back(piece);
        }
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

// The part a relationship of `source_part` of one of these types points to, or `fallback`.
std::string related_part(docx::Package& package, const std::string& source_part, std::initializer_list<const char*> types,
                         const std::string& fallback) {
    std::string dir = source_part.substr(0, source_part.rfind('/') + 1);
    std::string file = source_part.substr(source_part.rfind('/') + 1);
    auto rels = package.read_xml(dir + "_rels/" + file + ".rels");
    if (!rels) return fallback;
    for (const xmlNode* n = rels->root()->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        std::string type = attribute(n, "Type");
        for (const char* t : types)
            if (type == t && attribute(n, "TargetMode") != "External") return resolve_target(source_part, attribute(n, "Target"));
    }
    return fallback;
}

}  // namespace

bool sniff_docx(std::string_view bytes) {
    return bytes.starts_with("PK\x03\x04") && bytes.find("word/document.xml") != std::string_view::npos;
}

Document read_docx(const InputFile& input, const ReadOptions& options) {
    if (std::string_view(input.bytes).starts_with(ole_magic))
        throw Error("this is a legacy Word .doc or an encrypted Word document (an OLE container); "
                    "save it as an unencrypted .docx and try again");
    docx::Package package(input.bytes);
    const std::string main = related_part(package, "_rels/.rels", {rel_office_document, rel_office_document_strict}, "word/document.xml");
    auto document = package.read_xml(main);
    if (!document) throw Error("the ZIP package has no " + main + ": it is not a Word document");
    docx::Body body = docx::read_body(document->root(), package.limits().max_xml_depth);

    docx::Numbering numbering;
    if (auto numbering_xml = package.read_xml(related_part(package, main, {rel_numbering, rel_numbering_strict}, "word/numbering.xml")))
        numbering = docx::Numbering(numbering_xml->root());
    docx::Styles styles;
    // styles.xml is often larger than the text; it only matters when paragraphs name styles.
    if (docx::uses_styles(body))
        if (auto styles_xml = package.read_xml(related_part(package, main, {rel_styles, rel_styles_strict}, "word/styles.xml")))
            styles = docx::read_styles(styles_xml->root());
    docx::resolve_numbering(body, numbering, styles);

    Document doc = docx::build_document(body, options.warn);
    return doc;
}

}  // namespace dutylist
