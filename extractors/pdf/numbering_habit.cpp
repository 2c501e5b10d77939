#include "extractors/pdf/numbering_habit.hpp"

namespace dutylist::pdf {
namespace {

constexpr std::u32string_view chinese_numerals = U"一二三四五六七八九十百";
// A list's habit must outnumber the other this many times to decide for a cell without its own.
constexpr int list_majority = 3;

bool is_digit(char32_t cp) { return (cp >= U'0' && cp <= U'9') || (cp >= U'０' && cp <= U'９'); }
bool is_numeral(char32_t cp) { return chinese_numerals.find(cp) != std::u32string_view::npos; }

}  // namespace

Marker marker_kind(std::u32string_view s) {
    if (s.empty()) return Marker::none;
    if (s[0] >= U'①' && s[0] <= U'⑳') return Marker::circled;
    size_t i = 0;
    if (is_digit(s[0])) {
        while (i < s.size() && i < 3 && is_digit(s[i])) ++i;
        if (i >= s.size()) return Marker::none;
        const char32_t mark = s[i];
        if (mark == U'、' || mark == U'）' || mark == U')') return Marker::digits;
        const bool point = (mark == U'.' || mark == U'．') && (i + 1 >= s.size() || !is_digit(s[i + 1]));
        return point ? Marker::digits : Marker::none;
    }
    if (s[0] == U'（' || s[0] == U'(') {
        i = 1;
        while (i < s.size() && i < 4 && (is_digit(s[i]) || is_numeral(s[i]))) ++i;
        return i > 1 && i < s.size() && (s[i] == U'）' || s[i] == U')') ? Marker::bracketed : Marker::none;
    }
    while (i < s.size() && i < 3 && is_numeral(s[i])) ++i;
    return i > 0 && i < s.size() && s[i] == U'、' ? Marker::ordinal : Marker::none;
}

void NumberingHabit::add(const NumberingHabit& other) {
    for (size_t k = 0; k < runs_on.size(); ++k) {
        runs_on[k] += other.runs_on[k];
        starts[k] += other.starts[k];
    }
}

int NumberingHabit::leaning(Marker m, bool strong) const {
    const auto k = static_cast<size_t>(m);
    const int on = runs_on[k], start = starts[k];
    if (strong) return on > 0 && start == 0 ? 1 : start > 0 && on == 0 ? -1 : 0;
    if (on >= list_majority * start && on > 1) return 1;
    if (start >= list_majority * on && start > 1) return -1;
    return 0;
}

}  // namespace dutylist::pdf
