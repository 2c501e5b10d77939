// Pages into lists: tables with the same columns on consecutive pages are one list, repeated
// header rows dropped, rows split by a page break joined, merged cells filled, a borderless
// table continued on a page that does not repeat its header; the cover gives
// the document's issuer, title and date; the heading above a table titles its list.
// Pages are fed in order and dropped once used, and a row becomes paragraphs as soon as no page
// break can continue it, so memory does not grow with the page count beyond the lists' text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extractors/pdf/borderless_table.hpp"
#include "extractors/pdf/page_layout.hpp"
#include "model/document.hpp"
#include "model/sections.hpp"

namespace dutylist::pdf {

class ListAssembler {
public:
    void add_page(const PageLayout& page);
    Document finish();

    // Text after the first table that is neither a list's heading, a note, a page number nor
    // a running header: left out of the document, and said so (pdf_reader warns).
    struct LeftOut {
        int page = 0;
        std::string text;
    };
    const std::vector<LeftOut>& left_out() const { return left_out_; }

private:
    struct Row {
        std::vector<std::vector<TextLine>> cells;
        Provenance source;
    };
    struct OpenList {
        std::string title;
        std::vector<std::string> labels;
        std::vector<bool> merged;  // columns where cells span rows
        // Finished rows, still as lines: where paragraphs end depends on the spacing the whole
        // list shows (text_lines.hpp, paragraph_style).
        std::vector<Row> rows;
        std::vector<std::string> notes;
        std::vector<SectionHeading> headings;  // rows that are one cell across the table
        std::optional<Row> last;   // the row a page break may still continue
        void push(Row row);
        void close();
        std::vector<Item> items() const;
    };
    struct PlacedLine {
        std::string text;
        double y = 0;
    };

    void add_table(const TableBlock& table, const std::vector<TextLine>& heading, int page);
    bool is_running(const TextLine& line) const;
    void leave_out(const std::vector<TextLine>& lines);
    std::optional<PageLayout> continue_borderless(const PageLayout& page) const;
    void note_open_borderless(const PageLayout& page);

    std::vector<TextLine> cover_;
    std::vector<TextLine> since_table_;  // lines after the last table: a heading or notes
    std::vector<PlacedLine> previous_page_, this_page_;
    std::vector<OpenList> lists_;
    bool seen_table_ = false;
    // The columns of a borderless table that ran to the foot of the last page: the next page
    // may go on with it without repeating its header row.
    std::optional<BorderlessColumns> open_borderless_;
    std::vector<LeftOut> left_out_;
};

}  // namespace dutylist::pdf
