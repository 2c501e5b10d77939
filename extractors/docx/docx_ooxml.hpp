// Stage one of the DOCX reader: WordprocessingML → a DOCX-shaped intermediate of paragraphs and
// tables (as pandoc's Docx/Parse.hs). Word's wrappers are unwrapped here so that stage two never
// sees them: content controls, smart tags, hyperlinks, custom XML, tracked insertions (kept) and
// deletions (dropped), fields (their shown result), markup-compatibility alternatives (the
// Fallback when there is one), hidden text (dropped); the paragraphs of a text box follow the
// paragraph it is anchored in. Elements are identified by namespace URI.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

struct _xmlNode;

namespace dutylist::docx {

struct NumberingRef {
    std::string num_id;
    int level = 0;
};

struct Paragraph {
    std::string style;                     // w:pStyle, "" for the default
    std::optional<NumberingRef> numbering;  // w:numPr written on the paragraph itself
    std::vector<std::string> lines;        // raw text split at line breaks (w:br, w:cr)
    std::string label;                     // the automatic number as printed, filled by stage 1b
    bool in_toc = false;                   // inside a TOC field or a table-of-contents content control
    bool dot_leader = false;               // has a tab stop with a dot leader (a 目录 line)
    double size = 0;                       // points, of its first run that sets w:sz; 0 if none does
};

struct Block;

struct Cell {
    enum class VMerge { none, restart, next };
    int grid_span = 1;
    VMerge vmerge = VMerge::none;
    std::vector<Block> content;  // paragraphs and nested tables, in order
};

struct Row {
    int grid_before = 0;
    int grid_after = 0;
    bool header = false;  // w:tblHeader: repeated at the top of every page
    std::vector<Cell> cells;
};

struct Table {
    std::vector<Row> rows;
    std::vector<double> grid;  // w:tblGrid: each grid column's width in twips
};

struct Block {
    bool is_table = false;
    Paragraph paragraph;  // when !is_table
    Table table;          // when is_table
};

struct Body {
    std::vector<Block> blocks;
};

// What stage 1b needs of styles.xml: per paragraph style, its numbering and whether it is a
// table-of-contents style.
struct ParagraphStyle {
    std::string based_on;
    std::optional<NumberingRef> numbering;
    bool toc = false;
};
using Styles = std::map<std::string, ParagraphStyle>;

// The w:body of document.xml. Throws Error when nesting exceeds max_depth.
Body read_body(_xmlNode* document_root, int max_depth);
Styles read_styles(_xmlNode* styles_root);

// Whether any paragraph names a style other than Normal (so styles.xml is worth parsing).
bool uses_styles(const Body& body);

}  // namespace dutylist::docx
