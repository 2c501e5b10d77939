// Numbered items inside a cell (1. 2. …, 一、 二、, （一）, ①): whether a list sets each as a
// paragraph of its own or runs them on inline ("…建立台账；2.依法查处…"). Where a line ends a
// sentence at the cell's edge and the next line starts with an item number, the page cannot
// tell the two apart; the habit that the same cell, else the same list, shows where the page
// can tell decides (text_lines.cpp).
#pragma once

#include <array>
#include <string_view>

namespace dutylist::pdf {

enum class Marker { none = 0, digits, ordinal, bracketed, circled };

// The list marker `text` starts with: 2. 2、 2） 2．(not 2.5), 二、, （二） (2), ①.
Marker marker_kind(std::u32string_view text);

// The marker kinds that follow a sentence end inside `text` (not at its start): "…；2.依法".
// Calls `found` once for each.
template <class Found>
void inline_markers(std::u32string_view text, std::u32string_view sentence_end, Found found) {
    for (size_t i = 1; i < text.size(); ++i)
        if (sentence_end.find(text[i - 1]) != std::u32string_view::npos)
            if (const Marker m = marker_kind(text.substr(i)); m != Marker::none) found(m);
}

struct NumberingHabit {
    std::array<int, 5> runs_on{};  // items of each kind seen inline, after a sentence end
    std::array<int, 5> starts{};   // items of each kind seen starting a paragraph the page shows

    void add(const NumberingHabit& other);
    // +1 when items of this kind run on inline, −1 when they start paragraphs, 0 when the
    // evidence is missing or mixed. `strong`: one item is evidence enough (a cell's own);
    // otherwise one habit, seen twice at least, must outnumber the other threefold (a
    // whole list's).
    int leaning(Marker m, bool strong) const;
};

}  // namespace dutylist::pdf
