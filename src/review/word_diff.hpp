// What changed inside one cell, the way `git diff --word-diff` shows it: the cell's paragraphs
// aligned first, then within a changed paragraph its words. A word is one CJK character (a
// Chinese sentence has no spaces to cut at), a run of Latin letters and digits, or one
// punctuation mark; whitespace belongs to the word before it and never counts as a change,
// as comparable_text() ignores it.
#pragma once

#include <string>
#include <vector>

namespace dutylist::review {

enum class Edit { same, removed, added };

// A piece of text and whether it is in both versions or only in one. The text may hold '\n',
// the break between two paragraphs of the cell on the side(s) it belongs to.
struct Span {
    Edit edit = Edit::same;
    std::string text;
    bool operator==(const Span&) const = default;
};

// The edit from old_text to new_text (paragraphs joined with '\n'): adjacent spans differ in
// their edit, the spans but the added ones give old_text back exactly, the spans but the
// removed ones new_text. A paragraph that shares less than min_shared_word_share of its words
// with its counterpart is shown as replaced whole, not as scattered characters. The cost is
// bounded: common ends are cut first, and a middle of more than max_compared_word_pairs word
// pairs (paragraph pairs at the paragraph level) is shown as replaced whole.
std::vector<Span> word_diff(const std::string& old_text, const std::string& new_text);

// The text of one side: every span but the added ones (Edit::removed) or the removed ones
// (Edit::added).
std::string side_text(const std::vector<Span>& spans, Edit side);

// git's --word-diff=plain markup: "[-removed-]{+added+}" around the changed pieces.
std::string word_diff_markup(const std::vector<Span>& spans);

}  // namespace dutylist::review
