#include "extractors/pdf/list_assembly.hpp"

#include <algorithm>
#include <cmath>

#include "model/columns.hpp"
#include "model/text.hpp"

namespace dutylist::pdf {
namespace {

// Lines of one heading are at most this many font sizes apart.
constexpr double heading_gap = 1.2;
// A line repeated on consecutive pages within this distance is a running header or footer.
constexpr double running_distance = 6.0;
// Header labels are short.
constexpr size_t max_label_chars = 24;
// Font sizes within this are the same size (the cover title may span lines).
constexpr double same_size = 0.5;
// Lines in this share of the page at its foot are its margin (page number, footer).
constexpr double footer_share = 0.1;

std::string squeeze(const std::string& s) { return remove_whitespace(s); }

// A line as a running header or footer repeats it: without spaces, and every run of digits the
// same, so that "file:///清单.html 1/2" and "… 2/2" are one footer.
std::string furniture_key(const std::string& s) {
    std::string out;
    for (char c : squeeze(s)) {
        const bool digit = c >= '0' && c <= '9';
        if (!digit) out += c;
        else if (out.empty() || out.back() != '#') out += '#';
    }
    return out;
}

size_t char_count(const std::string& s) {
    size_t n = 0;
    for (size_t i = 0; i < s.size();) {
        next_code_point(s, i);
        ++n;
    }
    return n;
}

bool is_number(const std::string& s) {
    const std::string t = squeeze(s);
    return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

const CellBlock* cell_covering(const TableBlock& t, int row, int col) {
    for (const CellBlock& c : t.cells)
        if (row >= c.grid.row && row < c.grid.row + c.grid.row_span && col >= c.grid.col && col < c.grid.col + c.grid.col_span)
            return &c;
    return nullptr;
}

std::vector<std::string> row_labels(const TableBlock& t, int row) {
    std::vector<std::string> labels;
    for (int c = 0; c < t.cols; ++c) {
        const CellBlock* cell = cell_covering(t, row, c);
        labels.push_back(cell && cell->grid.col == c ? join_lines(cell->lines) : "");
    }
    return labels;
}

// A header row names its columns: 序号 or short labels that are not data.
bool is_header(const std::vector<std::string>& labels) {
    int named = 0;
    for (const auto& l : labels) {
        const std::string s = squeeze(l);
        if (s == "序号" || s == "编号") return true;
        if (s.empty() || is_number(s) || char_count(s) > max_label_chars) return false;
        const std::string last = s.substr(s.size() - std::min<size_t>(3, s.size()));
        if (last == "。" || last == "；" || last == "，") return false;
        ++named;
    }
    return named >= 2;
}

bool same_labels(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (squeeze(a[i]) != squeeze(b[i])) return false;
    return true;
}

int seq_column(const std::vector<std::string>& labels) {
    const std::vector<Column> columns = make_columns(labels);
    for (size_t i = 0; i < columns.size(); ++i)
        if (columns[i].key == "seq") return static_cast<int>(i);
    return 0;
}

struct Header {
    std::vector<std::string> labels;
    int rows = 0;       // rows above the data, title row included; 0: the table starts with data
    std::string title;  // a title row above the header, one cell across the table
};

// One cell across the whole table in this row (a title or section row), or null.
const CellBlock* across_row(const TableBlock& t, int row) {
    const CellBlock* cell = cell_covering(t, row, 0);
    return t.cols > 1 && cell && cell->grid.row == row && cell->grid.col_span == t.cols ? cell : nullptr;
}

// The header row, or two when a label groups several columns whose own labels are below it;
// under a title row printed inside the table, as Word tables sometimes begin.
Header find_header(const TableBlock& t) {
    int top = 0;
    std::string title;
    if (const CellBlock* cell = across_row(t, 0); cell && t.rows > 1 && is_header(row_labels(t, 1))) {
        title = join_lines(cell->lines);
        top = 1;
    }
    const std::vector<std::string> first = row_labels(t, top);
    if (!is_header(first)) return {};
    bool grouped = false;
    for (const CellBlock& c : t.cells) grouped = grouped || (c.grid.row == top && c.grid.col_span > 1);
    if (!grouped || t.rows < top + 2) return {first, top + 1, title};
    const std::vector<std::string> second = row_labels(t, top + 1);
    if (!is_header(second)) return {first, top + 1, title};
    return {second, top + 2, title};
}

// Blocks of lines that start with 注 or 说明 are notes to the list above them; they are taken
// out of `lines`.
std::vector<std::string> take_notes(std::vector<TextLine>& lines) {
    std::vector<std::string> notes;
    std::vector<TextLine> rest;
    for (size_t i = 0; i < lines.size();) {
        size_t end = i + 1;
        while (end < lines.size() && lines[end].page == lines[end - 1].page &&
               lines[end].top - lines[end - 1].bottom < heading_gap * lines[end].size)
            ++end;
        const std::string first = squeeze(lines[i].text);
        if (first.rfind("注：", 0) == 0 || first.rfind("注:", 0) == 0 || first.rfind("说明：", 0) == 0)
            notes.push_back(join_lines(std::vector<TextLine>(lines.begin() + static_cast<long>(i), lines.begin() + static_cast<long>(end))));
        else
            rest.insert(rest.end(), lines.begin() + static_cast<long>(i), lines.begin() + static_cast<long>(end));
        i = end;
    }
    lines = std::move(rest);
    return notes;
}

// Where the last block of lines (nearest the table) starts: the heading, which may wrap.
size_t heading_start(const std::vector<TextLine>& lines) {
    if (lines.empty()) return 0;
    size_t first = lines.size() - 1;
    while (first > 0 && lines[first].page == lines[first - 1].page &&
           lines[first].top - lines[first - 1].bottom < heading_gap * lines[first].size)
        --first;
    return first;
}

void set_cover(Document& doc, const std::vector<TextLine>& cover) {
    if (cover.empty()) return;
    double largest = 0;
    for (const auto& l : cover) largest = std::max(largest, l.size);
    size_t first = 0;
    while (first < cover.size() && cover[first].size < largest - same_size) ++first;
    size_t last = first;
    while (last + 1 < cover.size() && cover[last + 1].size >= largest - same_size && cover[last + 1].page == cover[first].page)
        ++last;
    doc.title = join_lines(std::vector<TextLine>(cover.begin() + static_cast<long>(first), cover.begin() + static_cast<long>(last) + 1));
    doc.issuer = join_lines(std::vector<TextLine>(cover.begin(), cover.begin() + static_cast<long>(first)));
    for (size_t i = last + 1; i < cover.size(); ++i) {
        const std::string date = squeeze(cover[i].text);
        if (!iso_date(date).empty()) {
            doc.date = date;
            doc.date_iso = iso_date(date);
            break;
        }
    }
}

bool is_contents_page(const PageLayout& page) {
    for (const auto& l : page.lines) {
        const std::string s = squeeze(l.text);
        if (s == "目录" || s == "目次") return true;
    }
    return false;
}

}  // namespace

void ListAssembler::leave_out(const std::vector<TextLine>& lines) {
    for (size_t i = 0; i < lines.size();) {
        size_t end = i + 1;
        while (end < lines.size() && lines[end].page == lines[i].page) ++end;
        const std::string text = join_lines(std::vector<TextLine>(lines.begin() + static_cast<long>(i), lines.begin() + static_cast<long>(end)));
        if (!left_out_.empty() && left_out_.back().page == lines[i].page) left_out_.back().text += " " + text;
        else left_out_.push_back({lines[i].page, text});
        i = end;
    }
}

bool ListAssembler::is_running(const TextLine& line) const {
    const std::string key = furniture_key(line.text);
    for (const auto& p : previous_page_)
        if (p.text == key && std::abs(p.y - line.top) < running_distance) return true;
    return false;
}

std::optional<PageLayout> ListAssembler::continue_borderless(const PageLayout& page) const {
    // Only the text above the page's first table can continue the table before it.
    const double first_top = page.tables.empty() ? page.height : page.tables.front().box.y0;
    std::vector<Glyph> above, below;
    for (const Glyph& g : page.loose) (g.centre_y() < first_top ? above : below).push_back(g);
    BorderlessResult found = continue_borderless_table(std::move(above), page.fonts, *open_borderless_, page.height,
                                                       [&](const TextLine& l) { return is_running(l); });
    if (found.tables.empty()) return std::nullopt;
    PageLayout out = page;
    for (CellBlock& c : found.tables.front().cells)
        for (TextLine& l : c.lines) l.page = page.number;
    out.tables.insert(out.tables.begin(), std::move(found.tables.front()));
    found.rest.insert(found.rest.end(), below.begin(), below.end());
    out.lines = free_lines(std::move(found.rest), page.fonts, page.number, page.width);
    return out;
}

void ListAssembler::note_open_borderless(const PageLayout& page) {
    open_borderless_.reset();
    if (page.tables.empty() || page.tables.back().ruled || lists_.empty()) return;
    const TableBlock& t = page.tables.back();
    if (static_cast<int>(lists_.back().labels.size()) != t.cols) return;
    // Nothing but the page's margin (page number, footer) under the table: it ran to the foot.
    for (const TextLine& l : since_table_)
        if (l.page == page.number && l.top < (1 - footer_share) * page.height) return;
    std::vector<double> sizes;
    for (const CellBlock& c : t.cells)
        for (const TextLine& l : c.lines) sizes.push_back(l.size);
    if (sizes.empty()) return;
    std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2), sizes.end());
    open_borderless_ = BorderlessColumns{t.xs, seq_column(lists_.back().labels), sizes[sizes.size() / 2]};
}

