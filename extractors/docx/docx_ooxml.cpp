#include "extractors/docx/docx_ooxml.hpp"

#include <algorithm>
#include <cctype>

#include "extractors/docx/docx_xml.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace dutylist::docx {
namespace {

// The element of an mc:AlternateContent whose content we read: the Fallback, written for
// consumers that know no extension, so every producer's file is read the same way; a Choice
// only when there is no Fallback.
const xmlNode* alternative(const xmlNode* alternate_content) {
    const xmlNode* choice = nullptr;
    for (const xmlNode* c = alternate_content->children; c; c = c->next) {
        if (is_mc(c, "Fallback")) return c;
        if (!choice && is_mc(c, "Choice")) choice = c;
    }
    return choice;
}

bool starts_with_toc(const std::string& instruction) {
    std::string s = trim(instruction);
    return s.size() >= 3 && (s.compare(0, 3, "TOC") == 0 || s.compare(0, 3, "toc") == 0) &&
           (s.size() == 3 || s[3] == ' ' || s[3] == '\\');
}

std::optional<NumberingRef> numbering_of(const xmlNode* ppr) {
    const xmlNode* numpr = w_child(ppr, "numPr");
    if (!numpr) return std::nullopt;
    const xmlNode* id = w_child(numpr, "numId");
    if (!id) return std::nullopt;
    return NumberingRef{w_val(id), std::max(0, std::min(8, int_val(w_child(numpr, "ilvl"), 0)))};
}

struct Field {
    std::string instruction;
    bool showing_result = false;  // past w:fldChar separate
};

class Walker {
public:
    explicit Walker(int max_depth) : max_depth_(max_depth) {}

    void blocks(const xmlNode* parent, std::vector<Block>& out, int depth) {
        enter(depth);
        for (const xmlNode* n = parent->children; n; n = n->next) {
            if (!is_element(n)) continue;
            if (is_w(n, "p")) {
                std::vector<Block> boxes;
                out.push_back(Block{false, paragraph(n, boxes, depth + 1), {}});
                // Text boxes anchored in a paragraph read as paragraphs after it.
                for (auto& box : boxes) out.push_back(std::move(box));
            } else if (is_w(n, "tbl")) {
                out.push_back(Block{true, {}, table(n, depth + 1)});
            } else if (is_w(n, "sdt")) {
                bool toc = is_toc_control(n);
                toc_controls_ += toc;
                if (const xmlNode* content = w_child(n, "sdtContent")) blocks(content, out, depth + 1);
                toc_controls_ -= toc;
            } else if (is_w(n, "customXml") || is_w(n, "ins") || is_w(n, "moveTo") || is_w(n, "smartTag")) {
                blocks(n, out, depth + 1);
            } else if (is_mc(n, "AlternateContent")) {
                if (const xmlNode* alt = alternative(n)) blocks(alt, out, depth + 1);
            }
            // w:del, w:moveFrom, w:sectPr, bookmarks, proofing marks: nothing that prints.
        }
    }

private:
    void enter(int depth) const {
        if (depth > max_depth_)
            throw Error("the Word document is refused: its elements are nested more than " + std::to_string(max_depth_) +
                        " deep");
    }

    static bool is_toc_control(const xmlNode* sdt) {
        const xmlNode* gallery = w_child(w_child(w_child(sdt, "sdtPr"), "docPartObj"), "docPartGallery");
        return gallery && w_val(gallery) == "Table of Contents";
    }

    bool fields_show_text() const {
        for (const auto& f : fields_)
            if (!f.showing_result) return false;
        return true;
    }

    bool inside_toc_field() const {
        for (const auto& f : fields_)
            if (starts_with_toc(f.instruction)) return true;
        return false;
    }

    Paragraph paragraph(const xmlNode* p, std::vector<Block>& boxes, int depth) {
        enter(depth);
        Paragraph out;
        out.lines.emplace_back();
        out.in_toc = toc_controls_ > 0 || inside_toc_field();
        if (const xmlNode* ppr = w_child(p, "pPr")) {
            if (const xmlNode* style = w_child(ppr, "pStyle")) out.style = w_val(style);
            out.numbering = numbering_of(ppr);
            for (const xmlNode* tab = w_child(w_child(ppr, "tabs"), "tab"); tab; tab = tab->next) {
                const char* leader = is_w(tab, "tab") ? w_attr(tab, "leader") : nullptr;
                if (leader && std::strcmp(leader, "dot") == 0) out.dot_leader = true;
            }
        }
        std::vector<Block>* outer_boxes = boxes_;
        boxes_ = &boxes;
        inlines(p, out, depth + 1);
        boxes_ = outer_boxes;
        out.in_toc = out.in_toc || inside_toc_field();
        return out;
    }

