#include "extractors/docx/docx_lists.hpp"

#include <algorithm>
#include <map>

#include "model/columns.hpp"
#include "model/error.hpp"
#include "model/printed_lines.hpp"
#include "model/sections.hpp"
#include "model/text.hpp"

namespace dutylist::docx {
namespace {

// ---- text of the intermediate ------------------------------------------------------------

// The printed paragraphs of one w:p: its number label on the first line, each line break a
// paragraph of its own, whitespace normalised, empty ones dropped.
void append_printed(const Paragraph& p, Paragraphs& out) {
    for (size_t i = 0; i < p.lines.size(); ++i) {
        std::string text = normalize_paragraph(i == 0 ? p.label + p.lines[i] : p.lines[i]);
        if (!text.empty()) out.push_back(std::move(text));
    }
}

void append_cell(const Cell& cell, Paragraphs& out);

void append_blocks(const std::vector<Block>& blocks, Paragraphs& out) {
    for (const auto& b : blocks) {
        if (!b.is_table) {
            append_printed(b.paragraph, out);
            continue;
        }
        for (const auto& row : b.table.rows)
            for (const auto& cell : row.cells) append_cell(cell, out);
    }
}

void append_cell(const Cell& cell, Paragraphs& out) { append_blocks(cell.content, out); }

// A body paragraph as one line of text (headings, cover lines, notes).
std::string one_line(const Paragraph& p) {
    Paragraphs parts;
    append_printed(p, parts);
    std::string joined;
    for (const auto& part : parts) joined += (joined.empty() ? "" : " ") + part;
    return normalize_paragraph(joined);
}

std::string joined(const Paragraphs& cell) {
    std::string out;
    for (const auto& p : cell) out += p;
    return out;
}

// ---- tables on the grid ------------------------------------------------------------------

struct GridCell {
    int start = 0;  // first grid column
    int span = 1;
    Paragraphs text;
    bool merged_from_above = false;  // a vMerge continuation, text copied from above
};

struct GridRow {
    int number = 0;  // 1-based w:tr in its table
    bool header = false;
    std::vector<GridCell> cells;
    bool empty() const {
        return std::all_of(cells.begin(), cells.end(), [](const GridCell& c) { return c.text.empty(); });
    }
};

// Places every cell on the table grid (gridBefore, gridSpan) and fills each vMerge
// continuation with the text of the cell that restarted the merge above it.
std::vector<GridRow> grid_rows(const Table& table) {
    std::vector<GridRow> rows;
    std::map<int, Paragraphs> merge_above;  // grid column → text of the open vertical merge
    int number = 0;
    for (const auto& row : table.rows) {
        GridRow out{++number, row.header, {}};
        int column = row.grid_before;
        for (const auto& cell : row.cells) {
            GridCell g{column, cell.grid_span, {}, false};
            if (cell.vmerge == Cell::VMerge::next && merge_above.count(column)) {
                g.text = merge_above[column];
                g.merged_from_above = true;
            } else {
                append_cell(cell, g.text);
            }
            if (cell.vmerge == Cell::VMerge::none) merge_above.erase(column);
            else merge_above[column] = g.text;
            column += cell.grid_span;
            out.cells.push_back(std::move(g));
        }
        rows.push_back(std::move(out));
    }
    return rows;
}

int grid_width(const std::vector<GridRow>& rows) {
    int width = 0;
    for (const auto& r : rows)
        for (const auto& c : r.cells) width = std::max(width, c.start + c.span);
    return width;
}

// A row that is one cell across the whole table holding a line of text: a title row.
bool is_title_row(const GridRow& row, int width) {
    std::vector<const GridCell*> filled;
    for (const auto& c : row.cells)
        if (!c.text.empty()) filled.push_back(&c);
    return width > 1 && filled.size() == 1 && filled[0]->span == width && filled[0]->text.size() == 1;
}

// A second header row under a first that groups columns: it splits a cell of the row above
// that spans several grid columns, and every other cell of it continues a merge from above
// (序号 | 职责分工 over 上级部门职责 | 乡镇配合职责).
bool is_sub_header(const GridRow& above, const GridRow& row) {
    bool splits = false;
    for (const auto& group : above.cells) {
        if (group.span < 2) continue;
        int inside = 0;
        for (const auto& c : row.cells) inside += c.start >= group.start && c.start < group.start + group.span;
        splits = splits || inside >= 2;
    }
    if (!splits) return false;
    for (const auto& c : row.cells) {
        bool under_group = false;
        for (const auto& group : above.cells)
            under_group = under_group || (group.span >= 2 && c.start >= group.start && c.start < group.start + group.span);
        if (!under_group && !c.merged_from_above && !c.text.empty()) return false;
    }
    return true;
}

struct ColumnSpan {
    int start = 0;
    int end = 0;  // exclusive
    std::string label;
};

// Columns from the header rows: the lowest header row gives the columns (a two-level header
// names its sub-columns there); a column with no text there takes the label above it.
std::vector<ColumnSpan> header_columns(const std::vector<const GridRow*>& header) {
    std::vector<ColumnSpan> columns;
    const GridRow& bottom = *header.back();
    for (const auto& c : bottom.cells) {
        std::string label = joined(c.text);
        for (auto r = header.rbegin() + 1; label.empty() && r != header.rend(); ++r)
            for (const auto& above : (*r)->cells)
                if (above.start <= c.start && c.start < above.start + above.span) label = joined(above.text);
        columns.push_back({c.start, c.start + c.span, label});
    }
    return columns;
}

std::vector<std::string> labels_of(const std::vector<ColumnSpan>& columns) {
    std::vector<std::string> labels;
    for (const auto& c : columns) labels.push_back(remove_whitespace(c.label));
    return labels;
}

// A row's cells by column: each grid cell goes to the column its first grid column falls in
// (to the column on its left when it starts outside every column), so no text is ever lost.
std::vector<Paragraphs> values_of(const GridRow& row, const std::vector<ColumnSpan>& columns) {
    std::vector<Paragraphs> values(columns.size());
    for (const auto& c : row.cells) {
        size_t target = 0;
        for (size_t i = 0; i < columns.size(); ++i)
            if (columns[i].start <= c.start) target = i;
        values[target].insert(values[target].end(), c.text.begin(), c.text.end());
    }
    return values;
}

bool same_labels(const GridRow& row, const std::vector<ColumnSpan>& columns) {
    std::vector<std::string> texts;
    for (const auto& v : values_of(row, columns)) texts.push_back(remove_whitespace(joined(v)));
    return texts == labels_of(columns);
}

// ---- the body ----------------------------------------------------------------------------

struct Line {
    std::string text;
    bool toc = false;
};

bool is_contents_heading(const std::string& s) {
    std::string bare = remove_whitespace(s);
    return bare == "目录" || bare == "目次";
}

bool is_continuation_marker(const std::string& s) { return s.find("续表") != std::string::npos; }

// The heading among the lines between two tables: the last that names a 清单, else the last
// that is neither a note, a 目录 line nor a 续表 marker. npos when there is none.
size_t heading_index(const std::vector<Line>& lines, size_t from) {
    size_t fallback = std::string::npos;
    for (size_t i = lines.size(); i-- > from;) {
        const Line& l = lines[i];
        if (l.toc || is_note(l.text) || is_contents_heading(l.text) || is_continuation_marker(l.text)) continue;
        if (l.text.find("清单") != std::string::npos) return i;
        if (fallback == std::string::npos) fallback = i;
    }
    return fallback;
}

// The front matter up to a table of contents, its entries left out, is the cover.
void read_front(const std::vector<Line>& front, Document& doc) {
    std::vector<std::string> cover;
    for (const auto& l : front) {
        if (is_contents_heading(l.text)) break;
        if (!l.toc) cover.push_back(l.text);
    }
    read_cover(cover, doc);
}

class ListBuilder {
public:
    explicit ListBuilder(const std::function<void(const std::string&)>& warn) : warn_(warn) {}

