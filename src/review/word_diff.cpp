#include "review/word_diff.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "model/text.hpp"

namespace dutylist::review {
namespace {

// The longest-common-subsequence table of a middle holds one 16-bit length per word pair:
// 2 MiB at this bound. Cells of published lists stay far below it (the longest paragraph of
// the corpus has about 300 characters, 90,000 pairs); a middle past it is shown replaced whole.
constexpr size_t max_compared_word_pairs = size_t{1} << 20;
// Two versions of a paragraph sharing less than this share of their words were rewritten:
// marking the few characters they happen to share would be noise.
constexpr double min_shared_word_share = 0.4;

struct Token {
    std::string core;   // the word itself, what tokens are compared by; "" for leading space
    std::string space;  // the whitespace after it
};

bool is_word_character(char32_t cp) {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return !is_cjk(cp) && !is_space(cp);
}

std::vector<Token> tokens(std::string_view s) {
    std::vector<Token> out;
    bool in_word = false;
    for (size_t i = 0; i < s.size();) {
        const size_t start = i;
        const char32_t cp = next_code_point(s, i);
        const std::string_view piece = s.substr(start, i - start);
        if (is_space(cp)) {
            if (out.empty()) out.push_back({});
            out.back().space += piece;
            in_word = false;
            continue;
        }
        const bool word = is_word_character(cp);
        if (word && in_word && out.back().space.empty()) out.back().core += piece;
        else out.push_back({std::string(piece), ""});
        in_word = word;
    }
    return out;
}

// Matched index pairs of a longest common subsequence of a and b, in order. Common ends are
// matched first; a middle too large to compare keeps only those.
std::vector<std::pair<size_t, size_t>> common_subsequence(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
    size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
    std::vector<std::pair<size_t, size_t>> out;
    for (size_t k = 0; k < head; ++k) out.emplace_back(k, k);
    const size_t n = a.size() - head - tail, m = b.size() - head - tail;
    if (n && m && n * m <= max_compared_word_pairs) {
        // length[i][j]: the common subsequence of a[head+i..] and b[head+j..], row-major.
        std::vector<uint16_t> length((n + 1) * (m + 1), 0);
        auto at = [&](size_t i, size_t j) -> uint16_t& { return length[i * (m + 1) + j]; };
        for (size_t i = n; i-- > 0;)
            for (size_t j = m; j-- > 0;)
                at(i, j) = a[head + i] == b[head + j] ? static_cast<uint16_t>(at(i + 1, j + 1) + 1) : std::max(at(i + 1, j), at(i, j + 1));
        for (size_t i = 0, j = 0; i < n && j < m;) {
            if (a[head + i] == b[head + j]) out.emplace_back(head + i++, head + j++);
            else if (at(i + 1, j) >= at(i, j + 1)) ++i;
            else ++j;
        }
    }
    for (size_t k = tail; k > 0; --k) out.emplace_back(a.size() - k, b.size() - k);
    return out;
}

std::vector<std::string> split_paragraphs(const std::string& text) {
    std::vector<std::string> out;
    if (text.empty()) return out;
    size_t start = 0;
    for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) out.push_back(text.substr(start, end - start));
    out.push_back(text.substr(start));
    return out;
}

class SpanBuilder {
public:
    void add(Edit edit, std::string_view text) {
        if (text.empty()) return;
        if (!spans_.empty() && spans_.back().edit == edit) spans_.back().text += text;
        else spans_.push_back({edit, std::string(text)});
    }
    // Before each paragraph: the break from the previous paragraph on each side it is on.
    void paragraph(bool on_old, bool on_new) {
        const bool old_break = on_old && old_started_, new_break = on_new && new_started_;
        add(old_break && new_break ? Edit::same : old_break ? Edit::removed : Edit::added, old_break || new_break ? "\n" : "");
        old_started_ = old_started_ || on_old;
        new_started_ = new_started_ || on_new;
    }
    void whole(Edit edit, const std::string& text) {
        paragraph(edit != Edit::added, edit != Edit::removed);
        add(edit, text);
    }
    // One paragraph in both versions, its words aligned.
    void words(const std::string& old_p, const std::string& new_p);
    std::vector<Span> take() { return std::move(spans_); }

private:
    std::vector<Span> spans_;
    bool old_started_ = false, new_started_ = false;
};

std::vector<std::string> cores(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.push_back(t.core);
    return out;
}

void SpanBuilder::words(const std::string& old_p, const std::string& new_p) {
    const auto a = tokens(old_p), b = tokens(new_p);
    const auto matched = common_subsequence(cores(a), cores(b));
    const size_t words = std::max(a.size(), b.size());
    if (words && static_cast<double>(matched.size()) < min_shared_word_share * static_cast<double>(words)) {
        whole(Edit::removed, old_p);
        whole(Edit::added, new_p);
        return;
    }
    paragraph(true, true);
    size_t i = 0, j = 0;
    auto emit = [&](Edit edit, const Token& t) { add(edit, t.core + t.space); };
    for (auto [mi, mj] : matched) {
        for (; i < mi; ++i) emit(Edit::removed, a[i]);
        for (; j < mj; ++j) emit(Edit::added, b[j]);
        add(Edit::same, a[i].core);
        if (a[i].space == b[j].space) add(Edit::same, a[i].space);
        else add(Edit::removed, a[i].space), add(Edit::added, b[j].space);
        ++i, ++j;
    }
    for (; i < a.size(); ++i) emit(Edit::removed, a[i]);
    for (; j < b.size(); ++j) emit(Edit::added, b[j]);
}

}  // namespace

std::vector<Span> word_diff(const std::string& old_text, const std::string& new_text) {
    const auto a = split_paragraphs(old_text), b = split_paragraphs(new_text);
    std::vector<std::string> a_keys, b_keys;
    for (const auto& p : a) a_keys.push_back(remove_whitespace(p));
    for (const auto& p : b) b_keys.push_back(remove_whitespace(p));
    SpanBuilder out;
    size_t i = 0, j = 0;
    // Between two paragraphs in both versions, the changed ones are paired in order.
    auto gap = [&](size_t old_end, size_t new_end) {
        for (; i < old_end && j < new_end; ++i, ++j) out.words(a[i], b[j]);
        for (; i < old_end; ++i) out.whole(Edit::removed, a[i]);
        for (; j < new_end; ++j) out.whole(Edit::added, b[j]);
    };
    for (auto [mi, mj] : common_subsequence(a_keys, b_keys)) {
        gap(mi, mj);
        out.words(a[i++], b[j++]);
    }
    gap(a.size(), b.size());
    return out.take();
}

std::string side_text(const std::vector<Span>& spans, Edit side) {
    std::string out;
    for (const auto& s : spans)
        if (s.edit == Edit::same || s.edit == side) out += s.text;
    return out;
}

std::string word_diff_markup(const std::vector<Span>& spans) {
    std::string out;
    for (const auto& s : spans) {
        if (s.edit == Edit::same) out += s.text;
        else if (s.edit == Edit::removed) out += "[-" + s.text + "-]";
        else out += "{+" + s.text + "+}";
    }
    return out;
}

}  // namespace dutylist::review
