#include "extractors/pdf/broken_font_pages.hpp"

#include <atomic>
#include <barrier>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "extractors/ocr/font_repair.hpp"
#include "extractors/ocr/reading_plan.hpp"
#include "extractors/ocr/scanned_page.hpp"
#include "extractors/pdf/poppler_device.hpp"
#include "i18n/catalogue.hpp"
#include "model/error.hpp"

namespace dutylist::pdf {

ocr::TextRecogniser& page_recogniser(const Deadline& deadline) {
    const ocr::TextRecogniser::Loaded loaded = ocr::TextRecogniser::for_this_thread();
    if (!loaded.recogniser) throw Error(loaded.error);
    loaded.recogniser->set_deadline(deadline.or_sooner(std::chrono::steady_clock::now() + ocr::max_page_seconds));
    return *loaded.recogniser;
}

void check_page_time(const ocr::TextRecogniser& reader, int number, const Deadline& deadline) {
    deadline.check();
    if (reader.past_deadline())
        throw Error(fmt::format(fmt::runtime(_("page {} takes Tesseract more than {} s to read; it is no scanned list page but noise or a malformed PDF")),
                                number, ocr::max_page_seconds.count()));
}

namespace {

// One round: the pages it reads, each page's runs and the votes it read against the rounds before.
struct Round {
    std::vector<size_t> pages;
    std::vector<std::vector<size_t>> runs;
    std::vector<std::unique_ptr<ocr::GlyphVotes>> votes;
    std::atomic<size_t> next{0};
};

void plan_round(ocr::ReadingPlan& plan, const ocr::GlyphVotes& votes, Round& round) {
    round.pages.clear();
    round.runs.clear();
    round.votes.clear();
    round.next = 0;
    std::vector<std::vector<size_t>> chosen = plan.next_round(votes);
    for (size_t p = 0; p < chosen.size(); ++p) {
        if (chosen[p].empty()) continue;
        round.pages.push_back(p);
        round.runs.push_back(std::move(chosen[p]));
        round.votes.push_back(std::make_unique<ocr::GlyphVotes>(&votes));
    }
}

}  // namespace

void read_broken_font_pages(std::string_view bytes, const std::vector<const PageContent*>& pages, unsigned workers,
                            const Deadline& deadline, ocr::GlyphVotes& votes) {
    std::vector<std::vector<ocr::BrokenRun>> runs;
    for (const PageContent* page : pages) runs.push_back(ocr::broken_runs(*page));
    ocr::ReadingPlan plan(std::move(runs));
    Round round;
    plan_round(plan, votes, round);
    std::exception_ptr failure;
    std::mutex failure_mutex;
    std::atomic<bool> failed{false};
    std::atomic<bool> stop{round.pages.empty()};
    // Between rounds, on one thread while the others wait: the votes merged in page order and
    // the next round planned from them.
    auto between_rounds = [&]() noexcept {
        try {
            for (const auto& page_votes : round.votes) votes.merge(*page_votes);
            if (!failed) plan_round(plan, votes, round);
        } catch (...) {
            if (!failure) failure = std::current_exception();  // the others wait: no lock needed
            failed = true;
        }
        stop = failed || round.pages.empty();
    };
    const unsigned threads = std::max(1u, std::min<unsigned>(workers, static_cast<unsigned>(pages.size())));
    std::barrier sync(static_cast<std::ptrdiff_t>(threads), between_rounds);
    auto work = [&] {
        std::unique_ptr<PdfFile> file;
        while (!stop) {
            try {
                for (size_t k; !failed && (k = round.next++) < round.pages.size();) {
                    if (!file) file = std::make_unique<PdfFile>(bytes);
                    const PageContent& page = *pages[round.pages[k]];
                    std::vector<const ocr::BrokenRun*> chosen;
                    for (size_t r : round.runs[k]) chosen.push_back(&plan.runs(round.pages[k])[r]);
                    ocr::TextRecogniser& reader = page_recogniser(deadline);
                    ocr::read_broken_glyphs(page, chosen, file->render_page(page.number, ocr::render_dpi), reader, *round.votes[k]);
                    check_page_time(reader, page.number, deadline);
                }
            } catch (...) {
                std::lock_guard lock(failure_mutex);
                if (!failure) failure = std::current_exception();
                failed = true;
            }
            sync.arrive_and_wait();
        }
    };
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(work);
    work();
    for (auto& t : helpers) t.join();
    if (failure) std::rethrow_exception(failure);
    votes.count_lines(plan.runs_read(), plan.runs_left());
}

}  // namespace dutylist::pdf
