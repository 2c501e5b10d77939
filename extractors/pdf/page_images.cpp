#include "extractors/pdf/page_images.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
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
    size_t part = 0;  // the item's parts in page order, then in the order of its boxes
};

// Every box of the first max_review_images items with boxes, by page, with how many parts each
// of these items has; counts the rest as left out.
struct Plan {
    std::map<int, std::vector<Cut>> pages;
    std::map<ItemKey, size_t> parts;
    size_t left_out = 0;
};

Plan plan_cuts(const Document& document) {
    Plan plan;
    for (size_t l = 0; l < document.lists.size(); ++l)
        for (size_t i = 0; i < document.lists[l].items.size(); ++i) {
            const auto& boxes = document.lists[l].items[i].source.boxes;
            if (boxes.empty()) continue;
            if (plan.parts.size() >= max_review_images) {
                ++plan.left_out;
                continue;
            }
            plan.parts[{l, i}] = boxes.size();
            for (const auto& box : boxes) plan.pages[box.page].push_back({{l, i}, box});
        }
    std::map<ItemKey, size_t> numbered;
    for (auto& [number, cuts] : plan.pages)
        for (auto& cut : cuts) cut.part = numbered[cut.item]++;
    return plan;
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

// What the drawing threads share: the parts of each item as its pages are drawn, and the
// pictures made of them. An item's picture is encoded by the thread that brings its last part,
// outside the lock, so PNG encoding runs on every thread too.
class Pictures {
public:
    explicit Pictures(const std::map<ItemKey, size_t>& parts) {
        for (const auto& [item, count] : parts) pending_[item] = {std::vector<GreyImage>(count), count};
    }

    // The cut's part of its item: empty (width 0) when its page could not be drawn.
    void add(const Cut& cut, GreyImage part) {
        std::vector<GreyImage> parts;
        {
            std::lock_guard lock(mutex_);
            Pending& item = pending_.at(cut.item);
            item.parts[cut.part] = std::move(part);
            if (--item.missing > 0) return;
            parts = std::move(item.parts);
            pending_.erase(cut.item);
        }
        std::erase_if(parts, [](const GreyImage& p) { return p.width == 0; });
        std::string png = parts.empty() ? "" : encode_grey_png(parts.size() == 1 ? parts[0] : stacked(parts));
        std::lock_guard lock(mutex_);
        if (png.empty()) ++images_.left_out;
        else images_.png[cut.item] = std::move(png);
    }

    SourceImages take(size_t left_out) {
        images_.left_out += left_out;
        return std::move(images_);
    }

private:
    struct Pending {
        std::vector<GreyImage> parts;
        size_t missing = 0;
    };
    std::mutex mutex_;
    std::map<ItemKey, Pending> pending_;
    SourceImages images_;
};

void draw_page(PdfFile& file, int number, const std::vector<Cut>& cuts, Pictures& pictures) {
    PageImage page;
    if (number >= 1 && number <= file.page_count()) {
        try {
            page = file.render_page(number, page_dpi(file, number));
        } catch (const Error&) {
            // Its items come out without a picture, counted as left out.
        }
    }
    for (const auto& cut : cuts) pictures.add(cut, page.width > 0 ? cut_out(page, cut.box) : GreyImage{});
}

using PageCuts = std::pair<const int, std::vector<Cut>>;

// Draws the pages on `workers` threads, each with a PdfFile of its own (Poppler's documents are
// not shared between threads), taking the next page not yet taken. The first failure (the
// deadline, a file that does not open) stops every thread after its page and is rethrown.
void draw_pages(const std::string& bytes, const std::vector<const PageCuts*>& pages, unsigned workers, const Deadline& deadline,
                Pictures& pictures) {
    std::atomic<size_t> next{0};
    std::mutex failed;
    std::exception_ptr failure;
    auto work = [&] {
        try {
            std::optional<PdfFile> file;
            for (size_t p = next++; p < pages.size(); p = next++) {
                deadline.check();
                if (!file) file.emplace(bytes);
                draw_page(*file, pages[p]->first, pages[p]->second, pictures);
            }
        } catch (...) {
            next = pages.size();
            std::lock_guard lock(failed);
            if (!failure) failure = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < workers; ++t) threads.emplace_back(work);
    work();
    for (auto& thread : threads) thread.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace

SourceImages item_images(const InputFile& input, const Document& document, const ReadOptions& options) {
    const Plan plan = plan_cuts(document);
    if (plan.pages.empty()) return SourceImages{{}, plan.left_out};
    std::vector<const PageCuts*> pages;
    for (const auto& page : plan.pages) pages.push_back(&page);
    Pictures pictures(plan.parts);
    // Splash creates some of its statics lazily and without a lock: the process's first page
    // is drawn alone, as the reader reads its first page alone.
    static std::once_flag splash_warmed;
    std::call_once(splash_warmed, [&] {
        options.deadline.check();
        PdfFile file(input.bytes);
        draw_page(file, pages.front()->first, pages.front()->second, pictures);
        pages.erase(pages.begin());
    });
    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    const unsigned workers = static_cast<unsigned>(std::min<size_t>({options.threads ? options.threads : hardware, max_review_threads, pages.size()}));
    draw_pages(input.bytes, pages, std::max(1u, workers), options.deadline, pictures);
    return pictures.take(plan.left_out);
}

}  // namespace dutylist::pdf
