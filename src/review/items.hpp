// Reading the cells of an item by column key, shared by validate and diff.
#pragma once

#include <string>

#include "model/document.hpp"

namespace dutylist::review {

// The cell of this column ("" when the item has fewer cells than the list has columns),
// paragraphs joined with a line break.
std::string cell_text(const DutyList& list, const Item& item, int column);
std::string cell_text(const DutyList& list, const Item& item, const std::string& key);

// The same text with every whitespace removed: what two extractions of one cell agree on.
std::string comparable_text(const std::string& text);

// The 序号 as printed, and the item's name (事项名称, or the first column after 序号 when a
// list has no name column).
std::string item_seq(const DutyList& list, const Item& item);
std::string item_name(const DutyList& list, const Item& item);
int name_column(const DutyList& list);

}  // namespace dutylist::review
