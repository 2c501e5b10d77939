// All escaping of text put into XML (DOCX parts) and HTML, in one place as in cmark.
#pragma once

#include <string>
#include <string_view>

namespace dutylist {

// Text as XML 1.0 / HTML character data or a quoted attribute value: & < > " ' escaped,
// invalid UTF-8 replaced by U+FFFD, and characters XML 1.0 forbids (C0 controls other
// than tab and line feed, carriage return, U+FFFE, U+FFFF) dropped, so that every model
// string gives a well-formed part.
std::string escape_markup(std::string_view text);
void append_escaped(std::string& out, std::string_view text);

}  // namespace dutylist
