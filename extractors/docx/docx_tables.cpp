#include "extractors/docx/docx_tables.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/list_builder.hpp"
#include "model/text.hpp"

namespace dutylist::docx {
namespace {

// The printed paragraphs of one w:p: its number label on the first line, each line break a
// paragraph of its own, whitespace normalised, empty ones dropped.
void append_printed(const Paragraph& p, Paragraphs& out) {
    for (size_t i = 0; i < p.lines.size(); ++i) {
        std::string text = normalize_paragraph(i == 0 ? p.label + p.lines[i] : p.lines[i]);
        if (!text.empty()) out.push_back(std::move(text));
    }
}

// A cell's content in order; a table nested in it gives its cells' paragraphs.
void append_blocks(const std::vector<Block>& blocks, Paragraphs& out) {
    for (const auto& b : blocks) {
        if (!b.is_table) {
            append_printed(b.paragraph, out);
            continue;
        }
        for (const auto& row : b.table.rows)
            for (const auto& cell : row.cells) append_blocks(cell.content, out);
    }
}

// A body paragraph as one line of text (headings, cover lines, notes).
std::string one_line(const Paragraph& p) {
    Paragraphs parts;
    append_printed(p, parts);
    std::string joined;
    for (const auto& part : parts) joined += (joined.empty() ? "" : " ") + part;
    return normalize_paragraph(joined);
}

// The size most paragraphs of the table's cells set, to the half point; 0 when none sets one.
double usual_text_size(const Table& table) {
    std::map<double, size_t> count;
    for (const auto& row : table.rows)
        for (const auto& cell : row.cells)
            for (const auto& b : cell.content)
                if (!b.is_table && b.paragraph.size > 0) ++count[b.paragraph.size];
    const auto most = std::max_element(count.begin(), count.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    return most == count.end() ? 0 : most->first;
}

// The table on its grid. A vMerge continuation under no restart is a cell of its own, as Word
// shows it.
dutylist::Table neutral_table(const Table& table, int number) {
    dutylist::Table out;
    out.name = fmt::format(fmt::runtime(_("table {}")), number);
    std::vector<bool> merge_open;
    int row_number = 0;
    for (const auto& row : table.rows) {
        TableRow r;
        r.header = row.header;
        r.source.table = number;
        r.source.row = ++row_number;
        int column = row.grid_before;
        for (const auto& cell : row.cells) {
            TableCell c{column, cell.grid_span, {}, false, false};
            if (static_cast<int>(merge_open.size()) < column + 1) merge_open.resize(static_cast<size_t>(column) + 1, false);
            c.merged_from_above = cell.vmerge == Cell::VMerge::next && merge_open[static_cast<size_t>(column)];
            if (!c.merged_from_above) append_blocks(cell.content, c.text);
            merge_open[static_cast<size_t>(column)] = cell.vmerge != Cell::VMerge::none;
            column += cell.grid_span;
            r.cells.push_back(std::move(c));
        }
        out.width = std::max(out.width, column);
        out.rows.push_back(std::move(r));
    }
    if (static_cast<int>(table.grid.size()) >= out.width) out.column_widths = table.grid;
    out.text_size = usual_text_size(table);
    return out;
}

}  // namespace

Document build_document(const Body& body, const std::function<void(const std::string&)>& warn) {
    ListBuilder builder(N_("no table in this Word document looks like a duty list (a header row naming 序号, 事项类别 or 事项名称)"),
                        warn);
    int tables = 0;
    for (const auto& block : body.blocks) {
        if (block.is_table) {
            builder.table(neutral_table(block.table, ++tables));
            continue;
        }
        const Paragraph& p = block.paragraph;
        builder.text({one_line(p), p.in_toc || p.dot_leader, 0, 0});
    }
    return builder.finish();
}

}  // namespace dutylist::docx
