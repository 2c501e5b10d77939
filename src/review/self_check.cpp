#include "review/self_check.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/text.hpp"
#include "review/sentence_cut.hpp"

namespace dutylist::review {
namespace {

// A column writes sentences when this share of its paragraphs end one: duties do (723 of the
// corpus's 779 duty paragraphs, 93%), names and departments do not (under 3%); a list cut
// wrongly in every row still ends about half. Fewer cells than this show no habit.
constexpr double sentence_habit = 0.40;
constexpr size_t habit_cells = 10;
// A department column is shifted when the rows beside name its departments in their other cells
// clearly more often than the rows that hold them: by this many rows, or this share of rows.
constexpr size_t shift_margin_rows = 3;
constexpr double shift_margin_share = 0.10;
constexpr size_t shift_min_rows = 10;
// How much of a cell a message quotes, in code points.
constexpr size_t quote_length = 12;

using Findings = std::vector<SelfFinding>;

std::string encoded(std::u32string_view text) {
    std::string out;
    for (char32_t c : text) append_utf8(out, c);
    return out;
}

std::string quote_end(const std::string& text) {
    const std::u32string s = code_points(trim(text));
    return s.size() <= quote_length ? encoded(s) : "…" + encoded(std::u32string_view(s).substr(s.size() - quote_length));
}

std::string quote_start(const std::string& text) {
    const std::u32string s = code_points(trim(text));
    return s.size() <= quote_length ? encoded(s) : encoded(std::u32string_view(s).substr(0, quote_length)) + "…";
}

const Paragraphs& cell(const Item& item, size_t column) {
    static const Paragraphs none;
    return column < item.values.size() ? item.values[column] : none;
}

bool blank(const Paragraphs& paragraphs) {
    return std::all_of(paragraphs.begin(), paragraphs.end(), [](const std::string& p) { return trim(p).empty(); });
}

// "12", "１２", "12." or "12、" as a row number; nullopt for anything else.
std::optional<int> row_number(const std::string& printed) {
    const std::u32string s = code_points(trim(printed));
    int n = 0;
    size_t digits = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        char32_t c = s[i];
        if (c >= U'０' && c <= U'９') c = c - U'０' + U'0';
        if (c >= U'0' && c <= U'9' && digits < 5) n = n * 10 + static_cast<int>(c - U'0'), ++digits;
        else if (!(i + 1 == s.size() && digits && (c == U'.' || c == U'．' || c == U'、'))) return std::nullopt;
    }
    if (!digits || n < 1) return std::nullopt;
    return n;
}

// The printed digits of `n` as the numbers first, first + 1, … run together ("34" → 3, 4),
// ending at `last`; false when they are not.
bool runs_together(int n, int first, int last) {
    if (first < 1 || last <= first) return false;
    std::string joined;
    for (int k = first; k <= last; ++k) joined += std::to_string(k);
    return joined == std::to_string(n);
}

// Consecutive rows of `rows` (ascending) as separate runs.
std::vector<std::vector<size_t>> runs(const std::vector<size_t>& rows) {
    std::vector<std::vector<size_t>> out;
    for (size_t r : rows) {
        if (out.empty() || out.back().back() + 1 != r) out.emplace_back();
        out.back().push_back(r);
    }
    return out;
}

// The columns other than 序号 that hold one paragraph in every item read from one row (事项类别,
// often 事项名称): a row under a page break that lost its 序号 brings its own cell there, the
// rest of a split row does not.
std::vector<size_t> one_paragraph_columns(const DutyList& list, size_t seq) {
    std::vector<size_t> out;
    for (size_t c = 0; c < list.columns.size(); ++c) {
        if (c == seq) continue;
        size_t single_rows = 0;
        bool one = true;
        for (const Item& item : list.items) {
            if (item.source.boxes.size() != 1) continue;
            ++single_rows;
            one = one && cell(item, c).size() == 1;
        }
        if (one && single_rows > 0) out.push_back(c);
    }
    return out;
}

// The reader saw more rows than 序号 accounts for: an item made of two of its rows (the rest of a
// row a page break split, joined because it had no 序号) and the one next number skipped. A gap
// the document has falls anywhere and may be long (a fixture of the tree skips 24–31 just after
// a split row); this one is one number, where a row's number may have been lost. Where some
// columns hold one paragraph in every row, the joined item holds more in one of them when the
// row under the break was a row of its own; a gap of one right after the rest of a split row
// (lo-borderless-bottom skips 16 so) is the document's.
void check_seq_at_joins(size_t li, const DutyList& list, size_t seq, const std::vector<std::optional<int>>& numbers, Findings& out) {
    const std::vector<size_t> one_paragraph = one_paragraph_columns(list, seq);
    for (size_t r = 0; r + 1 < numbers.size(); ++r) {
        const auto &here = numbers[r], &after = numbers[r + 1];
        const size_t rows_read = list.items[r].source.boxes.size();
        if (!here || !after || *after != *here + 2 || rows_read < 2) continue;
        const bool own_cells = one_paragraph.empty() || std::any_of(one_paragraph.begin(), one_paragraph.end(), [&](size_t c) {
                                   return cell(list.items[r], c).size() > 1;
                               });
        if (!own_cells) continue;
        out.push_back({li, {r, r + 1}, SelfCheck::seq_run_together, list.columns[seq].label,
                       fmt::format(fmt::runtime(_("序号 skips from {} to {} just after a row joined from {} rows (a row a page break split): "
                                   "the row under the break may be 序号 {} with its number lost")),
                                   *here, *after, rows_read, *here + 1)});
    }
}

void check_seq_cells(size_t li, const DutyList& list, size_t seq, Findings& out) {
    std::vector<std::optional<int>> numbers;  // the one number of each row, if it has one
    for (size_t r = 0; r < list.items.size(); ++r) {
        std::vector<int> found;
        for (const auto& p : cell(list.items[r], seq))
            if (auto n = row_number(p)) found.push_back(*n);
        numbers.push_back(found.size() == 1 ? std::optional<int>(found[0]) : std::nullopt);
        if (found.size() > 1)
            out.push_back({li, {r}, SelfCheck::seq_run_together, list.columns[seq].label,
                           fmt::format(fmt::runtime(_("序号 holds {} and {}: {} rows were read as one")), found.front(), found.back(), found.size())});
    }
    for (size_t r = 1; r + 1 < numbers.size(); ++r) {
        const auto &before = numbers[r - 1], &here = numbers[r], &after = numbers[r + 1];
        if (before && here && after && runs_together(*here, *before + 1, *after - 1))
            out.push_back({li, {r}, SelfCheck::seq_run_together, list.columns[seq].label,
                           fmt::format(fmt::runtime(_("序号 \"{}\" stands between {} and {}: the rows {} to {} were read as one")), *here, *before, *after,
                                       *before + 1, *after - 1)});
    }
    check_seq_at_joins(li, list, seq, numbers, out);
}

// A row without 序号 that also lacks a cell every numbered row has is no row of the document's
// own (which the validator reports as such) but the rest of the row above, cut off.
void check_seq_missing(size_t li, const DutyList& list, size_t seq, Findings& out) {
    std::vector<size_t> empty;
    std::vector<bool> always_filled(list.columns.size(), true);
    size_t numbered = 0;
    for (size_t r = 0; r < list.items.size(); ++r) {
        if (blank(cell(list.items[r], seq))) {
            empty.push_back(r);
            continue;
        }
        ++numbered;
        for (size_t c = 0; c < list.columns.size(); ++c)
            if (blank(cell(list.items[r], c))) always_filled[c] = false;
    }
    if (numbered < 2) return;  // not a numbered list
    std::vector<size_t> suspects;
    std::vector<std::string> lacking(list.items.size());  // the label of the first cell it lacks
    for (size_t r : empty)
        for (size_t c = 0; c < list.columns.size() && lacking[r].empty(); ++c)
            if (c != seq && always_filled[c] && blank(cell(list.items[r], c))) {
                lacking[r] = list.columns[c].label;
                suspects.push_back(r);
            }
    for (auto& run : runs(suspects))
        out.push_back({li, run, SelfCheck::seq_missing, list.columns[seq].label,
                       fmt::format(fmt::runtime(_("no 序号 and no {}, which every numbered row has: {} probably the rest of the row above, cut off "
                                   "in the wrong place")),
                                   lacking[run.front()], run.size() == 1 ? _("the row is") : _("the rows are"))});
}

// The column's text is written in sentences: enough of its paragraphs end one. Counted over
// paragraphs, not cells, so that a list whose every row was cut in the wrong place (each cell
// the end of its own text, which ends a sentence, and the start of the next, which does not)
// still shows the habit.
bool writes_sentences(const DutyList& list, size_t column) {
    size_t cells = 0, paragraphs = 0, ending = 0;
    for (const Item& item : list.items) {
        const Paragraphs& p = cell(item, column);
        if (blank(p)) continue;
        ++cells;
        paragraphs += p.size();
        ending += static_cast<size_t>(std::count_if(p.begin(), p.end(), [](const std::string& t) { return ends_sentence(t); }));
    }
    return cells >= habit_cells && static_cast<double>(ending) >= sentence_habit * static_cast<double>(paragraphs);
}

enum class Cut { none, numbered, open_end };

// Row `below` begins with text that goes on from the end of row `above` in this column: the
// next duty's number after the last one's, a start no sentence has after an open end, or, in a
// column of sentences, an open end followed by anything but a numbered duty.
Cut cut_between(const Paragraphs& above, const Paragraphs& below, bool sentences) {
    if (blank(above) || blank(below)) return Cut::none;
    const std::string& last = above.back();
    const std::string& first = below.front();
    const int last_number = item_number(last), first_number = item_number(first);
    // One paragraph each is a column of numbered headings (一、党的建设 over 二、经济发展), no cut.
    const bool several = above.size() > 1 || below.size() > 1;
    if (last_number && first_number == last_number + 1 && several) return Cut::numbered;
    if (ends_sentence(last)) return Cut::none;
    return starts_mid_sentence(first) || (sentences && first_number == 0) ? Cut::open_end : Cut::none;
}

std::string cut_message(const DutyList& list, size_t column, size_t r, Cut cut, size_t last_row) {
    const std::string& label = list.columns[column].label;
    const std::string& end = cell(list.items[r], column).back();
    const std::string& start = cell(list.items[r + 1], column).front();
    const std::string what =
        cut == Cut::numbered
            ? fmt::format(fmt::runtime(_("the {} of row {} ends at duty {} (\"{}\") and row {} goes on at duty {} (\"{}\")")), label, r + 1,
                          item_number(end), quote_end(end), r + 2, item_number(start), quote_start(start))
            : fmt::format(fmt::runtime(_("the {} of row {} ends mid-sentence (\"{}\") and row {} goes on with it (\"{}\")")), label, r + 1,
                          quote_end(end), r + 2, quote_start(start));
    const std::string more = last_row > r + 1 ? fmt::format(fmt::runtime(_(", and so on down to row {}")), last_row + 1) : "";
    return fmt::format(fmt::runtime(_("{}{}: the rows look cut in the wrong place")), what, more);
}

void check_cuts(size_t li, const DutyList& list, size_t column, Findings& out) {
    const bool sentences = writes_sentences(list, column);
    std::vector<size_t> cut_above;  // rows whose text goes on into the next row
    std::vector<Cut> cuts(list.items.size(), Cut::none);
    for (size_t r = 0; r + 1 < list.items.size(); ++r)
        if ((cuts[r] = cut_between(cell(list.items[r], column), cell(list.items[r + 1], column), sentences)) != Cut::none)
            cut_above.push_back(r);
    for (auto& run : runs(cut_above)) {
        std::vector<size_t> rows = run;
        rows.push_back(run.back() + 1);
        out.push_back({li, rows, SelfCheck::cut_mid_sentence, list.columns[column].label,
                       cut_message(list, column, run.front(), cuts[run.front()], rows.back())});
    }
}

void check_empty_column(size_t li, const DutyList& list, size_t column, Findings& out) {
    // A list may leave 备注 blank throughout; no other column is printed with nothing in it.
    if (list.columns[column].key == "remarks" || list.items.empty()) return;
    for (const Item& item : list.items)
        if (!blank(cell(item, column))) return;
    out.push_back({li, {}, SelfCheck::empty_column, list.columns[column].label,
                   fmt::format(fmt::runtime(_("the {} column is empty in every row: its text was probably read into another column")),
                               list.columns[column].label)});
}

// The departments a cell of 对应上级部门 or 承接部门 names, each by its last three characters
// (…农村局, …水利局): the part a duty's text uses whether or not it puts the county in front.
std::vector<std::string> department_keys(const Paragraphs& paragraphs) {
    constexpr size_t key_length = 3, min_name = 4;
    std::vector<std::string> keys;
    for (const auto& p : paragraphs) {
        std::u32string name;
        for (char32_t c : code_points(p + "、")) {
            if (!(c == U'、' || c == U'，' || c == U',' || c == U'；' || c == U';' || c == U'/' || is_space(c))) {
                name += c;
                continue;
            }
            if (name.size() >= min_name) keys.push_back(encoded(std::u32string_view(name).substr(name.size() - key_length)));
            name.clear();
        }
    }
    return keys;
}

bool names_any(const std::string& text, const std::vector<std::string>& keys) {
    return std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return text.find(k) != std::string::npos; });
}

