// What validate and inspect say about one document read: its findings (review/validate.hpp and
// the self-checks of review/self_check.hpp, signs it was read wrongly) and how its text was read,
// as text for a terminal and as JSON for scripts.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/document.hpp"
#include "review/readings.hpp"
#include "review/validate.hpp"

namespace dutylist::cli {

// validate's findings, then the self-check's as errors.
std::vector<review::Finding> document_findings(const Document& doc);

// {"list", "seq", "severity", "code", "message"}, with "file" first when file is not "".
nlohmann::ordered_json finding_json(const review::Finding& finding, const std::string& file);

// {"text", "repaired", "ocr", "low_confidence"}: items by how their text was read.
nlohmann::ordered_json readings_json(const review::Readings& readings);

// "basic 序号 6: error: 序号 5 is missing (row 5 has 6) [seq-gap]", in the language of the messages.
std::string finding_line(const review::Finding& finding);

}  // namespace dutylist::cli
