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

void read_cover(const std::vector<std::string>& cover, Document& doc) {
    size_t end = cover.size();
    for (size_t i = cover.size(); i-- > 0;)
        if (is_date_line(cover[i])) {
            doc.date = cover[i];
            doc.date_iso = iso_date(cover[i]);
            end = i;
            break;
        }
    if (end == 0) return;
    size_t title = end - 1;
    for (size_t i = end; i-- > 0;)
        if (cover[i].find("清单") != std::string::npos) {
            title = i;
            break;
        }
    doc.title = cover[title];
    for (size_t i = 0; i < title; ++i) doc.issuer += cover[i];
}

}  // namespace dutylist
