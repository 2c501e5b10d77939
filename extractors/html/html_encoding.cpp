#include "extractors/html/html_encoding.hpp"

#include <algorithm>
#include <cctype>
#include <climits>

#include <unicode/ucnv.h>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace dutylist::html {
namespace {

// How far into the page a <meta> declaration is looked for. Browsers prescan 1024 bytes;
// LibreOffice and site templates put a long <head> of styles and scripts first.
constexpr size_t prescan_bytes = 4096;

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool is_label_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':'; }

// What ICU is asked for a label: the GB family as GB18030, which reads all of it (as
// browsers decode gb2312 and gbk); UTF-16 named in a page without a mark is UTF-8 (WHATWG).
std::string converter_name(const std::string& label) {
    for (const char* gb : {"gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "windows-936", "gb18030", "csgb2312", "chinese"})
        if (label == gb) return "GB18030";
    if (label == "utf8" || label == "utf-8" || label.starts_with("utf-16")) return "UTF-8";
    return label;
}

std::string convert(std::string_view bytes, const std::string& charset) {
    // Invalid bytes in a page that says UTF-8 go through ICU too, which shows them as U+FFFD.
    if (charset == "UTF-8" && is_valid_utf8(bytes)) return std::string(bytes);
    if (bytes.size() > INT_MAX / 3) throw Error(fmt::format(fmt::runtime(_("the web page is too large to convert from {}")), printable(charset)));
    UErrorCode status = U_ZERO_ERROR;
    UConverter* probe = ucnv_open(charset.c_str(), &status);
    if (U_FAILURE(status)) throw Error(fmt::format(fmt::runtime(_("the web page is in the character set \"{}\", which dutylist cannot read")), printable(charset)));
    ucnv_close(probe);
    // Measured first rather than allocated at the worst case (3 bytes of UTF-8 for each byte of
    // a single-byte charset), so that a large page costs its own size once more, not three times.
    status = U_ZERO_ERROR;
    const int32_t needed = ucnv_convert("UTF-8", charset.c_str(), nullptr, 0, bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
        throw Error(fmt::format(fmt::runtime(_("the web page could not be converted from {} ({})")), printable(charset), u_errorName(status)));
    std::string out(static_cast<size_t>(needed) + 1, '\0');
    status = U_ZERO_ERROR;
    const int32_t length = ucnv_convert("UTF-8", charset.c_str(), out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                                        static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status))
        throw Error(fmt::format(fmt::runtime(_("the web page could not be converted from {} ({})")), printable(charset), u_errorName(status)));
    out.resize(static_cast<size_t>(length));
    return out;
}

}  // namespace

std::string declared_charset(std::string_view bytes) {
    const std::string head = lower(bytes.substr(0, prescan_bytes));
    for (size_t meta = head.find("<meta"); meta != std::string::npos; meta = head.find("<meta", meta + 5)) {
        const size_t end = std::min(head.find('>', meta), head.size());
        size_t at = head.find("charset", meta);
        if (at == std::string::npos || at > end) continue;
        at += 7;
        while (at < end && (head[at] == ' ' || head[at] == '=' || head[at] == '"' || head[at] == '\'')) ++at;
        size_t stop = at;
        while (stop < end && is_label_char(head[stop])) ++stop;
        if (stop > at) return head.substr(at, stop - at);
    }
    return "";
}

DecodedPage decode_page(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) return {std::string(bytes.substr(3)), "UTF-8", false};
    if (bytes.starts_with("\xFF\xFE")) return {convert(bytes.substr(2), "UTF-16LE"), "UTF-16LE", false};
    if (bytes.starts_with("\xFE\xFF")) return {convert(bytes.substr(2), "UTF-16BE"), "UTF-16BE", false};
    if (const std::string label = declared_charset(bytes); !label.empty()) {
        const std::string charset = converter_name(label);
        return {convert(bytes, charset), charset, false};
    }
    const std::string charset = is_valid_utf8(bytes) ? "UTF-8" : "GB18030";
    return {convert(bytes, charset), charset, true};
}

}  // namespace dutylist::html
