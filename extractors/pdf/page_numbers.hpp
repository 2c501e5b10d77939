// Printed page numbers, recognised in one place: the forms they take, and where a bare number
// is one rather than a 序号 on a line of its own. Pure.
#pragma once

#include <string>

#include "extractors/pdf/text_lines.hpp"

namespace dutylist::pdf {

// "— 3 —", "-3-", "第3页", "3/60", "3": a printed page number.
bool is_page_number(const std::string& text);

// A number and nothing else ("3", "12", "3.1", at most four characters): what a 序号 cell and
// a bare page number both print, so only where it stands tells them apart.
bool is_bare_number(const std::string& text);

// The line is the page's number: a page number in a decorated form anywhere, a bare number
// only within `margin_share` of the page's height from its top or bottom.
bool is_page_number_line(const TextLine& line, double page_height, double margin_share);

}  // namespace dutylist::pdf
