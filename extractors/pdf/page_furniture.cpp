#include "extractors/pdf/page_furniture.hpp"

#include <algorithm>
#include <cmath>

#include "model/text.hpp"

namespace dutylist::pdf {
namespace {

// A line as a running header or footer repeats it: without spaces, and every run of digits the
// same.
std::string furniture_key(const std::string& s) {
    std::string out;
    for (char c : remove_whitespace(s)) {
        const bool digit = c >= '0' && c <= '9';
        if (!digit) out += c;
        else if (out.empty() || out.back() != '#') out += '#';
    }
    return out;
}

}  // namespace

bool PageFurniture::at_number_place(const TextLine& line, const PageLayout& page) const {
    if (!page.recognition.recognised || page.width <= 0 || page.height <= 0) return false;
    const std::string text = remove_whitespace(line.text);
    size_t chars = 0;
    for (size_t i = 0; i < text.size(); ++chars) next_code_point(text, i);
    if (chars > tol_.number_chars) return false;
    if (std::abs((line.x0 + line.x1) / 2 - page.width / 2) > tol_.centred_share * page.width) return false;
    const bool foot = line.top > (1 - tol_.margin_share) * page.height, head = line.bottom < tol_.margin_share * page.height;
    return std::all_of(page.tables.begin(), page.tables.end(), [&](const TableBlock& t) {
        return (foot && line.top >= t.box.y1) || (head && line.bottom <= t.box.y0);
    }) && (foot || head);
}

std::vector<PageFurniture::PlacedLine> PageFurniture::placed(const PageLayout& page) const {
    std::vector<PlacedLine> out;
    for (const TextLine& l : page.lines) out.push_back({furniture_key(l.text), l.top, at_number_place(l, page), page.height});
    return out;
}

bool PageFurniture::scanned_page_number(const PlacedLine& line, const std::vector<PlacedLine>& on) const {
    return line.number_place && std::any_of(on.begin(), on.end(), [&](const PlacedLine& p) {
        return p.number_place && std::abs(p.y - line.y) < tol_.scanned_distance * line.height;
    });
}

bool PageFurniture::repeats(const TextLine& line, const std::vector<PlacedLine>& on, double distance) {
    const std::string key = furniture_key(line.text);
    return std::any_of(on.begin(), on.end(), [&](const PlacedLine& p) { return p.key == key && std::abs(p.y - line.top) < distance; });
}

bool PageFurniture::repeats_previous(const TextLine& line) const { return repeats(line, held_lines_, tol_.running_distance); }

PageLayout PageFurniture::cleaned(PageLayout page, const std::vector<PlacedLine>& after) const {
    std::erase_if(page.lines, [&](const TextLine& l) {
        const PlacedLine here{furniture_key(l.text), l.top, at_number_place(l, page), page.height};
        // At the foot, below the tables, such a line is the page number even when the pages
        // around read theirs as nothing (a photocopy's "— 37 —" read as 了, pages 37, 38, 40
        // and 41 as nothing): what else stands there is no text of a list, and taken for text
        // it became the heading of the next page's table, which then started a list of its own.
        const bool foot_number = here.number_place && l.top > (1 - tol_.margin_share) * page.height;
        return is_page_number(l.text) || foot_number || repeats(l, before_held_, tol_.running_distance) || repeats(l, after, tol_.running_distance) ||
               scanned_page_number(here, before_held_) || scanned_page_number(here, after);
    });
    return page;
}

std::optional<PageLayout> PageFurniture::add(PageLayout page) {
    std::vector<PlacedLine> lines = placed(page);
    std::optional<PageLayout> done;
    if (held_) {
        done = cleaned(std::move(*held_), lines);
        before_held_ = std::move(held_lines_);
    }
    held_ = std::move(page);
    held_lines_ = std::move(lines);
    return done;
}

std::optional<PageLayout> PageFurniture::finish() {
    if (!held_) return std::nullopt;
    PageLayout last = cleaned(std::move(*held_), {});
    held_.reset();
    return last;
}

}  // namespace dutylist::pdf
