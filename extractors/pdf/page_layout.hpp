// One page cut into what the list assembly needs: tables of cells holding text lines, and the
// lines outside tables (headings, cover text, page numbers). Pure; no Poppler.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extractors/ocr/ocr_report.hpp"
#include "extractors/pdf/page_content.hpp"
#include "extractors/pdf/page_numbers.hpp"  // is_page_number, which readers of a layout need
#include "extractors/pdf/row_rules.hpp"
#include "extractors/pdf/table_block.hpp"
#include "extractors/pdf/text_lines.hpp"

namespace dutylist::pdf {

struct PageLayout {
    int number = 0;
    double width = 0, height = 0;
    std::vector<TextLine> lines;     // outside tables, top to bottom
    std::vector<TableBlock> tables;  // top to bottom
    // On a page without rulings, the glyphs of `lines` and the fonts, so that the list assembly
    // can read them as the rest of a borderless table from the page before
    // (continue_borderless_table), which needs that page's columns.
    std::vector<Glyph> loose;
    std::vector<FontInfo> fonts;
    int glyphs = 0;
    int images = 0;
    int shapes = 0;
    int rotated_glyphs = 0;  // characters not set horizontally, left out
    std::vector<std::string> untrusted;  // why some of the page's text cannot be trusted
    std::vector<std::string> doubts;     // what the layout could not decide, each a warning for the user
    ocr::PageRecognition recognition;    // set when the text was read from the page image
    // Its groups of rules with no column rulings, and (when it has any) what it was laid out
    // from, so that the document's other pages can decide how they are read (row_rule_runs.hpp).
    std::vector<RowRuledGroup> row_ruled;
    std::shared_ptr<const PageContent> content;
};

// With a hint, the group of rules of its extent is read in the document's columns
// (column_rulings).
PageLayout layout_page(const PageContent& page, const RowRuleHint* hint = nullptr);

// Glyphs outside any table as lines of page `page`, framed by the page's width.
std::vector<TextLine> free_lines(std::vector<Glyph> glyphs, const std::vector<FontInfo>& fonts, int page, double width);

}  // namespace dutylist::pdf
