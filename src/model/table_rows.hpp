// What one row of a neutral table is, as the list builder asks it: pure functions over
// model/table.hpp, the same for every reader.
#pragma once

#include <string>
#include <vector>

#include "model/table.hpp"
#include "model/text_budget.hpp"

namespace dutylist {

// The rows with every merged_from_above cell given the text of the cell above it in its grid
// column (the top cell of the merge), so a merged cell fills every row it covers. Each copy is
// spent from the document's budget (throws Error beyond it).
std::vector<TableRow> fill_merges(const std::vector<TableRow>& rows, TextBudget& budget);

// The row holds text of its own: not only text a merge from above copied into it.
bool has_own_text(const TableRow& row);

// The cells that hold text.
std::vector<const TableCell*> filled_cells(const TableRow& row);

// A cell's paragraphs as one line: a label, a heading, a section row.
std::string cell_line(const TableCell& cell);

// A row naming the columns of a duty list: two or more labels, one of them 序号, 事项类别 or
// 事项名称 (model/columns.hpp).
bool is_header_row(const TableRow& row);

// How many rows from `first` (a header row) the header takes: the rows the format marks as
// header rows with it, and a row under it that splits one of its labels over several columns
// (职责分工 over 上级部门职责 and 乡镇配合职责) beside cells merged down from it.
size_t header_extent(const std::vector<TableRow>& rows, size_t first);

struct ColumnSpan {
    int start = 0;
    int end = 0;  // exclusive
    std::string label;
};

// The columns the header rows [first, first + count) name: the lowest row with cells gives them (a
// grouped header names its sub-columns there); a column with no label there takes the one
// above it.
std::vector<ColumnSpan> header_columns(const std::vector<TableRow>& rows, size_t first, size_t count);

// The layout a table's printing gives the list made of its columns: each column's share of
// the widths of the grid columns it spans, and the table's text size. Empty shares when the
// table has no widths for every grid column.
ListLayout list_layout(const Table& table, const std::vector<ColumnSpan>& columns);

// The labels without whitespace, to recognise a header row repeated.
std::vector<std::string> bare_labels(const std::vector<ColumnSpan>& columns);
// The row's text by column, without whitespace, to compare it with bare_labels.
std::vector<std::string> bare_values(const TableRow& row, const std::vector<ColumnSpan>& columns);
// Whether two header rows' bare labels are one header printed twice: as many columns, and each
// label the same but for at most one character in three (changed, added or left out). A scan's
// header is read anew on every page, and OCR misreads a character now and then (承接部门 as
// ”艰接部门 on one page of the corpus photocopy), which started a new list there; two lists'
// headers differ by whole labels.
bool same_labels(const std::vector<std::string>& a, const std::vector<std::string>& b);

// A row's cells by column: each cell goes to the column its first grid column falls in (to the
// first column when it starts left of all), so no text is ever lost.
std::vector<Paragraphs> values_of(const TableRow& row, const std::vector<ColumnSpan>& columns);

// A section heading between items (一、党的建设): its one cell runs across the whole table,
// or, typed without merging, stands in the first column and starts with a list marker.
bool is_section_row(const TableRow& row, int table_start, int table_end);

}  // namespace dutylist
