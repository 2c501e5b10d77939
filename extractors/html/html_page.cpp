#include "extractors/html/html_page.hpp"

#include <optional>

#include "extractors/html/html_dom.hpp"
#include "extractors/html/html_flow.hpp"
#include "extractors/html/html_table.hpp"
#include "i18n/catalogue.hpp"
#include "model/list_builder.hpp"
#include "model/text.hpp"

namespace dutylist::html {
namespace {

// A table-of-contents line as Writer and Word save one: the entry, a tab, its page number.
bool is_contents_line(const std::string& raw) {
    const size_t tab = raw.rfind('\t');
    if (tab == std::string::npos || tab == 0) return false;
    const std::string number = trim(std::string_view(raw).substr(tab + 1));
    return !number.empty() && number.find_first_not_of("0123456789") == std::string::npos && !trim(raw.substr(0, tab)).empty();
}

class PageWalker {
public:
    explicit PageWalker(ListBuilder& builder) : builder_(builder) {}

    void walk(const xmlNode* parent, bool in_article, int depth) {
        enter(depth);
        std::optional<OrderedList> ordered;
        if (is_tag(parent, "ol")) ordered.emplace(parent);
        for (const xmlNode* c = parent->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE) flow_.text(package::chars(c->content));
            if (c->type != XML_ELEMENT_NODE || is_hidden(c) || is_chrome(c, in_article)) continue;
            const bool article = in_article || is_any_tag(c, {"article", "main"});
            if (is_tag(c, "br")) {
                flow_.line_break();
            } else if (is_tag(c, "table")) {
                end_paragraph();
                caption(c, article, depth + 1);
                if (contains_table(c, depth + 1)) layout_table(c, article, depth + 1);
                else builder_.table(read_table(c, ++tables_, depth + 1));
            } else if (is_block(c)) {
                end_paragraph();
                if (ordered && is_tag(c, "li")) flow_.marker(ordered->marker(c));
                walk(c, article, depth + 1);
                if (ordered && is_tag(c, "li")) flow_.end_item();
                end_paragraph();
            } else {
                walk(c, article, depth + 1);
            }
        }
    }

    void end_paragraph() {
        std::string joined;
        bool contents = false;
        for (const std::string& line : flow_.take()) {
            contents = contents || is_contents_line(line);
            const std::string part = normalize_paragraph(line);
            if (!part.empty()) joined += (joined.empty() ? "" : " ") + part;
        }
        joined = normalize_paragraph(joined);
        if (!joined.empty() && !is_chrome_line(joined)) builder_.text({joined, contents, 0, 0});
    }

private:
    // A table's <caption> is printed above it: a line before the table, a heading most often.
    void caption(const xmlNode* table, bool in_article, int depth) {
        for (const xmlNode* c = table->children; c; c = c->next)
            if (is_tag(c, "caption")) {
                walk(c, in_article, depth);
                end_paragraph();
            }
    }

    // Each cell of a layout table is a block of the page's flow, row by row.
    void layout_table(const xmlNode* table, bool in_article, int depth) {
        enter(depth);
        for (const xmlNode* c = table->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE || is_hidden(c) || is_chrome(c, in_article)) continue;
            if (is_any_tag(c, {"td", "th"})) {
                walk(c, in_article, depth + 1);
                end_paragraph();
            } else if (is_any_tag(c, {"tr", "thead", "tbody", "tfoot"})) {
                layout_table(c, in_article, depth + 1);
            }
        }
    }

    ListBuilder& builder_;
    Flow flow_;
    int tables_ = 0;
};

}  // namespace

Document read_page(const xmlNode* root, const std::function<void(const std::string&)>& warn) {
    ListBuilder builder(N_("no table in this web page (HTML) looks like a duty list (a header row naming 序号, 事项类别 or 事项名称)"), warn);
    PageWalker walker(builder);
    for (const xmlNode* c = root ? root->children : nullptr; c; c = c->next)
        if (is_tag(c, "body")) walker.walk(c, false, 1);
    walker.end_paragraph();
    return builder.finish();
}

}  // namespace dutylist::html
