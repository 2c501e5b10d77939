// Finished pages (page_furniture.hpp) into what the list builder reads: the lines outside
// tables as text blocks (a wrapped heading or note one block, a 目录 page's lines marked), and
// each table as a neutral table on its grid. A cell's paragraphs depend on the spacing a whole
// run of tables shows (text_lines.hpp, paragraph_style), so the tables of a run — consecutive
// tables with as many columns, which is what one list is printed as — wait until it ends.
#pragma once

#include <vector>

#include "extractors/pdf/page_layout.hpp"
#include "model/list_builder.hpp"

namespace dutylist::pdf {

struct BlockTolerances {
    double line_gap = 1.2;   // × size: lines of one heading or note are at most this far apart
    double same_size = 0.5;  // points: lines of one block are printed this close in size
};

class PageTables {
public:
    explicit PageTables(ListBuilder& builder, BlockTolerances tol = {}) : builder_(builder), tol_(tol) {}

    void add_page(const PageLayout& page);
    // Hands the last run to the builder.
    void finish();

private:
    struct Pending {
        bool is_table = false;
        TextBlock text;
        TableBlock table;
        int page = 0;
        bool after_page_break = false;
    };
    void add_lines(const std::vector<TextLine>& lines, bool contents);
    void flush();

    ListBuilder& builder_;
    BlockTolerances tol_;
    std::vector<Pending> pending_;  // in reading order, since the run began
    int run_columns_ = 0;
};

// A table's cells as a neutral table, their paragraphs in the style `tol`; each cell's first
// paragraph marked as going on from `above` (the table before it in the run) where its
// first line does not start a paragraph after the last line of the cell above.
Table neutral_table(const TableBlock& t, int page, const ParagraphTolerances& tol, const TableBlock* above);

}  // namespace dutylist::pdf
