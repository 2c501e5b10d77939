#include "package/xml_part.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <climits>
#include <memory>
#include <mutex>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace dutylist::package {
namespace {

// The prolog of an XML part, up to its root element: where a DOCTYPE would have to be.
bool has_doctype(std::string_view bytes) {
    size_t i = 0;
    while ((i = bytes.find('<', i)) != std::string_view::npos) {
        std::string_view rest = bytes.substr(i);
        if (rest.starts_with("<!DOCTYPE") || rest.starts_with("<!doctype")) return true;
        if (rest.starts_with("<?")) {
            i = bytes.find("?>", i);
        } else if (rest.starts_with("<!--")) {
            i = bytes.find("-->", i);
        } else {
            return false;
        }
        if (i == std::string_view::npos) return false;
    }
    return false;
}

void init_libxml() {
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
}

Error dtd_refused(const std::string& name, const std::string& what) {
    return Error(fmt::format(fmt::runtime(_("{} is unsafe or damaged: its part {} declares a DTD")), _(what.c_str()), name));
}

}  // namespace

XmlPart::XmlPart(_xmlDoc* doc) : doc_(doc) {}
XmlPart::~XmlPart() {
    if (doc_) xmlFreeDoc(doc_);
}
XmlPart::XmlPart(XmlPart&& other) noexcept : doc_(other.doc_) { other.doc_ = nullptr; }
XmlPart& XmlPart::operator=(XmlPart&& other) noexcept {
    if (this != &other) {
        if (doc_) xmlFreeDoc(doc_);
        doc_ = other.doc_;
        other.doc_ = nullptr;
    }
    return *this;
}
_xmlNode* XmlPart::root() const { return xmlDocGetRootElement(doc_); }

void XmlPart::append_copy(_xmlNode* parent, const _xmlNode* node, const std::string& what) {
    xmlNode* copy = xmlDocCopyNode(const_cast<xmlNode*>(node), doc_, 1);
    if (!copy || !xmlAddChild(parent, copy)) {
        if (copy) xmlFreeNode(copy);
        throw Error(fmt::format(fmt::runtime(_("not enough memory to complete {}")), _(what.c_str())));
    }
    xmlReconciliateNs(doc_, copy);
}

std::string XmlPart::serialize(const std::string& what) const {
    xmlChar* bytes = nullptr;
    int size = 0;
    xmlDocDumpMemoryEnc(doc_, &bytes, &size, "UTF-8");
    if (!bytes) throw Error(fmt::format(fmt::runtime(_("not enough memory to complete {}")), _(what.c_str())));
    std::string out(reinterpret_cast<const char*>(bytes), static_cast<size_t>(size));
    xmlFree(bytes);
    return out;
}

XmlPart parse_xml(std::string_view bytes, const std::string& name, const std::string& what) {
    init_libxml();
    // OOXML parts never have a DTD: one means an entity bomb, an external entity or a broken file.
    if (has_doctype(bytes)) throw dtd_refused(name, what);
    if (bytes.size() > static_cast<size_t>(INT_MAX)) throw Error(fmt::format(fmt::runtime(_("{}'s part {} is too large")), _(what.c_str()), name));
    std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> ctxt(xmlNewParserCtxt(), xmlFreeParserCtxt);
    if (!ctxt) throw Error(fmt::format(fmt::runtime(_("out of memory while reading {}")), _(what.c_str())));
    // No XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE: entities stay unexpanded, nothing
    // is fetched, and libxml2 keeps its own limits on depth and text size.
    const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), name.c_str(), nullptr, options);
    if (!doc || !ctxt->wellFormed) {
        if (doc) xmlFreeDoc(doc);
        // libxml2 stops entity loops itself; the reason to give is the DTD that declared them.
        if (ctxt->intSubName || ctxt->extSubURI || ctxt->extSubSystem) throw dtd_refused(name, what);
        std::string detail;
        if (const xmlError* e = xmlCtxtGetLastError(ctxt.get()); e && e->message) detail = trim(e->message);
        throw Error(fmt::format(fmt::runtime(_("{} is damaged: its part {} is not well-formed XML")), _(what.c_str()), name) +
                    (detail.empty() ? "" : " (" + detail + ")"));
    }
    XmlPart part(doc);
    if (doc->intSubset || doc->extSubset) throw dtd_refused(name, what);
    if (!part.root()) throw Error(fmt::format(fmt::runtime(_("{} is damaged: its part {} is empty")), _(what.c_str()), name));
    return part;
}

}  // namespace dutylist::package
