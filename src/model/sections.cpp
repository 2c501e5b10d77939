#include "model/sections.hpp"

#include <string_view>

#include "model/text.hpp"

namespace dutylist {
namespace {

constexpr std::u32string_view numerals = U"一二三四五六七八九十百零〇";

bool is_numeral(char32_t cp) { return numerals.find(cp) != std::u32string_view::npos; }
bool is_digit(char32_t cp) { return (cp >= U'0' && cp <= U'9') || (cp >= U'０' && cp <= U'９'); }

// The level of a heading by its marker: 一、 1, （一） 2, 1. or 1、 3; none 1.
int marker_level(const std::u32string& s) {
    if (s.empty()) return 1;
    if (s[0] == U'（' || s[0] == U'(') return 2;
    if (is_digit(s[0])) return 3;
    return 1;
}

std::u32string decode(const std::string& text) {
    std::u32string s;
    for (size_t i = 0; i < text.size();) s.push_back(next_code_point(text, i));
    return s;
}

size_t marker_length(const std::u32string& s) {
    size_t i = 0;
    const bool bracket = !s.empty() && (s[0] == U'（' || s[0] == U'(');
    if (bracket) ++i;
    const size_t digits_from = i;
    while (i < s.size() && (is_numeral(s[i]) || is_digit(s[i]))) ++i;
    if (i == digits_from || i >= s.size()) return 0;
    const char32_t after = s[i];
    const bool marker = bracket ? (after == U'）' || after == U')')
                                : (after == U'、' || after == U'．' || (after == U'.' && is_digit(s[digits_from])));
    // "1.5亩以上" is a number, not a marker: a digit right after the dot keeps the text whole.
    if (!marker || (after == U'.' && i + 1 < s.size() && is_digit(s[i + 1]))) return 0;
    return i + 1;
}

}  // namespace

std::string without_list_marker(const std::string& text) {
    const std::u32string s = decode(text);
    const size_t length = marker_length(s);
    if (length == 0) return text;
    std::string rest;
    for (size_t k = length; k < s.size(); ++k) append_utf8(rest, s[k]);
    rest = trim(rest);
    return rest.empty() ? text : rest;
}

void apply_section_headings(DutyList& list, const std::vector<SectionHeading>& headings) {
    // Nested headings (一、 then （一）) give "outer／inner", so that no heading's text is lost.
    struct Open {
        int level;
        std::string text;
    };
    std::vector<Open> open;
    std::vector<SectionHeading> sections;  // the 事项类别 from each item index on
    for (const SectionHeading& h : headings) {
        const std::string text = trim(h.text);
        if (text.empty()) continue;
        if (h.first_item >= list.items.size()) {
            list.notes.push_back(text);
            continue;
        }
        const std::u32string s = decode(text);
        const int level = marker_length(s) ? marker_level(s) : 1;
        while (!open.empty() && open.back().level >= level) open.pop_back();
        open.push_back({level, without_list_marker(text)});
        std::string joined;
        for (const Open& o : open) joined += (joined.empty() ? "" : "／") + o.text;
        if (!sections.empty() && sections.back().first_item == h.first_item) sections.pop_back();
        sections.push_back({h.first_item, joined});
    }
    if (sections.empty()) return;
    int category = column_index(list, "category");
    if (category < 0) {
        category = column_index(list, "seq") + 1;
        list.columns.insert(list.columns.begin() + category, Column{"category", "事项类别"});
        for (Item& item : list.items)
            if (static_cast<int>(item.values.size()) >= category)
                item.values.insert(item.values.begin() + category, Paragraphs{});
    }
    const auto at = static_cast<size_t>(category);
    for (size_t s = 0; s < sections.size(); ++s) {
        const size_t end = s + 1 < sections.size() ? sections[s + 1].first_item : list.items.size();
        for (size_t i = sections[s].first_item; i < end; ++i) {
            auto& values = list.items[i].values;
            if (values.size() <= at) values.resize(at + 1);
            if (values[at].empty()) values[at] = {sections[s].text};
        }
    }
}

}  // namespace dutylist
