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

// A 序号 label (序号, 编号), whitespace aside: the label column_key gives "seq".
bool is_seq_label(const std::string& label);

// Text that opens with a 序号 label, as the text of a header row read as one line does when its
// 序号 column is its first.
bool starts_with_seq_label(const std::string& text);

// Keys for a whole header row: like column_key, with "_2", "_3" appended to repeats so that
// every key of a list is unique.
std::vector<Column> make_columns(const std::vector<std::string>& labels);

// The departments named in a 对应上级部门 cell, split at 、，,；; and paragraph breaks.
std::vector<std::string> split_departments(const Paragraphs& cell);

// A header row of a duty list: one of its labels is 序号, 事项类别 or 事项名称 (or a variant of
// these), as printed; a pinyin key that happens to read so (an English "Name") is not.
bool names_duty_columns(const std::vector<std::string>& labels);
bool is_duty_header(const std::vector<Column>& columns);

// The kind a list's columns show when its title names none: 上级部门职责/乡镇配合职责 make it
// cooperative, 承接部门/工作方式 withdrawn, a 事项名称 alone basic.
ListKind kind_from_columns(const std::vector<Column>& columns);

}  // namespace dutylist