void ListAssembler::add_page(const PageLayout& input) {
    std::optional<PageLayout> continued;
    if (open_borderless_ && !input.loose.empty()) continued = continue_borderless(input);
    const PageLayout& page = continued ? *continued : input;
    this_page_.clear();
    std::vector<TextLine> lines;
    for (const TextLine& l : page.lines) {
        this_page_.push_back({furniture_key(l.text), l.top});
        if (!is_page_number(l.text) && !is_running(l)) lines.push_back(l);
    }
    // The last page's lines that recur here were its running header or footer too.
    std::erase_if(since_table_, [&](const TextLine& l) {
        if (l.page != page.number - 1) return false;
        const std::string key = furniture_key(l.text);
        return std::any_of(this_page_.begin(), this_page_.end(),
                           [&](const PlacedLine& p) { return p.text == key && std::abs(p.y - l.top) < running_distance; });
    });
    if (page.tables.empty()) {
        if (!seen_table_) {
            if (!is_contents_page(page)) cover_.insert(cover_.end(), lines.begin(), lines.end());
        } else {
            since_table_.insert(since_table_.end(), lines.begin(), lines.end());
        }
    } else {
        size_t next = 0;
        for (const TableBlock& t : page.tables) {
            std::vector<TextLine> above = std::move(since_table_);
            since_table_.clear();
            while (next < lines.size() && lines[next].bottom <= t.box.y0 + 1) above.push_back(lines[next++]);
            while (next < lines.size() && lines[next].top < t.box.y1) ++next;  // inside the table's box
            add_table(t, above, page.number);
            seen_table_ = true;
        }
        since_table_.assign(lines.begin() + static_cast<long>(next), lines.end());
    }
    note_open_borderless(page);
    previous_page_ = std::move(this_page_);
}

