#include "review/sentence_cut.hpp"

#include <string>

#include "model/text.hpp"

namespace dutylist::review {
namespace {

constexpr std::u32string_view closing = U"。；！？…;!?）)》」』】〕］]”’\"'";
constexpr std::u32string_view never_first = U"、，。．；：！？…,.;:!?）)》〉」』】〕］]｝}”’％%·・";
constexpr std::u32string_view chinese_digits = U"一二三四五六七八九十";

std::u32string trimmed(std::string_view text) {
    std::u32string s = code_points(text);
    size_t from = 0, to = s.size();
    while (from < to && is_space(s[from])) ++from;
    while (to > from && is_space(s[to - 1])) --to;
    return s.substr(from, to - from);
}

// Reads a number at s[i]: Arabic (ASCII or full-width) or Chinese up to 99; 0 when none.
int read_number(const std::u32string& s, size_t& i) {
    int arabic = 0;
    size_t start = i;
    for (; i < s.size() && i - start < 4; ++i) {
        char32_t c = s[i];
        if (c >= U'０' && c <= U'９') c = c - U'０' + U'0';
        if (c < U'0' || c > U'9') break;
        arabic = arabic * 10 + static_cast<int>(c - U'0');
    }
    if (i > start) return arabic;
    int chinese = 0, unit = 0;
    for (; i < s.size() && chinese_digits.find(s[i]) != std::u32string_view::npos && i - start < 3; ++i) {
        const int d = static_cast<int>(chinese_digits.find(s[i])) + 1;
        if (d == 10) chinese = (unit ? unit : 1) * 10, unit = 0;
        else unit = d;
    }
    return chinese + unit;
}

}  // namespace

std::u32string code_points(std::string_view text) {
    std::u32string out;
    for (size_t i = 0; i < text.size();) out += next_code_point(text, i);
    return out;
}

bool ends_sentence(std::string_view paragraph) {
    const std::u32string s = trimmed(paragraph);
    return !s.empty() && closing.find(s.back()) != std::u32string_view::npos;
}

bool starts_mid_sentence(std::string_view paragraph) {
    const std::u32string s = trimmed(paragraph);
    if (s.empty()) return false;
    return never_first.find(s.front()) != std::u32string_view::npos || (s.front() >= U'a' && s.front() <= U'z');
}

int item_number(std::string_view paragraph) {
    const std::u32string s = trimmed(paragraph);
    size_t i = 0;
    const bool bracketed = !s.empty() && (s[0] == U'（' || s[0] == U'(');
    if (bracketed) ++i;
    const bool arabic = i < s.size() && ((s[i] >= U'0' && s[i] <= U'9') || (s[i] >= U'０' && s[i] <= U'９'));
    const int n = read_number(s, i);
    if (!n || i >= s.size()) return 0;
    if (bracketed) return s[i] == U'）' || s[i] == U')' ? n : 0;
    // "1." is a number only before text: "1.5倍" is not an item.
    if (s[i] == U'、') return n;
    const bool point = s[i] == U'.' || s[i] == U'．';
    return point && arabic && !(i + 1 < s.size() && s[i + 1] >= U'0' && s[i + 1] <= U'9') ? n : 0;
}

}  // namespace dutylist::review
