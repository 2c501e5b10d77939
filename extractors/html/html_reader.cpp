#include "extractors/html/html_reader.hpp"

#include <cctype>
#include <climits>
#include <cstring>
#include <memory>

#include <libxml/HTMLparser.h>

#include <fmt/format.h>

#include "extractors/html/html_encoding.hpp"
#include "extractors/html/html_page.hpp"
#include "i18n/catalogue.hpp"
#include "model/error.hpp"

namespace dutylist {
namespace {

// How far into the file the markup of a page is looked for; a Word or site template may put
// comments and a long doctype first.
constexpr size_t sniff_bytes = 1024;

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

// Word's "downlevel-revealed" conditionals, <![if !supportLists]>1.<![endif]>: browsers take
// the markers for bogus comments and show what is between them (a list number), which
// libxml2 would keep as text. The markers go, their content stays.
std::string without_conditional_markers(std::string text) {
    for (size_t at = text.find("<![if"); at != std::string::npos; at = text.find("<![if", at)) {
        const size_t end = text.find('>', at);
        text.erase(at, end == std::string::npos ? std::string::npos : end + 1 - at);
    }
    const std::string endif = "<![endif]>";
    for (size_t at = text.find(endif); at != std::string::npos; at = text.find(endif, at)) text.erase(at, endif.size());
    return text;
}

}  // namespace

bool sniff_html(std::string_view bytes) {
    std::string head;
    // A UTF-16 page's markup is ASCII with a NUL beside each byte.
    for (char c : bytes.substr(0, sniff_bytes))
        if (c != '\0') head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const size_t start = head.find('<');
    if (start == std::string::npos) return false;
    if (head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos) return true;
    for (const char* tag : {"<head", "<body", "<meta", "<table"})
        if (head.compare(start, std::strlen(tag), tag) == 0) return true;
    return false;
}

Document read_html(const InputFile& input, const ReadOptions& options) {
    html::DecodedPage page = html::decode_page(input.bytes);
    page.text = without_conditional_markers(std::move(page.text));
    if (page.detected && page.charset != "UTF-8")
        options.warn(fmt::format(fmt::runtime(_("the web page names no character set; it was read as {}")), page.charset));
    if (page.text.size() > INT_MAX) throw Error(_("the web page is too large"));
    // IGNORE_ENC: the text is UTF-8 now, whatever its <meta> says. NONET: nothing is fetched.
    const int flags = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
    std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(page.text.data(), static_cast<int>(page.text.size()), nullptr, "UTF-8", flags));
    if (!doc) throw Error(_("the web page could not be read (its markup is not HTML)"));
    return html::read_page(xmlDocGetRootElement(doc.get()), options.warn);
}

}  // namespace dutylist
