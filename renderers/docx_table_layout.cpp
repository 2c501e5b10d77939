#include "renderers/docx_table_layout.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "model/text.hpp"

namespace dutylist::docx_layout {
namespace {

constexpr int cell_margin = 108;  // twips left and right, as in the table's tblCellMar
// A column narrower than this many ideographs breaks words such as 事项类别 mid-way.
constexpr double min_column_chars = 5;
// A header label or a cell up to this many ideographs is one word (对应上级部门, 应急管理及消防):
// never broken where the columns can make room for it. Longer texts are phrases and may wrap.
constexpr double word_chars = 8;
// Past this many characters per cell a column gets no more share of the width.
constexpr double max_weight_chars = 200;
// Exact line pitch over text size, as Chinese official documents set it (16 pt on 23 pt,
// 11 pt on 14.5 pt in the corpus' source).
constexpr double line_pitch = 1.35;
// Printed width in ideographs: ASCII letters and digits are half as wide.
double ideographs(std::string_view s) {
    double width = 0;
    for (size_t i = 0; i < s.size();) width += next_code_point(s, i) < 0x80 ? 0.5 : 1;
    return width;
}

const Paragraphs& value(const Item& item, size_t column) {
    static const Paragraphs empty;
    return column < item.values.size() ? item.values[column] : empty;
}

double longest_paragraph(const DutyList& list, size_t c) {
    double longest = 0;
    for (const auto& item : list.items)
        for (const auto& p : value(item, c)) longest = std::max(longest, ideographs(p));
    return longest;
}

double chosen_size(const DutyList& list, double text_size) {
    if (text_size > 0) return text_size;
    if (list.layout.text_size > 0) return std::clamp(list.layout.text_size, min_text_size, max_text_size);
    return default_text_size;
}

// The least width (twips) each column needs: its header label and its cells whole when they
// are words, else min_column_chars.
std::vector<int> needed_widths(const DutyList& list, int char_twips) {
    std::vector<int> need;
    for (size_t c = 0; c < list.columns.size(); ++c) {
        const double label = ideographs(list.columns[c].label), longest = longest_paragraph(list, c);
        const double chars = std::max({longest <= word_chars ? longest : min_column_chars, label <= word_chars ? label : 2.0, 1.0});
        need.push_back(static_cast<int>(std::ceil(chars * char_twips)) + 2 * cell_margin);
    }
    return need;
}

// The widths the columns would like: the source's shares, or a share by how much text each
// column holds on top of what it needs.
std::vector<double> wished_widths(const DutyList& list, const std::vector<int>& need, int table_width) {
    const size_t n = list.columns.size();
    std::vector<double> wish(n);
    if (list.layout.column_shares.size() == n) {
        for (size_t c = 0; c < n; ++c) wish[c] = list.layout.column_shares[c] * table_width;
        return wish;
    }
    std::vector<double> weight(n);
    double weights = 0, spare = table_width;
    for (size_t c = 0; c < n; ++c) {
        double total = 0;
        for (const auto& item : list.items)
            for (const auto& p : value(item, c)) total += ideographs(p);
        const double mean = list.items.empty() ? ideographs(list.columns[c].label) : total / double(list.items.size());
        weight[c] = std::min(mean, max_weight_chars) + 1;
        weights += weight[c];
        spare -= need[c];
    }
    for (size_t c = 0; c < n; ++c) wish[c] = need[c] + std::max(0.0, spare) * weight[c] / weights;
    return wish;
}

// Every column at least its need where the table has room, the room taken from the columns
// above their need in proportion to their surplus; the last column takes the rounding.
std::vector<int> settle(std::vector<double> wish, const std::vector<int>& need, int table_width) {
    double needs = 0;
    for (int w : need) needs += w;
    const double fit = needs > table_width ? table_width / needs : 1.0;  // no room: all shrink alike
    double deficit = 0, surplus = 0;
    for (size_t c = 0; c < wish.size(); ++c) {
        const double floor = need[c] * fit;
        if (wish[c] < floor) deficit += floor - wish[c];
        else surplus += wish[c] - floor;
    }
    for (size_t c = 0; c < wish.size(); ++c) {
        const double floor = need[c] * fit;
        if (wish[c] < floor) wish[c] = floor;
        else if (surplus > 0) wish[c] -= (wish[c] - floor) * std::min(1.0, deficit / surplus);
    }
    std::vector<int> widths;
    int used = 0;
    for (double w : wish) {
        widths.push_back(static_cast<int>(w));
        used += widths.back();
    }
    if (!widths.empty()) widths.back() += table_width - used;
    return widths;
}

// Centred when every cell fits on one line. Text that wraps stays justified even in a narrow
// column: its full right edge is what tells a reader, and a PDF reader, that a line goes on
// (set flush left, 17 cells of the corpus read back split where a line-break rule had moved a
// character down).
Align alignment(const DutyList& list, size_t c, int width, int char_twips) {
    const double line_chars = double(width - 2 * cell_margin) / char_twips;
    return !list.items.empty() && longest_paragraph(list, c) <= line_chars ? Align::center : Align::justify;
}

}  // namespace

TableLayout table_layout(const DutyList& list, int table_width, double text_size) {
    TableLayout out;
    const double size = chosen_size(list, text_size);
    out.half_points = static_cast<int>(std::lround(size * 2));
    out.line_twips = static_cast<int>(std::lround(size * 20 * line_pitch));
    const int char_twips = out.half_points * 10;
    const std::vector<int> need = needed_widths(list, char_twips);
    out.widths = settle(wished_widths(list, need, table_width), need, table_width);
    for (size_t c = 0; c < list.columns.size(); ++c) out.align.push_back(alignment(list, c, out.widths[c], char_twips));
    return out;
}

}  // namespace dutylist::docx_layout
