#include "model/list_builder.hpp"

#include <map>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/columns.hpp"
#include "model/error.hpp"
#include "model/printed_lines.hpp"
#include "model/text.hpp"
#include "model/text_reading.hpp"

namespace dutylist {
namespace {

std::string row_text(const TableRow& row) {
    std::string out;
    for (const TableCell* c : filled_cells(row)) out += (out.empty() ? "" : " | ") + cell_line(*c);
    return out;
}

size_t column_of(const TableCell& cell, const std::vector<ColumnSpan>& columns) {
    size_t target = 0;
    for (size_t i = 0; i < columns.size(); ++i)
        if (columns[i].start <= cell.col) target = i;
    return target;
}

// The columns in which the row's cell continues a merge from the row above.
std::vector<bool> merged_columns(const TableRow& row, const std::vector<ColumnSpan>& columns) {
    std::vector<bool> out(columns.size(), false);
    for (const TableCell& c : row.cells)
        if (c.merged_from_above) out[column_of(c, columns)] = true;
    return out;
}

// The first row of a table a page break cut from the one before, its one text in a column of
// its own other than the first: the rest of a row the break split (its other cells ended on the
// page before), not a title line or a section row, which stand in the first column or across.
bool rest_of_split_row(const Table& table, size_t row, const TableCell& only) {
    return row == 0 && table.after_page_break && only.col > 0 && only.col_span == 1;
}

// The paragraphs as one run of ASCII digits, else empty.
std::string digits_of(const Paragraphs& text) {
    if (text.size() != 1) return {};
    const std::string d = remove_whitespace(text.front());
    constexpr size_t max_digits = 9;  // fits a long; no list numbers its rows further
    if (d.empty() || d.size() > max_digits) return {};
    for (char ch : d)
        if (ch < '0' || ch > '9') return {};
    return d;
}

// A 序号 wrapped in its narrow column and cut by a page break ("3" at the foot of one page, "9"
// at the top of the next, for 39): the last item's number followed by `fragment` is the number
// after the item's before it, while `fragment` alone does not count on from the last (a row of
// its own would). The number joined, else empty.
std::string wrapped_number_across_break(const DutyList& list, size_t seq, const Paragraphs& fragment) {
    if (list.items.size() < 2) return {};
    const std::string head = digits_of(list.items.back().values[seq]);
    const std::string before = digits_of(list.items[list.items.size() - 2].values[seq]);
    const std::string tail = digits_of(fragment);
    if (head.empty() || before.empty() || tail.empty() || head.size() + tail.size() > 9) return {};
    const bool joins = std::stol(head + tail) == std::stol(before) + 1;
    return joins && std::stol(tail) != std::stol(head) + 1 ? head + tail : std::string{};
}

void append_provenance(Provenance& into, const Provenance& from) {
    into.pages.insert(into.pages.end(), from.pages.begin(), from.pages.end());
    into.boxes.insert(into.boxes.end(), from.boxes.begin(), from.boxes.end());
    take_weaker(into, from.reading, from.confidence);
}

}  // namespace

struct ListBuilder::TableState {
    TableState(const Table& t, TextBudget& budget) : table(t), rows(fill_merges(t.rows, budget)) {}
    const Table& table;
    std::vector<TableRow> rows;  // merges filled
    bool attached = false;       // its rows go to the open list
    bool continued = false;      // that list began before this table
    bool first_body_row = true;  // nothing of the list's body seen in this table yet
    std::vector<size_t> pending;  // rows of one cell not yet placed: title lines or body rows
    std::map<size_t, Paragraphs> carry;  // column → a merged cell's text a page break cut
    size_t row = 0;               // the row being placed
};

ListBuilder::ListBuilder(std::string no_list_error, std::function<void(const std::string&)> warn)
    : no_list_error_(std::move(no_list_error)), warn_(std::move(warn)) {}

void ListBuilder::text(TextBlock block) {
    if (block.contents || is_contents_heading(block.text)) document_.layout.contents = true;
    if (!trim(block.text).empty()) lines_.push_back(std::move(block));
}

std::vector<TextBlock> ListBuilder::lines_with(const std::vector<TableRow>& rows, const std::vector<size_t>& pending,
                                               int page) const {
    std::vector<TextBlock> lines = lines_;
    for (size_t r : pending) lines.push_back({cell_line(*filled_cells(rows[r]).front()), false, page, 0});
    return lines;
}

void ListBuilder::leave_out(const TextBlock& line) {
    if (line.page > 0) warn_(fmt::format(fmt::runtime(_("page {}: text outside the lists was left out: \"{}\"")), line.page, shortened(line.text)));
    else warn_(fmt::format(fmt::runtime(_("text outside the lists was left out: \"{}\"")), shortened(line.text)));
}

// Notes before the heading (all, when there is none) belong to the list above, when there is
// one; notes after it to the new list. The heading, 目录 lines and 续表 markers are used up;
// other text after the front matter, once a list was seen, is left out and said so.
void ListBuilder::take_lines(const std::vector<TextBlock>& lines, size_t from, size_t heading, bool for_new_list) {
    for (size_t i = 0; i < lines.size(); ++i) {
        const TextBlock& l = lines[i];
        if (i == heading || l.contents || is_contents_heading(l.text) || is_continuation_marker(l.text)) continue;
        if (is_note(l.text)) {
            const bool above = heading == std::string::npos || i < heading;
            if (!for_new_list || (above && !document_.lists.empty())) document_.lists.back().notes.push_back(l.text);
            else pending_notes_.push_back(l.text);
        } else if (i >= from && seen_list_) {
            leave_out(l);
        }
    }
}

bool ListBuilder::continue_list(const std::vector<TextBlock>& lines, const Table& table,
                                const std::vector<std::string>* labels) {
    if (!open_) return false;
    const size_t heading = heading_index(lines, 0);
    const bool same_title = heading == std::string::npos ||
                            remove_whitespace(lines[heading].text) == remove_whitespace(document_.lists.back().title);
    const bool same_columns = labels ? same_labels(*labels, open_->labels) : table.after_page_break && table.width == open_->width;
    if (!same_title || !same_columns) return false;
    take_lines(lines, 0, heading, false);
    return true;
}

void ListBuilder::start_list(std::vector<TextBlock> lines, const std::vector<ColumnSpan>& columns, const Table& table) {
    size_t from = 0;
    if (!cover_read_) {
        from = front_matter_end(lines, table.page);
        read_cover(std::vector<TextBlock>(lines.begin(), lines.begin() + static_cast<long>(from)), document_);
        cover_read_ = true;
    }
    const size_t heading = heading_index(lines, from);
    take_lines(lines, from, heading, true);
    DutyList list;
    list.title = heading == std::string::npos ? "" : lines[heading].text;
    std::vector<std::string> labels;
    for (const ColumnSpan& c : columns) labels.push_back(c.label);
    list.columns = make_columns(labels);
    list.kind = kind_from_title(list.title);
    if (list.kind == ListKind::other) list.kind = kind_from_columns(list.columns);
    list.notes = std::move(pending_notes_);
    pending_notes_.clear();
    list.layout = list_layout(table, columns);
    const int seq = column_index(list, "seq");
    document_.lists.push_back(std::move(list));
    headings_.emplace_back();
    open_ = Open{columns, bare_labels(columns), table.width, seq < 0 ? 0 : seq, std::vector<bool>(columns.size(), false), false};
    seen_list_ = true;
}

void ListBuilder::header(TableState& s, size_t count) {
    const std::vector<ColumnSpan> columns = header_columns(s.rows, s.row, count);
    const std::vector<std::string> labels = bare_labels(columns);
    bool names_list = false;
    for (size_t r : s.pending) names_list = names_list || cell_line(*filled_cells(s.rows[r]).front()).find("清单") != std::string::npos;
    // The header row repeated inside the table: the rows above it stay in the body.
    if (s.attached && same_labels(labels, open_->labels) && !names_list) return;
    std::vector<TextBlock> lines = lines_with(s.rows, s.pending, s.table.page);
    s.pending.clear();
    lines_.clear();
    s.continued = continue_list(lines, s.table, &labels);
    if (!s.continued) start_list(std::move(lines), columns, s.table);
    s.attached = true;
    s.first_body_row = true;
}

// A table whose first row is no header goes on with the open list, or holds no list.
bool ListBuilder::attach_without_header(TableState& s) {
    const std::vector<TextBlock> lines = lines_;
    lines_.clear();
    if (continue_list(lines, s.table, nullptr)) {
        s.attached = s.continued = true;
        return true;
    }
    skip_table(s, lines, row_text(s.rows[s.row]));
    return false;
}

// Notes around a table that holds no list still belong to the list above it.
void ListBuilder::skip_table(TableState& s, const std::vector<TextBlock>& lines, const std::string& first_row) {
    bool other_text = !first_row.empty();
    for (const TextBlock& l : lines) {
        if (is_note(l.text) && !document_.lists.empty()) document_.lists.back().notes.push_back(l.text);
        else other_text = other_text || !l.contents;
    }
    open_.reset();
    if (!other_text) return;
    if (first_row.empty()) warn_(fmt::format(fmt::runtime(_("{} holds no duty list and is skipped")), s.table.name));
    else warn_(fmt::format(fmt::runtime(_("{} holds no duty list (its first row is \"{}\") and is skipped")), s.table.name, shortened(first_row)));
}

void ListBuilder::body_row(TableState& s, const TableRow& row) {
    const std::string line = cell_line(*filled_cells(row).front());
    DutyList& list = document_.lists.back();
    const bool note = is_note(line);
    if (note || is_section_row(row, open_->columns.front().start, open_->columns.back().end)) {
        if (note) list.notes.push_back(line);
        else headings_.back().push_back({list.items.size(), line});
        open_->last_row_open = false;
        s.first_body_row = false;
        s.carry.clear();
        return;
    }
    add_item(s, row);
}

void ListBuilder::flush_pending(TableState& s) {
    for (size_t r : s.pending) {
        s.row = r;
        body_row(s, s.rows[r]);
    }
    s.pending.clear();
}

// The rest of the last item, which a page break cut: each cell's text goes on with the item's,
// but for a merge that begins here (it belongs to the rows under it).
void ListBuilder::join_split_row(const TableRow& row, const std::vector<bool>& merge_below, size_t seq) {
    Item& item = document_.lists.back().items.back();
    for (const TableCell& cell : row.cells) {
        const size_t c = column_of(cell, open_->columns);
        if (cell.text.empty() || merge_below[c] || c == seq) continue;
        Paragraphs& into = item.values[c];
        auto from = cell.text.begin();
        if (cell.continues_paragraph && !into.empty()) into.back() = normalize_paragraph(join_wrapped(into.back(), *from++));
        into.insert(into.end(), from, cell.text.end());
    }
    append_provenance(item.source, row.source);
}

void ListBuilder::add_item(TableState& s, const TableRow& row) {
    Open& o = *open_;
    DutyList& list = document_.lists.back();
    std::vector<Paragraphs> values = values_of(row, o.columns);
    const std::vector<bool> merged = merged_columns(row, o.columns);
    const std::vector<bool> merge_below =
        s.row + 1 < s.rows.size() ? merged_columns(s.rows[s.row + 1], o.columns) : std::vector<bool>(o.columns.size(), false);
    const bool top_after_break = s.first_body_row && s.continued && s.table.after_page_break && !list.items.empty();
    s.first_body_row = false;
    // A merged cell that a page break cut is printed empty under the break, in the rows it
    // still covers there.
    for (size_t c = 0; c < values.size(); ++c) {
        if (!top_after_break && !merged[c]) s.carry.erase(c);
        else if (top_after_break && (o.merged[c] || merge_below[c]) && c != static_cast<size_t>(o.seq) && values[c].empty())
            s.carry[c] = list.items.back().values[c];
    }
    const size_t seq = static_cast<size_t>(o.seq);
    const std::string wrapped = top_after_break && o.last_row_open ? wrapped_number_across_break(list, seq, values[seq]) : "";
    if (top_after_break && o.last_row_open && (values[seq].empty() || !wrapped.empty())) {
        join_split_row(row, merge_below, seq);
        if (!wrapped.empty()) list.items.back().values[seq] = {wrapped};
        return;
    }
    for (size_t c = 0; c < values.size(); ++c) {
        if (auto it = s.carry.find(c); it != s.carry.end() && values[c].empty()) {
            budget_.spend(it->second);
            values[c] = it->second;
        }
        if (merged[c]) o.merged[c] = true;
    }
    list.items.push_back({std::move(values), row.source});
    o.last_row_open = true;
}

void ListBuilder::table(const Table& table) {
    TableState s(table, budget_);
    for (s.row = 0; s.row < s.rows.size(); ++s.row) {
        const TableRow& row = s.rows[s.row];
        if (!has_own_text(row)) continue;
        if (is_header_row(row)) {
            const size_t count = header_extent(s.rows, s.row);
            header(s, count);
            s.row += count - 1;
        } else if (filled_cells(row).size() == 1 && !(open_ && rest_of_split_row(table, s.row, *filled_cells(row).front()))) {
            s.pending.push_back(s.row);
        } else {
            if (!s.attached && !attach_without_header(s)) return;
            const size_t at = s.row;
            flush_pending(s);
            s.row = at;
            add_item(s, row);
        }
    }
    if (s.attached) {
        flush_pending(s);
        return;
    }
    std::vector<TextBlock> lines = lines_with(s.rows, s.pending, table.page);
    if (document_.lists.empty() || s.pending.empty()) {
        lines_ = std::move(lines);  // a layout table: its lines are text (a cover set in a table)
        return;
    }
    lines_.clear();
    skip_table(s, lines, "");
}

Document ListBuilder::finish() {
    for (const TextBlock& l : lines_) {
        if (is_note(l.text) && !document_.lists.empty()) document_.lists.back().notes.push_back(l.text);
        else if (seen_list_ && !l.contents && !is_continuation_marker(l.text)) leave_out(l);
    }
    lines_.clear();
    std::vector<DutyList> lists;
    for (size_t i = 0; i < document_.lists.size(); ++i) {
        DutyList& list = document_.lists[i];
        apply_section_headings(list, headings_[i]);
        if (!list.items.empty()) lists.push_back(std::move(list));
        else warn_("the list \"" + shortened(list.title) + "\" has a header row but no rows under it and is left out");
    }
    if (lists.empty()) throw Error(_(no_list_error_.c_str()));
    document_.lists = std::move(lists);
    drop_control_characters(document_);
    return std::move(document_);
}

}  // namespace dutylist
