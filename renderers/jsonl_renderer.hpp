// The dataset format: one JSON object per line per item, for open-data portals, DuckDB
// (read_json_auto) and pandas (read_json(lines=True)). `dutylist convert -t jsonl` writes
// the lines of every input into one file; this renders the lines of one document.
#pragma once

#include <string>

#include "writer.hpp"

namespace dutylist {

// One line per item, in document order, each a flat object:
//   input          the input path as given or found under a folder
//   source_file, source_format, source_sha256   the original document (a JSON input keeps
//                  the PDF or DOCX it was made from)
//   doc_issuer, doc_title, doc_date, doc_date_iso
//   list_kind      basic, cooperative, withdrawn or other
//   list_title
//   row            the item's position in its list, from 1
// then the item's cells by column key ("seq", "category", "name", …), paragraphs joined by
// a line feed, and "departments_list" next to "departments" as in the JSON renderer. A cell
// whose key is one of the names above is written as "item_<key>".
std::string document_to_jsonl(const Document& document, const std::string& input);

// The records -t jsonl writes: document_to_jsonl, or under options.import_template one flat
// object per item with the template's column names as its fields, in the template's order.
std::string jsonl_records(const Document& document, const std::string& input, const RenderOptions& options);

}  // namespace dutylist
