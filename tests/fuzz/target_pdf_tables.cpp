// Fuzzes the PDF extractor's pure half: ruling segments and glyphs → tables, cells, lines and
// lists (ruling_grid, text_lines, page_layout, page_sequence, the list builder). The fuzz bytes are decoded into
// one to three pages of the PageContent the Poppler device produces, within its contract:
// finite coordinates, segments axis-aligned with x0 <= x1 and y0 <= y1, glyph sizes >= 0.
// Coordinates sit on a coarse grid so that rulings meet and glyphs fall into cells often.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <utility>

#include "extractors/pdf/page_layout.hpp"
#include "extractors/pdf/page_sequence.hpp"
#include "extractors/pdf/ruling_grid.hpp"
#include "model/error.hpp"

namespace {

using namespace dutylist::pdf;

class Bytes {
public:
    Bytes(const uint8_t* data, size_t size) : data_(data), size_(size) {}
    uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
    bool empty() const { return pos_ >= size_; }
    // A coordinate on an A4 landscape page: a 3.3 pt grid, sometimes nudged by a fraction so
    // that the snapping and joining tolerances are crossed both ways.
    double coordinate() {
        double v = byte() * 3.3;
        uint8_t nudge = byte();
        if (nudge & 0x80) v += (nudge & 0x7F) / 32.0;
        return v;
    }

private:
    const uint8_t* data_;
    size_t size_;
    size_t pos_ = 0;
};

// Keep in step with ALPHABET in make_seeds.py, which encodes the seeds.
// Characters that matter to the layout code: table labels, digits and list markers, page
// numbers, punctuation that splits departments, radicals that are unified, and oddities.
constexpr char32_t alphabet[] = {U'序', U'号', U'事', U'项', U'类', U'别', U'名', U'称', U'对', U'应', U'上', U'级',
                                 U'部', U'门', U'职', U'责', U'配', U'合', U'基', U'本', U'收', U'回', U'清', U'单',
                                 U'乡', U'县', U'第', U'页', U'履', U'党', U'建', U'设', U'注', U'：', U'、', U'，', U'；', U'（', U'）', U'—',
                                 U'-', U'/', U'.', U' ', U'0', U'1', U'2', U'3', U'9', U'a', U'Z', U'⼀', U'⽇',
                                 U'①', 0xE000, 0xFFFD, 0x00A0, 0x3000, 0x200B};

PageContent decode_page(Bytes& in, int number) {
    PageContent page;
    page.number = number;
    page.width = 842;
    page.height = 595;
    const int fonts = 1 + in.byte() % 3;
    for (int f = 0; f < fonts; ++f) {
        uint8_t flags = in.byte();
        page.fonts.push_back({"F" + std::to_string(f), (flags & 1) != 0, (flags & 0x70) == 0x70 ? "no Unicode map" : "", "", "", false});
    }
    page.images = in.byte() % 2;
    const int segments = in.byte();
    for (int i = 0; i < segments && !in.empty(); ++i) {
        const uint8_t kind = in.byte();
        double at = in.coordinate(), from = in.coordinate(), to = in.coordinate();
        if (from > to) std::swap(from, to);
        if (kind & 1) page.segments.push_back({from, at, to, at});
        else page.segments.push_back({at, from, at, to});
    }
    const int runs = in.byte();
    for (int i = 0; i < runs && !in.empty(); ++i) {
        // A run of glyphs on one baseline, as one showText call gives.
        const double sizes[] = {0, 5, 9, 10.5, 12, 16, 22, 100};
        const double size = sizes[in.byte() % 8];
        const double step = (in.byte() % 4 == 0) ? -size / 2 : size * (0.5 + in.byte() % 4 * 0.25);
        double x = in.coordinate();
        const double baseline = in.coordinate();
        const int font = in.byte() % fonts;
        const int count = 1 + in.byte() % 24;
        for (int k = 0; k < count; ++k) {
            const uint8_t c = in.byte();
            Glyph g;
            g.code = c < 200 ? alphabet[c % std::size(alphabet)] : static_cast<char32_t>(c) << 8 | in.byte();
            g.x0 = x;
            g.x1 = x + step;
            g.baseline = baseline;
            g.size = size;
            g.font = font;
            page.glyphs.push_back(g);
            x += step;
        }
    }
    return page;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    Bytes in(data, size);
    const int pages = 1 + in.byte() % 3;
    dutylist::ListBuilder builder("no list", [](const std::string&) {});
    PageSequence sequence(builder);
    for (int p = 1; p <= pages; ++p) {
        PageContent page = decode_page(in, p);
        join_rulings(page.segments);
        sequence.add(layout_page(page));
    }
    sequence.finish();
    try {
        builder.finish();
    } catch (const dutylist::Error&) {
    }
    return 0;
}
