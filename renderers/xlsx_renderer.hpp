// Excel workbooks for clerks who edit, republish or import a list in Excel or WPS.
#pragma once

#include <vector>

#include "writer.hpp"

namespace dutylist {

// One output ".xlsx": a sheet per list named by its kind (基本履职事项, 配合履职事项,
// 上级部门收回事项; a second list of a kind gets 2), the document's cover lines above the
// first list, each list's heading in a title row merged across its columns, then its header
// row (bold, frozen, with an autofilter, repeated on every printed page), an item a row and its
// notes below. A cell's paragraphs are lines of the cell, wrapped; 序号 that are whole numbers
// are number cells. Columns are as wide as their content (an ideograph counts two) up to a
// bound past which the text wraps, rows as tall as their lines. Printed landscape on A4, fit
// to the page's width. Under options.merge_categories a run of equal 事项类别 is one merged
// cell. Read back by our XLSX reader, the workbook gives the same lists.
//
// Under options.import_template, one sheet 导入 instead: the template's flat table of every
// list (model/import_template.hpp), its header in the first row.
//
// Cell text is written as text, never as a formula, whatever it starts with.
std::vector<Output> render_xlsx(const Document& document, const RenderOptions& options);

}  // namespace dutylist
