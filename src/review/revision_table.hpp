// The 修订对照表 that a county issues with a revision (动态调整): one row per change, with the
// columns 清单, 序号, 事项名称, 调整类型, 调整前, 调整后. The DOCX and XLSX outputs of diff
// render it; the CSV change log uses its list labels and change words.
#pragma once

#include <string>
#include <vector>

#include "review/diff_renderers.hpp"
#include "review/word_diff.hpp"

namespace dutylist::review {

// The change words of the table and the CSV log.
inline constexpr const char* change_added = "新增";
inline constexpr const char* change_removed = "删除";
inline constexpr const char* change_changed = "修改";
inline constexpr const char* change_moved = "移动";

struct RevisionRow {
    std::string list;  // the list's title, or its kind's name; "" for the document's own lines
    std::string seq;   // the new 序号; the old one of a removed item; "4→3" when renumbered
    std::string name;  // 事项名称 (the new one), a column's label, or the document field's label
    std::string change;  // one of the change words
    // What the cell said before and says after, paragraphs separated by '\n': a field label
    // ("上级部门职责：") and the text. In `before` the words the revision took out are
    // Edit::removed, in `after` those it put in Edit::added; everything else is Edit::same. An
    // added or removed item's fields are all Edit::same: the whole row is the change.
    std::vector<Span> before;
    std::vector<Span> after;
};

// The list's name as a clerk reads it: its title, else 基本履职事项清单 etc.
std::string list_label(const DiffSubject& subject, const ListDiff& list);

// The label of the list a moved item came from.
std::string moved_from_label(const DiffSubject& subject, const ItemChange& moved);

// Document lines (发布单位, 标题, 日期) first, then list by list: columns added and removed,
// then the items in the order of the new list (a removed item where it stood in the old one).
// Renumbering alone makes no row: the 序号 column shows it beside the other changes.
std::vector<RevisionRow> revision_rows(const DiffSubject& subject);

}  // namespace dutylist::review
