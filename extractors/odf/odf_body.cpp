#include "extractors/odf/odf_body.hpp"

#include "extractors/odf/odf_table.hpp"
#include "extractors/odf/odf_xml.hpp"
#include "model/list_builder.hpp"
#include "model/text.hpp"

namespace dutylist::odf {
namespace {

// A body paragraph as one line (headings, cover lines, notes), its line breaks as spaces, as
// the DOCX reader joins them.
std::string one_line(const xmlNode* paragraph, int depth) {
    std::string joined;
    for (const std::string& line : paragraph_lines(paragraph, depth)) {
        const std::string part = normalize_paragraph(line);
        if (!part.empty()) joined += (joined.empty() ? "" : " ") + part;
    }
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
    TextWalker(ListBuilder& builder, const LeaderStyles& leaders) : builder_(builder), leaders_(leaders) {}

    void blocks(const xmlNode* parent, bool contents, int depth) {
        enter(depth);
        for (const xmlNode* c = parent->children; c; c = c->next) {
            if (is_text(c, "p") || is_text(c, "h")) {
                const bool entry = contents || leaders_.has_leader(text_attribute(c, "style-name"));
                builder_.text({one_line(c, depth + 1), entry, 0, 0});
            } else if (is_table(c, "table")) {
                ++tables_;
                builder_.table(read_table(c, {"table " + std::to_string(tables_), tables_, false}, budget_, depth + 1));
            } else if (is_index(c)) {
                blocks(c, true, depth + 1);
            } else if (is_text(c, "list") || is_text(c, "list-item") || is_text(c, "list-header") || is_text(c, "section") ||
                       is_text(c, "index-body") || is_text(c, "index-title")) {
                blocks(c, contents, depth + 1);
            }
        }
    }

private:
    ListBuilder& builder_;
    const LeaderStyles& leaders_;
    TextBudget budget_;  // what repeated cells copy
    int tables_ = 0;
};

}  // namespace

Document read_text_body(const xmlNode* text, const LeaderStyles& leaders, const std::function<void(const std::string&)>& warn) {
    ListBuilder builder("no table in this OpenDocument text looks like a duty list (a header row naming 序号, 事项类别 or 事项名称)", warn);
    TextWalker(builder, leaders).blocks(text, false, 1);
    return builder.finish();
}

Document read_spreadsheet_body(const xmlNode* spreadsheet, const std::function<void(const std::string&)>& warn) {
    ListBuilder builder("no sheet of this OpenDocument spreadsheet holds a duty list (a header row naming 序号, 事项类别 or 事项名称)", warn);
    TextBudget budget;
    int sheets = 0;
    for (const xmlNode* c = spreadsheet->children; c; c = c->next) {
        if (!is_table(c, "table")) continue;
        ++sheets;
        const std::string name = "sheet " + std::to_string(sheets) + " (\"" + table_attribute(c, "name") + "\")";
        builder.table(read_table(c, {name, sheets, true}, budget, 1));
    }
    return builder.finish();
}

}  // namespace dutylist::odf
