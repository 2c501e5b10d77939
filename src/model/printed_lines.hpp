// Lines printed around the tables of a duty list that every extractor of a flowing document
// (DOCX, XLSX) recognises alike: notes under or above a list and the cover.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"

namespace dutylist {

// A note printed with a list: 注：…, 备注：…, 说明：…
bool is_note(const std::string& line);

// The cover's date line ("2025年7月"): short, a date, and not a title that merely names a year.
bool is_date_line(const std::string& line);

// The cover's lines, top to bottom, into the document: the last date line is its date, the
// last line above it that names a 清单 (else the line right above it) its title, and the lines
// above the title its issuer.
void read_cover(const std::vector<std::string>& cover, Document& doc);

}  // namespace dutylist
