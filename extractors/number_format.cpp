#include "extractors/number_format.hpp"

#include <array>
#include <string_view>

#include "model/text.hpp"

namespace dutylist {
namespace {

constexpr std::array<std::string_view, 10> han_digits = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
constexpr std::array<std::string_view, 10> legal_digits = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
constexpr std::array<std::string_view, 10> legal_digits_traditional = {"零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"};

// Chinese counting: 1 一, 10 十, 11 十一, 20 二十, 101 一百零一, 110 一百一十.
std::string chinese_counting(int n, const std::array<std::string_view, 10>& digits,
                             const std::array<std::string_view, 4>& units, bool drop_leading_one) {
    if (n <= 0) return std::string(n == 0 ? "零" : "");
    if (n >= 10000) return std::to_string(n);
    std::string out;
    bool pending_zero = false;
    int positions[4] = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
    bool leading = true;
    for (int i = 0; i < 4; ++i) {
        int d = positions[i];
        if (d == 0) {
            if (!leading) pending_zero = true;
            continue;
        }
        if (pending_zero) out += digits[0] == "〇" ? "零" : std::string(digits[0]);
        pending_zero = false;
        bool tens_only = i == 2 && leading && d == 1 && drop_leading_one;
        if (!tens_only) out += digits[static_cast<size_t>(d)];
        out += units[static_cast<size_t>(i)];
        leading = false;
    }
    return out;
}

std::string letters(int n, char first) {
    if (n <= 0) return std::to_string(n);
    // Word repeats the letter: 27 → AA, 28 → BB.
    char c = static_cast<char>(first + (n - 1) % 26);
    return std::string(static_cast<size_t>((n - 1) / 26 + 1), c);
}

std::string roman(int n, bool upper) {
    if (n <= 0 || n >= 4000) return std::to_string(n);
    static constexpr std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                            {90, "xc"},  {50, "l"},   {40, "xl"},  {10, "x"},   {9, "ix"},
                                                            {5, "v"},    {4, "iv"},   {1, "i"}};
    std::string out;
    for (auto [value, text] : table)
        while (n >= value) {
            out += text;
            n -= value;
        }
    if (upper)
        for (auto& c : out) c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string from_sequence(int n, std::u32string_view sequence) {
    if (n < 1 || static_cast<size_t>(n) > sequence.size()) return std::to_string(n);
    std::string out;
    append_utf8(out, sequence[static_cast<size_t>(n - 1)]);
    return out;
}

std::string enclosed(int n, char32_t first, int count) {
    if (n < 1 || n > count) return std::to_string(n);
    std::string out;
    append_utf8(out, first + static_cast<char32_t>(n - 1));
    return out;
}

}  // namespace

std::string format_number(int n, const std::string& f) {
    static constexpr std::array<std::string_view, 4> han_units = {"千", "百", "十", ""};
    static constexpr std::array<std::string_view, 4> legal_units = {"仟", "佰", "拾", ""};
    if (f == "decimal" || f.empty()) return std::to_string(n);
    if (f == "decimalZero") {
        std::string digits = std::to_string(n);
        if (n >= 0 && n < 10) digits.insert(digits.begin(), '0');
        return digits;
    }
    if (f == "upperRoman") return roman(n, true);
    if (f == "lowerRoman") return roman(n, false);
    if (f == "upperLetter") return letters(n, 'A');
    if (f == "lowerLetter") return letters(n, 'a');
    if (f == "chineseCounting" || f == "chineseCountingThousand" || f == "japaneseCounting" || f == "taiwaneseCounting" ||
        f == "taiwaneseCountingThousand" || f == "koreanCounting")
        return chinese_counting(n, han_digits, han_units, true);
    if (f == "chineseLegalSimplified") return chinese_counting(n, legal_digits, legal_units, false);
    if (f == "ideographLegalTraditional") return chinese_counting(n, legal_digits_traditional, legal_units, false);
    if (f == "ideographDigital" || f == "taiwaneseDigital" || f == "japaneseDigitalTenThousand") {
        std::string out;
        for (char c : std::to_string(n)) out += c >= '0' && c <= '9' ? std::string(han_digits[static_cast<size_t>(c - '0')]) : std::string(1, c);
        return out;
    }
    if (f == "ideographTraditional") return from_sequence(n, U"甲乙丙丁戊己庚辛壬癸");
    if (f == "ideographZodiac") return from_sequence(n, U"子丑寅卯辰巳午未申酉戌亥");
    if (f == "decimalFullWidth" || f == "decimalFullWidth2") {
        std::string out;
        for (char c : std::to_string(n)) append_utf8(out, c >= '0' && c <= '9' ? U'０' + static_cast<char32_t>(c - '0') : static_cast<char32_t>(c));
        return out;
    }
    if (f == "decimalEnclosedCircle" || f == "decimalEnclosedCircleChinese") return enclosed(n, U'①', 20);
    if (f == "decimalEnclosedFullstop") return enclosed(n, U'⒈', 20);
    if (f == "decimalEnclosedParen") return enclosed(n, U'⑴', 20);
    if (f == "ideographEnclosedCircle") return enclosed(n, U'㈠', 10);
    if (f == "none") return "";
    return std::to_string(n);
}

}  // namespace dutylist
