#include "extractors/pdf/page_images.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "extractors/pdf/poppler_device.hpp"
#include "io/png_image.hpp"
#include "model/error.hpp"

namespace dutylist::pdf {
namespace {

using ItemKey = std::pair<size_t, size_t>;  // (list, item)

// Between the parts of an item that runs over a page break: white, with a grey line across.
constexpr int break_gap_pixels = 9;
constexpr unsigned char break_line_grey = 160;

struct Cut {
    ItemKey item;
    PageBox box;
};

// Every box of the first max_review_images items with boxes, by page; counts the rest.
std::map<int, std::vector<Cut>> cuts_by_page(const Document& document, std::map<ItemKey, size_t>& parts, size_t& left_out) {
    std::map<int, std::vector<Cut>> pages;
    for (size_t l = 0; l < document.lists.size(); ++l)
        for (size_t i = 0; i < document.lists[l].items.size(); ++i) {
            const auto& boxes = document.lists[l].items[i].source.boxes;
            if (boxes.empty()) continue;
            if (parts.size() >= max_review_images) {
                ++left_out;
                continue;
            }
            parts[{l, i}] = boxes.size();
            for (const auto& box : boxes) pages[box.page].push_back({{l, i}, box});
        }
    return pages;
}

GreyImage cut_out(const PageImage& page, const PageBox& box) {
    const double scale = page.dpi / 72.0;
    auto clamp = [](double v, int limit) { return std::clamp(static_cast<int>(std::lround(v)), 0, limit); };
    const int x0 = clamp((box.x0 - review_margin_points) * scale, page.width), x1 = clamp((box.x1 + review_margin_points) * scale, page.width);
    const int y0 = clamp((box.y0 - review_margin_points) * scale, page.height), y1 = clamp((box.y1 + review_margin_points) * scale, page.height);
    GreyImage cut;
    if (x1 <= x0 || y1 <= y0) return cut;
    cut.width = x1 - x0;
    cut.height = y1 - y0;
    cut.pixels.reserve(static_cast<size_t>(cut.width) * static_cast<size_t>(cut.height));
    for (int y = y0; y < y1; ++y) {
        const auto row = page.grey.begin() + static_cast<ptrdiff_t>(y) * page.width;
        cut.pixels.insert(cut.pixels.end(), row + x0, row + x1);
    }
    return cut;
}

// The parts one under the other, left-aligned, a break line between them.
GreyImage stacked(const std::vector<GreyImage>& parts) {
    GreyImage out;
    for (const auto& part : parts) {
        out.width = std::max(out.width, part.width);
        out.height += part.height;
    }
    out.height += break_gap_pixels * static_cast<int>(parts.size() - 1);
    out.pixels.assign(static_cast<size_t>(out.width) * static_cast<size_t>(out.height), 255);
    int top = 0;
    for (size_t p = 0; p < parts.size(); ++p) {
        if (p > 0) {
            std::fill_n(out.pixels.begin() + static_cast<ptrdiff_t>(top + break_gap_pixels / 2) * out.width, out.width, break_line_grey);
            top += break_gap_pixels;
        }
        for (int y = 0; y < parts[p].height; ++y)
            std::copy_n(parts[p].pixels.begin() + static_cast<ptrdiff_t>(y) * parts[p].width, parts[p].width,
                        out.pixels.begin() + static_cast<ptrdiff_t>(top + y) * out.width);
        top += parts[p].height;
    }
    return out;
}

double page_dpi(const PdfFile& file, int number) {
    const auto [width, height] = file.page_size(number);
    const double pixels = width * height * (review_dpi / 72.0) * (review_dpi / 72.0);
    return pixels > max_review_page_pixels ? review_dpi * std::sqrt(max_review_page_pixels / pixels) : review_dpi;
}

}  // namespace

SourceImages item_images(const InputFile& input, const Document& document) {
    SourceImages images;
    std::map<ItemKey, size_t> remaining;
    const auto pages = cuts_by_page(document, remaining, images.left_out);
    if (pages.empty()) return images;
    PdfFile file(input.bytes);
    std::map<ItemKey, std::vector<GreyImage>> drawn;
    for (const auto& [number, cuts] : pages) {
        PageImage page;
        if (number >= 1 && number <= file.page_count()) {
            try {
                page = file.render_page(number, page_dpi(file, number));
            } catch (const Error&) {
                // Counted below: its items come out without a picture.
            }
        }
        for (const auto& cut : cuts) {
            if (page.width > 0) drawn[cut.item].push_back(cut_out(page, cut.box));
            if (--remaining[cut.item] > 0) continue;
            std::vector<GreyImage> parts;
            for (auto& part : drawn[cut.item])
                if (part.width > 0) parts.push_back(std::move(part));
            drawn.erase(cut.item);
            if (parts.empty()) ++images.left_out;
            else images.png[cut.item] = encode_grey_png(parts.size() == 1 ? parts[0] : stacked(parts));
        }
    }
    return images;
}

}  // namespace dutylist::pdf
