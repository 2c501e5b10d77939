#include "renderers/docx_renderer_package.hpp"

#include <zip.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <memory>
#include <set>

#include "model/error.hpp"
#include "renderers/markup.hpp"
#include "renderers/templates.hpp"

namespace dutylist {
namespace {

constexpr const char* w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* r_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* rels_ns = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* types_ns = "http://schemas.openxmlformats.org/package/2006/content-types";
constexpr const char* office_document_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
constexpr const char* rel_type_prefix = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* main_content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
// A reference document is a template, not data: anything larger is not one.
constexpr zip_uint64_t max_reference_unzipped_bytes = 256u << 20;
// 2020-01-01T00:00:00Z, so that the same input gives the same bytes.
constexpr time_t fixed_mtime = 1577836800;

// The relationship types whose parts shape every document rather than one body.
bool carries_over(const std::string& type) {
    static const char* const kept[] = {"styles", "settings", "webSettings", "fontTable", "theme", "numbering",
                                       "footnotes", "endnotes", "header", "footer", "customXml"};
    if (type == "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects") return true;
    if (!type.starts_with(rel_type_prefix)) return false;
    const std::string name = type.substr(std::string_view(rel_type_prefix).size());
    for (const char* k : kept)
        if (name == k) return true;
    return false;
}

struct XmlFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDocument = std::unique_ptr<xmlDoc, XmlFree>;

XmlDocument parse_xml(const std::string& bytes, const std::string& what) {
    xmlDoc* doc = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    if (!doc || !xmlDocGetRootElement(doc)) {
        if (doc) xmlFreeDoc(doc);
        throw Error(what + " is damaged (a part is not well-formed XML)");
    }
    return XmlDocument(doc);
}

bool is(const xmlNode* n, const char* ns, const char* name) {
    return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST ns) && xmlStrEqual(n->name, BAD_CAST name);
}

std::vector<xmlNode*> children(xmlNode* parent, const char* ns, const char* name) {
    std::vector<xmlNode*> out;
    for (xmlNode* c = parent ? parent->children : nullptr; c; c = c->next)
        if (is(c, ns, name)) out.push_back(c);
    return out;
}

std::string attribute(xmlNode* n, const char* name, const char* ns = nullptr) {
    xmlChar* v = ns ? xmlGetNsProp(n, BAD_CAST name, BAD_CAST ns) : xmlGetNoNsProp(n, BAD_CAST name);
    if (!v) return "";
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
}

std::string folder_of(const std::string& path) {
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

std::string rels_path_of(const std::string& part) {
    return folder_of(part) + "_rels/" + part.substr(folder_of(part).size()) + ".rels";
}

std::string extension_of(const std::string& path) {
    const size_t dot = path.rfind('.');
    return dot == std::string::npos || path.find('/', dot) != std::string::npos ? "" : path.substr(dot + 1);
}

std::vector<DocxRelationship> read_relationships(const std::string& bytes, const std::string& what) {
    auto doc = parse_xml(bytes, what);
    std::vector<DocxRelationship> out;
    for (xmlNode* r : children(xmlDocGetRootElement(doc.get()), rels_ns, "Relationship")) {
        if (attribute(r, "TargetMode") == "External") continue;
        out.push_back({attribute(r, "Id"), attribute(r, "Type"), attribute(r, "Target")});
    }
    return out;
}

// A section without a header or footer reference of some type inherits the previous
// section's, so the last section shows, for each type, the latest reference in the body.
std::string section_references(xmlNode* body, const std::vector<DocxRelationship>& relationships) {
    std::vector<xmlNode*> sections;
    for (xmlNode* p : children(body, w_ns, "p"))
        for (xmlNode* ppr : children(p, w_ns, "pPr"))
            for (xmlNode* s : children(ppr, w_ns, "sectPr")) sections.push_back(s);
    for (xmlNode* s : children(body, w_ns, "sectPr")) sections.push_back(s);
    std::map<std::string, std::string> latest;  // "footerReference default" → its XML
    for (xmlNode* section : sections)
        for (xmlNode* c = section->children; c; c = c->next) {
            const char* element = is(c, w_ns, "headerReference") ? "headerReference" : is(c, w_ns, "footerReference") ? "footerReference" : nullptr;
            if (!element) continue;
            const std::string id = attribute(c, "id", r_ns);
            if (std::none_of(relationships.begin(), relationships.end(), [&](const auto& r) { return r.id == id; })) continue;
            std::string type = attribute(c, "type", w_ns);
            if (type.empty()) type = "default";
            latest[std::string(element) + " " + type] = std::string("<w:") + element + " w:type=\"" + escape_markup(type) + "\" r:id=\"" + escape_markup(id) + "\"/>";
        }
    std::string out;
    for (const auto& [key, xml] : latest) out += xml;
    return out;
}

DocxReference reference_from_parts(std::map<std::string, std::string> parts, const std::string& what) {
    const std::string not_word = what + " is not a Word document (.docx)";
    if (!parts.contains("_rels/.rels") || !parts.contains("[Content_Types].xml")) throw Error(not_word);
    DocxReference ref;
    for (const auto& r : read_relationships(parts["_rels/.rels"], what))
        if (r.type == office_document_type) ref.main_part = r.target.starts_with('/') ? r.target.substr(1) : r.target;
    if (ref.main_part.empty() || !parts.contains(ref.main_part)) throw Error(not_word);

    auto types = parse_xml(parts["[Content_Types].xml"], what);
    xmlNode* root = xmlDocGetRootElement(types.get());
    for (xmlNode* d : children(root, types_ns, "Default")) ref.default_types[attribute(d, "Extension")] = attribute(d, "ContentType");
    for (xmlNode* o : children(root, types_ns, "Override")) ref.override_types[attribute(o, "PartName")] = attribute(o, "ContentType");

    const std::string main_rels = rels_path_of(ref.main_part);
    if (parts.contains(main_rels))
        for (auto& r : read_relationships(parts[main_rels], what))
            if (carries_over(r.type)) ref.relationships.push_back(std::move(r));

    auto body_doc = parse_xml(parts[ref.main_part], what);
    xmlNode* body = nullptr;
    for (xmlNode* b : children(xmlDocGetRootElement(body_doc.get()), w_ns, "body")) body = b;
    ref.section_references = section_references(body, ref.relationships);
    for (const std::string& generated : {ref.main_part, main_rels, std::string("[Content_Types].xml"), std::string("_rels/.rels"),
                                         std::string("docProps/core.xml")})
        parts.erase(generated);
    std::erase_if(parts, [](const auto& p) { return p.first.starts_with("docProps/thumbnail."); });
    ref.parts = std::move(parts);
    return ref;
}

// The package path of the styles part that a reference's relationships name, or "".
std::string styles_part(const DocxReference& ref) {
    for (const auto& r : ref.relationships)
        if (r.type == std::string(rel_type_prefix) + "styles")
            return r.target.starts_with('/') ? r.target.substr(1) : folder_of(ref.main_part) + r.target;
    return "";
}

// Our paragraph styles that a user's reference lacks are added to its styles part, as pandoc
// does: LibreOffice lays out paragraphs that name a missing style wrongly (portrait pages,
// vertical text). libxml2 copies the nodes so that namespace prefixes are reconciled.
void add_missing_styles(DocxReference& ref, const DocxReference& builtin, const std::string& what) {
    const std::string ours_path = styles_part(builtin);
    const std::string theirs_path = styles_part(ref);
    if (theirs_path.empty() || !ref.parts.contains(theirs_path)) {
        const std::string path = folder_of(ref.main_part) + "styles.xml";
        ref.parts[path] = builtin.parts.at(ours_path);
        ref.override_types["/" + path] = builtin.override_types.at("/" + ours_path);
        ref.relationships.push_back({"rIdDutylistStyles", std::string(rel_type_prefix) + "styles", "styles.xml"});
        return;
    }
    auto ours = parse_xml(builtin.parts.at(ours_path), "the built-in reference document");
    auto theirs = parse_xml(ref.parts[theirs_path], what);
    xmlNode* root = xmlDocGetRootElement(theirs.get());
    std::set<std::string> present;
    for (xmlNode* style : children(root, w_ns, "style")) present.insert(attribute(style, "styleId", w_ns));
    bool added = false;
    for (xmlNode* style : children(xmlDocGetRootElement(ours.get()), w_ns, "style")) {
        if (present.contains(attribute(style, "styleId", w_ns))) continue;
        xmlNode* copy = xmlDocCopyNode(style, theirs.get(), 1);
        if (!copy || !xmlAddChild(root, copy)) throw Error("not enough memory to complete the styles of " + what);
        xmlReconciliateNs(theirs.get(), copy);
        added = true;
    }
    if (!added) return;
    xmlChar* bytes = nullptr;
    int size = 0;
    xmlDocDumpMemoryEnc(theirs.get(), &bytes, &size, "UTF-8");
    if (!bytes) throw Error("not enough memory to complete the styles of " + what);
    ref.parts[theirs_path].assign(reinterpret_cast<const char*>(bytes), static_cast<size_t>(size));
    xmlFree(bytes);
}

std::map<std::string, std::string> unzip(std::string_view bytes, const std::string& what) {
    const std::string not_word = what + " is not a Word document (.docx)";
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) throw Error(not_word);
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    zip_error_fini(&error);
    if (!archive) {
        zip_source_free(source);
        throw Error(not_word);
    }
    std::unique_ptr<zip_t, decltype(&zip_discard)> guard(archive, zip_discard);
    std::map<std::string, std::string> parts;
    zip_uint64_t total = 0;
    const zip_int64_t entries = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
        zip_stat_t st;
        if (zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME) || !(st.valid & ZIP_STAT_SIZE))
            throw Error(what + " is damaged (unreadable ZIP entry)");
        const std::string name = st.name;
        if (name.ends_with('/')) continue;
        total += st.size;
        if (total > max_reference_unzipped_bytes) throw Error(what + " is too large for a reference document");
        std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0), zip_fclose);
        if (!file) throw Error(what + " is damaged (entry " + name + " cannot be opened)");
        std::string data(st.size, '\0');
        if (zip_fread(file.get(), data.data(), st.size) != static_cast<zip_int64_t>(st.size))
            throw Error(what + " is damaged (entry " + name + " cannot be read)");
        parts[name] = std::move(data);
    }
    return parts;
}

