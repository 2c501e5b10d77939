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

std::vector<PageFurniture::PlacedLine> PageFurniture::placed(const PageLayout& page) {
    std::vector<PlacedLine> out;
    for (const TextLine& l : page.lines) out.push_back({furniture_key(l.text), l.top});
    return out;
}

bool PageFurniture::repeats(const TextLine& line, const std::vector<PlacedLine>& on, double distance) {
    const std::string key = furniture_key(line.text);
    return std::any_of(on.begin(), on.end(), [&](const PlacedLine& p) { return p.key == key && std::abs(p.y - line.top) < distance; });
}

bool PageFurniture::repeats_previous(const TextLine& line) const { return repeats(line, held_lines_, tol_.running_distance); }

PageLayout PageFurniture::cleaned(PageLayout page, const std::vector<PlacedLine>& after) const {
    std::erase_if(page.lines, [&](const TextLine& l) {
        return is_page_number(l.text) || repeats(l, before_held_, tol_.running_distance) || repeats(l, after, tol_.running_distance);
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
