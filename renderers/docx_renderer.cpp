#include "renderers/docx_renderer.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "io/files.hpp"
#include "i18n/catalogue.hpp"
#include "model/error.hpp"
#include "model/text.hpp"
#include "package/ooxml_names.hpp"
#include "renderers/category_runs.hpp"
#include "renderers/docx_page.hpp"
#include "renderers/docx_renderer_package.hpp"
#include "renderers/docx_table_layout.hpp"
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
// The cover page's text width (its margins are in cover_section) and the least sizes (half
// points) a cover line is shrunk to so that it stays on one line.
constexpr int cover_width = a4_short - 1587 - 1474;
constexpr int min_issuer_half_points = 28, min_title_half_points = 44;
constexpr int issuer_half_points = 52, title_half_points = 88;  // the styles' sizes
constexpr size_t max_reference_file_bytes = 64u << 20;

const Paragraphs& value(const Item& item, size_t column) {
    static const Paragraphs empty;
    return column < item.values.size() ? item.values[column] : empty;
}

// A paragraph of one run; line feeds and tabs inside the text become w:br and w:tab.
void append_paragraph(std::string& out, const char* style, std::string_view text, std::string_view extra_ppr = "",
                      std::string_view run_properties = "") {
    out += fmt::format("<w:p><w:pPr><w:pStyle w:val=\"{}\"/>{}</w:pPr>", style, extra_ppr);
    if (!text.empty()) {
        out += "<w:r>";
        out += run_properties;
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

// How the paragraphs of one column are set: the list's size and pitch, the column's alignment.
struct CellLook {
    const char* style;
    std::string ppr, rpr;
};

CellLook cell_look(const docx_layout::TableLayout& layout, const char* style, docx_layout::Align align) {
    const char* jc = align == docx_layout::Align::center ? "center" : "both";
    return {style, fmt::format("<w:spacing w:line=\"{}\" w:lineRule=\"exact\"/><w:jc w:val=\"{}\"/>", layout.line_twips, jc),
            fmt::format("<w:rPr><w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/></w:rPr>", layout.half_points)};
}

void append_cell(std::string& out, int width, const Paragraphs& paragraphs, const CellLook& look, Merge merge) {
    out += fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>", width);
    if (merge == Merge::restart) out += "<w:vMerge w:val=\"restart\"/>";
    if (merge == Merge::next) out += "<w:vMerge/>";
    out += "<w:vAlign w:val=\"center\"/></w:tcPr>";
    // Word reports a cell without a paragraph as damage.
    if (paragraphs.empty() || merge == Merge::next) append_paragraph(out, look.style, "", look.ppr);
    else
        for (const auto& p : paragraphs) append_paragraph(out, look.style, p, look.ppr, look.rpr);
    out += "</w:tc>";
}

std::vector<Merge> category_merges(const DutyList& list, bool merge_categories) {
    std::vector<Merge> merges(list.items.size(), Merge::none);
    const int c = column_index(list, "category");
    if (!merge_categories || c < 0) return merges;
    const auto column = static_cast<size_t>(c);
    const auto same = [&](size_t a, size_t b) {
        const Paragraphs& here = value(list.items[a], column);
        return !here.empty() && here == value(list.items[b], column);
    };
    for (size_t r = 0; r < list.items.size();) {
        const size_t end = run_end(list.items.size(), r, same);
        if (end > r) {
            merges[r] = Merge::restart;
            for (size_t k = r + 1; k <= end; ++k) merges[k] = Merge::next;
        }
        r = end + 1;
    }
    return merges;
}

void append_table(std::string& out, const DutyList& list, const RenderOptions& options) {
    if (list.columns.empty()) return;
    const docx_layout::TableLayout layout = docx_layout::table_layout(list, table_width, options.table_font_size);
    out += fmt::format("<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>{}<w:tblLayout w:type=\"fixed\"/>"
                       "<w:tblCellMar><w:left w:w=\"{}\" w:type=\"dxa\"/><w:right w:w=\"{}\" w:type=\"dxa\"/></w:tblCellMar>"
                       "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>"
                       "</w:tblPr><w:tblGrid>",
                       table_width, docx_page::table_borders, cell_margin, cell_margin);
    for (int w : layout.widths) out += fmt::format("<w:gridCol w:w=\"{}\"/>", w);
    out += "</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
    const CellLook heading = cell_look(layout, "TableHeading", docx_layout::Align::center);
    for (size_t c = 0; c < list.columns.size(); ++c) append_cell(out, layout.widths[c], {list.columns[c].label}, heading, Merge::none);
    out += "</w:tr>";
    std::vector<CellLook> looks;
    for (docx_layout::Align align : layout.align) looks.push_back(cell_look(layout, "TableText", align));
    const auto merges = category_merges(list, options.merge_categories);
    const int category = column_index(list, "category");
    for (size_t r = 0; r < list.items.size(); ++r) {
        out += "<w:tr>";
        for (size_t c = 0; c < list.columns.size(); ++c)
            append_cell(out, layout.widths[c], value(list.items[r], c), looks[c], static_cast<int>(c) == category ? merges[r] : Merge::none);
        out += "</w:tr>";
    }
    out += "</w:tbl>";
}

// A cover line at its style's size, or smaller down to `least` so that it fits on one line:
// a line broken inside a place name (奇台/县) reads wrong.
std::string fitted_size(std::string_view text, int style_half_points, int least) {
    double ideographs = 0;
    for (size_t i = 0; i < text.size();) ideographs += next_code_point(text, i) < 0x80 ? 0.5 : 1;
    if (ideographs <= 0) return "";
    // In whole points, as Word's size box offers them.
    const int fits = 2 * static_cast<int>(cover_width / (ideographs * 20));
    if (fits >= style_half_points) return "";
    return fmt::format("<w:rPr><w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/></w:rPr>", std::max(fits, least));
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

std::string bookmark(size_t list) { return fmt::format("_dutylist_list{}", list + 1); }

// A list's heading, bookmarked so that the 目录's page references find it.
void append_heading(std::string& out, const DutyList& list, size_t index) {
    std::string paragraph;
    append_paragraph(paragraph, "Heading1", list.title.empty() ? kind_label(list.kind) : list.title, index ? "<w:pageBreakBefore/>" : "");
    const size_t after_properties = paragraph.find("</w:pPr>") + std::string_view("</w:pPr>").size();
    paragraph.insert(after_properties, fmt::format("<w:bookmarkStart w:id=\"{0}\" w:name=\"{1}\"/><w:bookmarkEnd w:id=\"{0}\"/>", index + 1, bookmark(index)));
    out += paragraph;
}

// The 目录 page, as the source had one: an entry per list with a page reference to its
// heading. The page numbers are fields: LibreOffice fills them in as it lays the document
// out, Word when its fields are updated (F9, or before printing); none is guessed here.
void append_contents(std::string& out, const Document& doc) {
    append_paragraph(out, "ContentsHeading", "目  录", "<w:pageBreakBefore/>");
    for (size_t i = 0; i < doc.lists.size(); ++i) {
        const DutyList& list = doc.lists[i];
        const std::string entry = fmt::format("{}. {}", i + 1, list.kind == ListKind::other ? list.title : kind_label(list.kind));
        out += fmt::format("<w:p><w:pPr><w:pStyle w:val=\"Contents\"/><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"{}\"/></w:tabs>"
                           "</w:pPr><w:r><w:t xml:space=\"preserve\">",
                           cover_width);
        append_escaped(out, entry);
        out += fmt::format("</w:t></w:r><w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                           "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF {} \\h </w:instrText></w:r>"
                           "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
                           bookmark(i));
    }
}

std::string document_title(const Document& doc) { return doc.title.empty() ? "履职事项清单" : doc.title; }

std::string document_xml(const Document& doc, const DocxReference& reference, const RenderOptions& options) {
    std::string out = fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                  "<w:document xmlns:w=\"{}\" xmlns:r=\"{}\"><w:body>",
                                  package::ns_w, package::ns_r);
    if (!doc.issuer.empty())
        append_paragraph(out, "CoverIssuer", doc.issuer, "", fitted_size(doc.issuer, issuer_half_points, min_issuer_half_points));
    append_paragraph(out, "Title", document_title(doc), "", fitted_size(document_title(doc), title_half_points, min_title_half_points));
    if (!doc.date.empty()) append_paragraph(out, "CoverDate", doc.date);
    if (doc.layout.contents) append_contents(out, doc);
    out += cover_section();
    for (size_t i = 0; i < doc.lists.size(); ++i) {
        const DutyList& list = doc.lists[i];
        append_heading(out, list, i);
        append_table(out, list, options);
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
    const std::string what = fmt::format(fmt::runtime(_("the reference document {}")), path);
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
    return {{".docx", build_docx_package(reference, document_xml(document, reference, options), core_xml(document))}};
}

}  // namespace dutylist
