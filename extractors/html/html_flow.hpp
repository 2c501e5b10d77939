// Printed paragraphs from HTML: which elements start and end a paragraph (p, div, li, h1–h6 and
// the other block elements), <br> a line within it, what is never text (scripts, styles, form
// controls) and what is a site's chrome around the content (navigation, breadcrumbs, footers,
// share and print links, view counters).
#pragma once

#include <libxml/tree.h>

#include <string>
#include <vector>

#include "model/document.hpp"

namespace dutylist::html {

bool is_block(const xmlNode* n);
// Elements whose content is never printed text of the page: scripts, styles, form controls,
// embedded objects, and elements hidden by `display: none` or the hidden attribute.
bool is_hidden(const xmlNode* n);
// Navigation, site headers and footers, side bars, breadcrumbs: by element (nav, aside,
// footer; header outside an article) or by a class or id word (nav…, menu…, breadcrumb…,
// footer…, copyright…, share…, sidebar…).
bool is_chrome(const xmlNode* n, bool in_article);
// A line of a site's furniture rather than of the document: 浏览次数, 打印本页, 关闭窗口,
// 当前位置, 版权所有, ICP备 ….
bool is_chrome_line(const std::string& line);

// The inline text of a paragraph being read: lines, each <br> starting one.
class Flow {
public:
    void text(const char* s);
    void line_break() { lines_.emplace_back(); }
    // A list item's marker: it goes before the item's first text, in whichever paragraph of
    // the item that comes (the item may start with a <p>).
    void marker(std::string m) { marker_ = std::move(m); }
    // The marker of an item that held no text, on its own (a browser prints it all the same).
    void end_item();
    // The paragraph's raw lines (at least one, possibly empty), and a fresh paragraph begun.
    std::vector<std::string> take();

private:
    std::vector<std::string> lines_{1};
    std::string marker_;
};

// The markers a browser prints before the items of an <ol>: "1.", "b.", "IV." by its type and
// start, an item's value restarting the count.
class OrderedList {
public:
    explicit OrderedList(const xmlNode* ol);
    std::string marker(const xmlNode* li);  // advances the count

private:
    std::string format_;  // as format_number takes it
    int next_ = 1;
};

// The paragraphs of a table cell: each paragraph and each of its lines one, normalised, empty
// ones dropped.
Paragraphs cell_paragraphs(const xmlNode* cell, int depth);

}  // namespace dutylist::html
