#include "extractors/ocr/text_recogniser.hpp"

#include <omp.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cstdint>
#include <limits>

#include "i18n/catalogue.hpp"

namespace dutylist::ocr {
namespace {

// Decodes one UTF-8 character of Tesseract's symbol text; 0 for none.
char32_t first_code_point(const char* s) {
    if (!s || !*s) return 0;
    const auto b = [&](int i) { return static_cast<unsigned char>(s[i]); };
    if (b(0) < 0x80) return b(0);
    if ((b(0) & 0xE0) == 0xC0 && b(1)) return char32_t(b(0) & 0x1F) << 6 | (b(1) & 0x3F);
    if ((b(0) & 0xF0) == 0xE0 && b(1) && b(2))
        return char32_t(b(0) & 0x0F) << 12 | char32_t(b(1) & 0x3F) << 6 | (b(2) & 0x3F);
    if ((b(0) & 0xF8) == 0xF0 && b(1) && b(2) && b(3))
        return char32_t(b(0) & 0x07) << 18 | char32_t(b(1) & 0x3F) << 12 | char32_t(b(2) & 0x3F) << 6 | (b(3) & 0x3F);
    return 0;
}

// Tesseract's LSTM asks OpenMP for up to ten threads per line; on two cores that costs more
// than it gives (a 6-page scan: 28.8 s against 6.1 s, measured), and pages already run one
// per core. libgomp keeps this setting per thread, so each recognising thread sets it.
void one_openmp_thread() { omp_set_max_active_levels(0); }

}  // namespace

struct TextRecogniser::Impl {
    tesseract::TessBaseAPI api;
    // Numbers alone are read with the English model: the Chinese one reads clear 序号 digits
    // wrong, as a block or restricted to digits (of the corpus scan's 240 at 200 dpi: 80 as a
    // block, 35 as a word — 6 as 0, 51 as 1, 47 as 247), the English one 0–2 at a good height.
    // Loaded on the first number read.
    tesseract::TessBaseAPI numbers;
    bool numbers_loaded = false, numbers_failed = false;
    const pdf::PageImage* page = nullptr;
    unsigned long pages_set = 0, numbers_at = 0;  // the numbers engine has the image of set_page number `numbers_at`
};

TextRecogniser::TextRecogniser() : impl_(std::make_unique<Impl>()) {}
TextRecogniser::~TextRecogniser() {
    impl_->api.End();
    impl_->numbers.End();
}

TextRecogniser::Loaded TextRecogniser::for_this_thread() {
    thread_local std::unique_ptr<TextRecogniser> mine;
    thread_local std::string failure;
    if (mine) return {mine.get(), ""};
    if (!failure.empty()) return {nullptr, failure};
    one_openmp_thread();
    std::unique_ptr<TextRecogniser> r(new TextRecogniser());
    // Tesseract reports missing data on stderr itself; its debug output goes nowhere.
    if (r->impl_->api.Init(nullptr, ocr_languages, tesseract::OEM_LSTM_ONLY) != 0) {
        failure = _("the Tesseract data for simplified Chinese is missing, so scanned pages cannot be read; "
                    "install the Debian package tesseract-ocr-chi-sim");
        return {nullptr, failure};
    }
    r->impl_->api.SetVariable("debug_file", "/dev/null");
    r->impl_->api.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
    mine = std::move(r);
    return {mine.get(), ""};
}

void TextRecogniser::set_page(const pdf::PageImage& image) {
    impl_->page = &image;
    ++impl_->pages_set;
    impl_->api.SetImage(image.grey.data(), image.width, image.height, 1, image.width);
    impl_->api.SetSourceResolution(static_cast<int>(image.dpi));
}

namespace {

// The lines `api` reads in `box` of its image, stopping at `deadline`.
std::vector<OcrLine> read_lines(tesseract::TessBaseAPI& api, const PixelBox& box, std::chrono::steady_clock::time_point deadline) {
    std::vector<OcrLine> lines;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return lines;
    tesseract::ETEXT_DESC monitor;  // Tesseract asks it between words
    monitor.set_deadline_msecs(static_cast<int32_t>(std::min<std::chrono::milliseconds::rep>(left.count(), std::numeric_limits<int32_t>::max())));
    api.SetRectangle(box.x0, box.y0, box.width(), box.height());
    if (api.Recognize(&monitor) != 0 || monitor.deadline_exceeded()) return lines;
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (!it || it->Empty(tesseract::RIL_SYMBOL)) return lines;
    do {
        if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) || lines.empty()) {
            lines.emplace_back();
            it->BoundingBox(tesseract::RIL_TEXTLINE, &lines.back().box.x0, &lines.back().box.y0, &lines.back().box.x1,
                            &lines.back().box.y1);
        }
        std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_SYMBOL));
        OcrSymbol s;
        s.code = first_code_point(text.get());
        if (s.code == 0 || s.code == U' ') continue;
        it->BoundingBox(tesseract::RIL_SYMBOL, &s.box.x0, &s.box.y0, &s.box.x1, &s.box.y1);
        s.confidence = it->Confidence(tesseract::RIL_SYMBOL);
        lines.back().symbols.push_back(s);
    } while (it->Next(tesseract::RIL_SYMBOL));
    std::erase_if(lines, [](const OcrLine& l) { return l.symbols.empty(); });
    return lines;
}

}  // namespace

