// Import templates: a county's system takes a list as one flat table with its own column
// names. A clerk writes the mapping once, a UTF-8 text file with one output column a line:
//
//     # comment
//     事项编号 = field:seq            a cell of the item, by column key or printed label
//     清单类型 = kind:basic=1,cooperative=2,withdrawn=3   the list's kind as the system spells it
//     乡镇 = issuer                   the document's issuer (also title, date, date_iso)
//     来源 = const:乡镇上报            the same text in every row
//
// Every source is listed at parse_import_template. The table has one row per item of every
// list, in document order.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"

namespace dutylist {

struct TemplateColumn {
    enum class Source { field, constant, kind, kind_label, issuer, doc_title, date, date_iso, list_title, row, source_file };
    std::string name;  // the output column's name, as the target system wants it
    Source source = Source::constant;
    std::string argument;  // field: the key or label; constant: the text
    // kind: how basic, cooperative, withdrawn, other are spelled; empty ones keep kind_name.
    std::string kind_spelling[4];
};

struct ImportTemplate {
    std::vector<TemplateColumn> columns;
};

// Reads a template. `file` names it in errors, which say the line and what is wrong with it:
// an unknown source, a column without a name, a name given twice, no column at all.
ImportTemplate parse_import_template(const std::string& text, const std::string& file);

// The flat table: the template's names as the header, then a row per item. A field the list
// lacks is an empty cell.
struct FlatTable {
    std::vector<std::string> header;
    std::vector<std::vector<Paragraphs>> rows;
    std::vector<bool> counts;  // per column: it holds counting numbers (序号, row), not text
};
FlatTable flatten(const Document& document, const ImportTemplate& import_template);

}  // namespace dutylist
