// Broken fonts repaired from their glyphs (extractors/ocr/font_repair, glyph_votes): the votes
// on their own, then PDFs whose fonts lost their Unicode maps read through the text road, their
// geometry as the PDF has it. The corpus fixture is three pages (made at test time by
// tests/data/pdf/untrusted/make_broken_fonts.py); the whole file is measured in bench/. The
// files of tests/data/pdf/untrusted/ are read in test_font_repair_files (ctest runs the two
// side by side).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "extractors/ocr/bracket_pairs.hpp"
#include "extractors/ocr/glyph_votes.hpp"
#include "extractors/ocr/reading_plan.hpp"
#include "extractors/pdf/pdf_reader.hpp"
#include "renderers/json_renderer.hpp"
#include "support/paths.hpp"
#include "support/pdf_reads.hpp"
#include "support/truth.hpp"

using namespace dutylist;
namespace fs = std::filesystem;

namespace {

fs::path untrusted() { return test::source_dir() / "tests" / "data" / "pdf" / "untrusted"; }

using Read = test::PdfRead;
using test::said;

Read read(const fs::path& pdf, OcrMode mode = OcrMode::automatic) { return test::read_pdf_file(pdf, mode); }

const ocr::FontCode code_a{"10 0", 7}, code_b{"10 0", 8}, latin_dash{"11 0", 3}, latin_one{"11 0", 4};

}  // namespace

TEST_CASE("votes: the reading most occurrences agree on decides the code; equal votes go to the more confident") {
    ocr::GlyphVotes votes;
    for (int i = 0; i < 4; ++i) votes.add(code_a, U'助', 95);
    votes.add(code_a, U'肋', 99);
    votes.add(code_b, U'凿', 60);
    votes.add(code_b, U'汕', 40);
    const auto decided = votes.decisions();
    REQUIRE(decided.size() == 2);
    CHECK(decided.at(code_a).character == U'助');
    CHECK(decided.at(code_a).readings == 5);
    CHECK(decided.at(code_a).agreeing == 4);
    CHECK(decided.at(code_a).confidence == doctest::Approx(95));
    CHECK(decided.at(code_b).character == U'凿');
    CHECK(decided.at(code_b).share() == doctest::Approx(0.5));
}

TEST_CASE("votes: a code is settled by enough agreeing readings, and only then") {
    ocr::GlyphVotes votes;
    CHECK(votes.readings(code_a) == 0);
    votes.add(code_a, U'工', 90);
    votes.add(code_a, U'工', 90);
    CHECK(votes.readings(code_a) == 2);
    CHECK_FALSE(votes.settled(code_a));
    votes.add(code_a, U'工', 90);
    CHECK(votes.settled(code_a));
    votes.add(code_a, U'土', 90);
    CHECK_FALSE(votes.settled(code_a));  // 3 of 4 is below the settled share
}

TEST_CASE("votes: a page read against the document's votes sees both, adds to its own, and merges into them") {
    ocr::GlyphVotes document;
    document.add(code_a, U'工', 95);
    document.add(code_a, U'工', 95);
    ocr::GlyphVotes page(&document);
    CHECK(page.readings(code_a) == 2);
    CHECK_FALSE(page.settled(code_a));
    page.add(code_a, U'工', 95);
    CHECK(page.settled(code_a));
    CHECK_FALSE(document.settled(code_a));  // the page's reading is not the document's until merged
    page.keep_sample(code_b, ocr::InkBox{});
    CHECK(page.has_sample(code_b));
    CHECK_FALSE(document.has_sample(code_b));
    page.count_lines(2, 5);
    document.merge(page);
    CHECK(document.settled(code_a));
    CHECK(document.readings(code_a) == 3);
    CHECK(document.has_sample(code_b));
    CHECK(document.lines() == std::pair{2, 5});
    CHECK(document.decisions().at(code_a).confidence == doctest::Approx(95));
}

