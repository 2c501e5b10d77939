#include "extractors/docx/docx_reader.hpp"

#include "extractors/docx/docx_tables.hpp"
#include "extractors/docx/docx_numbering.hpp"
#include "extractors/docx/docx_ooxml.hpp"
#include "i18n/catalogue.hpp"
#include "model/error.hpp"
#include "package/ooxml_names.hpp"
#include "package/ooxml_package.hpp"

namespace dutylist {
namespace {

constexpr std::string_view ole_magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

// The main part as the package's relationships (_rels/.rels) name it. Word always writes it as
// word/document.xml, so that is taken when they name none or cannot be read: a damaged part
// the reader can do without must not stop it.
std::string main_part(package::Package& package) {
    const std::string usual = "word/document.xml";
    try {
        return package.related_part("", {package::rel_office_document, package::rel_office_document_strict}, usual);
    } catch (const Error&) {
        return usual;
    }
}

}  // namespace

bool sniff_docx(std::string_view bytes) {
    // A ZIP's entry names stand uncompressed in it; a Word package keeps its parts under word/,
    // the main part usually, not always, as word/document.xml.
    return bytes.starts_with("PK\x03\x04") && bytes.find("word/") != std::string_view::npos;
}

Document read_docx(const InputFile& input, const ReadOptions& options) {
    if (std::string_view(input.bytes).starts_with(ole_magic))
        throw Error("this is a legacy Word .doc or an encrypted Word document (an OLE container); "
                    "save it as an unencrypted .docx and try again");
    package::Package package(input.bytes, N_("the Word document"));
    const std::string main = main_part(package);
    auto document = package.read_xml(main);
    if (!document) throw Error("the ZIP package has no " + main + ": it is not a Word document");
    docx::Body body = docx::read_body(document->root(), package.limits().max_xml_depth);

    docx::Numbering numbering;
    if (auto numbering_xml = package.read_xml(package.related_part(main, {package::rel_numbering, package::rel_numbering_strict}, "word/numbering.xml")))
        numbering = docx::Numbering(numbering_xml->root());
    docx::Styles styles;
    // styles.xml is often larger than the text; it only matters when paragraphs name styles.
    if (docx::uses_styles(body))
        if (auto styles_xml = package.read_xml(package.related_part(main, {package::rel_styles, package::rel_styles_strict}, "word/styles.xml")))
            styles = docx::read_styles(styles_xml->root());
    docx::resolve_numbering(body, numbering, styles);

    Document doc = docx::build_document(body, options.warn);
    return doc;
}

}  // namespace dutylist
