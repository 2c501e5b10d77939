// Checks of one document that a clerk importing a newly issued list wants before trusting it:
// gaps and repeats in 序号, empty required cells, rows whose cells look shifted, names listed
// twice, columns the tool does not know.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"

namespace dutylist::review {

enum class Severity { error, warning };

struct Finding {
    std::string list;  // list_names() of the list ("basic", "basic-2"), "" for the document
    std::string seq;   // the 序号 as printed; "row N" when the row has none; "" for a whole list
    Severity severity = Severity::error;
    std::string code;     // stable identifier, one of the codes below
    std::string message;  // one sentence, in the words of the list
    bool operator==(const Finding&) const = default;
};

// The codes, errors unless marked (w):
//   document  no-lists
//   columns   unknown-column (w), missing-column (w), no-name-column, no-seq-column (w), empty-list (w)
//   序号      seq-empty, seq-not-number, seq-gap, seq-duplicate, seq-order
//   cells     cell-count, shifted-row, empty-name, empty-cell (w: a 事项类别, 对应上级部门, duties or
//             承接部门 cell; 备注 and unknown columns may be blank)
//   names     duplicate-name (twice in one list), name-in-two-lists
const char* severity_name(Severity severity);  // "error", "warning"

// Every finding: list by list in document order, items in order within a list, then the
// names that occur in two lists.
std::vector<Finding> validate(const Document& document);

bool has_errors(const std::vector<Finding>& findings);

}  // namespace dutylist::review
