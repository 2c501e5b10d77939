#include "model/table_rows.hpp"

#include <algorithm>
#include <map>

#include "model/columns.hpp"
#include "model/sections.hpp"
#include "model/text.hpp"

namespace dutylist {

std::vector<TableRow> fill_merges(const std::vector<TableRow>& rows, TextBudget& budget) {
    std::vector<TableRow> out = rows;
    // Grid column → the text of the cell last seen starting there; `out` is not resized, so
    // the pointers stay valid.
    std::map<int, const Paragraphs*> above;
    for (TableRow& row : out)
        for (TableCell& cell : row.cells) {
            if (cell.merged_from_above) {
                auto it = above.find(cell.col);
                if (it != above.end()) budget.spend(*it->second);
                cell.text = it != above.end() ? *it->second : Paragraphs{};
            }
            above[cell.col] = &cell.text;
        }
    return out;
}

bool has_own_text(const TableRow& row) {
    return std::any_of(row.cells.begin(), row.cells.end(),
                       [](const TableCell& c) { return !c.merged_from_above && !c.text.empty(); });
}

std::vector<const TableCell*> filled_cells(const TableRow& row) {
    std::vector<const TableCell*> out;
    for (const TableCell& c : row.cells)
        if (!c.text.empty()) out.push_back(&c);
    return out;
}

std::string cell_line(const TableCell& cell) {
    std::string line;
    for (const std::string& p : cell.text) append_wrapped(line, p);
    return line;
}

namespace {

std::vector<std::string> labels_of(const TableRow& row) {
    std::vector<std::string> labels;
    for (const TableCell* c : filled_cells(row)) labels.push_back(cell_line(*c));
    return labels;
}

bool inside(const TableCell& c, const TableCell& group) {
    return c.col >= group.col && c.col < group.col + group.col_span;
}

// The row splits a label of `above` that spans several grid columns, and each of its other
// cells continues a merge from above or is empty.
bool splits_group(const TableRow& above, const TableRow& row) {
    bool splits = false;
    for (const TableCell& group : above.cells) {
        if (group.col_span < 2 || group.text.empty()) continue;
        const auto under = std::count_if(row.cells.begin(), row.cells.end(), [&](const TableCell& c) { return inside(c, group); });
        splits = splits || under >= 2;
    }
    if (!splits) return false;
    return std::all_of(row.cells.begin(), row.cells.end(), [&](const TableCell& c) {
        const bool grouped = std::any_of(above.cells.begin(), above.cells.end(),
                                         [&](const TableCell& g) { return g.col_span >= 2 && inside(c, g); });
        return grouped || c.merged_from_above || c.text.empty();
    });
}

}  // namespace

bool is_header_row(const TableRow& row) {
    const std::vector<std::string> labels = labels_of(row);
    return labels.size() >= 2 && names_duty_columns(labels);
}

size_t header_extent(const std::vector<TableRow>& rows, size_t first) {
    size_t end = first + 1;
    while (end < rows.size() && ((rows[first].header && rows[end].header) || splits_group(rows[end - 1], rows[end]))) ++end;
    return end - first;
}

std::vector<ColumnSpan> header_columns(const std::vector<TableRow>& rows, size_t first, size_t count) {
    std::vector<ColumnSpan> columns;
    // The lowest row that has cells: a row of none (a hostile or odd file) names no columns.
    size_t lowest = first + count - 1;
    while (lowest > first && rows[lowest].cells.empty()) --lowest;
    for (const TableCell& c : rows[lowest].cells) {
        std::string label = cell_line(c);
        for (size_t r = lowest; label.empty() && r-- > first;)
            for (const TableCell& above : rows[r].cells)
                if (above.col <= c.col && c.col < above.col + above.col_span) label = cell_line(above);
        columns.push_back({c.col, c.col + c.col_span, label});
    }
    return columns;
}

namespace {

std::u32string code_points(const std::string& s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) out.push_back(next_code_point(s, i));
    return out;
}

size_t edit_distance(const std::u32string& a, const std::u32string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

bool same_labels(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i] == b[i]) continue;
        const std::u32string x = code_points(a[i]), y = code_points(b[i]);
        if (edit_distance(x, y) * 3 > std::max(x.size(), y.size())) return false;
    }
    return true;
}

std::vector<std::string> bare_labels(const std::vector<ColumnSpan>& columns) {
    std::vector<std::string> out;
    for (const ColumnSpan& c : columns) out.push_back(remove_whitespace(c.label));
    return out;
}

std::vector<Paragraphs> values_of(const TableRow& row, const std::vector<ColumnSpan>& columns) {
    std::vector<Paragraphs> values(columns.size());
    for (const TableCell& c : row.cells) {
        size_t target = 0;
        for (size_t i = 0; i < columns.size(); ++i)
            if (columns[i].start <= c.col) target = i;
        values[target].insert(values[target].end(), c.text.begin(), c.text.end());
    }
    return values;
}

std::vector<std::string> bare_values(const TableRow& row, const std::vector<ColumnSpan>& columns) {
    std::vector<std::string> out;
    for (const Paragraphs& v : values_of(row, columns)) {
        std::string joined;
        for (const std::string& p : v) joined += remove_whitespace(p);
        out.push_back(std::move(joined));
    }
    return out;
}

bool is_section_row(const TableRow& row, int table_start, int table_end) {
    const std::vector<const TableCell*> filled = filled_cells(row);
    if (table_end - table_start < 2 || filled.size() != 1) return false;
    const TableCell& cell = *filled[0];
    if (cell.col <= table_start && cell.col + cell.col_span >= table_end) return true;
    const std::string text = cell_line(cell);
    const std::string bare = without_list_marker(text);
    return cell.col == table_start && cell.text.size() == 1 && bare != text && !bare.empty();
}

ListLayout list_layout(const Table& table, const std::vector<ColumnSpan>& columns) {
    ListLayout layout;
    layout.text_size = table.text_size;
    if (columns.empty() || static_cast<int>(table.column_widths.size()) < columns.back().end) return layout;
    double total = 0;
    for (const ColumnSpan& c : columns)
        for (int g = c.start; g < c.end; ++g) total += table.column_widths[static_cast<size_t>(g)];
    if (total <= 0) return layout;
    for (const ColumnSpan& c : columns) {
        double width = 0;
        for (int g = c.start; g < c.end; ++g) width += table.column_widths[static_cast<size_t>(g)];
        layout.column_shares.push_back(width / total);
    }
    return layout;
}

}  // namespace dutylist
