#include "renderers/docx_renderer.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "io/files.hpp"
#include "model/error.hpp"
#include "model/text.hpp"
#include "package/ooxml_names.hpp"
#include "renderers/docx_page.hpp"
#include "renderers/docx_renderer_package.hpp"
#include "renderers/markup.hpp"

namespace dutylist {
namespace {

// A4 in twentieths of a point, and the margins of a Chinese government document.
using docx_page::a4_long;
using docx_page::a4_short;
using docx_page::landscape_margin;
constexpr int landscape_bottom = 1247;
constexpr int table_width = a4_long - 2 * landscape_margin;
constexpr int cell_margin = 108;  // left and right, as in tblCellMar
constexpr int char_width = 280;   // one ideograph of the 14 pt table text
// A column narrower than this many characters breaks words such as 事项类别 mid-way.
constexpr size_t min_column_chars = 5;
// Past this many characters per cell a column gets no more share of the width.
constexpr size_t max_weight_chars = 200;
constexpr size_t max_reference_file_bytes = 64u << 20;

size_t code_points(std::string_view s) {
    size_t n = 0;
    for (size_t i = 0; i < s.size(); ++n) next_code_point(s, i);
    return n;
}

const Paragraphs& value(const Item& item, size_t column) {
    static const Paragraphs empty;
    return column < item.values.size() ? item.values[column] : empty;
}

// Widths in twips summing to the table width: each column at least as wide as its longest
// paragraph up to min_column_chars, the rest shared by how much text a column holds.
std::vector<int> column_widths(const DutyList& list) {
    const size_t n = list.columns.size();
    std::vector<int> minimum(n);
    std::vector<double> weight(n);
    for (size_t c = 0; c < n; ++c) {
        size_t longest = 2, total = 0;
        for (const auto& item : list.items)
            for (const auto& p : value(item, c)) {
                const size_t length = code_points(p);
                longest = std::max(longest, length);
                total += length;
            }
        minimum[c] = static_cast<int>(std::min(longest, min_column_chars)) * char_width + 2 * cell_margin;
        const double mean = list.items.empty() ? code_points(list.columns[c].label) : double(total) / double(list.items.size());
        weight[c] = std::min(mean, double(max_weight_chars)) + 1;
    }
    int spare = table_width;
    double weights = 0;
    for (size_t c = 0; c < n; ++c) {
        spare -= minimum[c];
        weights += weight[c];
    }
    std::vector<int> widths(n);
    int used = 0;
    for (size_t c = 0; c < n; ++c) {
        widths[c] = minimum[c] + (spare > 0 ? static_cast<int>(spare * weight[c] / weights) : 0);
        used += widths[c];
    }
    if (n && spare > 0) widths[n - 1] += table_width - used;
    return widths;
}

// A paragraph of one run; line feeds and tabs inside the text become w:br and w:tab.
void append_paragraph(std::string& out, const char* style, std::string_view text, const char* extra_ppr = "") {
    out += fmt::format("<w:p><w:pPr><w:pStyle w:val=\"{}\"/>{}</w:pPr>", style, extra_ppr);
    if (!text.empty()) {
        out += "<w:r>";
        size_t start = 0;
        while (true) {
            const size_t end = text.find_first_of("\n\t", start);
            const std::string_view piece = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
            if (!piece.empty()) {
                out += "<w:t xml:space=\"preserve\">";
                append_escaped(out, piece);
                out += "</w:t>";
            }
            if (end == std::string_view::npos) break;
            out += text[end] == '\n' ? "<w:br/>" : "<w:tab/>";
            start = end + 1;
        }
        out += "</w:r>";
    }
    out += "</w:p>";
}

enum class Merge { none, restart, next };

void append_cell(std::string& out, int width, const Paragraphs& paragraphs, const char* style, Merge merge) {
    out += fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>", width);
    if (merge == Merge::restart) out += "<w:vMerge w:val=\"restart\"/>";
    if (merge == Merge::next) out += "<w:vMerge/>";
    out += "<w:vAlign w:val=\"center\"/></w:tcPr>";
    // Word reports a cell without a paragraph as damage.
    if (paragraphs.empty() || merge == Merge::next) append_paragraph(out, style, "");
    else
        for (const auto& p : paragraphs) append_paragraph(out, style, p);
    out += "</w:tc>";
}

bool centered(const Column& column) { return column.key == "seq" || column.key == "category"; }

std::vector<Merge> category_merges(const DutyList& list, bool merge_categories) {
    std::vector<Merge> merges(list.items.size(), Merge::none);
    const int c = column_index(list, "category");
    if (!merge_categories || c < 0) return merges;
    const auto column = static_cast<size_t>(c);
    for (size_t r = 1; r < list.items.size(); ++r) {
        const Paragraphs& here = value(list.items[r], column);
        if (here.empty() || here != value(list.items[r - 1], column)) continue;
        merges[r] = Merge::next;
        if (merges[r - 1] == Merge::none) merges[r - 1] = Merge::restart;
    }
    return merges;
}

void append_table(std::string& out, const DutyList& list, bool merge_categories) {
    if (list.columns.empty()) return;
    const auto widths = column_widths(list);
    out += fmt::format("<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>{}<w:tblLayout w:type=\"fixed\"/>"
                       "<w:tblCellMar><w:left w:w=\"{}\" w:type=\"dxa\"/><w:right w:w=\"{}\" w:type=\"dxa\"/></w:tblCellMar>"
                       "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>"
                       "</w:tblPr><w:tblGrid>",
                       table_width, docx_page::table_borders, cell_margin, cell_margin);
    for (int w : widths) out += fmt::format("<w:gridCol w:w=\"{}\"/>", w);
    out += "</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
    for (size_t c = 0; c < list.columns.size(); ++c) append_cell(out, widths[c], {list.columns[c].label}, "TableHeading", Merge::none);
    out += "</w:tr>";
    const auto merges = category_merges(list, merge_categories);
    const int category = column_index(list, "category");
    for (size_t r = 0; r < list.items.size(); ++r) {
        out += "<w:tr>";
        for (size_t c = 0; c < list.columns.size(); ++c)
            append_cell(out, widths[c], value(list.items[r], c), centered(list.columns[c]) ? "TableTextCentered" : "TableText",
                        static_cast<int>(c) == category ? merges[r] : Merge::none);
        out += "</w:tr>";
    }
    out += "</w:tbl>";
}

std::string cover_section() {
    return fmt::format("<w:p><w:pPr><w:sectPr><w:pgSz w:w=\"{}\" w:h=\"{}\"/>"
                       "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" w:header=\"850\" w:footer=\"680\" w:gutter=\"0\"/>"
                       "<w:cols w:space=\"425\"/><w:docGrid w:linePitch=\"360\"/></w:sectPr></w:pPr></w:p>",
                       a4_short, a4_long);
}

std::string lists_section(const std::string& references) {
    return fmt::format("<w:sectPr>{}<w:pgSz w:w=\"{}\" w:h=\"{}\" w:orient=\"landscape\"/>"
                       "<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"850\" w:footer=\"680\" w:gutter=\"0\"/>"
                       "<w:pgNumType w:start=\"1\"/><w:cols w:space=\"425\"/><w:docGrid w:linePitch=\"360\"/></w:sectPr>",
                       references, a4_long, a4_short, landscape_margin, landscape_margin, landscape_bottom, landscape_margin);
}

std::string document_title(const Document& doc) { return doc.title.empty() ? "履职事项清单" : doc.title; }

std::string document_xml(const Document& doc, const DocxReference& reference, bool merge_categories) {
    std::string out = fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                  "<w:document xmlns:w=\"{}\" xmlns:r=\"{}\"><w:body>",
                                  package::ns_w, package::ns_r);
    if (!doc.issuer.empty()) append_paragraph(out, "CoverIssuer", doc.issuer);
    append_paragraph(out, "Title", document_title(doc));
    if (!doc.date.empty()) append_paragraph(out, "CoverDate", doc.date);
    out += cover_section();
    for (size_t i = 0; i < doc.lists.size(); ++i) {
        const DutyList& list = doc.lists[i];
        append_paragraph(out, "Heading1", list.title.empty() ? kind_label(list.kind) : list.title, i ? "<w:pageBreakBefore/>" : "");
        append_table(out, list, merge_categories);
        for (const auto& note : list.notes) append_paragraph(out, "ListNote", note);
    }
    // The body's last section follows a paragraph, never a table, as Word writes it.
    out += "<w:p><w:pPr><w:spacing w:line=\"20\" w:lineRule=\"exact\"/></w:pPr></w:p>";
    out += lists_section(reference.section_references);
    return out + "</w:body></w:document>";
}

std::string core_xml(const Document& doc) {
    std::string out = fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                  "<cp:coreProperties xmlns:cp=\"{}\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                                  "xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>",
                                  package::ns_core_properties);
    append_escaped(out, doc.issuer + document_title(doc));
    out += "</dc:title><dc:creator>dutylist</dc:creator><dc:language>zh-CN</dc:language></cp:coreProperties>";
    return out;
}

DocxReference load_reference(const std::string& path) {
    if (path.empty()) return builtin_docx_reference();
    const std::string what = "the reference document " + path;
    try {
        return read_docx_reference(read_input(path, max_reference_file_bytes).bytes, what);
    } catch (const Error& e) {
        const std::string message = e.what();
        if (message.starts_with(what)) throw;
        throw Error(what + ": " + message);
    }
}

}  // namespace

std::vector<Output> render_docx(const Document& document, const RenderOptions& options) {
    const DocxReference reference = load_reference(options.reference_doc);
    return {{".docx", build_docx_package(reference, document_xml(document, reference, options.merge_categories), core_xml(document))}};
}

}  // namespace dutylist
