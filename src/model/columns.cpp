#include "model/columns.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>
#include <mutex>
#include <string_view>
#include <utility>

#include "model/text.hpp"

namespace dutylist {
namespace {

// Ways documents name the township level; all are cut from a label before matching, so
// 乡镇配合职责, 街道配合职责 and 乡镇（街道）配合职责 are one column.
constexpr std::array<std::string_view, 10> township_words = {
    "乡镇（街道）", "乡镇(街道)", "乡（镇、街道）", "乡(镇、街道)", "乡镇街道", "乡镇", "镇街", "街道", "乡", "镇",
};

// Ways documents name the county level departments, normalised to 上级.
constexpr std::array<std::string_view, 6> county_words = {"县级", "县直", "市级", "区级", "县（市、区）", "县"};

struct KnownLabel {
    std::string_view label;
    std::string_view key;
};

// Matched after township and county words are normalised (see canonical_label).
constexpr std::array<KnownLabel, 20> known_labels = {{
    {"序号", "seq"},
    {"编号", "seq"},
    {"事项类别", "category"},
    {"类别", "category"},
    {"事项名称", "name"},
    {"履职事项名称", "name"},
    {"履职事项", "name"},
    {"对应上级部门", "departments"},
    {"上级部门", "departments"},
    {"对应上级部门（单位）", "departments"},
    {"上级部门职责", "department_duties"},
    {"上级部门（单位）职责", "department_duties"},
    {"T配合职责", "township_duties"},
    {"T职责", "township_duties"},
    {"承接部门及工作方式", "receiver"},
    {"承接部门和工作方式", "receiver"},
    {"承接部门", "receiving_department"},
    {"工作方式", "method"},
    {"备注", "remarks"},
    {"说明", "remarks"},
}};

std::string replace_first(std::string s, std::string_view from, std::string_view to) {
    auto pos = s.find(from);
    if (pos != std::string::npos) s.replace(pos, from.size(), to);
    return s;
}

// The label with whitespace removed, the township word replaced by "T" and county words by 上级.
std::string canonical_label(const std::string& label) {
    std::string s = remove_whitespace(label);
    for (auto w : county_words) {
        std::string with_dept = std::string(w) + "部门";
        if (s.find(with_dept) != std::string::npos) {
            s = replace_first(s, with_dept, "上级部门");
            break;
        }
    }
    if (s.find("上级部门") == std::string::npos) {
        for (auto w : township_words) {
            if (s.rfind(w, 0) == 0) {
                s.replace(0, w.size(), "T");
                break;
            }
        }
    }
    return s;
}

std::string pinyin_key(const std::string& label) {
    static std::once_flag once;
    static std::unique_ptr<icu::Transliterator> to_latin;
    std::call_once(once, [] {
        UErrorCode status = U_ZERO_ERROR;
        to_latin.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) to_latin.reset();
    });
    std::string latin;
    if (to_latin) {
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(label);
        to_latin->transliterate(u);
        u.toUTF8String(latin);
    } else {
        latin = label;
    }
    std::string key;
    for (char c : latin) {
        bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (c >= 'A' && c <= 'Z') {
            key += static_cast<char>(c - 'A' + 'a');
        } else if (alnum) {
            key += c;
        } else if (!key.empty() && key.back() != '_') {
            key += '_';
        }
    }
    while (!key.empty() && key.back() == '_') key.pop_back();
    if (key.empty() || (key[0] >= '0' && key[0] <= '9')) key = "column" + (key.empty() ? "" : "_" + key);
    return key;
}

}  // namespace

std::string column_key(const std::string& label) {
    const std::string canonical = canonical_label(label);
    for (const auto& known : known_labels)
        if (canonical == known.label) return std::string(known.key);
    return pinyin_key(label);
}

bool is_seq_label(const std::string& label) {
    const std::string s = remove_whitespace(label);
    for (const auto& known : known_labels)
        if (known.key == "seq" && s == known.label) return true;
    return false;
}

bool starts_with_seq_label(const std::string& text) {
    const std::string s = remove_whitespace(text);
    for (const auto& known : known_labels)
        if (known.key == "seq" && s.rfind(known.label, 0) == 0) return true;
    return false;
}

std::vector<Column> make_columns(const std::vector<std::string>& labels) {
    std::vector<Column> columns;
    for (const auto& label : labels) {
        std::string base = column_key(label);
        std::string key = base;
        for (int n = 2;; ++n) {
            bool taken = false;
            for (const auto& c : columns) taken = taken || c.key == key;
            if (!taken) break;
            key = base + "_" + std::to_string(n);
        }
        columns.push_back({key, label});
    }
    return columns;
}

std::vector<std::string> split_departments(const Paragraphs& cell) {
    static constexpr std::array<std::string_view, 7> separators = {"、", "，", "；", ",", ";", "\n", " "};
    std::vector<std::string> out;
    for (const auto& paragraph : cell) {
        std::string rest = paragraph;
        while (!rest.empty()) {
            size_t cut = std::string::npos, cut_len = 0;
            for (auto sep : separators) {
                auto pos = rest.find(sep);
                if (pos < cut) {
                    cut = pos;
                    cut_len = sep.size();
                }
            }
            std::string part = trim(rest.substr(0, cut));
            if (!part.empty()) out.push_back(part);
            if (cut == std::string::npos) break;
            rest = rest.substr(cut + cut_len);
        }
    }
    return out;
}

bool names_duty_columns(const std::vector<std::string>& labels) {
    // Longer than any variant of a known label: cell text, not a label (and not worth
    // normalising, however long it is).
    constexpr size_t max_label_bytes = 96;
    for (const auto& label : labels) {
        if (label.size() > max_label_bytes) continue;
        const std::string canonical = canonical_label(label);
        for (const auto& known : known_labels)
            if (canonical == known.label && (known.key == "seq" || known.key == "name" || known.key == "category")) return true;
    }
    return false;
}

bool is_duty_header(const std::vector<Column>& columns) {
    std::vector<std::string> labels;
    for (const auto& c : columns) labels.push_back(c.label);
    return names_duty_columns(labels);
}

ListKind kind_from_columns(const std::vector<Column>& columns) {
    for (const auto& c : columns)
        if (c.key == "department_duties" || c.key == "township_duties") return ListKind::cooperative;
    for (const auto& c : columns)
        if (c.key == "receiver" || c.key == "receiving_department" || c.key == "method") return ListKind::withdrawn;
    for (const auto& c : columns)
        if (c.key == "name") return ListKind::basic;
    return ListKind::other;
}

}  // namespace dutylist