    void inlines(const xmlNode* parent, Paragraph& out, int depth) {
        enter(depth);
        for (const xmlNode* n = parent->children; n; n = n->next) {
            if (!is_element(n)) continue;
            if (is_w(n, "r")) {
                run(n, out, depth + 1);
            } else if (is_w(n, "sdt")) {
                if (const xmlNode* content = w_child(n, "sdtContent")) inlines(content, out, depth + 1);
            } else if (is_w(n, "hyperlink") || is_w(n, "smartTag") || is_w(n, "customXml") || is_w(n, "ins") ||
                       is_w(n, "moveTo") || is_w(n, "fldSimple") || is_w(n, "bdo") || is_w(n, "dir")) {
                inlines(n, out, depth + 1);
            } else if (is_mc(n, "AlternateContent")) {
                if (const xmlNode* alt = alternative(n)) inlines(alt, out, depth + 1);
            }
        }
    }

    void run(const xmlNode* r, Paragraph& out, int depth) {
        enter(depth);
        if (const xmlNode* rpr = w_child(r, "rPr"); rpr && on(w_child(rpr, "vanish"))) {
            // Hidden text does not print, but field characters inside it still count.
            for (const xmlNode* n = r->children; n; n = n->next)
                if (is_w(n, "fldChar")) field_char(n);
            return;
        }
        if (out.size == 0)
            if (const xmlNode* sz = w_child(w_child(r, "rPr"), "sz")) out.size = std::max(0, int_val(sz, 0)) / 2.0;
        for (const xmlNode* n = r->children; n; n = n->next) {
            if (!is_element(n)) continue;
            if (is_w(n, "fldChar")) {
                field_char(n);
                out.in_toc = out.in_toc || inside_toc_field();
                continue;
            }
            if (is_w(n, "instrText")) {
                if (!fields_.empty() && !fields_.back().showing_result) fields_.back().instruction += text_of(n);
                continue;
            }
            if (is_mc(n, "AlternateContent")) {
                if (const xmlNode* alt = alternative(n)) run(alt, out, depth + 1);
                continue;
            }
            if (!fields_show_text()) continue;
            std::string& line = out.lines.back();
            if (is_w(n, "t")) {
                line += text_of(n);
            } else if (is_w(n, "tab") || is_w(n, "ptab")) {
                line += '\t';
            } else if (is_w(n, "br") || is_w(n, "cr")) {
                out.lines.emplace_back();
            } else if (is_w(n, "noBreakHyphen")) {
                line += '-';
            } else if (is_w(n, "sym")) {
                symbol(n, line);
            } else if ((is_w(n, "drawing") || is_w(n, "pict") || is_w(n, "object")) && boxes_) {
                text_boxes(n, *boxes_, depth + 1);
            }
            // w:delText, w:softHyphen, pictures and footnote marks print no text here.
        }
    }

    // The content of the text boxes in a drawing (DrawingML or VML, any depth).
    void text_boxes(const xmlNode* parent, std::vector<Block>& out, int depth) {
        enter(depth);
        for (const xmlNode* n = parent->children; n; n = n->next) {
            if (!is_element(n)) continue;
            if (is_w(n, "txbxContent")) blocks(n, out, depth + 1);
            else if (is_mc(n, "AlternateContent")) {
                if (const xmlNode* alt = alternative(n)) text_boxes(alt, out, depth + 1);
            } else text_boxes(n, out, depth + 1);
        }
    }

    void field_char(const xmlNode* n) {
        const char* type = w_attr(n, "fldCharType");
        if (!type) return;
        if (std::strcmp(type, "begin") == 0) {
            fields_.push_back({});
        } else if (std::strcmp(type, "separate") == 0) {
            if (!fields_.empty()) fields_.back().showing_result = true;
        } else if (std::strcmp(type, "end") == 0) {
            if (!fields_.empty()) fields_.pop_back();
        }
    }

    // A w:sym is a character of a symbol font given as hex; fonts such as Symbol and Wingdings
    // address their glyphs at U+F000 + the byte, which is what their text layer carries too.
    static void symbol(const xmlNode* n, std::string& line) {
        const char* hex = w_attr(n, "char");
        if (!hex || !*hex) return;
        char* end = nullptr;
        unsigned long cp = std::strtoul(hex, &end, 16);
        if (*end || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return;
        append_utf8(line, static_cast<char32_t>(cp));
    }

    static std::string text_of(const xmlNode* n) {
        std::string s;
        for (const xmlNode* c = n->children; c; c = c->next)
            if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) s += chars(c->content);
        return s;
    }

    Table table(const xmlNode* tbl, int depth) {
        enter(depth);
        Table out;
        for (const xmlNode* col = w_child(w_child(tbl, "tblGrid"), "gridCol"); col; col = col->next)
            if (is_w(col, "gridCol")) out.grid.push_back(std::max(0, int_attr(col, "w", 0)));
        rows(tbl, out, depth + 1);
        return out;
    }