std::string content_types(const DocxReference& ref, const std::vector<std::pair<std::string, const std::string*>>& parts) {
    std::map<std::string, std::string> defaults = ref.default_types;
    defaults["rels"] = "application/vnd.openxmlformats-package.relationships+xml";
    defaults["xml"] = "application/xml";
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"" + std::string(types_ns) + "\">";
    for (const auto& [ext, type] : defaults)
        if (!ext.empty()) out += "<Default Extension=\"" + escape_markup(ext) + "\" ContentType=\"" + escape_markup(type) + "\"/>";
    for (const auto& [path, bytes] : parts) {
        const std::string name = "/" + path;
        std::string type;
        if (path == ref.main_part) type = main_content_type;
        else if (path == "docProps/core.xml") type = "application/vnd.openxmlformats-package.core-properties+xml";
        else if (auto it = ref.override_types.find(name); it != ref.override_types.end()) type = it->second;
        if (!type.empty() && !(defaults.contains(extension_of(path)) && defaults[extension_of(path)] == type))
            out += "<Override PartName=\"" + escape_markup(name) + "\" ContentType=\"" + escape_markup(type) + "\"/>";
    }
    return out + "</Types>";
}

std::string relationships_xml(const std::vector<DocxRelationship>& relationships) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"" + std::string(rels_ns) + "\">";
    for (const auto& r : relationships)
        out += "<Relationship Id=\"" + escape_markup(r.id) + "\" Type=\"" + escape_markup(r.type) + "\" Target=\"" + escape_markup(r.target) + "\"/>";
    return out + "</Relationships>";
}

