// The normalised model: plain data that every extractor produces and every renderer consumes.
// Nothing here knows about PDF, DOCX or any output format.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace dutylist {

// One cell's content: its paragraphs in order. An empty cell has none.
using Paragraphs = std::vector<std::string>;

enum class ListKind { basic, cooperative, withdrawn, other };

// A rectangle on a PDF page in points, origin top-left of the page as displayed.
struct PageBox {
    int page = 0;  // 1-based
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool operator==(const PageBox&) const = default;
};

// Where an item came from, so a reader can check it against the original.
// PDF extractors fill pages and boxes; DOCX extractors fill table and row (both 1-based).
// How an item's text was read, weakest last: from the file's own text (a PDF's text layer, a
// DOCX, an XLSX…), through a font repaired from its glyphs (extractors/ocr/font_repair.hpp),
// or recognised from the page image. A reviewer checks the weaker ones first.
enum class TextReading { text, repaired, ocr };

// Below this confidence (0–100) an item is worth checking by eye: on clean 300 dpi pages
// almost all cells read above 85, misread ones mostly below 70.
inline constexpr int doubtful_confidence = 70;

struct Provenance {
    std::vector<int> pages;
    std::vector<PageBox> boxes;
    int table = 0;
    int row = 0;
    TextReading reading = TextReading::text;
    // The least certain of its cells, 0–100: for a recognised cell Tesseract's mean symbol
    // confidence, for a repaired one its least certain code (glyph_votes.hpp, certainty()).
    // Absent when the text was not recognised.
    std::optional<int> confidence{};
    bool operator==(const Provenance&) const = default;
};

struct Column {
    std::string key;    // stable identifier, see columns.hpp
    std::string label;  // as printed in the header row
    bool operator==(const Column&) const = default;
};

struct Item {
    std::vector<Paragraphs> values;  // one per column, in column order
    Provenance source;
    bool operator==(const Item&) const = default;
};

// How the source printed a list, for renderers that lay it out again (as pandoc's column
// specs). A hint, not content: the same list printed otherwise is the same list, so layouts
// never make two lists unequal and the JSON does not carry them.
struct ListLayout {
    std::vector<double> column_shares;  // per column, summing to 1; empty when unknown
    double text_size = 0;               // body text in points; 0 when unknown
    bool operator==(const ListLayout&) const { return true; }
};

struct DutyList {
    ListKind kind = ListKind::other;
    std::string title;  // the heading printed above the table
    std::vector<Column> columns;
    std::vector<Item> items;
    std::vector<std::string> notes;  // paragraphs printed with the list, e.g. "注：…"
    ListLayout layout;
    bool operator==(const DutyList&) const = default;
};

struct SourceInfo {
    std::string file;    // file name as given (no directories), "-" for standard input
    std::string format;  // "pdf", "docx", "xlsx", "json"
    int pages = 0;       // 0 when the format has no pages
    std::string sha256;  // of the input bytes, lower-case hex
    bool operator==(const SourceInfo&) const = default;
};

// How the source was printed as a whole: a hint, as ListLayout is.
struct DocumentLayout {
    bool contents = false;  // it had a table of contents (目录)
    bool operator==(const DocumentLayout&) const { return true; }
};

struct Document {
    std::string issuer;    // cover lines above the title, joined
    std::string title;
    std::string date;      // as printed, e.g. "2025年7月"
    std::string date_iso;  // "2025-07", "2025-07-15" or "" when the date is not understood
    SourceInfo source;
    std::vector<DutyList> lists;
    DocumentLayout layout;
    bool operator==(const Document&) const = default;
};

const char* kind_name(ListKind kind);                  // "basic", ...
ListKind kind_from_name(const std::string& name);      // throws Error on unknown names
const char* kind_label(ListKind kind);                 // "基本履职事项清单", ...
// The kind a heading or title names (基本 / 配合 / 收回), or other.
ListKind kind_from_title(const std::string& title);

// Removes control characters from every text of the document, so that every renderer gets
// the same text (no NUL or ESC in a CSV, nothing XML cannot hold in a DOCX). Every reader's
// document passes through it: the list builder's and the JSON reader's.
void drop_control_characters(Document& document);

// Index of the column with this key, or -1.
int column_index(const DutyList& list, const std::string& key);

}  // namespace dutylist