// Each row's department column against the rest of the row: a duty's text often names its
// department (县农业农村局负责…). When the names fit the row above or below clearly better than
// their own, the column slid by one row.
void check_shifted_departments(size_t li, const DutyList& list, size_t column, Findings& out) {
    const std::string& key = list.columns[column].key;
    if ((key != "departments" && key != "receiving_department") || list.items.size() < shift_min_rows) return;
    std::vector<std::vector<std::string>> keys;
    std::vector<std::string> others;
    for (const Item& item : list.items) {
        keys.push_back(department_keys(cell(item, column)));
        std::string text;
        for (size_t c = 0; c < list.columns.size(); ++c)
            if (c != column && list.columns[c].key != "seq")
                for (const auto& p : cell(item, c)) text += p;
        others.push_back(std::move(text));
    }
    size_t own = 0, above = 0, below = 0;
    for (size_t r = 0; r < keys.size(); ++r) {
        own += names_any(others[r], keys[r]);
        if (r > 0) above += names_any(others[r - 1], keys[r]);
        if (r + 1 < keys.size()) below += names_any(others[r + 1], keys[r]);
    }
    const double rows = static_cast<double>(list.items.size());
    const size_t margin = std::max(shift_margin_rows, static_cast<size_t>(shift_margin_share * rows));
    const size_t best = std::max(above, below);
    if (best < own + margin) return;
    const std::string& label = list.columns[column].label;
    out.push_back({li, {}, SelfCheck::shifted_column, label,
                   fmt::format(fmt::runtime(_("the {} column looks shifted by one row: {} rows name in their other cells the department "
                               "printed in the row {} them, only {} their own")),
                               label, best, above >= below ? _("under") : _("above"), own)});
}

}  // namespace

