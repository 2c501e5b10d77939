// CSV for spreadsheets and data tools: one file per list, RFC 4180.
#pragma once

#include <string>
#include <vector>

#include "writer.hpp"

namespace dutylist {

// One output per list, suffix ".<kind>.csv" (".basic-2.csv" for a second list of a kind):
// the printed labels as the header row, one record per item, a cell's paragraphs joined with
// a line feed, records ended by CR LF, UTF-8 (with a byte-order mark under options.bom).
// Under options.import_template, one output ".csv" instead: the template's flat table of
// every list (model/import_template.hpp).
//
// Spreadsheet formula injection: Excel and WPS evaluate a cell that starts with = + - @
// (or a tab or carriage return) as a formula. A published duty list never holds formulas,
// but a file converted from an unknown source might, so such a cell is written with a
// leading apostrophe (the OWASP advice), which spreadsheets show as text. Numbers such as
// "-5" or "+86" and a lone "-" are not formulas and are written unchanged.
std::vector<Output> render_csv(const Document& document, const RenderOptions& options);

// The text of a cell as written, before quoting: paragraphs joined, formulas neutralised.
std::string csv_cell_text(const Paragraphs& cell);

}  // namespace dutylist
