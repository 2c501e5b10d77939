#include "renderers/docx_renderer_package.hpp"

#include <libxml/tree.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/error.hpp"
#include "package/ooxml_names.hpp"
#include "package/ooxml_package.hpp"
#include "package/xml_nodes.hpp"
#include "package/zip_writer.hpp"
#include "renderers/markup.hpp"
#include "renderers/templates.hpp"

namespace dutylist {
namespace {

using package::attribute;
using package::children;
using package::is_element;
using package::ns_w;
using package::Relationship;

const std::string builtin_what = N_("the built-in reference document");

// Reads one part of the reference, or nothing when it has no such part.
using PartReader = std::function<std::optional<std::string>(const std::string& path)>;

// The relationship types of the main document whose parts shape every document rather than
// one body: the whitelist of what a reference contributes. Its body, pictures, custom XML,
// macros, comments, glossary and properties stay behind.
bool carries_over(const std::string& type) {
    static const char* const kept[] = {"styles", "settings", "webSettings", "fontTable", "theme", "numbering",
                                       "footnotes", "endnotes", "header", "footer"};
    if (type == package::rel_styles_with_effects) return true;
    if (!type.starts_with(package::rel_prefix)) return false;
    const std::string name = type.substr(std::string_view(package::rel_prefix).size());
    return std::any_of(std::begin(kept), std::end(kept), [&](const char* k) { return name == k; });
}

// Of a carried part's own relationships only these follow it: a picture in a header or
// footer, a font the font table embeds. Other ones (external links, an attached template,
// OLE objects) are dropped.
bool follows_part(const std::string& type) {
    return type == std::string(package::rel_prefix) + "image" || type == std::string(package::rel_prefix) + "font";
}

// Parts the output writes itself, which no relationship of the reference may bring in.
bool generated_part(const std::string& path, const std::string& main_part) {
    return path == main_part || path.ends_with(".rels") || path == "[Content_Types].xml" || path.starts_with("docProps/");
}

std::string folder_of(const std::string& path) {
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

std::string extension_of(const std::string& path) {
    const size_t dot = path.rfind('.');
    return dot == std::string::npos || path.find('/', dot) != std::string::npos ? "" : path.substr(dot + 1);
}

// A section without a header or footer reference of some type inherits the previous
// section's, so the last section shows, for each type, the latest reference in the body.
std::string section_references(xmlNode* body, const std::vector<Relationship>& relationships) {
    std::vector<xmlNode*> sections;
    for (xmlNode* p : children(body, ns_w, "p"))
        for (xmlNode* ppr : children(p, ns_w, "pPr"))
            for (xmlNode* s : children(ppr, ns_w, "sectPr")) sections.push_back(s);
    for (xmlNode* s : children(body, ns_w, "sectPr")) sections.push_back(s);
    std::map<std::string, std::string> latest;  // "footerReference default" → its XML
    for (xmlNode* section : sections)
        for (xmlNode* c = section->children; c; c = c->next) {
            const char* element = is_element(c, ns_w, "headerReference") ? "headerReference" : is_element(c, ns_w, "footerReference") ? "footerReference" : nullptr;
            if (!element) continue;
            const std::string id = attribute(c, package::ns_r, "id");
            if (std::none_of(relationships.begin(), relationships.end(), [&](const auto& r) { return r.id == id; })) continue;
            std::string type = attribute(c, ns_w, "type");
            if (type.empty()) type = "default";
            latest[std::string(element) + " " + type] = std::string("<w:") + element + " w:type=\"" + escape_markup(type) + "\" r:id=\"" + escape_markup(id) + "\"/>";
        }
    std::string out;
    for (const auto& [key, xml] : latest) out += xml;
    return out;
}


// Copies a part the main document relates to, checked as XML, into ref.parts with the pictures
// and fonts it relates to; false when the reference has no such part.
bool carry_part(const PartReader& read, const std::string& part, const std::string& what, DocxReference& ref) {
    if (generated_part(part, ref.main_part)) return false;
    if (!ref.parts.contains(part)) {
        std::optional<std::string> bytes = read(part);
        if (!bytes) return false;
        ref.parts[part] = std::move(*bytes);
    }
    // A DTD or broken XML is refused as in any input; checked even when the part came in as a
    // header's picture, which is not parsed.
    package::parse_xml(ref.parts[part], part, what);
    const std::string rels_part = package::relationships_part_of(part);
    const std::optional<std::string> rels = read(rels_part);
    if (!rels) return true;
    std::vector<Relationship> followed;
    for (auto& r : package::read_relationships(package::parse_xml(*rels, rels_part, what), part)) {
        if (!follows_part(r.type) || generated_part(r.part, ref.main_part)) continue;
        if (!ref.parts.contains(r.part)) {
            std::optional<std::string> data = read(r.part);
            if (!data) continue;
            ref.parts[r.part] = std::move(*data);
        }
        followed.push_back(std::move(r));
    }
    if (!followed.empty()) ref.parts[rels_part] = package::relationships_xml(followed);
    return true;
}

DocxReference reference_from_parts(const PartReader& read, const std::string& what) {
    const std::string not_word = fmt::format(fmt::runtime(_("{} is not a Word document (.docx)")), _(what.c_str()));
    auto required = [&](const std::string& name) {
        std::optional<std::string> bytes = read(name);
        if (!bytes) throw Error(not_word);
        return package::parse_xml(*bytes, name, what);
    };
    DocxReference ref;
    for (const auto& r : package::read_relationships(required("_rels/.rels"), ""))
        if (r.type == package::rel_office_document) ref.main_part = r.part;
    if (ref.main_part.empty()) throw Error(not_word);
    const package::XmlPart main = required(ref.main_part);
    ref.content_types = package::read_content_types(required("[Content_Types].xml"));
    const std::string main_rels = package::relationships_part_of(ref.main_part);
    if (const std::optional<std::string> rels = read(main_rels))
        for (auto& r : package::read_relationships(package::parse_xml(*rels, main_rels, what), ref.main_part))
            if (carries_over(r.type) && carry_part(read, r.part, what, ref)) ref.relationships.push_back(std::move(r));
    xmlNode* body = nullptr;
    for (xmlNode* b : children(main.root(), ns_w, "body")) body = b;
    ref.section_references = section_references(body, ref.relationships);
    return ref;
}

// The package path of the styles part that a reference's relationships name, or "".
std::string styles_part(const DocxReference& ref) {
    for (const auto& r : ref.relationships)
        if (r.type == package::rel_styles) return r.part;
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
        ref.content_types.overrides["/" + path] = builtin.content_types.overrides.at("/" + ours_path);
        ref.relationships.push_back({"rIdDutylistStyles", package::rel_styles, "styles.xml", path});
        return;
    }
    const package::XmlPart ours = package::parse_xml(builtin.parts.at(ours_path), ours_path, builtin_what);
    package::XmlPart theirs = package::parse_xml(ref.parts[theirs_path], theirs_path, what);
    const std::string styles_what = fmt::format(fmt::runtime(_("the styles of {}")), _(what.c_str()));
    xmlNode* root = theirs.root();
    std::set<std::string> present;
    for (xmlNode* style : children(root, ns_w, "style")) present.insert(attribute(style, ns_w, "styleId"));
    bool added = false;
    for (xmlNode* style : children(ours.root(), ns_w, "style")) {
        if (present.contains(attribute(style, ns_w, "styleId"))) continue;
        theirs.append_copy(root, style, styles_what);
        added = true;
    }
    if (added) ref.parts[theirs_path] = theirs.serialize(styles_what);
}

std::string content_types(const DocxReference& ref, const std::vector<package::ZipEntry>& entries) {
    std::map<std::string, std::string> defaults = ref.content_types.defaults;
    defaults["rels"] = package::type_relationships;
    defaults["xml"] = "application/xml";
    std::vector<std::pair<std::string, std::string>> overrides;
    for (const auto& entry : entries) {
        const std::string name = "/" + entry.path;
        std::string type;
        if (entry.path == ref.main_part) type = package::type_docx_main;
        else if (entry.path == "docProps/core.xml") type = package::type_core_properties;
        else if (entry.path == "docProps/app.xml") type = package::type_extended_properties;
        else if (auto it = ref.content_types.overrides.find(name); it != ref.content_types.overrides.end()) type = it->second;
        const auto by_extension = defaults.find(extension_of(entry.path));
        if (!type.empty() && !(by_extension != defaults.end() && by_extension->second == type)) overrides.emplace_back(name, type);
    }
    return package::content_types_xml(defaults, overrides);
}

}  // namespace

DocxReference builtin_docx_reference() {
    std::map<std::string, std::string> parts;
    for (const auto& f : template_folder("docx/")) parts[std::string(f.path)] = std::string(f.bytes);
    return reference_from_parts(
        [&](const std::string& path) { return parts.contains(path) ? std::optional(parts.at(path)) : std::nullopt; }, builtin_what);
}

DocxReference read_docx_reference(std::string_view docx_bytes, const std::string& what) {
    // Every ZIP starts with a "PK" record; anything else is no Word document at all.
    if (!docx_bytes.starts_with("PK")) throw Error(fmt::format(fmt::runtime(_("{} is not a Word document (.docx)")), _(what.c_str())));
    package::Package package(docx_bytes, what);
    // Only the whitelisted parts are ever inflated: an unexpected part, however large, costs nothing.
    DocxReference ref = reference_from_parts([&](const std::string& path) { return package.read(path); }, what);
    add_missing_styles(ref, builtin_docx_reference(), what);
    return ref;
}

std::string build_docx_package(const DocxReference& ref, const std::string& document_xml, const std::string& core_xml) {
    const std::string main_rels = package::relationships_xml(ref.relationships);
    std::vector<Relationship> package_rels = {{"rId1", package::rel_office_document, ref.main_part, ref.main_part},
                                              {"rId2", package::rel_core_properties, "docProps/core.xml", "docProps/core.xml"}};
    package_rels.push_back({"rId3", package::rel_extended_properties, "docProps/app.xml", "docProps/app.xml"});
    const std::string root_rels = package::relationships_xml(package_rels);

    // Content types first, as Office writes them; then the package and main parts.
    std::vector<package::ZipEntry> entries = {{"_rels/.rels", root_rels},
                                              {"docProps/core.xml", core_xml},
                                              {"docProps/app.xml", template_file("docx/docProps/app.xml")},
                                              {ref.main_part, document_xml},
                                              {package::relationships_part_of(ref.main_part), main_rels}};
    for (const auto& [path, bytes] : ref.parts) entries.push_back({path, bytes});
    const std::string types = content_types(ref, entries);
    entries.insert(entries.begin(), {"[Content_Types].xml", types});
    return package::write_zip(entries, N_("the DOCX package"));
}

}  // namespace dutylist
