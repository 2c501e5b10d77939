// The review page (-t review, renderers/review_renderer.hpp): each item beside the picture of
// its region of the PDF page (extractors/pdf/page_images.hpp), or its table and row for formats
// without pages; doubtful items marked with their reasons.
#include <doctest/doctest.h>

#include <png.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "format_registry.hpp"
#include "model/deadline.hpp"
#include "renderers/review_renderer.hpp"
#include "support/paths.hpp"

using namespace dutylist;
namespace fs = std::filesystem;

namespace {

struct Decoded {
    int width = 0, height = 0;
    double dark_share = 0;  // of pixels darker than mid-grey: text and rulings
};

// Decoded by libpng itself, not by our encoder's idea of the format.
Decoded decode_png(const std::string& bytes) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    REQUIRE(png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()) != 0);
    image.format = PNG_FORMAT_GRAY;
    std::vector<unsigned char> pixels(PNG_IMAGE_SIZE(image));
    REQUIRE(png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr) != 0);
    size_t dark = 0;
    for (unsigned char p : pixels) dark += p < 128;
    return {static_cast<int>(image.width), static_cast<int>(image.height), static_cast<double>(dark) / static_cast<double>(pixels.size())};
}

// (std::regex recurses per character and overflows the stack on an image's 20,000.)
std::vector<std::string> images_in(const std::string& page) {
    const std::string uri = "data:image/png;base64,";
    std::vector<std::string> found;
    for (size_t at = page.find(uri); at != std::string::npos; at = page.find(uri, at + 1)) {
        const size_t begin = at + uri.size();
        found.push_back(page.substr(begin, page.find('"', begin) - begin));
    }
    return found;
}

std::string from_base64(const std::string& text) {
    static const std::string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned value = 0;
    int bits = 0;
    for (char c : text) {
        if (c == '=') break;
        value = value << 6 | static_cast<unsigned>(digits.find(c));
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((value >> bits) & 0xFF);
        }
    }
    return out;
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

size_t items_of(const Document& doc) {
    size_t n = 0;
    for (const auto& list : doc.lists) n += list.items.size();
    return n;
}

struct Read {
    InputFile input;
    Document doc;
};

Read read(const fs::path& path) {
    Read r{{path.filename().string(), test::read_file(path)}, {}};
    ReadOptions options;
    options.threads = 1;
    r.doc = read_document(r.input, options);
    return r;
}

SourceImages pictures(const Read& r, unsigned threads, Deadline deadline = {}) {
    ReadOptions options;
    options.threads = threads;
    options.deadline = deadline;
    return source_images(r.input, r.doc, options);
}

std::string review_page(const Read& r) {
    RenderOptions options;
    options.source_images = std::make_shared<const SourceImages>(pictures(r, 0));
    const auto outputs = render_review(r.doc, options);
    REQUIRE(outputs.size() == 1);
    CHECK(outputs[0].suffix == ".review.html");
    return outputs[0].bytes;
}

}  // namespace

TEST_CASE("a PDF's review page: one picture per item, of its row, a row split by a page break in both its parts") {
    const fs::path pdf = test::source_dir() / "tests/data/pdf/lo-long-row.pdf";
    const Read r = read(pdf);
    REQUIRE(items_of(r.doc) > 0);
    const std::string page = review_page(r);
    CHECK(count(page, "<li class=\"item") == items_of(r.doc));
    const auto images = images_in(page);
    REQUIRE(images.size() == items_of(r.doc));
    int tallest = 0;
    for (const auto& text : images) {
        const Decoded png = decode_png(from_base64(text));
        // A landscape A4 page at 110 dpi is 1286 × 909 pixels: a row is at most that wide.
        CHECK(png.width > 200);
        CHECK(png.width <= 1290);
        CHECK(png.height > 15);
        // Text and rulings, not a blank or black picture.
        CHECK(png.dark_share > 0.005);
        CHECK(png.dark_share < 0.5);
        tallest = std::max(tallest, png.height);
    }
    // The long row runs over a page break: its picture is both parts, taller than one page's body.
    CHECK(tallest > 909 * 3 / 4);
}

TEST_CASE("the pictures are the same drawn on one thread or several, and stop at the deadline") {
    const Read r = read(test::source_dir() / "tests/data/pdf/lo-long-row.pdf");
    const SourceImages one = pictures(r, 1), two = pictures(r, 2), three = pictures(r, 3);
    REQUIRE(one.png.size() == items_of(r.doc));
    CHECK(one.png == two.png);
    CHECK(one.png == three.png);
    CHECK(one.left_out == two.left_out);
    CHECK_THROWS_AS(pictures(r, 2, Deadline::after(std::chrono::milliseconds(0))), TimeLimitReached);
}

