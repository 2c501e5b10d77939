#include <fmt/format.h>

#include "package/ooxml_names.hpp"
#include "renderers/docx_page.hpp"
#include "renderers/docx_renderer_package.hpp"
#include "renderers/markup.hpp"
#include "review/diff_renderers.hpp"
#include "review/revision_table.hpp"

namespace dutylist::review {
namespace {

// Landscape A4 in twentieths of a point with the margins of the list renderer, and the six
// columns' widths summing to the text width: the before and after texts get the most.
using docx_page::a4_long;
using docx_page::a4_short;
constexpr int margin = docx_page::landscape_margin;
constexpr int column_widths[] = {1800, 1000, 2900, 900, 3702, 3702};
constexpr const char* column_labels[] = {"清单", "序号", "事项名称", "调整类型", "调整前", "调整后"};

// Words taken out struck through, words put in bold and underlined, as in a printed 对照表.
const char* run_properties(Edit edit) {
    switch (edit) {
        case Edit::removed: return "<w:rPr><w:strike/></w:rPr>";
        case Edit::added: return "<w:rPr><w:b/><w:u w:val=\"single\"/></w:rPr>";
        case Edit::same: break;
    }
    return "";
}

void append_run(std::string& out, Edit edit, std::string_view text) {
    if (text.empty()) return;
    out += fmt::format("<w:r>{}<w:t xml:space=\"preserve\">", run_properties(edit));
    append_escaped(out, text);
    out += "</w:t></w:r>";
}

// The spans as paragraphs of one style: a '\n' ends a paragraph.
void append_paragraphs(std::string& out, const std::vector<Span>& spans, const char* style) {
    const std::string open = fmt::format("<w:p><w:pPr><w:pStyle w:val=\"{}\"/></w:pPr>", style);
    out += open;
    for (const auto& s : spans) {
        size_t start = 0;
        for (size_t end; (end = s.text.find('\n', start)) != std::string::npos; start = end + 1) {
            append_run(out, s.edit, std::string_view(s.text).substr(start, end - start));
            out += "</w:p>" + open;
        }
        append_run(out, s.edit, std::string_view(s.text).substr(start));
    }
    out += "</w:p>";
}

void append_cell(std::string& out, int width, const std::vector<Span>& spans, const char* style) {
    out += fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>", width);
    append_paragraphs(out, spans, style);
    out += "</w:tc>";
}

void append_table(std::string& out, const std::vector<RevisionRow>& rows) {
    out += fmt::format("<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>{}<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>",
                       a4_long - 2 * margin, docx_page::table_borders);
    for (int w : column_widths) out += fmt::format("<w:gridCol w:w=\"{}\"/>", w);
    out += "</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
    for (size_t c = 0; c < std::size(column_labels); ++c) append_cell(out, column_widths[c], {{Edit::same, column_labels[c]}}, "TableHeading");
    out += "</w:tr>";
    for (const auto& row : rows) {
        out += "<w:tr>";
        append_cell(out, column_widths[0], {{Edit::same, row.list}}, "TableTextCentered");
        append_cell(out, column_widths[1], {{Edit::same, row.seq}}, "TableTextCentered");
        append_cell(out, column_widths[2], {{Edit::same, row.name}}, "TableText");
        append_cell(out, column_widths[3], {{Edit::same, row.change}}, "TableTextCentered");
        append_cell(out, column_widths[4], row.before, "TableText");
        append_cell(out, column_widths[5], row.after, "TableText");
        out += "</w:tr>";
    }
    out += "</w:tbl>";
}

std::string version_line(const Document& doc, const std::string& name, const char* which) {
    std::string line = std::string(which) + name;
    if (!doc.title.empty()) line += "  " + doc.title;
    if (!doc.date.empty()) line += "（" + doc.date + "）";
    return line;
}

std::string document_xml(const DiffSubject& s, const DocxReference& reference) {
    std::string out = fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                  "<w:document xmlns:w=\"{}\" xmlns:r=\"{}\"><w:body>",
                                  package::ns_w, package::ns_r);
    const std::string issuer = s.new_doc.issuer.empty() ? s.old_doc.issuer : s.new_doc.issuer;
    append_paragraphs(out, {{Edit::same, issuer + "履职事项清单修订对照表"}}, "Heading1");
    append_paragraphs(out, {{Edit::same, version_line(s.old_doc, s.old_name, "调整前：")}}, "ListNote");
    append_paragraphs(out, {{Edit::same, version_line(s.new_doc, s.new_name, "调整后：")}}, "ListNote");
    append_table(out, revision_rows(s));
    append_paragraphs(out, {{Edit::same, "说明：调整前一栏中删去的文字加删除线，调整后一栏中新增的文字加粗并加下划线。"}}, "ListNote");
    out += fmt::format("<w:sectPr>{}<w:pgSz w:w=\"{}\" w:h=\"{}\" w:orient=\"landscape\"/>"
                       "<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"850\" w:footer=\"680\" w:gutter=\"0\"/>"
                       "<w:cols w:space=\"425\"/><w:docGrid w:linePitch=\"360\"/></w:sectPr>",
                       reference.section_references, a4_long, a4_short, margin, margin, margin, margin);
    return out + "</w:body></w:document>";
}

std::string core_xml() {
    return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                       "<cp:coreProperties xmlns:cp=\"{}\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                       "<dc:title>履职事项清单修订对照表</dc:title><dc:creator>dutylist</dc:creator><dc:language>zh-CN</dc:language></cp:coreProperties>",
                       package::ns_core_properties);
}

}  // namespace

std::string diff_to_docx(const DiffSubject& s) {
    const DocxReference reference = builtin_docx_reference();
    return build_docx_package(reference, document_xml(s, reference), core_xml());
}

}  // namespace dutylist::review