TEST_CASE("plan: each round reads, in document order, the lines that give every unsettled code a few more readings") {
    // Two pages; code_a on every line, code_b only on the second page's last two lines.
    const auto line = [](std::vector<ocr::FontCode> codes) { return ocr::BrokenRun{{}, std::move(codes)}; };
    std::vector<std::vector<ocr::BrokenRun>> pages(2);
    for (int i = 0; i < 4; ++i) pages[0].push_back(line({code_a}));
    pages[1] = {line({code_a}), line({code_a, code_b}), line({code_a, code_b})};
    ocr::ReadingPlan plan(pages);
    ocr::GlyphVotes votes;
    auto round = plan.next_round(votes);
    // code_a's three readings from the first page's first three lines; code_b's from both its lines.
    CHECK(round[0] == std::vector<size_t>{0, 1, 2});
    CHECK(round[1] == std::vector<size_t>{1, 2});
    CHECK(plan.runs_read() == 5);
    CHECK(plan.runs_left() == 2);
    // code_a read alike three times is settled; code_b's two readings disagree: it alone is read on.
    for (int i = 0; i < 3; ++i) votes.add(code_a, U'工', 95);
    votes.add(code_b, U'土', 95);
    votes.add(code_b, U'士', 95);
    round = plan.next_round(votes);
    CHECK(round[0].empty());
    CHECK(round[1].empty());  // code_b has no line left unread, and no line is read twice
    CHECK(plan.runs_read() == 5);
    // Unsettled codes with lines left are read again only for the rounds the plan allows.
    ocr::ReadingPlan endless({std::vector<ocr::BrokenRun>(20, line({code_b}))});
    int rounds = 0;
    while (!endless.next_round(votes)[0].empty()) ++rounds;
    CHECK(rounds == ocr::max_reading_rounds);
    CHECK(endless.runs_read() == ocr::max_reading_rounds * ocr::round_readings);
}

TEST_CASE("votes: a Latin font's dash read as the ideograph 一 is a dash") {
    ocr::GlyphVotes votes;
    votes.add(latin_dash, U'一', 95);
    votes.add(latin_one, U'1', 95);
    votes.add({"11 0", 5}, U'2', 95);
    votes.add(code_a, U'一', 95);
    votes.add(code_b, U'二', 95);
    const auto decided = votes.decisions();
    CHECK(decided.at(latin_dash).character == U'—');
    CHECK(decided.at(code_a).character == U'一');
}

TEST_CASE("brackets: a code read as 〈 that ） closes wherever it closes is （; pairs that disagree decide nothing") {
    const ocr::FontCode opener{"12 0", 1}, closer{"12 0", 2}, ideograph{"12 0", 3}, angle{"12 0", 4}, lone{"12 0", 5};
    std::map<ocr::FontCode, ocr::CodeDecision> decisions;
    decisions[opener].character = U'〈';
    decisions[closer].character = U'）';
    decisions[ideograph].character = U'含';
    decisions[angle].character = U'〈';
    decisions[lone].character = U'〈';
    using Line = std::vector<ocr::RunCharacter>;
    const ocr::RunCharacter o{opener, 0}, c{closer, 0}, han{ideograph, 0}, a{angle, 0}, l{lone, 0};
    const ocr::RunCharacter trusted_close{std::nullopt, U'）'}, trusted_angle_close{std::nullopt, U'〉'};
    const std::vector<Line> lines = {
        {o, han, c},                   // 〈含） twice: the opener is （
        {han, o, han, trusted_close},  // closed by a trusted ）
        {a, han, trusted_angle_close}, // 〈 … 〉 and 〈 … ）: no 80% either way
        {a, han, trusted_close},
        {l, han, c},                   // one pair only: not enough to move it
    };
    ocr::pair_brackets(decisions, lines);
    CHECK(decisions[opener].character == U'（');
    CHECK(decisions[closer].character == U'）');
    CHECK(decisions[ideograph].character == U'含');
    CHECK(decisions[angle].character == U'〈');
    CHECK(decisions[lone].character == U'〈');
}

TEST_CASE("brackets: an ASCII parenthesis keeps its width, a closer read wrongly is corrected by its opener") {
    const ocr::FontCode open_ascii{"13 0", 1}, close_angle{"13 0", 2};
    std::map<ocr::FontCode, ocr::CodeDecision> decisions;
    decisions[open_ascii].character = U'(';
    decisions[close_angle].character = U'〉';
    const ocr::RunCharacter o{open_ascii, 0}, c{close_angle, 0}, full_open{std::nullopt, U'（'};
    ocr::pair_brackets(decisions, {{full_open, c}, {full_open, c}, {o, {std::nullopt, U')'}}, {o, {std::nullopt, U'）'}}});
    CHECK(decisions[close_angle].character == U'）');
    CHECK(decisions[open_ascii].character == U'(');
}

