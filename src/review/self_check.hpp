// The list checked against itself after it was read, the same for every reader: signs that the
// reading went wrong (rows cut in the wrong place, cells moved into the wrong row or column)
// rather than faults of the document. A correct reading of a correct list has no finding;
// `convert` prints them, `--strict` refuses the input on any, `validate` lists them.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"

namespace dutylist::review {

enum class SelfCheck {
    seq_run_together,  // rows read as one: one 序号 cell holds two rows' numbers ("3" and "4", or
                       // "34"), or 序号 skips one right after an item joined from two rows read
    seq_missing,       // rows without 序号, and without a cell every numbered row has, in a numbered list
    cut_mid_sentence,  // a cell's text runs on from one row into the next
    empty_column,      // a column empty in every row (备注 may be)
    shifted_column,    // a department column's names fit the rows next to their own better
};

struct SelfFinding {
    size_t list = 0;            // index into Document::lists
    std::vector<size_t> items;  // 0-based, ascending: the rows concerned; empty for a whole column
    SelfCheck check = SelfCheck::seq_missing;
    std::string column;   // label of the column concerned, "" for none
    std::string message;  // what looks wrong, in a clerk's words, without the list or rows
    bool operator==(const SelfFinding&) const = default;
};

// Stable identifiers: "seq-run-together", "seq-missing", "cut-mid-sentence", "empty-column",
// "shifted-column".
const char* self_check_code(SelfCheck check);

// Every finding, list by list in document order, then by check, then by row.
std::vector<SelfFinding> self_check(const Document& document);

// "row 12", "rows 12–15", "rows 3, 7 and 9–10" (1-based, as a clerk counts rows).
std::string rows_text(const std::vector<size_t>& items);

// "list 2 (配合履职事项清单), rows 12–13: MESSAGE [cut-mid-sentence]": one line for stderr.
std::string self_finding_line(const Document& document, const SelfFinding& finding);

}  // namespace dutylist::review
