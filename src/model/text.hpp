// UTF-8 text helpers shared by extractors, renderers and the model.
#pragma once

#include <string>
#include <string_view>

namespace dutylist {

// Decodes one code point at s[i] and advances i; invalid bytes decode as U+FFFD, one byte each.
char32_t next_code_point(std::string_view s, size_t& i);
void append_utf8(std::string& out, char32_t cp);
bool is_valid_utf8(std::string_view s);

bool is_space(char32_t cp);  // ASCII and Unicode white space, including U+3000 and NBSP
// CJK ideographs, kana, hangul and full-width punctuation: characters between which a
// document never puts a word space.
bool is_cjk(char32_t cp);

std::string trim(std::string_view s);
std::string remove_whitespace(std::string_view s);
// A cell paragraph as published: whitespace touching a CJK character or full-width
// punctuation removed, other whitespace runs collapsed to one space, ends trimmed.
std::string normalize_paragraph(std::string_view s);
// The two parts of a paragraph that a line break (or a page break) cut, joined: without a
// space where either side is CJK or the left ends in '-' or '/', else with one.
std::string join_wrapped(std::string_view left, std::string_view right);
// The same in place, so that joining many parts stays linear.
void append_wrapped(std::string& left, std::string_view right);

// "2025年7月" → "2025-07", "二〇二五年七月十五日" → "2025-07-15", "2025.7" → "2025-07"; "" if not a date.
std::string iso_date(std::string_view printed);

// The first 40 characters of a text, for a message that quotes it ("…" when cut).
std::string shortened(const std::string& text);

// Text safe to print on a terminal: control characters (C0, DEL, C1: ESC and OSC sequences
// that would retitle or clear it, line breaks that would split a one-line message) and bytes
// that are not UTF-8 become \xNN; everything else is kept.
std::string printable(std::string_view text);

// The text without control characters (C0, DEL, C1): a document's NUL or ESC is no text of
// the list, XML cannot hold it and a terminal would obey it.
std::string without_controls(std::string_view text);

}  // namespace dutylist
