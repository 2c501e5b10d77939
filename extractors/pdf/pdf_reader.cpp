#include "extractors/pdf/pdf_reader.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "extractors/ocr/font_repair.hpp"
#include "extractors/ocr/ocr_report.hpp"
#include "extractors/ocr/scanned_page.hpp"
#include "extractors/ocr/text_recogniser.hpp"
#include "extractors/pdf/broken_font_pages.hpp"
#include "extractors/pdf/page_layout.hpp"
#include "extractors/pdf/page_sequence.hpp"
#include "model/list_builder.hpp"
#include "extractors/pdf/poppler_device.hpp"
#include "model/error.hpp"
#include "i18n/catalogue.hpp"

namespace dutylist {
namespace {

// Pages laid out ahead of the assembly at most, per worker: bounds memory on long files.
constexpr int pages_ahead_per_worker = 4;
// More workers than this gain nothing: Poppler's font loading dominates and memory grows.
constexpr unsigned max_workers = 8;
// PDF readers accept the header anywhere in the first kilobyte.
constexpr size_t header_window = 1024;

// Why pages cannot be trusted, collected while the pages stream past.
class TrustCheck {
public:
    void check(const pdf::PageLayout& page) {
        if (!page.untrusted.empty()) {
            for (const auto& why : page.untrusted) add(page.number, why);
        } else if (page.glyphs == 0 && (page.images > 0 || page.shapes > 0)) {
            add(page.number, _("it has no characters, only images or drawn shapes (a scan or outlined text needs OCR)"));
        }
    }

    void settle(const ReadOptions& options) const {
        if (problems_.empty()) return;
        if (options.force) {
            for (const auto& [why, pages] : problems_) options.warn(fmt::format("{}: {}", ocr::page_ranges(pages), why));
            return;
        }
        std::vector<int> pages;
        for (const auto& [why, on] : problems_) pages.insert(pages.end(), on.begin(), on.end());
        std::sort(pages.begin(), pages.end());
        pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
        const std::string more = problems_.size() > 1 ? fmt::format(fmt::runtime(_(" (and {} more findings)")), problems_.size() - 1) : "";
        throw Error(fmt::format(fmt::runtime(_("the text of {} cannot be trusted: {}{}; --ocr auto reads it from the page images, "
                                "--force converts the text as it is")),
                                ocr::page_ranges(pages), problems_.front().first, more));
    }

private:
    // One finding per distinct reason, with the pages it was seen on.
    void add(int page, const std::string& why) {
        for (auto& [reason, pages] : problems_)
            if (reason == why) {
                if (pages.back() != page) pages.push_back(page);
                return;
            }
        problems_.emplace_back(why, std::vector<int>{page});
    }
    std::vector<std::pair<std::string, std::vector<int>>> problems_;
};

bool image_only(const pdf::PageContent& page) {
    return page.glyphs.empty() && (page.images > 0 || page.shapes > 0);
}

bool needs_ocr(const pdf::PageContent& page, OcrMode mode) {
    if (mode != OcrMode::automatic) return mode == OcrMode::always;
    return image_only(page) ||
           std::any_of(page.fonts.begin(), page.fonts.end(), [](const pdf::FontInfo& f) { return !f.untrusted.empty(); });
}

// A page laid out, or (its fonts broken) its content held until the whole document's glyphs
// have voted on what their codes are.
struct PageRead {
    pdf::PageLayout layout;
    std::optional<pdf::PageContent> held;
};

// One page laid out from its text layer, or from its image where that cannot be used; a page
// with broken fonts is held, its glyphs read with the whole document's (broken_font_pages.hpp).
PageRead read_layout(pdf::PdfFile& file, int number, OcrMode mode, const Deadline& deadline) {
    deadline.check();
    pdf::PageContent drawn = file.read_page(number);
    if (!needs_ocr(drawn, mode)) return {pdf::layout_page(drawn), std::nullopt};
    if (mode == OcrMode::automatic && ocr::has_broken_fonts(drawn)) {
        PageRead read;
        read.layout.number = number;
        read.held = std::move(drawn);
        return read;
    }
    ocr::TextRecogniser& reader = pdf::page_recogniser(deadline);
    ocr::RecognisedPage page = ocr::recognise_page(drawn, file.render_page(number, ocr::render_dpi), reader);
    pdf::check_page_time(reader, number, deadline);
    pdf::PageLayout layout = pdf::layout_page(page.content);
    layout.rotated_glyphs = drawn.rotated_glyphs;
    layout.recognition = std::move(page.recognition);
    return {std::move(layout), std::nullopt};
}

// Pages in order, handed on at once until the first page with broken fonts; from there on
// held, and handed on once every page has been read and the votes decide the fonts' codes.
class PageOrder {
public:
    template <typename Use>
    void add(PageRead page, Use use) {
        if (page.held) holding_ = true;
        if (holding_) held_.push_back(std::move(page));
        else use(std::move(page.layout));
    }