TEST_CASE("the report names each font, its codes, readings each and the least certain") {
    ocr::GlyphVotes votes;
    votes.add(code_a, U'助', 95);
    votes.add(code_a, U'助', 97);
    votes.add(code_b, U'凿', 60);
    const auto lines = ocr::repair_report(votes.decisions(), {{"10 0", "BAAAAA+DroidSansFallback"}});
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("BAAAAA+DroidSansFallback") != std::string::npos);
    CHECK(lines[0].find("2 codes recovered, 1.5 readings each") != std::string::npos);
    CHECK(lines[0].find("least certain: 凿 1/1 (60), 助 2/2 (96)") != std::string::npos);
}

// Cells of `document` that hold `text`.
int cells_with(const Document& document, const std::string& text) {
    int n = 0;
    for (const auto& list : document.lists)
        for (const auto& item : list.items)
            for (const auto& value : item.values)
                for (const auto& paragraph : value) n += paragraph.find(text) != std::string::npos;
    return n;
}

TEST_CASE("corpus pages with every ToUnicode map deleted read as the same pages intact") {
    const test::TempDir dir;
    const fs::path source = test::corpus("wumachang/wumachang.pdf");
    const std::string script = test::quote(untrusted() / "make_broken_fonts.py");
    REQUIRE(test::run_shell("qpdf --empty --pages " + test::quote(source) + " 3-5,18,44 -- " + test::quote(dir / "intact.pdf"))
                .exit_code == 0);
    REQUIRE(test::run_shell("/usr/bin/python3 " + script + " " + test::quote(source) + " " +
                            test::quote(dir / "broken.pdf") + " --pages 3-5,18,44")
                .exit_code == 0);
    CHECK_THROWS(read(dir / "broken.pdf", OcrMode::never));
    const Read intact = read(dir / "intact.pdf"), broken = read(dir / "broken.pdf");
    CHECK(said(broken, "repaired from its glyphs"));
    CHECK(said(broken, "lines of broken fonts were read by OCR"));
    REQUIRE(broken.document.lists.size() == intact.document.lists.size());
    int cells = 0, same = 0;
    for (size_t l = 0; l < intact.document.lists.size(); ++l) {
        const auto& want = intact.document.lists[l].items;
        const auto& got = broken.document.lists[l].items;
        REQUIRE(got.size() == want.size());
        for (size_t i = 0; i < want.size(); ++i)
            for (size_t c = 0; c < want[i].values.size(); ++c) {
                ++cells;
                const bool equal = c < got[i].values.size() && got[i].values[c] == want[i].values[c];
                same += equal;
                if (!equal && c < got[i].values.size() && !got[i].values[c].empty())
                    MESSAGE("item " << i + 1 << ": " << got[i].values[c].front() << " / " << want[i].values[c].front());
            }
    }
    MESSAGE("corpus pages 3-5, 18, 44: cells " << same << "/" << cells << " as intact");
    CHECK(same * 100 >= cells * 95);
    // Page 18's parentheses (read as 〈 by Tesseract) and page 44's "——" (one glyph two ems wide).
    CHECK(cells_with(intact.document, "（") >= 4);
    CHECK(cells_with(broken.document, "（") == cells_with(intact.document, "（"));
    CHECK(cells_with(broken.document, "〈") == 0);
    CHECK(cells_with(intact.document, "——") >= 2);
    CHECK(cells_with(broken.document, "——") == cells_with(intact.document, "——"));
    // The lines read, the votes and so every character and its certainty are the same on one
    // thread as on several: what a page reads never depends on which thread was quicker.
    const Read alone = test::read_pdf_file(dir / "broken.pdf", OcrMode::automatic, 1);
    CHECK(document_to_json(alone.document) == document_to_json(broken.document));
    CHECK(alone.warnings == broken.warnings);
}
