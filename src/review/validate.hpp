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
    std::string seq;   // the 序号 as printed, "" when the finding concerns a whole list
    Severity severity = Severity::error;
    std::string code;     // stable identifier, e.g. "seq-gap" (see validate.cpp for all)
    std::string message;  // one sentence, in the words of the list
    bool operator==(const Finding&) const = default;
};

const char* severity_name(Severity severity);  // "error", "warning"

// Every finding: list by list in document order, items in order within a list, then the
// names that occur in two lists.
std::vector<Finding> validate(const Document& document);

bool has_errors(const std::vector<Finding>& findings);

}  // namespace dutylist::review
