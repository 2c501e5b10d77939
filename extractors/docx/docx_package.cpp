#include "extractors/docx/docx_package.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <climits>
#include <mutex>

#include "model/error.hpp"
#include "model/text.hpp"

namespace dutylist::docx {
namespace {

std::string megabytes(size_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

struct ZipFileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

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

std::string attribute(const xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
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

void init_libxml() {
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
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

XmlPart parse_xml(std::string_view bytes, const std::string& name, const std::string& what) {
    init_libxml();
    // OOXML parts never have a DTD: one means an entity bomb, an external entity or a broken file.
    if (has_doctype(bytes)) throw Error(what + " is unsafe or damaged: its part " + name + " declares a DTD");
    if (bytes.size() > static_cast<size_t>(INT_MAX)) throw Error(what + "'s part " + name + " is too large");
    std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> ctxt(xmlNewParserCtxt(), xmlFreeParserCtxt);
    if (!ctxt) throw Error("out of memory while reading " + what);
    // No XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE: entities stay unexpanded, nothing
    // is fetched, and libxml2 keeps its own limits on depth and text size.
    const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), name.c_str(), nullptr, options);
    if (!doc || !ctxt->wellFormed) {
        if (doc) xmlFreeDoc(doc);
        // libxml2 stops entity loops itself; the reason to give is the DTD that declared them.
        if (ctxt->intSubName || ctxt->extSubURI || ctxt->extSubSystem)
            throw Error(what + " is unsafe or damaged: its part " + name + " declares a DTD");
        std::string detail;
        if (const xmlError* e = xmlCtxtGetLastError(ctxt.get()); e && e->message) detail = trim(e->message);
        throw Error(what + " is damaged: its part " + name + " is not well-formed XML" +
                    (detail.empty() ? "" : " (" + detail + ")"));
    }
    XmlPart part(doc);
    if (doc->intSubset || doc->extSubset)
        throw Error(what + " is unsafe or damaged: its part " + name + " declares a DTD");
    if (!part.root()) throw Error(what + " is damaged: its part " + name + " is empty");
    return part;
}

Package::Package(std::string_view bytes, PackageLimits limits, std::string what) : limits_(limits), what_(std::move(what)) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source) {
        archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
        if (!archive_) zip_source_free(source);
    }
    zip_error_fini(&error);
    if (!archive_) throw Error(what_ + " is damaged: it is not a readable ZIP package");
}

Package::~Package() {
    if (archive_) zip_discard(archive_);
}

bool Package::has(const std::string& part) const { return zip_name_locate(archive_, part.c_str(), 0) >= 0; }

std::optional<std::string> Package::read(const std::string& part) {
    zip_int64_t index = zip_name_locate(archive_, part.c_str(), 0);
    if (index < 0) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &st) != 0)
        throw Error(what_ + " is damaged: cannot read its part " + part);
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        throw Error(what_ + " is encrypted: its part " + part + " cannot be read without the password");
    auto too_large = [&] {
        return Error(what_ + " is refused: its part " + part + " would inflate to more than " +
                     megabytes(std::min(limits_.max_part_bytes, limits_.max_total_bytes)) + " (a ZIP bomb or not a duty list)");
    };
    // The declared size is only a hint; the real limit is enforced while reading.
    if ((st.valid & ZIP_STAT_SIZE) && (st.size > limits_.max_part_bytes || inflated_ + st.size > limits_.max_total_bytes))
        throw too_large();
    std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0));
    if (!file) throw Error(what_ + " is damaged: cannot open its part " + part);
    std::string out;
    if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<size_t>(st.size));
    char buffer[1 << 16];
    for (;;) {
        zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
        if (n < 0) throw Error(what_ + " is damaged: its part " + part + " does not inflate");
        if (n == 0) break;
        out.append(buffer, static_cast<size_t>(n));
        inflated_ += static_cast<size_t>(n);
        if (out.size() > limits_.max_part_bytes || inflated_ > limits_.max_total_bytes) throw too_large();
    }
    return out;
}

std::optional<XmlPart> Package::read_xml(const std::string& part) {
    auto bytes = read(part);
    if (!bytes) return std::nullopt;
    return parse_xml(*bytes, part, what_);
}

std::vector<Package::Relationship> Package::relationships(const std::string& source_part) {
    const std::string dir = source_part.substr(0, source_part.rfind('/') + 1);
    const std::string file = source_part.substr(source_part.rfind('/') + 1);
    std::vector<Relationship> out;
    auto rels = read_xml(dir + "_rels/" + file + ".rels");
    if (!rels) return out;
    for (const xmlNode* n = rels->root()->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || attribute(n, "TargetMode") == "External") continue;
        out.push_back({attribute(n, "Id"), attribute(n, "Type"), resolve_target(source_part, attribute(n, "Target"))});
    }
    return out;
}

std::string Package::related_part(const std::string& source_part, std::initializer_list<const char*> types,
                                  const std::string& fallback) {
    for (const auto& r : relationships(source_part))
        for (const char* t : types)
            if (r.type == t) return r.target;
    return fallback;
}

}  // namespace dutylist::docx