    void paragraph(const Paragraph& p) {
        std::string text = one_line(p);
        if (!text.empty()) lines_.push_back({text, p.in_toc || p.dot_leader});
    }

    void table(const Table& table) {
        ++table_number_;
        std::vector<GridRow> rows = grid_rows(table);
        const size_t heading = heading_index(lines_, tables_seen_ == 0 ? front_matter_end() : 0);
        if (tables_seen_++ == 0) {
            std::vector<Line> front(lines_.begin(), heading == std::string::npos ? lines_.end() : lines_.begin() + static_cast<long>(heading));
            read_front(front, document_);
        }
        take_notes(heading);

        size_t r = 0;
        while (r < rows.size() && rows[r].empty()) ++r;
        std::string title = heading == std::string::npos ? "" : lines_[heading].text;
        const int width = grid_width(rows);
        if (r < rows.size() && is_title_row(rows[r], width)) {
            for (const auto& c : rows[r].cells)
                if (title.empty() && !c.text.empty()) title = c.text[0];
            ++r;
        }
        lines_.clear();
        if (r == rows.size()) return;
        std::vector<const GridRow*> header{&rows[r++]};
        while (r < rows.size() && ((header.front()->header && rows[r].header) || is_sub_header(*header.back(), rows[r])))
            header.push_back(&rows[r++]);
        const bool continues =
            title.empty() && !document_.lists.empty() && labels_of(header_columns(header)) == current_labels_;

        if (!continues) {
            std::vector<ColumnSpan> spans = header_columns(header);
            std::vector<std::string> labels;
            for (const auto& s : spans) labels.push_back(s.label);
            std::vector<Column> columns = make_columns(labels);
            if (!is_duty_header(columns)) {
                warn_("table " + std::to_string(table_number_) + " is not a duty list (its header row is \"" +
                      fmt_labels(labels) + "\") and is skipped");
                current_labels_.clear();
                pending_notes_.clear();
                return;
            }
            DutyList list;
            list.title = title;
            list.kind = kind_from_title(title);
            if (list.kind == ListKind::other) list.kind = kind_from_columns(columns);
            list.columns = std::move(columns);
            document_.lists.push_back(std::move(list));
            spans_ = std::move(spans);
            current_labels_ = labels_of(spans_);
            move_pending_notes();
        }
        DutyList& list = document_.lists.back();
        headings_.resize(document_.lists.size());
        for (; r < rows.size(); ++r) {
            const GridRow& row = rows[r];
            if (row.empty() || row.header || same_labels(row, spans_)) continue;
            if (is_title_row(row, width)) {
                for (const auto& c : row.cells)
                    if (!c.text.empty()) headings_.back().push_back({list.items.size(), c.text[0]});
                continue;
            }
            Item item;
            item.values = values_of(row, spans_);
            item.source.table = table_number_;
            item.source.row = row.number;
            list.items.push_back(std::move(item));
        }
    }

