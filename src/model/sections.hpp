// Section headings inside a table: a row that is one cell across the whole table, between
// items, groups the items under it (一、党的建设) the way a 事项类别 column does. Extractors
// find such rows (they know the spans); this turns them into the model's 事项类别, so that a
// list printed with section rows and one printed with a category column give the same data.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"

namespace dutylist {

struct SectionHeading {
    size_t first_item = 0;  // index of the first item under it in its list
    std::string text;       // as printed
};

// Gives each item under a heading the heading as its 事项类别: a list without that column gets
// one (after 序号, labelled 事项类别), a list with it has its empty cells filled. The heading's
// list marker (一、 （一） 1. 1、) is left out; a heading under another of a higher level (（一）
// under 一、) gives "outer／inner". A heading with no item under it (a row across the table's
// foot, often 注：…) becomes a note of the list.
void apply_section_headings(DutyList& list, const std::vector<SectionHeading>& headings);

// The text without a leading list marker: "一、党的建设" → "党的建设".
std::string without_list_marker(const std::string& text);

}  // namespace dutylist
