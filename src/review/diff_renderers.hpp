// The outputs of `dutylist diff`: readable text, JSON, a CSV change log, an HTML page with the
// two versions side by side, and the 修订对照表 as DOCX and XLSX. One file per renderer
// (diff_text.cpp, diff_json.cpp, …). Changed cells show which paragraphs and words changed
// (word_diff.hpp).
#pragma once

#include <string>

#include "model/document.hpp"
#include "review/diff.hpp"

namespace dutylist::review {

struct DiffSubject {
    const Document& old_doc;
    const Document& new_doc;
    const DocumentDiff& diff;
    std::string old_name;  // the inputs as given on the command line
    std::string new_name;
};

// Per list: columns, then removed, added, moved, changed items (each changed field in git's
// --word-diff markup, [-removed-]{+added+}), and renumbering as ranges.
std::string diff_to_text(const DiffSubject& subject);

// {"old": {file, title, date}, "new": {…}, "metadata": [{key, label, old, new}],
//  "lists": [{kind, title, old_title, columns_added, columns_removed, added, removed,
//             changed, moved, renumbered}]}; each changed field also as "spans":
//  [{"edit": "same"|"removed"|"added", "text"}].
std::string diff_to_json(const DiffSubject& subject);

// A change log, one record per changed field: 清单,原序号,新序号,事项名称,调整类型,字段,调整前,调整后
// with 调整类型 one of 文件信息, 新增列, 删除列, 删除, 新增, 移动, 修改, 重新编号; an added or
// removed item gives one record per field, so it carries all of its cells. RFC 4180, CR LF,
// cells guarded against formulas as in csv_renderer.hpp.
std::string diff_to_csv(const DiffSubject& subject, bool bom);

// The two versions side by side, list by list, rows aligned by the matching, changed words
// marked (<del>, <ins>), from the template templates/diff/diff.html. Only the rows that
// changed unless all_rows.
std::string diff_to_html(const DiffSubject& subject, bool all_rows);

// The 修订对照表 (revision_table.hpp) as a landscape Word document, through the DOCX
// renderer's package (renderers/docx_renderer_package.hpp): removed words struck through,
// added words bold and underlined.
std::string diff_to_docx(const DiffSubject& subject);

// The same table as a workbook of one sheet, 修订对照表, header row bold, frozen and filtered,
// the words marked as rich text. Throws Error when a cell is too long for XLSX.
std::string diff_to_xlsx(const DiffSubject& subject);

}  // namespace dutylist::review