    Document finish() {
        take_notes(std::string::npos);
        if (document_.lists.empty())
            throw Error("no table in this Word document looks like a duty list (a header row naming 序号, 事项类别 or 事项名称)");
        headings_.resize(document_.lists.size());
        for (size_t i = 0; i < document_.lists.size(); ++i) apply_section_headings(document_.lists[i], headings_[i]);
        return std::move(document_);
    }

private:
    static std::string fmt_labels(const std::vector<std::string>& labels) {
        std::string out;
        for (const auto& l : labels) out += (out.empty() ? "" : " | ") + l;
        return out;
    }

    // Where the cover and the 目录 end among the lines before the first table: after the last
    // 目录 line and after the cover's date (the first date line), so that a list without a
    // heading does not take the cover's title for its own.
    size_t front_matter_end() const {
        size_t end = 0;
        bool dated = false;
        for (size_t i = 0; i < lines_.size(); ++i) {
            const bool date = !dated && is_date_line(lines_[i].text);
            dated = dated || date;
            if (lines_[i].toc || is_contents_heading(lines_[i].text) || date) end = i + 1;
        }
        return end;
    }

    // Notes printed between the previous table and this table's heading belong to the
    // previous list; those between the heading and the table, to this one.
    void take_notes(size_t heading) {
        for (size_t i = 0; i < lines_.size(); ++i) {
            if (!is_note(lines_[i].text) || lines_[i].toc) continue;
            if (i < heading && !document_.lists.empty()) document_.lists.back().notes.push_back(lines_[i].text);
            else if (i > heading && heading != std::string::npos) pending_notes_.push_back(lines_[i].text);
        }
    }

    void move_pending_notes() {
        auto& notes = document_.lists.back().notes;
        notes.insert(notes.end(), pending_notes_.begin(), pending_notes_.end());
        pending_notes_.clear();
    }

    const std::function<void(const std::string&)>& warn_;
    Document document_;
    std::vector<Line> lines_;  // non-empty body paragraphs since the last table
    std::vector<std::string> pending_notes_;
    std::vector<ColumnSpan> spans_;
    std::vector<std::vector<SectionHeading>> headings_;  // by list: rows across the whole table
    std::vector<std::string> current_labels_;
    int table_number_ = 0;
    int tables_seen_ = 0;
};

}  // namespace

Document build_document(const Body& body, const std::function<void(const std::string&)>& warn) {
    ListBuilder builder(warn);
    for (const auto& block : body.blocks) {
        if (block.is_table) builder.table(block.table);
        else builder.paragraph(block.paragraph);
    }
    return builder.finish();
}

}  // namespace dutylist::docx
