#include "renderers/markup.hpp"

#include "model/text.hpp"

namespace dutylist {

void append_escaped(std::string& out, std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            switch (c) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"': out += "&quot;"; break;
                case '\'': out += "&#39;"; break;
                default:
                    if (c >= 0x20 || c == '\t' || c == '\n') out += static_cast<char>(c);
            }
            continue;
        }
        const char32_t cp = next_code_point(text, i);
        if (cp == 0xFFFE || cp == 0xFFFF) continue;
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            append_utf8(out, 0xFFFD);
            continue;
        }
        append_utf8(out, cp);
    }
}

std::string escape_markup(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_escaped(out, text);
    return out;
}

}  // namespace dutylist