    template <typename Use>
    void finish(std::string_view bytes, unsigned workers, const ReadOptions& options, Use use) {
        if (!holding_) return;
        std::vector<const pdf::PageContent*> broken;
        for (const PageRead& page : held_)
            if (page.held) broken.push_back(&*page.held);
        ocr::GlyphVotes votes;
        pdf::read_broken_font_pages(bytes, broken, workers, options.deadline, votes);
        auto decisions = votes.decisions();
        std::map<std::string, std::string> names;
        std::vector<std::vector<ocr::RunCharacter>> lines;
        for (const PageRead& page : held_) {
            if (!page.held) continue;
            ocr::add_broken_fonts(*page.held, names);
            for (auto& line : ocr::character_runs(*page.held)) lines.push_back(std::move(line));
        }
        ocr::pair_brackets(decisions, lines);
        std::set<std::string> broken_fonts;
        for (const auto& [object, name] : names) broken_fonts.insert(object);
        for (PageRead& page : held_) {
            if (!page.held) {
                use(std::move(page.layout));
                continue;
            }
            ocr::apply_repair(*page.held, decisions, broken_fonts);
            use(pdf::layout_page(*page.held));
            page.held.reset();
        }
        const auto [read, settled] = votes.lines();
        options.warn(fmt::format(fmt::runtime(_("{} lines of broken fonts were read by OCR to repair their Unicode maps ({} more "
                                 "left unread: their characters were decided already)")),
                                 read, settled));
        for (const std::string& line : ocr::repair_report(decisions, names)) options.warn(line);
    }

private:
    bool holding_ = false;
    std::vector<PageRead> held_;
};

// Lays out pages 2..count on `workers` threads, each with its own PdfFile, and hands them to
// `use` in page order; at most a few pages per worker wait in memory.
template <typename Use>
void stream_pages(const std::string& bytes, std::unique_ptr<pdf::PdfFile> first, int count, unsigned workers, const ReadOptions& options,
                  Use use) {
    std::mutex mutex;
    std::condition_variable changed;
    std::map<int, PageRead> ready;
    int next_page = 2, next_use = 2;
    std::exception_ptr failure;
    const int window = pages_ahead_per_worker * static_cast<int>(workers);

    auto work = [&](std::unique_ptr<pdf::PdfFile> file) {
        try {
            if (!file) file = std::make_unique<pdf::PdfFile>(bytes);
            for (;;) {
                int page;
                {
                    std::unique_lock lock(mutex);
                    changed.wait(lock, [&] { return failure || next_page > count || next_page < next_use + window; });
                    if (failure || next_page > count) return;
                    page = next_page++;
                }
                PageRead layout = read_layout(*file, page, options.ocr, options.deadline);
                std::lock_guard lock(mutex);
                ready.emplace(page, std::move(layout));
                changed.notify_all();
            }
        } catch (...) {
            std::lock_guard lock(mutex);
            if (!failure) failure = std::current_exception();
            changed.notify_all();
        }
    };
    std::vector<std::thread> threads;
    threads.emplace_back(work, std::move(first));
    for (unsigned i = 1; i < workers; ++i) threads.emplace_back(work, nullptr);
    try {
        while (next_use <= count) {
            PageRead layout;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return failure || ready.count(next_use); });
                if (failure) break;
                auto it = ready.find(next_use);
                layout = std::move(it->second);
                ready.erase(it);
                ++next_use;
                changed.notify_all();
            }
            use(std::move(layout));
        }
    } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        changed.notify_all();
    }
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace

bool sniff_pdf(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, header_window);
    const size_t at = head.find("%PDF-");
    return at != std::string_view::npos && at + 5 < head.size() && head[at + 5] >= '1' && head[at + 5] <= '9';
}

Document read_pdf(const InputFile& input, const ReadOptions& options) {
    auto file = std::make_unique<pdf::PdfFile>(input.bytes);
    const int count = file->page_count();
    // What the builder finds is said once the text is known to be trustworthy.
    std::vector<std::string> findings;
    ListBuilder builder(_("no table of a duty list (with a 序号 or 事项名称 column) was found in the PDF"),
                        [&](const std::string& message) { findings.push_back(message); });
    pdf::PageSequence road(builder, [&](const std::string& message) { findings.push_back(message); });
    TrustCheck trust;
    ocr::RecognitionTally recognised;
    PageOrder order;
    auto take = [&](pdf::PageLayout page) {
        trust.check(page);
        recognised.add(page.number, page.recognition);
        if (page.rotated_glyphs > 0)
            options.warn(fmt::format(fmt::runtime(_("page {}: {} characters not set horizontally (vertical or turned text) were left out")),
                                     page.number, page.rotated_glyphs));
        road.add(std::move(page));
    };
    auto use = [&](PageRead page) { order.add(std::move(page), take); };
    // The first page on this thread also warms up the statics Poppler creates lazily and
    // without a lock, before any worker starts. Several documents may be read at once (folder
    // conversion), so the very first page of the process is read alone.
    static std::once_flag poppler_warmed;
    bool first_read = false;
    std::call_once(poppler_warmed, [&] {
        use(read_layout(*file, 1, options.ocr, options.deadline));
        first_read = true;
    });
    if (!first_read) use(read_layout(*file, 1, options.ocr, options.deadline));
    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    const unsigned workers = std::min({options.threads ? options.threads : hardware, max_workers,
                                       static_cast<unsigned>(std::max(1, count - 1))});
    if (workers <= 1) {
        for (int p = 2; p <= count; ++p) use(read_layout(*file, p, options.ocr, options.deadline));
    } else if (count > 1) {
        stream_pages(input.bytes, std::move(file), count, workers, options, use);
    }
    options.deadline.check();
    order.finish(input.bytes, std::min(options.threads ? options.threads : hardware, max_workers), options, take);
    road.finish();
    trust.settle(options);
    for (const std::string& message : recognised.messages()) options.warn(message);
    Document doc = builder.finish();
    for (const std::string& finding : findings) options.warn(finding);
    doc.source.pages = count;
    return doc;
}

}  // namespace dutylist
