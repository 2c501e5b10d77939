#include "extractors/pdf/page_numbers.hpp"

#include <algorithm>
#include <string_view>

#include "model/text.hpp"

namespace dutylist::pdf {

bool is_page_number(const std::string& text) {
    // What is left of "— 3 —", "第3页共60页", "3/60", "Page 3 of 60" without its digits and
    // page words is nothing.
    std::string s = remove_whitespace(text);
    for (std::string_view word : {"Page", "page", "of", "第", "页", "共", "—", "–", "－", "·"})
        for (size_t at; (at = s.find(word)) != std::string::npos;) s.erase(at, word.size());
    int digits = 0;
    for (char c : s) {
        if (c >= '0' && c <= '9') ++digits;
        else if (c != '-' && c != '/' && c != '_' && c != '.' && c != 'P' && c != 'p') return false;
    }
    return digits > 0 && digits <= 8;
}

bool is_bare_number(const std::string& text) {
    const std::string s = remove_whitespace(text);
    if (s.empty() || s.size() > 4) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) &&
           s.front() != '.';
}

bool is_page_number_line(const TextLine& line, double page_height, double margin_share) {
    if (!is_page_number(line.text)) return false;
    if (!is_bare_number(line.text)) return true;
    return line.top < margin_share * page_height || line.bottom > (1 - margin_share) * page_height;
}

}  // namespace dutylist::pdf
