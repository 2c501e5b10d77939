#include "extractors/xlsx/xlsx_package.hpp"

#include <fmt/format.h>

#include "extractors/xlsx/xlsx_xml.hpp"
#include "i18n/catalogue.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace dutylist::xlsx {
namespace {

const std::string what = N_("the Excel workbook");

// The r:id of a <sheet>: its namespace differs between transitional and strict OOXML.
std::string relationship_id(const xmlNode* sheet) {
    for (const xmlAttr* a = sheet->properties; a; a = a->next)
        if (a->ns && std::strcmp(chars(a->name), "id") == 0 && a->children && a->children->type == XML_TEXT_NODE)
            return chars(a->children->content);
    return "";
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// "_x000D_" → U+000D; any other text unchanged.
std::string decode_escapes(const std::string& s) {
    if (s.find("_x") == std::string::npos) return s;
    std::string out;
    for (size_t i = 0; i < s.size();) {
        if (s.compare(i, 2, "_x") == 0 && i + 7 <= s.size() && s[i + 6] == '_') {
            char32_t cp = 0;
            bool hex = true;
            for (size_t k = i + 2; k < i + 6; ++k) {
                const int d = hex_digit(s[k]);
                hex = hex && d >= 0;
                cp = cp * 16 + static_cast<char32_t>(d < 0 ? 0 : d);
            }
            if (hex) {
                append_utf8(out, cp);
                i += 7;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

}  // namespace

std::string string_item_text(const xmlNode* item) {
    std::string out;
    for (const xmlNode* c = item->children; c; c = c->next) {
        if (is_s(c, "t")) out += text_content(c);
        else if (is_s(c, "r"))
            if (const xmlNode* t = s_child(c, "t")) out += text_content(t);
    }
    return decode_escapes(out);
}

bool is_workbook(std::string_view bytes) {
    if (!bytes.starts_with("PK\x03\x04") || bytes.find("xl/workbook") == std::string_view::npos) return false;
    try {
        package::Package package(bytes, what);
        return package.has("xl/workbook.xml") && !package.has("word/document.xml");
    } catch (const Error&) {
        return false;
    }
}

Workbook::Workbook(std::string_view bytes) : package_(bytes, what) {
    // The sniff took the package for its xl/workbook.xml, the name every producer gives the part.
    const std::string main = "xl/workbook.xml";
    auto workbook = package_.read_xml(main);
    if (!workbook) throw Error("the ZIP package has no " + main + ": it is not an Excel workbook");
    const auto relationships = package_.relationships(main);
    const xmlNode* sheets = s_child(workbook->root(), "sheets");
    for (const xmlNode* sheet = sheets ? sheets->children : nullptr; sheet; sheet = sheet->next) {
        if (!is_s(sheet, "sheet")) continue;
        const std::string id = relationship_id(sheet);
        // Chart sheets have relationships of another type: they hold no cells.
        for (const auto& r : relationships)
            if (r.id == id && (r.type == package::rel_worksheet || r.type == package::rel_worksheet_strict))
                sheets_.push_back({attribute(sheet, "name"), r.part});
    }
    std::string strings_part = "xl/sharedStrings.xml";
    for (const auto& r : relationships)
        if (r.type == package::rel_shared_strings || r.type == package::rel_shared_strings_strict) strings_part = r.part;
    if (auto strings = package_.read_xml(strings_part))
        for (const xmlNode* si = strings->root()->children; si; si = si->next)
            if (is_s(si, "si")) shared_strings_.push_back(string_item_text(si));
}

package::XmlPart Workbook::read_sheet(const SheetPart& sheet) {
    auto part = package_.read_xml(sheet.part);
    if (!part) throw Error(fmt::format(fmt::runtime(_("{} is damaged: its sheet \"{}\" has no part {}")), _(what.c_str()), sheet.name, sheet.part));
    return std::move(*part);
}

}  // namespace dutylist::xlsx
