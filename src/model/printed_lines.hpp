// Lines printed around the tables of a duty list, recognised alike whatever the format: notes
// under or above a list, the 目录, 续表 markers, the heading of a list and the cover.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"
#include "model/table.hpp"

namespace dutylist {

// A note printed with a list: 注：…, 备注：…, 说明：…
bool is_note(const std::string& line);

// The cover's date line ("2025年7月"): short, a date, and not a title that merely names a year.
bool is_date_line(const std::string& line);

// 目录 / 目次: the heading of a table of contents.
bool is_contents_heading(const std::string& line);

// 续表: a table goes on from the page before.
bool is_continuation_marker(const std::string& line);

// The heading of a list among lines [from, end) above its table: the last that names a 清单,
// else the last that is neither a note, a 目录 line nor a 续表 marker. npos when there is none.
size_t heading_index(const std::vector<TextBlock>& lines, size_t from);

// Where the cover and the 目录 end among the lines before the first table, which starts on
// `table_page` (0: the format has no pages): after the last 目录 line, after the cover's date
// (the first date line), and before the lines on the table's own page, so that a list without
// a heading does not take the cover's title for its own.
size_t front_matter_end(const std::vector<TextBlock>& lines, int table_page);

// The cover's lines, top to bottom, into the document (a 目录 and what follows it left out):
// the last date line is its date; its title the last line above the date that names a 清单,
// else the one printed largest, else the line right above the date; the lines above the
// title its issuer.
void read_cover(const std::vector<TextBlock>& cover, Document& doc);

}  // namespace dutylist
