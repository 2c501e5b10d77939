#include "package/opc_parts.hpp"

#include "package/ooxml_names.hpp"
#include "package/xml_nodes.hpp"
#include "renderers/markup.hpp"

namespace dutylist::package {
namespace {

constexpr const char* declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

std::string folder_of(const std::string& part) { return part.substr(0, part.rfind('/') + 1); }

}  // namespace

std::string relationships_part_of(const std::string& source_part) {
    const std::string folder = folder_of(source_part);
    return folder + "_rels/" + source_part.substr(folder.size()) + ".rels";
}

std::string resolve_target(const std::string& source_part, const std::string& target) {
    if (!target.empty() && target[0] == '/') return target.substr(1);
    const std::string path = folder_of(source_part) + target;
    std::vector<std::string> pieces;
    size_t start = 0;
    while (start <= path.size()) {
        const size_t slash = path.find('/', start);
        std::string piece = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (piece == "..") {
            if (!pieces.empty()) pieces.pop_back();
        } else if (!piece.empty() && piece != ".") {
            pieces.push_back(std::move(piece));
        }
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    std::string out;
    for (const auto& p : pieces) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::vector<Relationship> read_relationships(const XmlPart& rels, const std::string& source_part) {
    std::vector<Relationship> out;
    for (const xmlNode* n = rels.root()->children; n; n = n->next) {
        if (!is_element(n) || attribute(n, "TargetMode") == "External") continue;
        std::string target = attribute(n, "Target");
        std::string part = resolve_target(source_part, target);
        out.push_back({attribute(n, "Id"), attribute(n, "Type"), std::move(target), std::move(part)});
    }
    return out;
}

std::string relationships_xml(const std::vector<Relationship>& relationships) {
    std::string out = std::string(declaration) + "<Relationships xmlns=\"" + ns_relationships + "\">";
    for (const auto& r : relationships)
        out += "<Relationship Id=\"" + escape_markup(r.id) + "\" Type=\"" + escape_markup(r.type) + "\" Target=\"" +
               escape_markup(r.target) + "\"/>";
    return out + "</Relationships>";
}

ContentTypes read_content_types(const XmlPart& types) {
    ContentTypes out;
    for (const xmlNode* d : children(types.root(), ns_content_types, "Default"))
        out.defaults[attribute(d, "Extension")] = attribute(d, "ContentType");
    for (const xmlNode* o : children(types.root(), ns_content_types, "Override"))
        out.overrides[attribute(o, "PartName")] = attribute(o, "ContentType");
    return out;
}

std::string content_types_xml(const std::map<std::string, std::string>& defaults,
                              const std::vector<std::pair<std::string, std::string>>& overrides) {
    std::string out = std::string(declaration) + "<Types xmlns=\"" + ns_content_types + "\">";
    for (const auto& [extension, type] : defaults)
        if (!extension.empty())
            out += "<Default Extension=\"" + escape_markup(extension) + "\" ContentType=\"" + escape_markup(type) + "\"/>";
    for (const auto& [name, type] : overrides)
        out += "<Override PartName=\"" + escape_markup(name) + "\" ContentType=\"" + escape_markup(type) + "\"/>";
    return out + "</Types>";
}

}  // namespace dutylist::package
