// Stable keys for printed column labels, and the structure derived from known columns.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"

namespace dutylist {

// The key of a printed label: known labels and their variants (乡镇/街道/镇街…, 县级/上级,
// labels wrapped over two lines) map to fixed keys such as "seq", "category", "name",
// "departments", "township_duties"; any other label gets a key derived from its pinyin
// ("责任人" → "ze_ren_ren").
std::string column_key(const std::string& label);

// Keys for a whole header row: like column_key, with "_2", "_3" appended to repeats so that
// every key of a list is unique.
std::vector<Column> make_columns(const std::vector<std::string>& labels);

// The departments named in a 对应上级部门 cell, split at 、，,；; and paragraph breaks.
std::vector<std::string> split_departments(const Paragraphs& cell);

}  // namespace dutylist
