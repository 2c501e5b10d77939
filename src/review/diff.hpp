// Item-by-item comparison of two versions of a township's lists. Items are matched by content
// (the 事项名称 first, then alike names: by the other cells, or by the neighbours around them),
// never by 序号, because a revision renumbers. An item found in another list, or out of the
// order the other items of its list keep, is moved.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/document.hpp"

namespace dutylist::review {

struct FieldChange {
    std::string key;    // column key, or "issuer"/"title"/"date" for the document
    std::string label;  // column label as printed in the new version (the old one if removed)
    std::string old_text;
    std::string new_text;  // paragraphs joined with '\n'
    bool operator==(const FieldChange&) const = default;
};

struct ItemField {
    std::string key;
    std::string label;
    std::string text;
    bool operator==(const ItemField&) const = default;
};

// An item that is only in one version: its cells, in column order.
struct ItemEntry {
    int index = -1;  // position in its list (0-based)
    std::string seq;
    std::string name;
    std::vector<ItemField> fields;
    bool operator==(const ItemEntry&) const = default;
};

// An item in both versions. For a moved item, `from` names the old list (the item's own list
// when it moved within it). Fields are compared
// by column key; a column one version lacks counts as empty, so a new empty 备注 column
// changes no item, while the 承接部门 of an item moved into 收回 shows as a change from "".
struct ItemChange {
    int old_index = -1;
    int new_index = -1;
    std::string old_seq;
    std::string new_seq;
    std::string name;  // the new name
    std::string from;    // list_names() of the old list, for moved items
    int from_list = -1;  // index of that list in the old document, for moved items
    std::vector<FieldChange> fields;
    bool operator==(const ItemChange&) const = default;
};

struct ListDiff {
    std::string kind;  // list_names() of the list: "basic", "basic-2" for a second one
    int old_list = -1;  // index into the old document's lists, -1 when the list is new
    int new_list = -1;  // index into the new document's lists, -1 when the list was dropped
    std::string old_title;
    std::string new_title;
    std::vector<Column> columns_added;
    std::vector<Column> columns_removed;
    std::vector<ItemEntry> added;
    std::vector<ItemEntry> removed;
    std::vector<ItemChange> changed;     // same list, some cell differs (序号 aside)
    std::vector<ItemChange> moved;       // now in this list, before in `from`
    std::vector<ItemChange> renumbered;  // same list, 序号 differs (changed items included)
    // Every item in this list in both versions, as (old index, new index) in old order: what a
    // side-by-side view aligns rows by.
    std::vector<std::pair<int, int>> kept;

    bool empty() const;
};

struct DocumentDiff {
    std::vector<FieldChange> metadata;  // issuer, title, date
    std::vector<ListDiff> lists;        // the new document's lists in order, then dropped lists

    bool empty() const;
};

DocumentDiff diff_documents(const Document& old_doc, const Document& new_doc);

}  // namespace dutylist::review