TEST_CASE("doubtful items are marked with their reasons: low confidence and the self-check") {
    Read r = read(test::source_dir() / "tests/data/pdf/lo-long-row.pdf");
    REQUIRE(r.doc.lists.size() >= 1);
    REQUIRE(r.doc.lists[0].items.size() >= 3);
    r.doc.lists[0].items[0].source.confidence = 42;
    r.doc.lists[0].items[0].source.reading = TextReading::ocr;
    const int seq = column_index(r.doc.lists[0], "seq");
    REQUIRE(seq >= 0);
    r.doc.lists[0].items[2].values[static_cast<size_t>(seq)] = {"3", "4"};
    const std::string page = review_page(r);
    // The first list of its kind: its anchors are the kind's name (renderers/list_names.hpp).
    const std::string name = kind_name(r.doc.lists[0].kind);
    CHECK(page.find("<li class=\"item doubtful\" id=\"" + name + "-1\">") != std::string::npos);
    CHECK(page.find("识别置信度 42%（OCR 识别），请与原件核对") != std::string::npos);
    CHECK(page.find("<li class=\"item doubtful\" id=\"" + name + "-3\">") != std::string::npos);
    CHECK(page.find("[seq-run-together]") != std::string::npos);
    CHECK(page.find("<li class=\"item\" id=\"" + name + "-2\">") != std::string::npos);
}

TEST_CASE("a DOCX's review page has no pictures but each item's table and row") {
    const Read r = read(test::corpus("wumachang/wumachang.docx"));
    const std::string page = review_page(r);
    CHECK(images_in(page).empty());
    CHECK(page.find("<img") == std::string::npos);
    CHECK(count(page, "<li class=\"item") == items_of(r.doc));
    CHECK(count(page, "个表格，第 ") == items_of(r.doc));
    CHECK(page.find("<figcaption>第 1 个表格，第 2 行</figcaption>") != std::string::npos);
}

TEST_CASE("-t review of the corpus PDF: a picture for every item, a page of a few MB, in seconds, the same on 1 and 2 threads") {
    const test::TempDir dir;
    std::map<unsigned, std::string> pages;
    for (unsigned jobs : {1u, 2u}) {
        const auto start = std::chrono::steady_clock::now();
        const std::string out = "out" + std::to_string(jobs);
        const auto r = test::run_dutylist("convert " + test::quote(test::corpus("wumachang/wumachang.pdf")) + " -t review --jobs " + std::to_string(jobs) + " -o " + out,
                                          dir.path());
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        pages[jobs] = test::read_file(dir / out / "wumachang.review.html");
        MESSAGE("review page with --jobs " << jobs << ": " << pages[jobs].size() / 1e6 << " MB in " << seconds << " s");
        CHECK(seconds < (test::under_asan ? 240 : 60));
    }
    const std::string& page = pages[1];
    // truth.json: 105 + 98 + 37 items.
    CHECK(count(page, "<li class=\"item") == 240);
    CHECK(images_in(page).size() == 240);
    CHECK(page.find("src=\"http") == std::string::npos);
    // Measured 5.2 MB (README, "Review"); the bound leaves room for a denser list.
    CHECK(page.size() < 8'000'000);
    CHECK(pages[2] == page);
}

TEST_CASE("a JSON made from a PDF reviews without pictures, and -t all leaves the review page out") {
    const test::TempDir dir;
    auto r = test::run_dutylist("convert " + test::quote(test::source_dir() / "tests/data/pdf/lo-long-row.pdf") + " -t json,review -o out", dir.path());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(!images_in(test::read_file(dir / "out/lo-long-row.review.html")).empty());
    r = test::run_dutylist("convert out/lo-long-row.json -t review -o again", dir.path());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const std::string page = test::read_file(dir / "again/lo-long-row.review.html");
    CHECK(images_in(page).empty());
    CHECK(page.find("第 1 页") != std::string::npos);
    r = test::run_dutylist("convert out/lo-long-row.json -t all -o all", dir.path());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(fs::exists(dir / "all/lo-long-row.html"));
    CHECK_FALSE(fs::exists(dir / "all/lo-long-row.review.html"));
}