const char* self_check_code(SelfCheck check) {
    switch (check) {
        case SelfCheck::seq_run_together: return "seq-run-together";
        case SelfCheck::seq_missing: return "seq-missing";
        case SelfCheck::cut_mid_sentence: return "cut-mid-sentence";
        case SelfCheck::empty_column: return "empty-column";
        case SelfCheck::shifted_column: return "shifted-column";
    }
    return "";
}

std::vector<SelfFinding> self_check(const Document& document) {
    Findings out;
    for (size_t li = 0; li < document.lists.size(); ++li) {
        const DutyList& list = document.lists[li];
        const int seq = column_index(list, "seq");
        if (seq >= 0) {
            check_seq_cells(li, list, static_cast<size_t>(seq), out);
            check_seq_missing(li, list, static_cast<size_t>(seq), out);
        }
        for (size_t c = 0; c < list.columns.size(); ++c)
            if (static_cast<int>(c) != seq) check_cuts(li, list, c, out);
        for (size_t c = 0; c < list.columns.size(); ++c) check_empty_column(li, list, c, out);
        for (size_t c = 0; c < list.columns.size(); ++c) check_shifted_departments(li, list, c, out);
    }
    return out;
}

std::string rows_text(const std::vector<size_t>& items) {
    std::vector<std::string> parts;
    for (const auto& run : runs(items))
        parts.push_back(run.size() == 1 ? std::to_string(run.front() + 1) : fmt::format("{}–{}", run.front() + 1, run.back() + 1));
    if (parts.empty()) return "";
    std::string out = parts.front();
    for (size_t i = 1; i < parts.size(); ++i) out += (i + 1 == parts.size() ? _(" and ") : ", ") + parts[i];
    return fmt::format(fmt::runtime(items.size() == 1 ? _("row {}") : _("rows {}")), out);
}

std::string self_finding_line(const Document& document, const SelfFinding& finding) {
    const DutyList& list = document.lists.at(finding.list);
    const std::string name = list.kind != ListKind::other ? kind_label(list.kind) : list.title.empty() ? _("untitled") : shortened(list.title);
    const std::string where = finding.items.empty() ? fmt::format(fmt::runtime(_("column {}")), finding.column) : rows_text(finding.items);
    return fmt::format(fmt::runtime(_("list {} ({}), {}: {} [{}]")), finding.list + 1, name, where, finding.message, self_check_code(finding.check));
}

}  // namespace dutylist::review
