#include "model/text.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace dutylist {

char32_t next_code_point(std::string_view s, size_t& i) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) {
        ++i;
        return c;
    }
    int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + static_cast<size_t>(len) > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = c & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
        unsigned char cc = byte(i + static_cast<size_t>(k));
        if ((cc & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr char32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return 0xFFFD;
    }
    i += static_cast<size_t>(len);
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_valid_utf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        size_t start = i;
        if (next_code_point(s, i) == 0xFFFD && !(i - start == 3 && s.substr(start, 3) == "\xEF\xBF\xBD")) return false;
    }
    return true;
}

bool is_space(char32_t cp) {
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

bool is_cjk(char32_t cp) {
    return (cp >= 0x2E80 && cp <= 0x2FFF)       // radicals, Kangxi
           || (cp >= 0x3000 && cp <= 0x303F)    // CJK punctuation
           || (cp >= 0x3040 && cp <= 0x30FF)    // kana
           || (cp >= 0x3100 && cp <= 0x31FF)    // bopomofo, strokes
           || (cp >= 0x3200 && cp <= 0x33FF)    // enclosed, compatibility
           || (cp >= 0x3400 && cp <= 0x4DBF)    // extension A
           || (cp >= 0x4E00 && cp <= 0x9FFF)    // unified ideographs
           || (cp >= 0xAC00 && cp <= 0xD7AF)    // hangul
           || (cp >= 0xF900 && cp <= 0xFAFF)    // compatibility ideographs
           || (cp >= 0xFE30 && cp <= 0xFE4F)    // compatibility forms
           || (cp >= 0xFF00 && cp <= 0xFFEF)    // full-width forms and punctuation
           || (cp >= 0x20000 && cp <= 0x3FFFF)  // supplementary ideographs
           || cp == 0x2014 || cp == 0x2026 || cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 ||
           cp == 0x00B7;  // dashes, ellipsis, curly quotes and middle dot as set in Chinese text
}

std::string trim(std::string_view s) {
    size_t begin = 0;
    while (begin < s.size()) {
        size_t i = begin;
        if (!is_space(next_code_point(s, i))) break;
        begin = i;
    }
    size_t end = begin, i = begin;
    while (i < s.size()) {
        if (!is_space(next_code_point(s, i))) end = i;
    }
    return std::string(s.substr(begin, end - begin));
}

std::string remove_whitespace(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        size_t start = i;
        if (!is_space(next_code_point(s, i))) out.append(s.substr(start, i - start));
    }
    return out;
}

std::string normalize_paragraph(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    char32_t last = 0;
    for (size_t i = 0; i < s.size();) {
        size_t start = i;
        char32_t cp = next_code_point(s, i);
        if (is_space(cp)) {
            pending_space = true;
            continue;
        }
        if (pending_space && !out.empty() && !is_cjk(last) && !is_cjk(cp)) out += ' ';
        pending_space = false;
        out.append(s.substr(start, i - start));
        last = cp;
    }
    return out;
}

namespace {

// Longer runs of digits are no date part; capping them keeps the arithmetic from overflowing.
constexpr int max_date_number = 100000;

// Digits written as Arabic numerals, full-width digits or Chinese numerals (〇一二…十).
std::vector<int> date_numbers(std::string_view s) {
    std::vector<int> numbers;
    int current = -1;
    bool chinese = false;
    auto flush = [&] {
        if (current >= 0) numbers.push_back(current);
        current = -1;
        chinese = false;
    };
    for (size_t i = 0; i < s.size();) {
        char32_t cp = next_code_point(s, i);
        int digit = -1;
        if (cp >= '0' && cp <= '9') digit = static_cast<int>(cp - '0');
        else if (cp >= 0xFF10 && cp <= 0xFF19) digit = static_cast<int>(cp - 0xFF10);
        else {
            static constexpr char32_t han[] = {U'〇', U'一', U'二', U'三', U'四', U'五', U'六', U'七', U'八', U'九'};
            for (int d = 0; d < 10; ++d)
                if (cp == han[d] || (d == 0 && cp == U'零')) digit = d;
            if (cp == U'十') {
                // 十 = 10, 十五 = 15, 二十 = 20, 二十五 = 25
                chinese = true;
                current = std::min(current <= 0 ? 1 : current, max_date_number) * 10;
                continue;
            }
            if (digit >= 0) {
                if (chinese && current >= 10 && current % 10 == 0) {
                    current += digit;
                    continue;
                }
            }
        }
        if (digit < 0) {
            flush();
            continue;
        }
        current = current < 0 ? digit : std::min(current, max_date_number) * 10 + digit;
    }
    flush();
    return numbers;
}

}  // namespace

std::string iso_date(std::string_view printed) {
    std::vector<int> n = date_numbers(printed);
    if (n.empty() || n[0] < 1900 || n[0] > 2200) return "";
    if (n.size() == 1) return fmt::format("{:04d}", n[0]);
    if (n[1] < 1 || n[1] > 12) return "";
    if (n.size() == 2) return fmt::format("{:04d}-{:02d}", n[0], n[1]);
    if (n[2] < 1 || n[2] > 31) return fmt::format("{:04d}-{:02d}", n[0], n[1]);
    return fmt::format("{:04d}-{:02d}-{:02d}", n[0], n[1], n[2]);
}

void append_wrapped(std::string& left, std::string_view right) {
    if (!left.empty() && !right.empty()) {
        size_t at = 0;
        const char32_t first = next_code_point(right, at);
        size_t back = left.size() - 1;
        while (back > 0 && (static_cast<unsigned char>(left[back]) & 0xC0) == 0x80) --back;
        at = back;
        const char32_t last = next_code_point(left, at);
        if (!(is_cjk(last) || is_cjk(first) || last == U'-' || last == U'/')) left += ' ';
    }
    left += right;
}

std::string join_wrapped(std::string_view left, std::string_view right) {
    std::string out(left);
    append_wrapped(out, right);
    return out;
}

// Characters of a text shown in a message about it.
constexpr size_t shown_chars = 40;

std::string shortened(const std::string& text) {
    size_t at = 0, count = 0;
    while (at < text.size() && count < shown_chars) {
        next_code_point(text, at);
        ++count;
    }
    return at < text.size() ? text.substr(0, at) + "…" : text;
}

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const size_t start = i;
        const char32_t cp = next_code_point(text, i);
        const bool broken = cp == 0xFFFD && text.substr(start, i - start) != "\xEF\xBF\xBD";
        if (broken || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
            for (size_t k = start; k < i; ++k) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[k]));
        } else {
            out.append(text, start, i - start);
        }
    }
    return out;
}

std::string without_controls(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const size_t start = i;
        const char32_t cp = next_code_point(text, i);
        if (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F)) out.append(text, start, i - start);
    }
    return out;
}

}  // namespace dutylist
