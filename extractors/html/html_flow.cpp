#include "extractors/html/html_flow.hpp"

#include <cctype>
#include <optional>

#include "extractors/number_format.hpp"
#include "extractors/html/html_dom.hpp"
#include "model/text.hpp"

namespace dutylist::html {
namespace {

bool chrome_word(const std::string& word) {
    for (const char* prefix : {"nav", "menu", "breadcrumb", "crumb", "footer", "copyright", "share", "sidebar", "toolbar"})
        if (word.starts_with(prefix)) return true;
    return false;
}

// The words of a class or id value: "main-nav top_menu" → main, nav, top, menu.
bool has_chrome_word(const std::string& value) {
    std::string word;
    for (size_t i = 0; i <= value.size(); ++i) {
        const char c = i < value.size() ? static_cast<char>(std::tolower(static_cast<unsigned char>(value[i]))) : ' ';
        if (std::isalnum(static_cast<unsigned char>(c))) {
            word += c;
            continue;
        }
        if (chrome_word(word)) return true;
        word.clear();
    }
    return false;
}

void append_paragraph(Flow& flow, Paragraphs& out) {
    for (const std::string& line : flow.take()) {
        std::string text = normalize_paragraph(line);
        if (!text.empty()) out.push_back(std::move(text));
    }
}

void walk_cell(const xmlNode* parent, Flow& flow, Paragraphs& out, int depth) {
    enter(depth);
    std::optional<OrderedList> ordered;
    if (is_tag(parent, "ol")) ordered.emplace(parent);
    for (const xmlNode* c = parent->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) flow.text(package::chars(c->content));
        if (c->type != XML_ELEMENT_NODE || is_hidden(c)) continue;
        if (is_tag(c, "br")) {
            flow.line_break();
        } else if (is_block(c)) {
            append_paragraph(flow, out);
            if (ordered && is_tag(c, "li")) flow.marker(ordered->marker(c));
            walk_cell(c, flow, out, depth + 1);
            if (ordered && is_tag(c, "li")) flow.end_item();
            append_paragraph(flow, out);
        } else {
            walk_cell(c, flow, out, depth + 1);
        }
    }
}

}  // namespace

bool is_block(const xmlNode* n) {
    return is_any_tag(n, {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
                          "thead", "tbody", "tfoot", "caption", "section", "article", "main", "header", "footer", "nav", "aside",
                          "center", "blockquote", "pre", "address", "hr", "figure", "figcaption", "form", "fieldset", "body"});
}

bool is_hidden(const xmlNode* n) {
    // Content a page hides is not printed (a template's pop-ups, a second copy for mobiles).
    const std::string style = remove_whitespace(attribute(n, "style"));
    if (style.find("display:none") != std::string::npos || xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden"))) return true;
    return is_any_tag(n, {"script", "style", "noscript", "template", "iframe", "head", "title", "select", "option", "button",
                          "textarea", "input", "object", "embed", "svg", "canvas", "map", "audio", "video"});
}

bool is_chrome(const xmlNode* n, bool in_article) {
    if (is_any_tag(n, {"nav", "aside", "footer"}) || (is_tag(n, "header") && !in_article)) return true;
    return has_chrome_word(attribute(n, "class")) || has_chrome_word(attribute(n, "id"));
}

bool is_chrome_line(const std::string& line) {
    const std::string bare = remove_whitespace(line);
    for (const char* phrase : {"浏览次数", "浏览量", "阅读次数", "访问次数", "点击数", "打印本页", "打印此页", "【打印】", "关闭窗口", "【关闭】",
                               "当前位置", "您的位置", "您现在的位置", "分享到", "【字体", "字号：", "版权所有", "主办单位", "网站标识码",
                               "ICP备", "技术支持", "上一篇", "下一篇"})
        if (bare.find(phrase) != std::string::npos) return true;
    return false;
}

OrderedList::OrderedList(const xmlNode* ol) {
    const std::string type = attribute(ol, "type");
    format_ = type == "a" ? "lowerLetter" : type == "A" ? "upperLetter" : type == "i" ? "lowerRoman" : type == "I" ? "upperRoman" : "decimal";
    next_ = count_attribute(ol, "start", 1, -(1 << 20), 1 << 20);
}

std::string OrderedList::marker(const xmlNode* li) {
    const int value = count_attribute(li, "value", next_, -(1 << 20), 1 << 20);
    next_ = value + 1;
    return format_number(value, format_) + ". ";
}

void Flow::text(const char* s) {
    if (!marker_.empty() && !trim(s).empty()) {
        lines_.back() += marker_;
        marker_.clear();
    }
    lines_.back() += s;
}

void Flow::end_item() {
    lines_.back() += marker_;
    marker_.clear();
}

std::vector<std::string> Flow::take() {
    std::vector<std::string> lines;
    lines.swap(lines_);
    lines_.emplace_back();
    return lines;
}

Paragraphs cell_paragraphs(const xmlNode* cell, int depth) {
    Flow flow;
    Paragraphs out;
    walk_cell(cell, flow, out, depth);
    append_paragraph(flow, out);
    return out;
}

}  // namespace dutylist::html
