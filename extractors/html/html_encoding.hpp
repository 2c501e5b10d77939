// The character set of a web page and its text in UTF-8: from a byte-order mark, else the
// page's own <meta charset> or <meta http-equiv="Content-Type" content="…; charset=…"> within
// its first bytes (as a browser's prescan), else detected: valid UTF-8 is UTF-8, anything else
// is taken for GB18030 (the superset of GB2312 and GBK, which Chinese sites serve without
// saying so). Conversion is ICU's (ucnv).
#pragma once

#include <string>
#include <string_view>

namespace dutylist::html {

struct DecodedPage {
    std::string text;     // UTF-8, without a byte-order mark
    std::string charset;  // as named or detected: "UTF-8", "GB18030", "windows-1252" …
    bool detected = false;  // no mark or declaration named it
};

// Throws Error when the page declares a character set ICU does not know.
DecodedPage decode_page(std::string_view bytes);

// The charset a <meta> names in the first bytes of the page, lower case, or "".
std::string declared_charset(std::string_view bytes);

}  // namespace dutylist::html