std::string zip_parts(const std::vector<std::pair<std::string, const std::string*>>& parts) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* archive = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &error) : nullptr;
    zip_error_fini(&error);
    if (!archive) {
        if (buffer) zip_source_free(buffer);
        throw Error("cannot create the DOCX package (out of memory?)");
    }
    zip_source_keep(buffer);
    std::unique_ptr<zip_source_t, decltype(&zip_source_free)> keep(buffer, zip_source_free);
    for (const auto& [path, bytes] : parts) {
        zip_source_t* s = zip_source_buffer(archive, bytes->data(), bytes->size(), 0);
        const zip_int64_t index = s ? zip_file_add(archive, path.c_str(), s, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (s) zip_source_free(s);
            zip_discard(archive);
            throw Error("cannot create the DOCX package (adding " + path + " failed)");
        }
        zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), fixed_mtime, 0);
    }
    if (zip_close(archive) != 0) {
        zip_discard(archive);
        throw Error("cannot create the DOCX package (compression failed)");
    }
    std::string out;
    zip_stat_t st;
    if (zip_source_stat(buffer, &st) != 0 || zip_source_open(buffer) != 0) throw Error("cannot create the DOCX package");
    out.resize(st.size);
    const zip_int64_t n = zip_source_read(buffer, out.data(), st.size);
    zip_source_close(buffer);
    if (n != static_cast<zip_int64_t>(st.size)) throw Error("cannot create the DOCX package");
    return out;
}

}  // namespace

DocxReference builtin_docx_reference() {
    std::map<std::string, std::string> parts;
    for (const auto& f : template_folder("docx/")) parts[std::string(f.path)] = std::string(f.bytes);
    return reference_from_parts(std::move(parts), "the built-in reference document");
}

DocxReference read_docx_reference(std::string_view docx_bytes, const std::string& what) {
    DocxReference ref = reference_from_parts(unzip(docx_bytes, what), what);
    add_missing_styles(ref, builtin_docx_reference(), what);
    return ref;
}

std::string build_docx_package(const DocxReference& ref, const std::string& document_xml, const std::string& core_xml) {
    const std::string main_rels = relationships_xml(ref.relationships);
    std::vector<DocxRelationship> package_rels = {
        {"rId1", office_document_type, ref.main_part},
        {"rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"}};
    if (ref.parts.contains("docProps/app.xml"))
        package_rels.push_back({"rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml"});
    const std::string root_rels = relationships_xml(package_rels);

    // Content types first, as Office writes them; then the package and main parts.
    std::vector<std::pair<std::string, const std::string*>> parts = {
        {"_rels/.rels", &root_rels}, {"docProps/core.xml", &core_xml}, {ref.main_part, &document_xml}, {rels_path_of(ref.main_part), &main_rels}};
    for (const auto& [path, bytes] : ref.parts) parts.emplace_back(path, &bytes);
    const std::string types = content_types(ref, parts);
    parts.insert(parts.begin(), {"[Content_Types].xml", &types});
    return zip_parts(parts);
}

}  // namespace dutylist