    void rows(const xmlNode* parent, Table& out, int depth) {
        enter(depth);
        for (const xmlNode* n = parent->children; n; n = n->next) {
            if (is_w(n, "tr")) {
                const xmlNode* trpr = w_child(n, "trPr");
                if (w_child(trpr, "del")) continue;  // a row deleted with tracked changes
                Row row;
                row.grid_before = std::max(0, int_val(w_child(trpr, "gridBefore"), 0));
                row.grid_after = std::max(0, int_val(w_child(trpr, "gridAfter"), 0));
                row.header = on(w_child(trpr, "tblHeader"));
                cells(n, row, depth + 1);
                out.rows.push_back(std::move(row));
            } else if (is_w(n, "sdt")) {
                if (const xmlNode* content = w_child(n, "sdtContent")) rows(content, out, depth + 1);
            } else if (is_w(n, "customXml") || is_w(n, "ins") || is_w(n, "moveTo")) {
                rows(n, out, depth + 1);
            } else if (is_mc(n, "AlternateContent")) {
                if (const xmlNode* alt = alternative(n)) rows(alt, out, depth + 1);
            }
        }
    }

    void cells(const xmlNode* parent, Row& row, int depth) {
        enter(depth);
        for (const xmlNode* n = parent->children; n; n = n->next) {
            if (is_w(n, "tc")) {
                const xmlNode* tcpr = w_child(n, "tcPr");
                Cell cell;
                cell.grid_span = std::max(1, std::min(1000, int_val(w_child(tcpr, "gridSpan"), 1)));
                if (const xmlNode* vmerge = w_child(tcpr, "vMerge"))
                    cell.vmerge = w_val(vmerge) == "restart" ? Cell::VMerge::restart : Cell::VMerge::next;
                // The legacy horizontal merge: a continuing cell widens the one before it.
                if (const xmlNode* hmerge = w_child(tcpr, "hMerge"); hmerge && w_val(hmerge) != "restart" && !row.cells.empty()) {
                    row.cells.back().grid_span += cell.grid_span;
                    continue;
                }
                blocks(n, cell.content, depth + 1);
                row.cells.push_back(std::move(cell));
            } else if (is_w(n, "sdt")) {
                if (const xmlNode* content = w_child(n, "sdtContent")) cells(content, row, depth + 1);
            } else if (is_w(n, "customXml") || is_w(n, "ins") || is_w(n, "moveTo")) {
                cells(n, row, depth + 1);
            } else if (is_mc(n, "AlternateContent")) {
                if (const xmlNode* alt = alternative(n)) cells(alt, row, depth + 1);
            }
        }
    }

    int max_depth_;
    int toc_controls_ = 0;
    std::vector<Block>* boxes_ = nullptr;  // where the current paragraph's text boxes go
    std::vector<Field> fields_;  // open complex fields, across paragraphs (a TOC spans many)
};

bool any_style(const std::vector<Block>& blocks) {
    for (const auto& b : blocks) {
        // "Normal", the default paragraph style by convention (LibreOffice names it on every
        // paragraph), never carries numbering or a table of contents.
        if (!b.is_table && !b.paragraph.style.empty() && b.paragraph.style != "Normal") return true;
        for (const auto& row : b.table.rows)
            for (const auto& cell : row.cells)
                if (any_style(cell.content)) return true;
    }
    return false;
}

bool is_toc_style_name(std::string name) {
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name.rfind("toc ", 0) == 0 || name == "toc heading" || name.rfind("contents ", 0) == 0 ||
           name.rfind("目录 ", 0) == 0;
}

}  // namespace

Body read_body(xmlNode* document_root, int max_depth) {
    Body body;
    const xmlNode* b = w_child(document_root, "body");
    if (!is_w(document_root, "document") || !b)
        throw Error("the Word document is damaged: its main part has no document body");
    Walker(max_depth).blocks(b, body.blocks, 0);
    return body;
}

Styles read_styles(xmlNode* styles_root) {
    Styles styles;
    for (const xmlNode* s = styles_root ? styles_root->children : nullptr; s; s = s->next) {
        if (!is_w(s, "style")) continue;
        const char* type = w_attr(s, "type");
        const char* id = w_attr(s, "styleId");
        if (!id || (type && std::strcmp(type, "paragraph") != 0)) continue;
        ParagraphStyle style;
        if (const xmlNode* based = w_child(s, "basedOn")) style.based_on = w_val(based);
        style.numbering = numbering_of(w_child(s, "pPr"));
        std::string name = w_val(w_child(s, "name"));
        style.toc = is_toc_style_name(name);
        styles[id] = std::move(style);
    }
    return styles;
}

bool uses_styles(const Body& body) { return any_style(body.blocks); }

}  // namespace dutylist::docx