void ListAssembler::add_table(const TableBlock& t, const std::vector<TextLine>& above, int page) {
    std::vector<TextLine> heading_lines = above;
    if (!seen_table_) {
        // Before the first table, the lines on the same page as the table are its heading;
        // the rest is cover.
        std::erase_if(heading_lines, [&](const TextLine& l) { return l.page != page; });
    }
    OpenList* list = lists_.empty() ? nullptr : &lists_.back();
    for (std::string& note : take_notes(heading_lines))
        if (list) list->notes.push_back(std::move(note));
    const Header header = find_header(t);
    size_t heading_from = heading_start(heading_lines);
    std::string heading =
        join_lines(std::vector<TextLine>(heading_lines.begin() + static_cast<long>(heading_from), heading_lines.end()));
    if (!header.title.empty()) {
        // The title row names the list; the lines above are then no heading.
        heading = header.title;
        heading_from = heading_lines.size();
    }
    if (seen_table_) leave_out(std::vector<TextLine>(heading_lines.begin(), heading_lines.begin() + static_cast<long>(heading_from)));
    const bool continues = list && static_cast<int>(list->labels.size()) == t.cols &&
                           (heading.empty() || squeeze(heading) == squeeze(list->title)) &&
                           (!header.rows || same_labels(header.labels, list->labels));
    if (!continues) {
        lists_.push_back({heading, header.rows ? header.labels : std::vector<std::string>(static_cast<size_t>(t.cols)),
                          std::vector<bool>(static_cast<size_t>(t.cols), false), {}, {}, {}, std::nullopt});
        list = &lists_.back();
    }
    const int seq = seq_column(list->labels);
    const int body = header.rows;
    for (int r = body; r < t.rows; ++r) {
        if (const CellBlock* across = across_row(t, r)) {
            // One cell across the table: a section heading over the rows under it.
            list->close();
            if (!across->lines.empty()) list->headings.push_back({list->rows.size(), join_lines(across->lines)});
            continue;
        }
        Row row;
        row.cells.resize(static_cast<size_t>(t.cols));
        bool any = false;
        for (int c = 0; c < t.cols; ++c) {
            const CellBlock* cell = cell_covering(t, r, c);
            if (!cell || cell->grid.col != c) continue;
            if (cell->grid.row_span > 1) list->merged[static_cast<size_t>(c)] = true;
            row.cells[static_cast<size_t>(c)] = cell->lines;
            any = any || !cell->lines.empty();
        }
        if (!any) continue;
        row.source.pages = {page};
        row.source.boxes = {{page, t.box.x0, t.ys[static_cast<size_t>(r)], t.box.x1, t.ys[static_cast<size_t>(r) + 1]}};
        const bool top_of_page = r == body && continues;
        if (top_of_page && list->last && row.cells[static_cast<size_t>(seq)].empty()) {
            // The rest of the row above, split by the page break.
            Row& prev = *list->last;
            for (int c = 0; c < t.cols; ++c) {
                const CellBlock* cell = cell_covering(t, r, c);
                if (!cell || cell->grid.row_span > 1) continue;
                auto& into = prev.cells[static_cast<size_t>(c)];
                into.insert(into.end(), row.cells[static_cast<size_t>(c)].begin(), row.cells[static_cast<size_t>(c)].end());
            }
            prev.source.pages.push_back(page);
            prev.source.boxes.push_back(row.source.boxes.front());
            continue;
        }
        if (continues && list->last) {
            // A merged cell carried over from the previous page is printed empty here.
            for (int c = 0; c < t.cols; ++c) {
                const CellBlock* cell = cell_covering(t, r, c);
                auto& value = row.cells[static_cast<size_t>(c)];
                if (value.empty() && cell && cell->grid.row == body && list->merged[static_cast<size_t>(c)] && c != seq)
                    value = list->last->cells[static_cast<size_t>(c)];
            }
        }
        list->push(std::move(row));
    }
}

