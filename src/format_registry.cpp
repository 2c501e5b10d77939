#include "format_registry.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "io/sha256.hpp"
#include "model/error.hpp"
#include "reader_list.hpp"
#include "writer_list.hpp"

namespace dutylist {
namespace {

bool starts_with(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }

bool ends_with_ignoring_case(std::string_view name, std::string_view suffix) {
    if (name.size() < suffix.size()) return false;
    return std::equal(suffix.begin(), suffix.end(), name.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                      [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); });
}

}  // namespace

const std::vector<Writer>& writers() {
    static const std::vector<Writer> all = registered_writers();
    return all;
}

const std::vector<Reader>& readers() {
    static const std::vector<Reader> all = registered_readers();
    return all;
}

const Writer* find_writer(std::string_view name) {
    for (const auto& w : writers())
        if (w.name == name) return &w;
    return nullptr;
}

bool has_reader_extension(std::string_view file_name) {
    for (const auto& reader : readers())
        for (std::string_view extension : reader.extensions)
            if (ends_with_ignoring_case(file_name, extension)) return true;
    return false;
}

std::string one_of(const std::vector<std::string>& names) {
    std::string phrase;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) phrase += i + 1 == names.size() ? " or " : ", ";
        phrase += names[i];
    }
    return phrase;
}

std::string reader_display_names() {
    std::vector<std::string> names;
    for (const auto& reader : readers()) names.emplace_back(reader.display_name);
    return one_of(names);
}

std::string reader_extension_patterns() {
    std::vector<std::string> patterns;
    for (const auto& reader : readers())
        for (std::string_view extension : reader.extensions) patterns.push_back("*" + std::string(extension));
    return one_of(patterns);
}

std::string describe_content(std::string_view bytes) {
    if (bytes.empty()) return _("empty");
    if (starts_with(bytes, "\x89PNG")) return _("a PNG image");
    if (starts_with(bytes, "\xFF\xD8\xFF")) return _("a JPEG image");
    if (starts_with(bytes, "GIF8")) return _("a GIF image");
    if (starts_with(bytes, "II*\0") || starts_with(bytes, std::string_view("MM\0*", 4))) return _("a TIFF image");
    if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        // Word 97–2003 files and workbooks of this kind went to their readers.
        return _("an encrypted Office file, or a legacy Word .doc or Office file that is damaged (OLE container)");
    if (starts_with(bytes, "PK\x03\x04")) {
        // A readable workbook went to the XLSX reader; one that comes here is not a readable ZIP.
        if (bytes.find("xl/workbook") != std::string_view::npos) return _("an Excel workbook (XLSX) that is damaged or cut short");
        if (bytes.find("ppt/presentation") != std::string_view::npos) return _("a PowerPoint file (PPTX)");
        if (bytes.substr(0, 256).find("application/vnd.oasis.opendocument.") != std::string_view::npos)
            return _("an OpenDocument file that is neither a text (.odt) nor a spreadsheet (.ods)");
        return _("a ZIP archive that is neither a Word document, an Excel workbook nor an OpenDocument file");
    }
    if (starts_with(bytes, "{\\rtf")) return _("an RTF document");
    std::string_view head = bytes.substr(0, 512);
    for (std::string_view tag : {"<!DOCTYPE html", "<!doctype html", "<html", "<HTML"})
        if (head.find(tag) != std::string_view::npos) return _("an HTML page");
    if (starts_with(head, "<?xml")) return _("an XML file");
    for (unsigned char c : head)
        if (c < 0x09 || (c > 0x0D && c < 0x20)) return _("binary data of an unknown kind");
    return _("plain text");
}

SourceImages source_images(const InputFile& input, const Document& document, const ReadOptions& options) {
    for (const auto& reader : readers())
        // A dutylist JSON keeps the format of the document it was made from, not its pages.
        if (reader.name == document.source.format && reader.images && reader.sniff(input.bytes)) return reader.images(input, document, options);
    return {};
}

Document read_document(const InputFile& input, const ReadOptions& options) {
    for (const auto& reader : readers()) {
        if (!reader.sniff(input.bytes)) continue;
        Document doc = reader.read(input, options);
        // A reader of a derived format (our JSON) keeps the source of the original document.
        if (doc.source.format.empty()) {
            doc.source.file = input.name;
            doc.source.format = std::string(reader.name);
            doc.source.sha256 = sha256_hex(input.bytes);
        }
        return doc;
    }
    throw Error(fmt::format(fmt::runtime(_("not a duty list in {}: the file is {}")), reader_display_names(), describe_content(input.bytes)));
}

}  // namespace dutylist
