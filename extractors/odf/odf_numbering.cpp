#include "extractors/odf/odf_numbering.hpp"

#include <algorithm>
#include <cstdlib>

#include "extractors/number_format.hpp"
#include "extractors/odf/odf_text.hpp"
#include "extractors/odf/odf_xml.hpp"

namespace dutylist::odf {
namespace {

constexpr int max_level = 10;  // ODF's list levels

// ODF's style:num-format values (and LibreOffice's Chinese ones) as Word's w:numFmt names.
std::string word_format(const std::string& odf) {
    if (odf == "1") return "decimal";
    if (odf == "a") return "lowerLetter";
    if (odf == "A") return "upperLetter";
    if (odf == "i") return "lowerRoman";
    if (odf == "I") return "upperRoman";
    if (odf.starts_with("一, 二, 三")) return "chineseCounting";
    if (odf.starts_with("壹, 贰, 叁")) return "chineseLegalSimplified";
    if (odf.starts_with("甲, 乙, 丙")) return "ideographTraditional";
    if (odf.starts_with("①")) return "decimalEnclosedCircle";
    if (odf.starts_with("１, ２, ３")) return "decimalFullWidth";
    return "";
}

int number_attribute(const xmlNode* n, const char* ns, const char* local, int fallback) {
    const std::string value = package::attribute(n, ns, local);
    return value.empty() ? fallback : std::clamp(std::atoi(value.c_str()), 0, 1 << 20);
}

}  // namespace

void ListNumbering::add_styles(const xmlNode* styles) {
    for (const xmlNode* s = styles ? styles->children : nullptr; s; s = s->next) {
        if (!is_text(s, "list-style")) continue;
        Levels& levels = styles_[style_attribute(s, "name")];
        for (const xmlNode* l = s->children; l; l = l->next) {
            if (!is_text(l, "list-level-style-number")) continue;
            const int level = std::clamp(number_attribute(l, ns_text, "level", 1), 1, max_level);
            const xmlNode* alignment = child(child(l, ns_style, "list-level-properties"), ns_style, "list-level-label-alignment");
            const std::string followed = alignment ? text_attribute(alignment, "label-followed-by") : "listtab";
            levels[level] = {word_format(style_attribute(l, "num-format")), style_attribute(l, "num-prefix"),
                             style_attribute(l, "num-suffix"), followed == "nothing" ? "" : followed == "space" ? " " : "\t",
                             number_attribute(l, ns_text, "start-value", 1), number_attribute(l, ns_text, "display-levels", 1)};
        }
    }
}

ListNumbering::Context ListNumbering::open(const xmlNode* list, const Context* parent) {
    Context context;
    const std::string style = text_attribute(list, "style-name");
    context.style = style.empty() && parent ? parent->style : style;
    context.level = parent ? std::min(parent->level + 1, max_level) : 1;
    if (parent) {
        context.chain = parent->chain;
        return context;
    }
    const std::string continues = text_attribute(list, "continue-list");
    if (auto it = chain_by_id_.find(continues); !continues.empty() && it != chain_by_id_.end()) {
        context.chain = it->second;
    } else if (auto last = last_by_style_.find(context.style);
               text_attribute(list, "continue-numbering") == "true" && last != last_by_style_.end()) {
        context.chain = last->second;
    } else {
        context.chain = static_cast<int>(chains_.size());
        chains_.emplace_back();
    }
    if (const std::string id = package::attribute(list, "http://www.w3.org/XML/1998/namespace", "id"); !id.empty())
        chain_by_id_[id] = context.chain;
    last_by_style_[context.style] = context.chain;
    return context;
}

std::string ListNumbering::next_label(const Context& context, const xmlNode* item) {
    auto style = styles_.find(context.style);
    if (style == styles_.end() || context.chain < 0) return "";
    auto level = style->second.find(context.level);
    if (level == style->second.end() || level->second.format.empty()) return "";
    Counters& counters = chains_[static_cast<size_t>(context.chain)];
    const size_t l = static_cast<size_t>(context.level);
    const int restart = number_attribute(item, ns_text, "start-value", -1);
    counters.value[l] = restart >= 0 ? restart : counters.started[l] ? counters.value[l] + 1 : level->second.start;
    counters.started[l] = true;
    for (size_t below = l + 1; below < counters.started.size(); ++below) counters.started[below] = false;
    std::string number;
    const int first = std::max(1, context.level - std::max(level->second.display, 1) + 1);
    for (int shown = first; shown <= context.level; ++shown) {
        auto shown_level = style->second.find(shown);
        const std::string format = shown_level == style->second.end() ? "decimal" : shown_level->second.format;
        number += (number.empty() ? "" : ".") + format_number(counters.value[static_cast<size_t>(shown)], format);
    }
    return level->second.prefix + number + level->second.suffix + level->second.after;
}

void walk_list(const xmlNode* list, const ListNumbering::Context* parent, ListNumbering& numbering,
               const std::function<void(const xmlNode*, const std::string&)>& paragraph,
               const std::function<void(const xmlNode*)>& other, int depth) {
    enter(depth);
    const ListNumbering::Context context = numbering.open(list, parent);
    for (const xmlNode* item = list->children; item; item = item->next) {
        const bool numbered = is_text(item, "list-item");
        if (!numbered && !is_text(item, "list-header")) continue;
        // An item holding only a nested list is no item of its own level: it takes no number.
        bool has_paragraph = false;
        for (const xmlNode* c = item->children; c; c = c->next) has_paragraph = has_paragraph || is_text(c, "p") || is_text(c, "h");
        std::string label = numbered && has_paragraph ? numbering.next_label(context, item) : "";
        for (const xmlNode* c = item->children; c; c = c->next) {
            if (is_text(c, "p") || is_text(c, "h")) {
                paragraph(c, label);
                label.clear();
            } else if (is_text(c, "list")) {
                walk_list(c, &context, numbering, paragraph, other, depth + 1);
            } else if (package::is_element(c)) {
                other(c);
            }
        }
    }
}

}  // namespace dutylist::odf
