#include "extractors/odf/odf_body.hpp"

#include "extractors/odf/odf_table.hpp"
#include "extractors/odf/odf_xml.hpp"
#include "i18n/catalogue.hpp"
#include "model/list_builder.hpp"
#include "model/text.hpp"

namespace dutylist::odf {
namespace {

// A body paragraph as one line (headings, cover lines, notes), its list label first and its
// line breaks as spaces, as the DOCX reader joins them.
std::string one_line(const xmlNode* paragraph, const std::string& label, int depth) {
    Paragraphs parts;
    append_paragraph(paragraph, label, parts, depth);
    std::string joined;
    for (const std::string& part : parts) joined += (joined.empty() ? "" : " ") + part;
    return normalize_paragraph(joined);
}

// Indexes whose paragraphs are entries pointing elsewhere, not text of the document.
bool is_index(const xmlNode* n) {
    for (const char* local : {"table-of-content", "illustration-index", "table-index", "object-index", "user-index",
                              "alphabetical-index", "bibliography"})
        if (is_text(n, local)) return true;
    return false;
}

class TextWalker {
public:
    TextWalker(ListBuilder& builder, const LeaderStyles& leaders, ListNumbering& numbering)
        : builder_(builder), leaders_(leaders), numbering_(numbering) {}

    void blocks(const xmlNode* parent, bool contents, int depth) {
        enter(depth);
        for (const xmlNode* c = parent->children; c; c = c->next) block(c, contents, depth + 1);
    }

private:
    void block(const xmlNode* c, bool contents, int depth) {
        if (is_text(c, "p") || is_text(c, "h")) {
            paragraph(c, "", contents, depth);
        } else if (is_table(c, "table")) {
            ++tables_;
            builder_.table(read_table(c, {"table " + std::to_string(tables_), tables_, false}, numbering_, budget_, depth));
        } else if (is_text(c, "list")) {
            walk_list(
                c, nullptr, numbering_, [&](const xmlNode* p, const std::string& label) { paragraph(p, label, contents, depth + 1); },
                [&](const xmlNode* n) { block(n, contents, depth + 1); }, depth);
        } else if (is_index(c)) {
            blocks(c, true, depth);
        } else if (is_text(c, "section") || is_text(c, "index-body") || is_text(c, "index-title")) {
            blocks(c, contents, depth);
        }
    }

    void paragraph(const xmlNode* p, const std::string& label, bool contents, int depth) {
        const bool entry = contents || leaders_.has_leader(text_attribute(p, "style-name"));
        builder_.text({one_line(p, label, depth), entry, 0, 0});
        drawings(p, contents, depth + 1);
    }

    // The text of the text boxes and shapes anchored in a paragraph follows it, as in the DOCX
    // reader (a cover line set in a text box is a cover line).
    void drawings(const xmlNode* parent, bool contents, int depth) {
        enter(depth);
        for (const xmlNode* c = parent->children; c; c = c->next) {
            if (package::in_namespace(c->ns, ns_draw) && package::is_element(c)) {
                blocks(c, contents, depth + 1);
                drawings(c, contents, depth + 1);
            } else if (is_text(c, "span") || is_text(c, "a")) {
                drawings(c, contents, depth + 1);
            }
        }
    }

    ListBuilder& builder_;
    const LeaderStyles& leaders_;
    ListNumbering& numbering_;
    TextBudget budget_;  // what repeated cells copy
    int tables_ = 0;
};

}  // namespace

Document read_text_body(const xmlNode* text, const LeaderStyles& leaders, ListNumbering& numbering,
                        const std::function<void(const std::string&)>& warn) {
    ListBuilder builder(N_("no table in this OpenDocument text looks like a duty list (a header row naming 序号, 事项类别 or 事项名称)"), warn);
    TextWalker(builder, leaders, numbering).blocks(text, false, 1);
    return builder.finish();
}

Document read_spreadsheet_body(const xmlNode* spreadsheet, const std::function<void(const std::string&)>& warn) {
    ListBuilder builder(N_("no sheet of this OpenDocument spreadsheet holds a duty list (a header row naming 序号, 事项类别 or 事项名称)"), warn);
    TextBudget budget;
    ListNumbering numbering;  // a sheet's cells have no list styles of their own to go on with
    int sheets = 0;
    for (const xmlNode* c = spreadsheet->children; c; c = c->next) {
        if (!is_table(c, "table")) continue;
        ++sheets;
        const std::string name = "sheet " + std::to_string(sheets) + " (\"" + table_attribute(c, "name") + "\")";
        builder.table(read_table(c, {name, sheets, true}, numbering, budget, 1));
    }
    return builder.finish();
}

}  // namespace dutylist::odf
