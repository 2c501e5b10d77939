// Automatic list numbering of OpenDocument text (text:list-style, text:list-level-style-number),
// so that a numbered paragraph reads as it prints ("1.", "一、", "（1）") and a 序号 column
// numbered by a list is not empty, as in the DOCX reader. Lists restart unless they continue
// another (text:continue-list, text:continue-numbering); text:start-value restarts an item.
// Numbers are formatted as the DOCX reader formats Word's (format_number), since
// LibreOffice maps Word's numbering formats onto ODF's one for one.
#pragma once

#include <libxml/tree.h>

#include <array>
#include <functional>
#include <map>
#include <string>

namespace dutylist::odf {

class ListNumbering {
public:
    // Where a text:list stands: its chain of counters, its list style and its level (1-based).
    struct Context {
        int chain = -1;
        std::string style;
        int level = 1;
    };

    // Reads the text:list-style elements of office:styles or office:automatic-styles.
    void add_styles(const xmlNode* styles);

    // Entering `list`, inside the list item of `parent` (null at the outermost list).
    Context open(const xmlNode* list, const Context* parent);
    // The label of the next item of a list in `context` ("" for an unnumbered one), counters
    // advanced; `item` is the text:list-item (its text:start-value restarts the count).
    std::string next_label(const Context& context, const xmlNode* item);

private:
    struct Level {
        std::string format;  // as format_number takes it; "" when not numbered
        std::string prefix, suffix, after;
        int start = 1;
        int display = 1;  // text:display-levels
    };
    using Levels = std::map<int, Level>;
    struct Counters {
        std::array<int, 11> value{};
        std::array<bool, 11> started{};
    };

    std::map<std::string, Levels> styles_;
    std::vector<Counters> chains_;
    std::map<std::string, int> chain_by_id_;     // xml:id → chain
    std::map<std::string, int> last_by_style_;   // list style → the chain used last
};

// Calls `paragraph(p, label)` for every text:p and text:h of the items of `list` in order (the
// label, with what follows it, on an item's first paragraph only), `other(n)` for any other
// element of an item (a table, a section), nested lists numbered one level down.
void walk_list(const xmlNode* list, const ListNumbering::Context* parent, ListNumbering& numbering,
               const std::function<void(const xmlNode*, const std::string&)>& paragraph,
               const std::function<void(const xmlNode*)>& other, int depth);

}  // namespace dutylist::odf
