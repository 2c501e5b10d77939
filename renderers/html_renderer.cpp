#include "renderers/html_renderer.hpp"

#include <fmt/format.h>

#include "renderers/list_names.hpp"
#include "renderers/markup.hpp"
#include "renderers/templates.hpp"

namespace dutylist {
namespace {

std::string list_title(const DutyList& list) { return list.title.empty() ? kind_label(list.kind) : list.title; }

std::string column_class(const Column& column) { return "col-" + escape_markup(column.key); }

void append_cell(std::string& out, const Column& column, const Paragraphs& cell) {
    // data-label: on a phone each row is a card, each cell under its column's label (page.html).
    out += "<td class=\"" + column_class(column) + "\" data-label=\"" + escape_markup(column.label) + "\">";
    for (const auto& p : cell) {
        out += "<p>";
        append_escaped(out, p);
        out += "</p>";
    }
    out += "</td>";
}

// An item read with little confidence is marked for the reader to check against the original.
std::string doubt_marks(const Provenance& source) {
    if (!source.confidence || *source.confidence >= doubtful_confidence) return "";
    return fmt::format(" class=\"doubtful\" title=\"识别置信度 {}%，请与原件核对\"", *source.confidence);
}

std::string list_section(const DutyList& list, const std::string& name) {
    std::string out = fmt::format("<section class=\"list\" id=\"list-{}\">\n<table class=\"duty-list\" id=\"table-{}\">\n", name, name);
    out += "<caption><h2>" + escape_markup(list_title(list)) + "</h2>";
    out += fmt::format("<span class=\"count\">共 {} 项</span></caption>\n<thead><tr>", list.items.size());
    for (const auto& c : list.columns) out += "<th scope=\"col\" class=\"" + column_class(c) + "\">" + escape_markup(c.label) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    const Paragraphs empty;
    for (size_t i = 0; i < list.items.size(); ++i) {
        const Item& item = list.items[i];
        out += fmt::format("<tr id=\"{}-{}\"{}>", name, i + 1, doubt_marks(item.source));
        for (size_t c = 0; c < list.columns.size(); ++c) append_cell(out, list.columns[c], c < item.values.size() ? item.values[c] : empty);
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    if (!list.notes.empty()) {
        out += "<div class=\"notes\">";
        for (const auto& n : list.notes) out += "<p>" + escape_markup(n) + "</p>";
        out += "</div>\n";
    }
    return out + "</section>\n";
}

}  // namespace

std::vector<Output> render_html(const Document& doc, const RenderOptions& options) {
    const auto names = list_names(doc);
    std::string cover;
    if (!doc.issuer.empty()) cover += "<p class=\"issuer\">" + escape_markup(doc.issuer) + "</p>\n";
    cover += "<h1>" + escape_markup(doc.title.empty() ? "履职事项清单" : doc.title) + "</h1>";
    if (!doc.date.empty()) cover += "\n<p class=\"date\">" + escape_markup(doc.date) + "</p>";
    std::string toc, lists;
    for (size_t i = 0; i < doc.lists.size(); ++i) {
        const DutyList& list = doc.lists[i];
        toc += fmt::format("<li><a href=\"#list-{}\">{}</a> <span class=\"count\">{} 项</span></li>\n", names[i],
                           escape_markup(list_title(list)), list.items.size());
        lists += list_section(list, names[i]);
    }
    if (!toc.empty()) toc.pop_back();
    if (!lists.empty()) lists.pop_back();
    const std::string page_title = doc.issuer + (doc.title.empty() ? "履职事项清单" : doc.title);
    std::string footer;
    if (options.html_footer)
        footer = "<footer class=\"source\">" +
                 (doc.source.file.empty() ? "由 dutylist 生成" : "由 dutylist 从 " + escape_markup(doc.source.file) + " 生成") + "</footer>";
    const char* page = options.html_fragment ? "html/fragment.html" : "html/page.html";
    return {{".html", fill_template(template_file(page), {{"page_title", escape_markup(page_title)},
                                                 {"cover", cover},
                                                 {"toc", toc},
                                                 {"lists", lists},
                                                 {"footer", footer}})}};
}

}  // namespace dutylist
