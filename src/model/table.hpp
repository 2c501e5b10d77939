// Format-neutral tables and the text around them: what every reader hands the list builder
// (list_builder.hpp), in reading order. A reader fills these from its format and decides
// nothing about lists: which row is a header, what a heading or a note is, whether a table
// goes on with the list before it, all of that is the builder's. Plain data.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"

namespace dutylist {

// A paragraph printed outside tables: a heading, a note, a cover line, a 目录 entry. Page
// furniture (page numbers, running headers and footers) is left out by the reader.
struct TextBlock {
    std::string text;  // one line of text, whitespace normalised
    // An entry of a table of contents (a TOC field, dot leaders, a 目录 page).
    bool contents = false;
    int page = 0;       // 1-based; 0 when the format has no pages
    double size = 0;    // the printed font size in points; 0 when unknown
};

struct TableCell {
    int col = 0;       // its first grid column, 0-based
    int col_span = 1;  // grid columns it covers
    Paragraphs text;
    // Covered by a vertical merge that began in a row above: the builder gives it the text of
    // the cell above it in its column (readers may leave it empty).
    bool merged_from_above = false;
    // Only in a table cut from the one before by a page break: the cell's first paragraph goes
    // on with the last paragraph of the cell above it at the foot of that table (the break
    // fell inside a paragraph). Used when the builder joins a row split by the break.
    bool continues_paragraph = false;
};

struct TableRow {
    std::vector<TableCell> cells;  // left to right; a grid column may have no cell
    // Marked as a header row by the format (Word's 重复标题行, w:tblHeader).
    bool header = false;
    Provenance source;  // where the row is; items made of it keep it
};

struct Table {
    std::vector<TableRow> rows;
    int width = 0;  // grid columns
    // Layout hints, when the format knows them: each grid column's printed width (in one
    // unit of the reader's choice) and the body text's usual font size in points (0: unknown).
    std::vector<double> column_widths;
    double text_size = 0;
    // For messages: "table 3", "sheet 2 (基本)", "the table on page 5".
    std::string name;
    // The table starts where a page break cut the one before it: its first row may be the
    // rest of that table's last row.
    bool after_page_break = false;
    int page = 0;  // where it starts, 1-based; 0 when the format has no pages
};

}  // namespace dutylist
