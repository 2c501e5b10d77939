// The text of OpenDocument paragraphs (text:p, text:h) and of everything a table cell holds,
// as printed: spans and links unwrapped, text:s as its spaces, text:tab a tab, each
// text:line-break a line of its own; notes, annotations, tracked deletions, soft page breaks
// and drawings left out. Shared by text documents and spreadsheets.
#pragma once

#include <libxml/tree.h>

#include <map>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace dutylist::odf {

// Element nesting the walkers follow, as the DOCX reader's (PackageLimits::max_xml_depth).
inline constexpr int max_nesting = 200;

// Throws Error when `depth` is past max_nesting.
void enter(int depth);

// The lines of one text:p or text:h, raw (not normalised); at least one, maybe empty.
std::vector<std::string> paragraph_lines(const xmlNode* paragraph, int depth);

class ListNumbering;

// The lines of a paragraph with its list label (if any) before the first, normalised, empty
// ones dropped, appended to `out`.
void append_paragraph(const xmlNode* paragraph, const std::string& label, Paragraphs& out, int depth);

// The paragraphs of a cell (or of any container of text blocks), normalised, empty ones
// dropped: each paragraph and each of its lines one, lists (numbered by `numbering`) and
// sections unwrapped, a nested table's cells in order.
void append_block_paragraphs(const xmlNode* container, ListNumbering& numbering, Paragraphs& out, int depth);

// Paragraph styles (automatic and common) whose tab stops have a leader: a 目录 entry's dots.
class LeaderStyles {
public:
    // Reads the style:style elements of office:automatic-styles or office:styles.
    void add(const xmlNode* styles);
    bool has_leader(const std::string& style_name) const;

private:
    struct Style {
        std::string parent;
        bool leader = false;
    };
    std::map<std::string, Style> styles_;
};

}  // namespace dutylist::odf
