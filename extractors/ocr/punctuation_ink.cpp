#include "extractors/ocr/punctuation_ink.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>
#include "extractors/ocr/ocr_symbols.hpp"

namespace dutylist::ocr {
namespace {

// Darker than this (0–255) is ink of a punctuation mark: lighter than the rulings' threshold,
// since a 200 dpi scan's colon dots are two or three pixels that blur to grey 130–190.
constexpr int mark_ink = 200;
// Blots smaller than this (pixels) are specks, not a dot of a mark.
constexpr int min_blot_px = 3;
// A column of ink wider than this share of the line's height, or a blot taller, is (part of) a
// character, not a mark.
constexpr double max_mark_share = 0.45;
// A lone blot at least this share of the line's height tall is a comma (the corpus scan's:
// 0.3); a lone dot (a colon whose other dot was too faint to see) is shorter (0.15).
constexpr double min_comma_share = 0.22;
// The lower blot of a semicolon (a comma) is at least this much taller than its dot; a
// colon's two dots are alike (measured 1.0–1.3 on the corpus scan, commas 1.8–2.5).
constexpr double tail_ratio = 1.5;

struct Blot {
    int x0, y0, x1, y1, pixels;
    int height() const { return y1 - y0; }
    int width() const { return x1 - x0; }
};

// The 8-connected blots of ink within `box` of `image`.
std::vector<Blot> blots_in(const pdf::PageImage& image, PixelBox box) {
    box = {std::max(box.x0, 0), std::max(box.y0, 0), std::min(box.x1, image.width), std::min(box.y1, image.height)};
    const int w = box.width(), h = box.height();
    std::vector<Blot> out;
    if (w <= 0 || h <= 0) return out;
    std::vector<char> seen(static_cast<size_t>(w) * static_cast<size_t>(h), 0);
    const auto ink = [&](int x, int y) {
        return image.grey[static_cast<size_t>(box.y0 + y) * static_cast<size_t>(image.width) + static_cast<size_t>(box.x0 + x)] < mark_ink;
    };
    std::vector<std::pair<int, int>> stack;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            if (seen[static_cast<size_t>(y * w + x)] || !ink(x, y)) continue;
            Blot b{x, y, x + 1, y + 1, 0};
            stack.push_back({x, y});
            seen[static_cast<size_t>(y * w + x)] = 1;
            while (!stack.empty()) {
                const auto [cx, cy] = stack.back();
                stack.pop_back();
                ++b.pixels;
                b = {std::min(b.x0, cx), std::min(b.y0, cy), std::max(b.x1, cx + 1), std::max(b.y1, cy + 1), b.pixels};
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx) {
                        const int nx = cx + dx, ny = cy + dy;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h || seen[static_cast<size_t>(ny * w + nx)] || !ink(nx, ny)) continue;
                        seen[static_cast<size_t>(ny * w + nx)] = 1;
                        stack.push_back({nx, ny});
                    }
            }
            if (b.pixels >= min_blot_px) out.push_back(b);
        }
    return out;
}

bool comma_family(char32_t c) {
    return c == U'，' || c == U'；' || c == U'：' || c == U',' || c == U';' || c == U':';
}

// The mark the blots draw: ， ； or ：, or nothing when they are not one of them.
std::optional<char32_t> mark_of(std::vector<Blot> blots, int line_height) {
    std::sort(blots.begin(), blots.end(), [](const Blot& a, const Blot& b) { return a.y0 < b.y0; });
    if (blots.size() == 1)
        return blots[0].height() >= min_comma_share * line_height ? std::optional<char32_t>(U'，') : std::nullopt;
    if (blots.size() != 2) return std::nullopt;
    const Blot &dot = blots[0], &below = blots[1];
    if (dot.y1 > below.y0) return std::nullopt;
    return below.height() >= tail_ratio * dot.height() ? U'；' : U'：';
}

// Blots side by side in one column of the line: the ink between two gaps of paper.
struct Column {
    int x0 = 0, x1 = 0;
    std::vector<Blot> blots;
};

std::vector<Column> columns_of(std::vector<Blot> blots) {
    std::sort(blots.begin(), blots.end(), [](const Blot& a, const Blot& b) { return a.x0 < b.x0; });
    std::vector<Column> out;
    for (const Blot& b : blots) {
        if (out.empty() || b.x0 > out.back().x1) out.push_back({b.x0, b.x1, {}});
        out.back().x1 = std::max(out.back().x1, b.x1);
        out.back().blots.push_back(b);
    }
    return out;
}

// A column that can be a mark: narrow, of small blots, and whole within the area read.
bool mark_column(const Column& c, int area_width, int line_height) {
    const double largest = max_mark_share * line_height;
    if (c.x0 == 0 || c.x1 == area_width || c.x1 - c.x0 > largest || c.blots.size() > 2) return false;
    return std::all_of(c.blots.begin(), c.blots.end(), [&](const Blot& b) { return b.height() <= largest; });
}

char32_t ascii_of(char32_t full) { return full == U'，' ? U',' : full == U'；' ? U';' : U':'; }

}  // namespace

void settle_punctuation(OcrLine& line, const pdf::PageImage& image) {
    const int line_height = line.box.height();
    if (line_height <= 0) return;
    for (OcrSymbol& s : line.symbols) {
        if (!comma_family(s.code)) continue;
        // Tesseract's box of a mark is loose (it may hold half the character before and not
        // the mark): the mark is looked for within half an em either side.
        const PixelBox area{std::max(s.box.x0 - line_height / 2, 0), line.box.y0 - line_height / 8,
                            std::min(s.box.x1 + line_height / 2, image.width), line.box.y1 + line_height / 4};
        const double centre = (s.box.x0 + s.box.x1) / 2.0 - area.x0;
        const Column* nearest = nullptr;
        const std::vector<Column> columns = columns_of(blots_in(image, area));
        for (const Column& c : columns)
            if (mark_column(c, area.width(), line_height) &&
                (!nearest || std::abs((c.x0 + c.x1) / 2.0 - centre) < std::abs((nearest->x0 + nearest->x1) / 2.0 - centre)))
                nearest = &c;
        const std::optional<char32_t> mark = nearest ? mark_of(nearest->blots, line_height) : std::nullopt;
        if (mark) s.code = s.code < 0x80 ? ascii_of(*mark) : *mark;
    }
}

}  // namespace dutylist::ocr
