#include "extractors/ocr/scanned_page.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <string>

#include "extractors/ocr/punctuation_ink.hpp"
#include "extractors/ocr/scan_image.hpp"
#include "extractors/pdf/ruling_grid.hpp"
#include "model/text.hpp"

namespace dutylist::ocr {
namespace {

// Each cell is read this far inside its rulings (pt), which are painted white already.
constexpr double cell_inset_pt = 0.75;
// Tesseract's Chinese model reads lines best at 30–45 px: a 16 pt heading at 300 dpi (67 px)
// came out as Latin letters, the same heading scaled to 33 or 45 px exactly. Text lines
// taller than the first are read from a copy scaled to the second.
constexpr int max_line_px = 50;
constexpr int target_line_px = 40;
// Now and then the block mode reads a clear cell as nothing at one scale and right at another
// (the corpus scan at 200 dpi: 事项类别 cells 自然资源 read as nothing with 40 px lines; on the
// clean scan right with 30 or 44, on the photocopy, even cut out and made black and white, at
// only one of 26–62 px; two copies a grey level apart, one read, one not). A cell with ink
// read as nothing is read again with its lines these heights, until one reads.
constexpr std::array<int, 5> retry_line_px{30, 46, 26, 34, 52};
// Strokes of large characters (a 40 pt cover title) meet like rulings; a duty list's table is
// never narrower than half a portrait page's text width (pt), nor shorter than two rows, and
// has at least two columns (序号, 事项名称) and two rows (the header, an item).
constexpr double min_scanned_table_width = 200;
constexpr double min_scanned_table_height = 30;
// The font size (pt) assumed when no line of ideographs shows it: the size most lists use.
constexpr double fallback_size = 10.5;

struct Block {
    std::vector<OcrLine> lines;
    int table = -1, row = 0, col = 0;  // table < 0: outside the tables
    PixelBox box;                      // what was read
};

PixelBox to_pixels(const pdf::Box& b, double px_per_pt, double inset_pt) {
    return {static_cast<int>(std::lround((b.x0 + inset_pt) * px_per_pt)),
            static_cast<int>(std::lround((b.y0 + inset_pt) * px_per_pt)),
            static_cast<int>(std::lround((b.x1 - inset_pt) * px_per_pt)),
            static_cast<int>(std::lround((b.y1 - inset_pt) * px_per_pt))};
}

// Lines read from a scaled copy of `box`, in the page's pixels; the page is set again after.
std::vector<OcrLine> read_scaled(TextRecogniser& reader, const pdf::PageImage& image, const PixelBox& box,
                                 double factor) {
    const pdf::PageImage part = scaled_part(image, box.x0, box.y0, box.x1, box.y1, factor);
    reader.set_page(part);
    std::vector<OcrLine> lines = reader.read_block({0, 0, part.width, part.height});
    reader.set_page(image);
    const auto back = [&](PixelBox& b) {
        b = {box.x0 + static_cast<int>(b.x0 / factor), box.y0 + static_cast<int>(b.y0 / factor),
             box.x0 + static_cast<int>(b.x1 / factor), box.y0 + static_cast<int>(b.y1 / factor)};
    };
    for (OcrLine& l : lines) {
        back(l.box);
        for (OcrSymbol& s : l.symbols) back(s.box);
    }
    return lines;
}

std::vector<OcrLine> read(TextRecogniser& reader, const pdf::PageImage& image, const PixelBox& box) {
    if (box.width() <= 0 || box.height() <= 0 || !has_ink(image, box.x0, box.y0, box.x1, box.y1)) return {};
    const int line = text_line_height(image, box.x0, box.y0, box.x1, box.y1);
    std::vector<OcrLine> lines = line > max_line_px
                                     ? read_scaled(reader, image, box, double(target_line_px) / line)
                                     : reader.read_block(box);
    for (size_t i = 0; i < retry_line_px.size() && lines.empty() && line > 0; ++i)
        lines = read_scaled(reader, image, box, double(retry_line_px[i]) / line);
    for (OcrLine& l : lines) {
        drop_ruling_remnants(l);
        settle_punctuation(l, image);
        restore_full_width(l);
    }
    std::erase_if(lines, [](const OcrLine& l) { return l.symbols.empty(); });
    pair_parentheses(lines);
    return lines;
}

// The horizontal bands of the page above, between and below the tables, in points.
std::vector<pdf::Box> bands_outside(const std::vector<pdf::RuledTable>& tables, double width, double height) {
    std::vector<pdf::Box> out;
    double top = 0;
    for (const pdf::RuledTable& t : tables) {
        if (t.box().y0 > top) out.push_back({0, top, width, t.box().y0});
        top = std::max(top, t.box().y1);
    }
    if (height > top) out.push_back({0, top, width, height});
    return out;
}

void tally(const Block& b, PageRecognition& r) {
    double sum = 0;
    int n = 0;
    std::string text;
    for (const OcrLine& l : b.lines) {
        for (const OcrSymbol& s : l.symbols) sum += s.confidence;
        n += static_cast<int>(l.symbols.size());
        text += line_text(l);
    }
    if (n == 0) return;
    r.confidence_sum += sum;
    r.symbols += n;
    if (b.table < 0) return;
    ++r.cells;
    if (sum / n < low_confidence) r.doubtful.push_back({b.table + 1, b.row + 1, b.col + 1, sum / n, text});
}

std::vector<pdf::Glyph> glyphs_of(const std::vector<Block>& blocks, double pt_per_px) {
    std::vector<OcrLine> cell_lines;
    for (const Block& b : blocks)
        if (b.table >= 0) cell_lines.insert(cell_lines.end(), b.lines.begin(), b.lines.end());
    double table_size = printed_size(cell_lines, pt_per_px);
    if (table_size <= 0) table_size = fallback_size;
    std::vector<pdf::Glyph> out;
    for (const Block& b : blocks) {
        if (b.table >= 0) {
            const auto glyphs = glyphs_from_lines(b.lines, pt_per_px, table_size);
            out.insert(out.end(), glyphs.begin(), glyphs.end());
            continue;
        }
        // Headings and cover lines have sizes of their own.
        for (const OcrLine& line : b.lines) {
            const double own = printed_size({line}, pt_per_px);
            const auto glyphs = glyphs_from_lines({line}, pt_per_px, own > 0 ? own : table_size);
            out.insert(out.end(), glyphs.begin(), glyphs.end());
        }
    }
    return out;
}

std::string block_text(const Block& b) {
    std::string out;
    for (const OcrLine& l : b.lines) out += line_text(l);
    return out;
}

bool all_digits(const std::vector<OcrSymbol>& symbols) {
    return !symbols.empty() && std::all_of(symbols.begin(), symbols.end(), [](const OcrSymbol& s) { return s.code >= U'0' && s.code <= U'9'; });
}

// The box around the ink of `box` (none when it has none): where a lone number stands in its cell.
std::optional<PixelBox> ink_box(const pdf::PageImage& image, const PixelBox& box) {
    const ScanTolerances tol;
    std::optional<PixelBox> out;
    for (int y = std::max(0, box.y0); y < std::min(image.height, box.y1); ++y)
        for (int x = std::max(0, box.x0); x < std::min(image.width, box.x1); ++x) {
            if (image.grey[static_cast<size_t>(y) * static_cast<size_t>(image.width) + static_cast<size_t>(x)] >= tol.ink_level) continue;
            if (!out) out = PixelBox{x, y, x + 1, y + 1};
            out->x0 = std::min(out->x0, x), out->x1 = std::max(out->x1, x + 1);
            out->y0 = std::min(out->y0, y), out->y1 = std::max(out->y1, y + 1);
        }
    return out;
}

// A number alone is read at these digit heights (px), and what two of the readings agree on is
// taken. The model reads digits best about 28 px tall, but at any one height it now and then
// drops or doubles one (51 as 31 at 22 px, 1 as nothing at 30, 12 as 524 at 32): of the
// corpus scan's 240 序号 at 200 dpi, each height alone misread 0–2, two of three agreed on
// every one, and right. The third is read only when the first two differ.
constexpr std::array<int, 3> number_heights{22, 26, 30};

// The ink of `ink` read as one number (empty when the readings do not agree), its digits' boxes
// in the page's pixels; each reading from a copy scaled to one of number_heights with paper
// around it (the recogniser needs some to find it).
std::vector<OcrSymbol> read_number(TextRecogniser& reader, const pdf::PageImage& image, const PixelBox& ink) {
    std::map<std::string, std::pair<int, std::vector<OcrSymbol>>> readings;
    std::vector<OcrSymbol> agreed;
    for (int height : number_heights) {
        const double factor = double(height) / ink.height();
        const int margin = height / 2 + 1;
        const pdf::PageImage cut = on_paper(scaled_part(image, ink.x0, ink.y0, ink.x1, ink.y1, factor, false), margin);
        reader.set_page(cut);
        std::vector<OcrSymbol> digits = reader.read_number({0, 0, cut.width, cut.height});
        if (!all_digits(digits)) continue;
        // One number, so its digits share the ink's box side by side: the recogniser's boxes of
        // a narrow 1 leave gaps that read as a space ("1 1").
        const int n = static_cast<int>(digits.size());
        for (int i = 0; i < n; ++i)
            digits[static_cast<size_t>(i)].box = {ink.x0 + ink.width() * i / n, ink.y0, ink.x0 + ink.width() * (i + 1) / n, ink.y1};
        std::string text;
        for (const OcrSymbol& d : digits) text += static_cast<char>(d.code);
        auto& [count, first] = readings[text];
        if (count++ == 0) first = std::move(digits);
        else if (agreed.empty()) agreed = first;
        if (!agreed.empty()) break;
    }
    reader.set_page(image);
    return agreed;
}

// In the 序号 column of each table (the column whose header cell reads 序号), each line of ink
// of a cell is read again as a number (read_number): Tesseract's Chinese model, reading the cell
// as a block, reads a lone digit as an ideograph (7 as 本) or not at all, and clear digits wrong
// (the corpus scan at 200 dpi: 6 as 0, 25 as 2, 45 as 435, 11 as two lines — 31 of 105 序号).
// The numbers are taken only when every line of the cell reads as one.
void reread_row_numbers(std::vector<Block>& blocks, TextRecogniser& reader, const pdf::PageImage& image) {
    std::map<int, int> seq_column;  // table → column
    for (const Block& b : blocks)
        if (b.table >= 0 && b.row == 0 && remove_whitespace(block_text(b)).find("序号") != std::string::npos) seq_column.emplace(b.table, b.col);
    for (Block& b : blocks) {
        const auto seq = seq_column.find(b.table);
        if (seq == seq_column.end() || b.row == 0 || b.col != seq->second) continue;
        const auto rows = text_line_rows(image, b.box.x0, b.box.y0, b.box.x1, b.box.y1);
        std::vector<OcrLine> numbers;
        for (const auto& [top, bottom] : rows) {
            const std::optional<PixelBox> ink = ink_box(image, {b.box.x0, top, b.box.x1, bottom});
            std::vector<OcrSymbol> digits = ink ? read_number(reader, image, *ink) : std::vector<OcrSymbol>{};
            if (digits.empty()) break;
            numbers.push_back(OcrLine{std::move(digits), *ink});
        }
        if (!rows.empty() && numbers.size() == rows.size()) b.lines = std::move(numbers);
    }
}

}  // namespace

RecognisedPage recognise_page(const pdf::PageContent& drawn, const pdf::PageImage& image, TextRecogniser& reader) {
    RecognisedPage out;
    out.recognition.recognised = true;
    const bool vector_grid = !pdf::find_tables(drawn.segments).empty();
    PreparedScan scan = prepare_scan(image, !vector_grid);
    out.recognition.skew_degrees = scan.skew_degrees;
    const double px_per_pt = image.dpi / 72.0, pt_per_px = 72.0 / image.dpi;
    std::vector<pdf::Segment> segments = drawn.segments;
    if (!vector_grid) {
        segments.clear();
        for (const pdf::Segment& s : scan.rulings)
            segments.push_back({s.x0 * pt_per_px, s.y0 * pt_per_px, s.x1 * pt_per_px, s.y1 * pt_per_px});
    }
    pdf::GridTolerances grid;
    if (!vector_grid) {
        grid.min_table_width = min_scanned_table_width;
        grid.min_table_height = min_scanned_table_height;
    }
    std::vector<pdf::RuledTable> tables = pdf::find_tables(segments, grid);
    if (!vector_grid) std::erase_if(tables, [](const pdf::RuledTable& t) { return t.rows() < 2 || t.cols() < 2; });
    reader.set_page(scan.image);
    std::vector<Block> blocks;
    for (size_t t = 0; t < tables.size(); ++t)
        for (const pdf::GridCell& c : tables[t].cells) {
            const PixelBox box = to_pixels(c.box, px_per_pt, cell_inset_pt);
            blocks.push_back({read(reader, scan.image, box), static_cast<int>(t), c.row, c.col, box});
        }
    for (const pdf::Box& band : bands_outside(tables, drawn.width, drawn.height)) {
        const PixelBox box = to_pixels(band, px_per_pt, 0);
        blocks.push_back({read(reader, scan.image, box), -1, 0, 0, box});
    }
    for (Block& b : blocks)
        for (OcrLine& line : b.lines) {
            if (!may_be_misread_number(line)) continue;
            // The recogniser needs some paper around a line to find it.
            const int margin = line.box.height() / 2;
            take_number_reading(line, reader.read_digits({line.box.x0 - margin, line.box.y0 - margin,
                                                          line.box.x1 + margin, line.box.y1 + margin}));
        }
    reread_row_numbers(blocks, reader, scan.image);
    for (const Block& b : blocks) tally(b, out.recognition);

    out.content.number = drawn.number;
    out.content.width = drawn.width;
    out.content.height = drawn.height;
    out.content.segments = std::move(segments);
    out.content.fonts = {pdf::FontInfo{"recognised by OCR", false, "", "", "", false}};
    out.content.glyphs = glyphs_of(blocks, pt_per_px);
    return out;
}

}  // namespace dutylist::ocr
