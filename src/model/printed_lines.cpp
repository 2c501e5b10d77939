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

bool is_contents_heading(const std::string& line) {
    const std::string bare = remove_whitespace(line);
    return bare == "目录" || bare == "目次";
}

bool is_continuation_marker(const std::string& line) { return line.find("续表") != std::string::npos; }

size_t heading_index(const std::vector<TextBlock>& lines, size_t from) {
    size_t fallback = std::string::npos;
    for (size_t i = lines.size(); i-- > from;) {
        const TextBlock& l = lines[i];
        if (l.contents || is_note(l.text) || is_contents_heading(l.text) || is_continuation_marker(l.text)) continue;
        if (l.text.find("清单") != std::string::npos) return i;
        if (fallback == std::string::npos) fallback = i;
    }
    return fallback;
}

size_t front_matter_end(const std::vector<TextBlock>& lines, int table_page) {
    size_t end = 0;
    bool dated = false;
    for (size_t i = 0; i < lines.size(); ++i) {
        const bool date = !dated && is_date_line(lines[i].text);
        dated = dated || date;
        const bool earlier_page = table_page > 0 && lines[i].page > 0 && lines[i].page < table_page;
        if (lines[i].contents || is_contents_heading(lines[i].text) || date || earlier_page) end = i + 1;
    }
    return end;
}

namespace {

// The title among cover[0, end): the last line naming a 清单, else the largest when sizes are
// known and differ, else the last.
size_t cover_title(const std::vector<TextBlock>& cover, size_t end) {
    for (size_t i = end; i-- > 0;)
        if (cover[i].text.find("清单") != std::string::npos) return i;
    size_t largest = end - 1;
    for (size_t i = 0; i < end; ++i)
        if (cover[i].size > cover[largest].size) largest = i;
    return largest;
}

}  // namespace

void read_cover(const std::vector<TextBlock>& lines, Document& doc) {
    std::vector<TextBlock> cover;
    for (const TextBlock& l : lines) {
        if (is_contents_heading(l.text)) break;
        if (!l.contents) cover.push_back(l);
    }
    size_t end = cover.size();
    for (size_t i = cover.size(); i-- > 0;)
        if (is_date_line(cover[i].text)) {
            doc.date = remove_whitespace(cover[i].text);
            doc.date_iso = iso_date(doc.date);
            end = i;
            break;
        }
    if (end == 0) return;
    const size_t title = cover_title(cover, end);
    doc.title = cover[title].text;
    for (size_t i = 0; i < title; ++i) doc.issuer += cover[i].text;
}

}  // namespace dutylist