void ListAssembler::OpenList::push(Row row) {
    close();
    last = std::move(row);
}

void ListAssembler::OpenList::close() {
    if (!last) return;
    rows.push_back(std::move(*last));
    last.reset();
}

std::vector<Item> ListAssembler::OpenList::items() const {
    std::vector<const std::vector<TextLine>*> cells;
    for (const Row& row : rows)
        for (const auto& cell : row.cells) cells.push_back(&cell);
    const ParagraphTolerances tol = paragraph_style(cells);
    std::vector<Item> out;
    for (const Row& row : rows) {
        Item item;
        for (const auto& cell : row.cells) item.values.push_back(paragraphs_from_lines(cell, tol));
        item.source = row.source;
        out.push_back(std::move(item));
    }
    return out;
}

Document ListAssembler::finish() {
    Document doc;
    set_cover(doc, cover_);
    if (!lists_.empty())
        for (std::string& note : take_notes(since_table_)) lists_.back().notes.push_back(std::move(note));
    leave_out(since_table_);
    for (OpenList& open : lists_) {
        open.close();
        if (open.rows.empty()) continue;  // a ruled frame or a header with no rows under it
        DutyList list;
        list.title = open.title;
        list.kind = kind_from_title(open.title);
        list.columns = make_columns(open.labels);
        list.items = open.items();
        list.notes = std::move(open.notes);
        apply_section_headings(list, open.headings);
        doc.lists.push_back(std::move(list));
    }
    return doc;
}

}  // namespace dutylist::pdf
