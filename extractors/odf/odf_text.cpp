#include "extractors/odf/odf_text.hpp"

#include <cstdlib>

#include <fmt/format.h>

#include "extractors/odf/odf_numbering.hpp"
#include "extractors/odf/odf_xml.hpp"
#include "i18n/catalogue.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace dutylist::odf {
namespace {

// text:s without text:c is one space; a larger count is capped so that a file of a few bytes
// cannot ask for gigabytes of spaces (normalisation collapses a run to one anyway).
constexpr long max_spaces = 64;
// Style parents followed to find a tab leader; ODF styles are rarely more than a few deep,
// and a cycle in a damaged file must end.
constexpr int max_style_chain = 32;

// Text-namespace content that is not the paragraph's printed text: a footnote's body, stored
// deletions, page-break and bookmark markers, the reading above ruby.
bool is_left_out(const xmlNode* n) {
    for (const char* local : {"note", "tracked-changes", "soft-page-break", "change", "ruby-text", "bookmark-ref"})
        if (is_text(n, local)) return true;
    return false;
}

void append_inline(const xmlNode* parent, std::vector<std::string>& lines, int depth) {
    enter(depth);
    for (const xmlNode* c = parent->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) lines.back() += chars(c->content);
        if (!package::is_element(c) || !package::in_namespace(c->ns, ns_text) || is_left_out(c)) continue;
        if (is_text(c, "s")) {
            const std::string count = text_attribute(c, "c");
            const long n = count.empty() ? 1 : std::strtol(count.c_str(), nullptr, 10);
            lines.back().append(static_cast<size_t>(n < 1 ? 1 : n > max_spaces ? max_spaces : n), ' ');
        } else if (is_text(c, "tab")) {
            lines.back() += '\t';
        } else if (is_text(c, "line-break")) {
            lines.emplace_back();
        } else {
            append_inline(c, lines, depth + 1);  // spans, links, fields: their shown text
        }
    }
}

}  // namespace

void enter(int depth) {
    if (depth > max_nesting)
        throw Error(fmt::format(fmt::runtime(_("the OpenDocument file is refused: its elements are nested more than {} deep")), max_nesting));
}

std::vector<std::string> paragraph_lines(const xmlNode* paragraph, int depth) {
    std::vector<std::string> lines(1);
    append_inline(paragraph, lines, depth);
    return lines;
}

void append_paragraph(const xmlNode* paragraph, const std::string& label, Paragraphs& out, int depth) {
    std::vector<std::string> lines = paragraph_lines(paragraph, depth);
    lines.front().insert(0, label);
    for (const std::string& line : lines) {
        std::string text = normalize_paragraph(line);
        if (!text.empty()) out.push_back(std::move(text));
    }
}

void append_block_paragraphs(const xmlNode* container, ListNumbering& numbering, Paragraphs& out, int depth) {
    enter(depth);
    for (const xmlNode* c = container->children; c; c = c->next) {
        if (is_text(c, "p") || is_text(c, "h")) {
            append_paragraph(c, "", out, depth + 1);
        } else if (is_text(c, "list")) {
            walk_list(
                c, nullptr, numbering, [&](const xmlNode* p, const std::string& label) { append_paragraph(p, label, out, depth + 2); },
                [&](const xmlNode* n) { append_block_paragraphs(n, numbering, out, depth + 2); }, depth + 1);
        } else if (is_text(c, "section") || is_table(c, "table") || is_table(c, "table-header-rows") || is_table(c, "table-rows") ||
                   is_table(c, "table-row-group") || is_table(c, "table-row") || is_table(c, "table-cell")) {
            append_block_paragraphs(c, numbering, out, depth + 1);
        }
    }
}

void LeaderStyles::add(const xmlNode* styles) {
    for (const xmlNode* s = styles ? styles->children : nullptr; s; s = s->next) {
        if (!is_style(s, "style") || style_attribute(s, "family") != "paragraph") continue;
        Style style{style_attribute(s, "parent-style-name"), false};
        const xmlNode* tabs = child(child(s, ns_style, "paragraph-properties"), ns_style, "tab-stops");
        for (const xmlNode* t = tabs ? tabs->children : nullptr; t; t = t->next) {
            if (!is_style(t, "tab-stop")) continue;
            const std::string leader = style_attribute(t, "leader-style");
            const std::string leader_text = style_attribute(t, "leader-text");
            style.leader = style.leader || (!leader.empty() && leader != "none") || (!leader_text.empty() && leader_text != " ");
        }
        styles_[style_attribute(s, "name")] = std::move(style);
    }
}

bool LeaderStyles::has_leader(const std::string& style_name) const {
    std::string name = style_name;
    for (int i = 0; i < max_style_chain && !name.empty(); ++i) {
        auto it = styles_.find(name);
        if (it == styles_.end()) return false;
        if (it->second.leader) return true;
        name = it->second.parent;
    }
    return false;
}

}  // namespace dutylist::odf