std::vector<OcrLine> TextRecogniser::read_block(const PixelBox& box) { return read_lines(impl_->api, box, deadline_); }

std::vector<OcrSymbol> TextRecogniser::read_line(const PixelBox& box) {
    impl_->api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
    std::vector<OcrLine> lines = read_block(box);
    impl_->api.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
    std::vector<OcrSymbol> symbols;
    for (const OcrLine& l : lines) symbols.insert(symbols.end(), l.symbols.begin(), l.symbols.end());
    return symbols;
}

namespace {

// `box` read with only `characters` allowed and `mode` for its layout, then as before.
std::vector<OcrSymbol> read_restricted(TextRecogniser& reader, tesseract::TessBaseAPI& api, const PixelBox& box,
                                       const char* characters, tesseract::PageSegMode mode) {
    api.SetVariable("tessedit_char_whitelist", characters);
    api.SetPageSegMode(mode);
    std::vector<OcrLine> lines = reader.read_block(box);
    api.SetVariable("tessedit_char_whitelist", "");
    api.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
    std::vector<OcrSymbol> symbols;
    for (const OcrLine& l : lines) symbols.insert(symbols.end(), l.symbols.begin(), l.symbols.end());
    return symbols;
}

}  // namespace

std::vector<OcrSymbol> TextRecogniser::read_digits(const PixelBox& box) {
    return read_restricted(*this, impl_->api, box, "0123456789—-", tesseract::PSM_SINGLE_LINE);
}

std::vector<OcrSymbol> TextRecogniser::read_number(const PixelBox& box) {
    Impl& m = *impl_;
    if (!m.numbers_loaded && !m.numbers_failed) {
        m.numbers_failed = m.numbers.Init(nullptr, "eng", tesseract::OEM_LSTM_ONLY) != 0;
        m.numbers_loaded = !m.numbers_failed;
        if (m.numbers_loaded) {
            m.numbers.SetVariable("debug_file", "/dev/null");
            m.numbers.SetVariable("tessedit_char_whitelist", "0123456789");
            m.numbers.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
        }
    }
    // Without the English data (package tesseract-ocr-eng), the Chinese model reads it.
    if (m.numbers_failed) return read_restricted(*this, m.api, box, "0123456789", tesseract::PSM_SINGLE_LINE);
    if (m.numbers_at != m.pages_set && m.page) {
        m.numbers.SetImage(m.page->grey.data(), m.page->width, m.page->height, 1, m.page->width);
        m.numbers.SetSourceResolution(static_cast<int>(m.page->dpi));
        m.numbers_at = m.pages_set;
    }
    std::vector<OcrSymbol> symbols;
    for (const OcrLine& l : read_lines(m.numbers, box, deadline_)) symbols.insert(symbols.end(), l.symbols.begin(), l.symbols.end());
    return symbols;
}

}  // namespace dutylist::ocr
