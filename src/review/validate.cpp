#include "review/validate.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/text.hpp"
#include "renderers/list_names.hpp"
#include "review/items.hpp"

namespace dutylist::review {
namespace {

// Keys of columns.hpp that the tool knows what to do with.
constexpr std::array<std::string_view, 10> known_keys = {
    "seq", "category", "name", "departments", "department_duties", "township_duties",
    "receiver", "receiving_department", "method", "remarks",
};

// Columns a published list never leaves blank; 备注 and columns we do not know may be blank.
constexpr std::array<std::string_view, 7> required_keys = {
    "category", "departments", "department_duties", "township_duties", "receiver", "receiving_department", "method",
};

// A 序号 beyond this is not a row number but a shifted or garbled cell.
constexpr int max_seq = 99999;

template <size_t N>
bool contains(const std::array<std::string_view, N>& keys, const std::string& key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// "12", "１２", "12." and "12、" are 12; anything else is not a row number.
std::optional<int> parse_seq(const std::string& printed) {
    std::string digits;
    std::string_view s = printed;
    for (size_t i = 0; i < s.size();) {
        char32_t cp = next_code_point(s, i);
        if (cp >= U'０' && cp <= U'９') cp = cp - U'０' + U'0';
        if (cp >= U'0' && cp <= U'9') digits += static_cast<char>(cp);
        else if ((cp == U'.' || cp == U'、' || cp == U'．') && i == s.size() && !digits.empty()) break;
        else return std::nullopt;
    }
    if (digits.empty() || digits.size() > 5) return std::nullopt;
    int n = std::stoi(digits);
    if (n < 1 || n > max_seq) return std::nullopt;
    return n;
}

bool starts_numbered(const std::string& text) {
    std::string_view s = text;
    size_t i = 0, digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    if (!digits) return false;
    return s.substr(i, 1) == "." || s.substr(i).starts_with("、") || s.substr(i).starts_with("．");
}

// A name short enough for a one-line message.
std::string shortened(const std::string& text) {
    constexpr size_t max_code_points = 24;
    std::string_view s = text;
    size_t i = 0, count = 0;
    while (i < s.size() && count < max_code_points) next_code_point(s, i), ++count;
    return i < s.size() ? std::string(s.substr(0, i)) + "…" : text;
}

// Collects findings, naming each list as the CSV renderer names its file ("basic", "basic-2").
class Checker {
public:
    Checker(const Document& doc, std::vector<Finding>& out) : doc_(doc), names_(list_names(doc)), out_(out) {}

    void add(const DutyList* list, std::string seq, Severity severity, const char* code, std::string message) {
        std::string name = list ? names_[static_cast<size_t>(list - doc_.lists.data())] : "";
        out_.push_back({std::move(name), std::move(seq), severity, code, std::move(message)});
    }

private:
    const Document& doc_;
    std::vector<std::string> names_;
    std::vector<Finding>& out_;
};

void check_columns(const DutyList& list, Checker& check) {
    for (const auto& c : list.columns)
        if (!contains(known_keys, c.key))
            check.add(&list, "", Severity::warning, "unknown-column",
                      fmt::format(fmt::runtime(_("the column \"{}\" is not one the tool knows; its cells are kept as they are")), c.label));
    if (column_index(list, "name") < 0)
        check.add(&list, "", Severity::error, "no-name-column", _("the list has no 事项名称 column"));
    if (column_index(list, "seq") < 0)
        check.add(&list, "", Severity::warning, "no-seq-column", _("the list has no 序号 column, so rows cannot be checked for gaps"));
    auto expect = [&](const char* key, const char* label) {
        if (column_index(list, key) < 0)
            check.add(&list, "", Severity::warning, "missing-column", fmt::format(fmt::runtime(_("a {} usually has a {} column; this one has none")), kind_label(list.kind), label));
    };
    if (list.kind == ListKind::cooperative) {
        expect("departments", "对应上级部门");
        expect("township_duties", "乡镇配合职责");
    }
    if (list.kind == ListKind::withdrawn && column_index(list, "receiver") < 0 && column_index(list, "receiving_department") < 0)
        check.add(&list, "", Severity::warning, "missing-column", fmt::format(fmt::runtime(_("a {} usually has a 承接部门 column; this one has none")), kind_label(list.kind)));
    if (list.items.empty()) check.add(&list, "", Severity::warning, "empty-list", _("the list has no items"));
}

struct Shift {
    std::string reason;       // "" when the row looks in place
    std::optional<int> seq;   // the row number found in another cell
};

// Signs that the extraction put cells in the wrong columns: a number outside 序号 while 序号
// is not one, text in 序号 while the row ends in an empty cell, or numbered duties under
// 对应上级部门 (department names never start with "1.").
Shift shifted(const DutyList& list, const Item& item, const std::string& seq) {
    if (column_index(list, "seq") >= 0 && !parse_seq(seq)) {
        for (size_t c = 0; c < list.columns.size(); ++c) {
            if (list.columns[c].key == "seq") continue;
            std::string text = trim(cell_text(list, item, static_cast<int>(c)));
            if (auto n = parse_seq(text))
                return {fmt::format(fmt::runtime(_("the {} cell holds the number \"{}\" and 序号 is {}")), list.columns[c].label, text,
                                    seq.empty() ? std::string(_("empty")) : "\"" + seq + "\""),
                        n};
        }
        if (!seq.empty() && !list.columns.empty() && trim(cell_text(list, item, static_cast<int>(list.columns.size()) - 1)).empty())
            return {fmt::format(fmt::runtime(_("序号 holds \"{}\" and the last cell is empty")), seq), std::nullopt};
    }
    if (starts_numbered(trim(cell_text(list, item, "departments"))))
        return {_("对应上级部门 holds numbered duties"), std::nullopt};
    return {};
}

void check_items(const DutyList& list, Checker& check) {
    const int seq_col = column_index(list, "seq");
    const int name_col = column_index(list, "name");
    std::map<int, size_t> seen_seq;  // 序号 → row (1-based) where first seen
    std::optional<int> previous;
    std::map<std::string, std::pair<size_t, std::string>> seen_names;  // name → first row, its 序号
    for (size_t r = 0; r < list.items.size(); ++r) {
        const Item& item = list.items[r];
        const size_t row = r + 1;
        const std::string seq = item_seq(list, item);
        const std::string at = seq.empty() ? fmt::format("row {}", row) : seq;
        if (item.values.size() != list.columns.size())
            check.add(&list, at, Severity::error, "cell-count",
                      fmt::format(fmt::runtime(_("row {} has {} cells but the list has {} columns")), row, item.values.size(), list.columns.size()));
        const Shift shift = shifted(list, item, seq);
        if (!shift.reason.empty())
            check.add(&list, at, Severity::error, "shifted-row", fmt::format(fmt::runtime(_("the cells of row {} look shifted: {}")), row, shift.reason));
        if (shift.seq) {
            // The number in the wrong cell still tells where the sequence stands.
            seen_seq.emplace(*shift.seq, row);
            previous = previous ? std::max(*previous, *shift.seq) : *shift.seq;
        } else if (seq_col >= 0 && (shift.reason.empty() || parse_seq(seq))) {
            std::optional<int> n = parse_seq(seq);
            if (seq.empty()) {
                check.add(&list, at, Severity::error, "seq-empty", fmt::format(fmt::runtime(_("row {} has no 序号")), row));
            } else if (!n) {
                check.add(&list, at, Severity::error, "seq-not-number", fmt::format(fmt::runtime(_("序号 \"{}\" of row {} is not a number")), seq, row));
                // It still holds a place: the next row continues from it without a second finding.
                previous = previous ? *previous + 1 : 1;
            } else {
                if (auto first = seen_seq.find(*n); first != seen_seq.end()) {
                    check.add(&list, at, Severity::error, "seq-duplicate",
                              fmt::format(fmt::runtime(_("序号 {} is used twice, in rows {} and {}")), *n, first->second, row));
                } else {
                    int expected = previous ? *previous + 1 : 1;
                    if (*n > expected)
                        check.add(&list, at, Severity::error, "seq-gap",
                                  *n == expected + 1 ? fmt::format(fmt::runtime(_("序号 {} is missing (row {} has {})")), expected, row, *n)
                                                     : fmt::format(fmt::runtime(_("序号 {} to {} are missing (row {} has {})")), expected, *n - 1, row, *n));
                    else if (*n < expected)
                        check.add(&list, at, Severity::error, "seq-order", fmt::format(fmt::runtime(_("序号 {} comes after {} (row {})")), *n, *previous, row));
                    seen_seq.emplace(*n, row);
                }
                previous = previous ? std::max(*previous, *n) : *n;
            }
        }
        if (name_col >= 0) {
            std::string name = comparable_text(cell_text(list, item, name_col));
            if (name.empty()) {
                check.add(&list, at, Severity::error, "empty-name", fmt::format(fmt::runtime(_("row {} has no 事项名称")), row));
            } else if (auto first = seen_names.find(name); first != seen_names.end()) {
                check.add(&list, at, Severity::error, "duplicate-name",
                          fmt::format(fmt::runtime(_("the 事项名称 of row {} is also the name of row {} (序号 {})")), row, first->second.first, first->second.second));
            } else {
                seen_names.emplace(name, std::make_pair(row, seq));
            }
        }
        for (size_t c = 0; c < list.columns.size(); ++c)
            if (contains(required_keys, list.columns[c].key) && trim(cell_text(list, item, static_cast<int>(c))).empty())
                check.add(&list, at, Severity::warning, "empty-cell", fmt::format(fmt::runtime(_("row {} has an empty {} cell")), row, list.columns[c].label));
    }
}

// The same 事项名称 in two lists: a duty cannot be both the township's own and taken back.
void check_across_lists(const Document& doc, Checker& check) {
    struct Place {
        size_t list;
        std::string seq;
    };
    std::map<std::string, Place> first;
    for (size_t l = 0; l < doc.lists.size(); ++l) {
        const DutyList& list = doc.lists[l];
        if (column_index(list, "name") < 0) continue;
        std::map<std::string, bool> in_this_list;
        for (const auto& item : list.items) {
            std::string name = comparable_text(item_name(list, item));
            if (name.empty() || in_this_list[name]) continue;
            in_this_list[name] = true;
            auto it = first.find(name);
            if (it == first.end()) {
                first.emplace(name, Place{l, item_seq(list, item)});
            } else if (it->second.list != l) {
                const DutyList& other = doc.lists[it->second.list];
                check.add(&list, item_seq(list, item), Severity::error, "name-in-two-lists",
                          fmt::format(fmt::runtime(_("\"{}\" is also item {} of the {}")), shortened(trim(item_name(list, item))), it->second.seq,
                                      other.kind == ListKind::other ? other.title : kind_label(other.kind)));
            }
        }
    }
}

}  // namespace

const char* severity_name(Severity severity) { return severity == Severity::error ? "error" : "warning"; }

std::vector<Finding> validate(const Document& document) {
    std::vector<Finding> findings;
    Checker check(document, findings);
    if (document.lists.empty()) check.add(nullptr, "", Severity::error, "no-lists", _("the document holds no duty list"));
    for (const auto& list : document.lists) {
        check_columns(list, check);
        check_items(list, check);
    }
    check_across_lists(document, check);
    return findings;
}

bool has_errors(const std::vector<Finding>& findings) {
    return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::error; });
}

}  // namespace dutylist::review
