#include "extractors/docx/docx_numbering.hpp"

#include <string_view>

#include "extractors/docx/docx_xml.hpp"
#include "model/text.hpp"
#include "model/text_budget.hpp"

namespace dutylist::docx {
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

Level read_level(const xmlNode* lvl) {
    Level level;
    level.start = int_val(w_child(lvl, "start"), 1);
    if (const xmlNode* f = w_child(lvl, "numFmt")) level.format = w_val(f);
    if (const xmlNode* t = w_child(lvl, "lvlText")) level.text = w_val(t);
    if (const xmlNode* s = w_child(lvl, "suff")) {
        std::string v = w_val(s);
        level.suffix = std::string(v == "space" ? " " : v == "nothing" ? "" : "\t");
    }
    level.legal = on(w_child(lvl, "isLgl"));
    return level;
}

// A bullet set in a symbol font is a private-use code point that prints as a picture.
bool is_private_use(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        char32_t cp = next_code_point(text, i);
        if (cp >= 0xE000 && cp <= 0xF8FF) return true;
    }
    return false;
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

Numbering::Numbering(const xmlNode* root) {
    for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
        if (is_w(n, "abstractNum")) {
            const char* id = w_attr(n, "abstractNumId");
            if (!id) continue;
            Abstract a;
            for (const xmlNode* lvl = n->children; lvl; lvl = lvl->next) {
                if (!is_w(lvl, "lvl")) continue;
                const char* ilvl = w_attr(lvl, "ilvl");
                int i = ilvl ? std::atoi(ilvl) : -1;
                if (i >= 0 && i < 9) a.levels[static_cast<size_t>(i)] = read_level(lvl);
            }
            abstracts_[id] = std::move(a);
        } else if (is_w(n, "num")) {
            const char* id = w_attr(n, "numId");
            if (!id) continue;
            Instance num;
            num.abstract_id = w_val(w_child(n, "abstractNumId"));
            for (const xmlNode* o = n->children; o; o = o->next) {
                if (!is_w(o, "lvlOverride")) continue;
                const char* ilvl = w_attr(o, "ilvl");
                int i = ilvl ? std::atoi(ilvl) : -1;
                if (i < 0 || i >= 9) continue;
                if (const xmlNode* s = w_child(o, "startOverride")) num.start_overrides[i] = int_val(s, 1);
                if (const xmlNode* lvl = w_child(o, "lvl")) num.level_overrides[i] = read_level(lvl);
            }
            instances_[id] = std::move(num);
        }
    }
}

const Level* Numbering::level(const Instance& num, int ilvl) const {
    if (auto o = num.level_overrides.find(ilvl); o != num.level_overrides.end()) return &o->second;
    auto a = abstracts_.find(num.abstract_id);
    return a == abstracts_.end() ? nullptr : &a->second.levels[static_cast<size_t>(ilvl)];
}

std::string Numbering::next_label(const NumberingRef& ref) {
    auto found = instances_.find(ref.num_id);
    if (found == instances_.end() || ref.level < 0 || ref.level > 8) return "";
    const Instance& num = found->second;
    const Level* lvl = level(num, ref.level);
    if (!lvl) return "";
    Counters& c = counters_[num.abstract_id];
    // A startOverride restarts the shared counters the first time its list is used.
    if (!num.start_overrides.empty() && overrides_applied_.insert(ref.num_id).second) {
        for (auto [i, start] : num.start_overrides) {
            c.value[static_cast<size_t>(i)] = start - 1;
            c.started[static_cast<size_t>(i)] = true;
        }
    }
    const auto at = static_cast<size_t>(ref.level);
    if (c.started[at]) {
        ++c.value[at];
    } else {
        c.value[at] = lvl->start;
        c.started[at] = true;
    }
    for (size_t d = at + 1; d < 9; ++d) c.started[d] = false;

    if (lvl->format == "bullet") return is_private_use(lvl->text) || lvl->text.empty() ? "" : lvl->text + lvl->suffix;
    std::string out;
    const std::string& t = lvl->text;
    for (size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
            const auto k = static_cast<size_t>(t[i + 1] - '1');
            const Level* kl = level(num, static_cast<int>(k));
            int value = c.started[k] ? c.value[k] : (kl ? kl->start : 1);
            out += format_number(value, kl && !lvl->legal ? kl->format : "decimal");
            ++i;
        } else {
            out += t[i];
        }
    }
    return out.empty() ? "" : out + lvl->suffix;
}

namespace {

void resolve(std::vector<Block>& blocks, Numbering& numbering, const Styles& styles, TextBudget& budget) {
    for (auto& b : blocks) {
        if (b.is_table) {
            for (auto& row : b.table.rows)
                for (auto& cell : row.cells) resolve(cell.content, numbering, styles, budget);
            continue;
        }
        Paragraph& p = b.paragraph;
        std::optional<NumberingRef> ref = p.numbering;
        std::string style_id = p.style;
        for (int hops = 0; hops < 32 && !style_id.empty(); ++hops) {
            auto s = styles.find(style_id);
            if (s == styles.end()) break;
            if (s->second.toc) p.in_toc = true;
            if (!ref && s->second.numbering) ref = s->second.numbering;
            style_id = s->second.based_on;
        }
        if (!ref || ref->num_id == "0") continue;
        // A label is text the document does not hold: "%1" repeated in a level's text makes
        // a long one for every paragraph.
        p.label = numbering.next_label(*ref);
        budget.spend(p.label.size());
    }
}

}  // namespace

void resolve_numbering(Body& body, Numbering& numbering, const Styles& styles) {
    TextBudget budget;
    resolve(body.blocks, numbering, styles, budget);
}

}  // namespace dutylist::docx
