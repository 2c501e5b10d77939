#include "extractors/odf/odf_reader.hpp"

#include <optional>

#include <fmt/format.h>

#include "extractors/odf/odf_body.hpp"
#include "extractors/odf/odf_xml.hpp"
#include "i18n/catalogue.hpp"
#include "model/error.hpp"
#include "package/ooxml_package.hpp"

namespace dutylist {
namespace {

constexpr std::string_view mime_text = "application/vnd.oasis.opendocument.text";
constexpr std::string_view mime_spreadsheet = "application/vnd.oasis.opendocument.spreadsheet";
// The stored mimetype entry comes first (ODF 1.2 part 3, 3.3); its name and content stand
// uncompressed within the first bytes, after a local header and possibly an extra field.
constexpr size_t mimetype_window = 256;

bool has_mimetype(std::string_view bytes, std::string_view mime) {
    if (!bytes.starts_with("PK\x03\x04")) return false;
    const std::string_view head = bytes.substr(0, mimetype_window);
    const size_t name = head.find("mimetype");
    return name != std::string_view::npos && head.find(mime, name) != std::string_view::npos;
}

// content.xml's office:body child of this kind, or an Error naming what is missing.
const xmlNode* body_of(const package::XmlPart& content, const char* kind, const std::string& what) {
    const xmlNode* body = odf::child(content.root(), odf::ns_office, "body");
    const xmlNode* inner = odf::child(body, odf::ns_office, kind);
    if (!inner) throw Error(fmt::format(fmt::runtime(_("{} is damaged: its content.xml has no office:{} body")), _(what.c_str()), kind));
    return inner;
}

package::XmlPart read_content(package::Package& package, const std::string& what) {
    // A password-protected file keeps its parts encrypted; the manifest says so.
    const std::optional<std::string> manifest = package.read("META-INF/manifest.xml");
    if (manifest && manifest->find("encryption-data") != std::string::npos)
        throw Error(fmt::format(fmt::runtime(_("{} is protected by a password: save it without one and try again")), _(what.c_str())));
    std::optional<package::XmlPart> content = package.read_xml("content.xml");
    if (!content) throw Error(fmt::format(fmt::runtime(_("{} is damaged: it has no content.xml")), _(what.c_str())));
    return std::move(*content);
}

}  // namespace

bool sniff_odt(std::string_view bytes) { return has_mimetype(bytes, mime_text); }
bool sniff_ods(std::string_view bytes) { return has_mimetype(bytes, mime_spreadsheet); }

Document read_odt(const InputFile& input, const ReadOptions& options) {
    const std::string what = N_("the OpenDocument text");
    package::Package package(input.bytes, what);
    const package::XmlPart content = read_content(package, what);
    odf::LeaderStyles leaders;
    odf::ListNumbering numbering;
    // Automatic styles are the ones a paragraph names most; common styles may be their parents.
    if (std::optional<package::XmlPart> styles = package.read_xml("styles.xml")) {
        leaders.add(odf::child(styles->root(), odf::ns_office, "styles"));
        numbering.add_styles(odf::child(styles->root(), odf::ns_office, "styles"));
    }
    leaders.add(odf::child(content.root(), odf::ns_office, "automatic-styles"));
    numbering.add_styles(odf::child(content.root(), odf::ns_office, "automatic-styles"));
    return odf::read_text_body(body_of(content, "text", what), leaders, numbering, options.warn);
}

Document read_ods(const InputFile& input, const ReadOptions& options) {
    const std::string what = N_("the OpenDocument spreadsheet");
    package::Package package(input.bytes, what);
    const package::XmlPart content = read_content(package, what);
    return odf::read_spreadsheet_body(body_of(content, "spreadsheet", what), options.warn);
}

}  // namespace dutylist
