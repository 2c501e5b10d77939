#include "model/printed_lines.hpp"

#include "model/text.hpp"

namespace dutylist {

bool is_note(const std::string& line) {
    for (std::string_view prefix : {"注", "备注：", "备注:", "说明：", "说明:"})
        if (line.starts_with(prefix)) return true;
    return false;
}

bool is_date_line(const std::string& line) {
    return !iso_date(line).empty() && remove_whitespace(line).size() <= 40 && line.find("清单") == std::string::npos;
}

}  // namespace dutylist
