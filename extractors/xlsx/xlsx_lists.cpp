#include "extractors/xlsx/xlsx_lists.hpp"

#include <algorithm>
#include <optional>

#include "model/columns.hpp"
#include "model/error.hpp"
#include "model/printed_lines.hpp"
#include "model/sections.hpp"
#include "model/text.hpp"

namespace dutylist::xlsx {
namespace {

struct Cell {
    int start = 0;
    int span = 1;
    Paragraphs text;
    bool from_above = false;  // copied down from a vertically merged cell
};

struct Row {
    int number = 0;
    std::vector<Cell> cells;
};

// A cell's paragraphs: each line break (Alt+Enter) starts one; whitespace as in the DOCX reader.
Paragraphs paragraphs_of(const std::string& text) {
    Paragraphs out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find_first_of("\r\n", start);
        std::string p = normalize_paragraph(std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (!p.empty()) out.push_back(std::move(p));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

// The sheet's rows with their cells' paragraphs; a row whose only text was copied down from a
// merged cell above shows nothing new and is left out, like an empty row.
std::vector<Row> rows_of(const std::vector<SheetRow>& sheet_rows) {
    std::vector<Row> rows;
    for (const auto& r : sheet_rows) {
        Row row{r.number, {}};
        bool own_text = false;
        for (const auto& c : r.cells) {
            Paragraphs text = paragraphs_of(c.text);
            if (text.empty()) continue;
            own_text = own_text || !c.merged_from_above;
            row.cells.push_back({c.column, c.span, std::move(text), c.merged_from_above});
        }
        if (own_text) rows.push_back(std::move(row));
    }
    return rows;
}

std::string joined(const Paragraphs& cell) {
    std::string out;
    for (const auto& p : cell) out += p;
    return out;
}

// A row as one line of text (titles, cover lines, notes).
std::string one_line(const Row& row) {
    std::string line;
    for (const auto& c : row.cells)
        for (const auto& p : c.text) line += (line.empty() ? "" : " ") + p;
    return normalize_paragraph(line);
}

std::vector<std::string> labels_of(const Row& row) {
    std::vector<std::string> labels;
    for (const auto& c : row.cells) labels.push_back(joined(c.text));
    return labels;
}

std::vector<std::string> bare(const std::vector<std::string>& labels) {
    std::vector<std::string> out;
    for (const auto& l : labels) out.push_back(remove_whitespace(l));
    return out;
}

bool is_header(const Row& row) { return row.cells.size() >= 2 && is_duty_header(make_columns(labels_of(row))); }

// The list's title among the lines above its header row: the last that names a 清单, else the
// last that is not a note. npos when there is none.
size_t title_index(const std::vector<std::string>& lines) {
    size_t fallback = std::string::npos;
    for (size_t i = lines.size(); i-- > 0;) {
        if (is_note(lines[i]) || lines[i].find("续表") != std::string::npos) continue;
        if (lines[i].find("清单") != std::string::npos) return i;
        if (fallback == std::string::npos) fallback = i;
    }
    return fallback;
}

struct Table {
    int start = 0;
    int end = 0;  // exclusive
    std::vector<int> column_starts;
    std::vector<std::string> labels;  // without whitespace, to recognise a repeated header row
};

// The table a header row sets up: a column per labelled cell, reaching to the next one.
Table table_of(const Row& header) {
    Table t;
    t.start = header.cells.front().start;
    t.end = header.cells.back().start + header.cells.back().span;
    for (const auto& c : header.cells) t.column_starts.push_back(c.start);
    t.labels = bare(labels_of(header));
    return t;
}

// A row's cells by column: each goes to the column its first grid column falls in (to the first
// column when it starts left of the table), so no text is ever lost.
std::vector<Paragraphs> values_of(const Row& row, const Table& table) {
    std::vector<Paragraphs> values(table.column_starts.size());
    for (const auto& c : row.cells) {
        size_t target = 0;
        for (size_t i = 0; i < table.column_starts.size(); ++i)
            if (table.column_starts[i] <= c.start) target = i;
        values[target].insert(values[target].end(), c.text.begin(), c.text.end());
    }
    return values;
}

// A section heading between items: one cell merged across the whole table, or, typed without
// merging, one cell in the first column that starts with a list marker (一、党的建设).
bool is_section_row(const Row& row, const Table& table) {
    if (table.column_starts.size() < 2 || row.cells.size() != 1) return false;
    const Cell& cell = row.cells[0];
    if (cell.start <= table.start && cell.start + cell.span >= table.end) return true;
    const std::string text = joined(cell.text);
    const std::string bare_text = without_list_marker(text);
    return cell.start == table.start && cell.text.size() == 1 && bare_text != text && !bare_text.empty();
}

bool names_list(const std::vector<Row>& rows, size_t from, size_t to) {
    for (size_t i = from; i < to; ++i)
        if (one_line(rows[i]).find("清单") != std::string::npos) return true;
    return false;
}

class ListBuilder {
public:
    explicit ListBuilder(const std::function<void(const std::string&)>& warn) : warn_(warn) {}

    void sheet(int number, const Sheet& sheet) {
        const std::vector<Row> rows = rows_of(sheet.rows);
        size_t body_from = 0;
        bool first_in_sheet = true;
        for (size_t h = 0; h < rows.size(); ++h) {
            if (!is_header(rows[h])) continue;
            if (!first_in_sheet && h == body_from && lower_header(rows[h])) {
                body_from = h + 1;
                continue;
            }
            // The lines of one cell right above a header row are the new list's title lines;
            // above the first header of a sheet every row is.
            size_t lines_from = h;
            while (lines_from > body_from && rows[lines_from - 1].cells.size() == 1) --lines_from;
            if (first_in_sheet) lines_from = 0;
            // The header row repeated inside its table, with no list title above it.
            if (!first_in_sheet && bare(labels_of(rows[h])) == table_->labels && !names_list(rows, lines_from, h)) continue;
            if (!first_in_sheet) body(number, rows, body_from, lines_from);
            for (size_t i = lines_from; i < h; ++i) lines_.push_back(one_line(rows[i]));
            start_list(rows[h]);
            body_from = h + 1;
            first_in_sheet = false;
        }
        if (!first_in_sheet) {
            body(number, rows, body_from, rows.size());
        } else if (document_.lists.empty()) {
            // A sheet before the first list may be its cover.
            for (const auto& r : rows) lines_.push_back(one_line(r));
        } else if (!rows.empty()) {
            warn_("sheet " + std::to_string(number) + " (\"" + sheet.name + "\") holds no duty list and is skipped");
        }
    }

    Document finish() {
        for (const auto& line : lines_)
            if (is_note(line) && !document_.lists.empty()) document_.lists.back().notes.push_back(line);
        if (document_.lists.empty())
            throw Error("no sheet of this Excel workbook holds a duty list (a header row naming 序号, 事项类别 or 事项名称)");
        headings_.resize(document_.lists.size());
        for (size_t i = 0; i < document_.lists.size(); ++i) apply_section_headings(document_.lists[i], headings_[i]);
        return std::move(document_);
    }

private:
    // A new list under the lines gathered above its header row, or the list before continued
    // when no title stands above a header like its own.
    void start_list(const Row& header) {
        const size_t title = title_index(lines_);
        const Table table = table_of(header);
        std::vector<std::string> notes_above, notes_below;
        for (size_t i = 0; i < lines_.size(); ++i)
            if (is_note(lines_[i])) (title == std::string::npos || i < title ? notes_above : notes_below).push_back(lines_[i]);
        if (!document_.lists.empty()) {
            auto& notes = document_.lists.back().notes;
            notes.insert(notes.end(), notes_above.begin(), notes_above.end());
        }
        if (title == std::string::npos && table_ && table.labels == table_->labels) {
            lines_.clear();
            return;
        }
        if (document_.lists.empty() && title != std::string::npos)
            read_cover(std::vector<std::string>(lines_.begin(), lines_.begin() + static_cast<long>(title)), document_);
        DutyList list;
        list.title = title == std::string::npos ? "" : lines_[title];
        list.columns = make_columns(labels_of(header));
        list.kind = kind_from_title(list.title);
        if (list.kind == ListKind::other) list.kind = kind_from_columns(list.columns);
        list.notes = std::move(notes_below);
        document_.lists.push_back(std::move(list));
        headings_.resize(document_.lists.size());
        table_ = table;
        lines_.clear();
    }

    // A second header row right under the header, beside cells merged down from it, splits a
    // group (承接部门及工作方式 over 承接部门 and 工作方式): it names the list's columns.
    bool lower_header(const Row& row) {
        if (std::none_of(row.cells.begin(), row.cells.end(), [](const Cell& c) { return c.from_above; })) return false;
        DutyList& list = document_.lists.back();
        list.columns = make_columns(labels_of(row));
        if (kind_from_title(list.title) == ListKind::other) list.kind = kind_from_columns(list.columns);
        table_ = table_of(row);
        return true;
    }

    // Rows [from, to) of a sheet under the current list's header.
    void body(int sheet_number, const std::vector<Row>& rows, size_t from, size_t to) {
        DutyList& list = document_.lists.back();
        for (size_t i = from; i < to; ++i) {
            const Row& row = rows[i];
            if (bare(labels_of(row)) == table_->labels) continue;
            if (row.cells.size() == 1 && is_note(one_line(row))) {
                list.notes.push_back(one_line(row));
                continue;
            }
            if (is_section_row(row, *table_)) {
                headings_.back().push_back({list.items.size(), one_line(row)});
                continue;
            }
            Item item;
            item.values = values_of(row, *table_);
            item.source.table = sheet_number;
            item.source.row = row.number;
            list.items.push_back(std::move(item));
        }
    }

    const std::function<void(const std::string&)>& warn_;
    Document document_;
    std::vector<std::string> lines_;  // lines above the next header row
    std::optional<Table> table_;      // the current list's
    std::vector<std::vector<SectionHeading>> headings_;  // by list: rows across the whole table
};

}  // namespace

Document build_document(const std::vector<Sheet>& sheets, const std::function<void(const std::string&)>& warn) {
    ListBuilder builder(warn);
    for (size_t i = 0; i < sheets.size(); ++i) builder.sheet(static_cast<int>(i + 1), sheets[i]);
    return builder.finish();
}

}  // namespace dutylist::xlsx
