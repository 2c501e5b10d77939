// Lines printed around the tables of a duty list that every extractor of a flowing document
// (DOCX, XLSX) recognises alike: notes under or above a list and the cover's date line.
#pragma once

#include <string>

namespace dutylist {

// A note printed with a list: 注：…, 备注：…, 说明：…
bool is_note(const std::string& line);

// The cover's date line ("2025年7月"): short, a date, and not a title that merely names a year.
bool is_date_line(const std::string& line);

}  // namespace dutylist
