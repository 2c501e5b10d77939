#include "renderers/xlsx_renderer.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/error.hpp"
#include "renderers/category_runs.hpp"
#include "renderers/xlsx_workbook.hpp"

namespace dutylist {
namespace {

using namespace xlsx_out;

// Column widths in Excel's character units (an ideograph is two).
constexpr double min_column_width = 6;  // a three-digit 序号 beside the autofilter's button
// Past it a cell wraps: 事项名称 with its long paragraphs would otherwise take the printed
// page's width from every other column (landscape A4 fit to width holds about 150 units).
constexpr double max_column_width = 50;
constexpr double column_padding = 3;  // the cell's margins, and the autofilter's button in the header
// A cell up to this wide (an ideograph is two) is a word such as 应急管理及消防: its column is
// never made too narrow to hold it whole, whatever the source's proportions.
constexpr double word_width = 16;
constexpr double title_font_points = 16;
constexpr double title_row_points = 30;  // one line of the 16 pt title with room above and below
constexpr double cover_row_points = 20;
// A 序号 is a number cell when it is a whole number without a leading zero ("01" stays text,
// as the clerk typed it) and far below the 15 digits Excel keeps exactly.
constexpr size_t max_counting_digits = 9;

struct Formats {
    lxw_format *title, *cover, *head, *text, *centered, *note;
};

Formats make_formats(lxw_workbook* book) {
    auto add = [book](bool bordered) {
        lxw_format* f = workbook_add_format(book);
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        if (bordered) format_set_border(f, LXW_BORDER_THIN);
        return f;
    };
    Formats f{add(false), add(false), add(true), add(true), add(true), add(false)};
    format_set_bold(f.title);
    format_set_font_size(f.title, title_font_points);
    format_set_align(f.title, LXW_ALIGN_CENTER);
    format_set_align(f.cover, LXW_ALIGN_CENTER);
    format_set_bold(f.head);
    format_set_align(f.head, LXW_ALIGN_CENTER);
    format_set_align(f.centered, LXW_ALIGN_CENTER);
    return f;
}

// A table to write: its header and its rows of cell texts, a cell's paragraphs as its lines.
struct Grid {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<bool> counts;    // per column: whole numbers are number cells
    std::vector<bool> centered;  // per column: short cells (序号, 事项类别), centred
    int merged_column = -1;      // runs of equal text in it are one merged cell; -1 for none
    std::vector<double> shares;  // the source's column proportions; empty when unknown
};

std::string joined(const Paragraphs& paragraphs) {
    std::string out;
    for (const auto& p : paragraphs) out += (out.empty() ? "" : "\n") + p;
    return out;
}

Grid list_grid(const DutyList& list, bool merge_categories) {
    Grid g;
    for (const auto& column : list.columns) {
        g.header.push_back(column.label);
        g.counts.push_back(column.key == "seq");
        g.centered.push_back(column.key == "seq" || column.key == "category");
    }
    for (const auto& item : list.items) {
        auto& row = g.rows.emplace_back();
        for (size_t c = 0; c < list.columns.size(); ++c) row.push_back(c < item.values.size() ? joined(item.values[c]) : "");
    }
    if (merge_categories) g.merged_column = column_index(list, "category");
    g.shares = list.layout.column_shares;
    return g;
}

Grid flat_grid(const FlatTable& table) {
    Grid g{table.header, {}, table.counts, table.counts, -1, {}};
    for (const auto& cells : table.rows) {
        auto& row = g.rows.emplace_back();
        for (const auto& cell : cells) row.push_back(joined(cell));
    }
    return g;
}

// Fitted to the content; where the source's proportions are known, in those over the same
// total width, no column below what its words need.
std::vector<double> column_widths(const Grid& g) {
    std::vector<double> widths, words;
    for (size_t c = 0; c < g.header.size(); ++c) {
        double w = text_width(g.header[c]);
        for (const auto& row : g.rows) w = std::max(w, text_width(row[c]));
        widths.push_back(std::clamp(w + column_padding, min_column_width, max_column_width));
        words.push_back(w <= word_width ? widths.back() : min_column_width);
    }
    if (g.shares.size() != widths.size()) return widths;
    const double total = std::accumulate(widths.begin(), widths.end(), 0.0);
    for (size_t c = 0; c < widths.size(); ++c) widths[c] = std::clamp(g.shares[c] * total, words[c], max_column_width);
    return widths;
}

bool is_counting_number(const std::string& s) {
    return !s.empty() && s.size() <= max_counting_digits && s[0] != '0' && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The last row of the run of equal text in column c that starts at row r: r when the next
// row differs or the cell is empty.
double row_points(size_t lines) { return std::min(max_row_points, static_cast<double>(lines) * line_height_points); }

class SheetWriter {
public:
    SheetWriter(const WorkbookFile& file, const Formats& formats, const std::string& name)
        : file_(file), formats_(formats), name_(name), sheet_(workbook_add_worksheet(file.book(), name.c_str())) {
        if (!sheet_) throw Error("cannot add the sheet " + name + " to the XLSX workbook");
    }

    // A line across the first `width` columns (a cover line, a title, a note); the next row.
    lxw_row_t line(lxw_row_t row, const std::string& text, lxw_col_t width, lxw_format* format, double min_points) {
        const std::string s = cell_string(text);
        if (width > 1) check(worksheet_merge_range(sheet_, row, 0, row, width - 1, s.c_str(), format), row, 0);
        else check(worksheet_write_string(sheet_, row, 0, s.c_str(), format), row, 0);
        worksheet_set_row(sheet_, row, std::max(min_points, row_points(estimated_lines(s, table_width_))), nullptr);
        return row + 1;
    }

    // The header at `top` (bold, frozen, filtered, repeated on printed pages), the rows below
    // it; the row after the last.
    lxw_row_t table(lxw_row_t top, const Grid& g) {
        const auto widths = column_widths(g);
        table_width_ = std::accumulate(widths.begin(), widths.end(), 0.0);
        size_t lines = 1;
        for (lxw_col_t c = 0; c < g.header.size(); ++c) {
            worksheet_set_column(sheet_, c, c, widths[c], nullptr);
            check(worksheet_write_string(sheet_, top, c, cell_string(g.header[c]).c_str(), formats_.head), top, c);
            lines = std::max(lines, estimated_lines(g.header[c], widths[c]));
        }
        worksheet_set_row(sheet_, top, row_points(lines), nullptr);
        write_rows(top + 1, g, widths);
        const auto last = static_cast<lxw_row_t>(top + g.rows.size());
        const auto last_column = static_cast<lxw_col_t>(std::max<size_t>(g.header.size(), 1) - 1);
        worksheet_freeze_panes(sheet_, top + 1, 0);
        file_.check(worksheet_autofilter(sheet_, top, 0, last, last_column));
        worksheet_repeat_rows(sheet_, top, top);
        worksheet_set_landscape(sheet_);
        worksheet_set_paper(sheet_, paper_a4);
        worksheet_fit_to_pages(sheet_, 1, 0);
        worksheet_center_horizontally(sheet_);
        return last + 1;
    }

private:
    void write_rows(lxw_row_t first, const Grid& g, const std::vector<double>& widths) {
        size_t merged_until = 0;  // rows of the merged column written by a merge, exclusive
        for (size_t r = 0; r < g.rows.size(); ++r) {
            size_t lines = 1;
            for (size_t c = 0; c < g.header.size(); ++c) {
                const std::string& text = g.rows[r][c];
                lxw_format* format = g.centered[c] ? formats_.centered : formats_.text;
                const auto column = static_cast<lxw_col_t>(c);
                if (static_cast<int>(c) == g.merged_column) {
                    if (r < merged_until) continue;
                    const auto same = [&](size_t a, size_t b) { return !g.rows[a][c].empty() && g.rows[b][c] == g.rows[a][c]; };
                    if (const size_t end = run_end(g.rows.size(), r, same); end > r) {
                        check(worksheet_merge_range(sheet_, first + r, column, first + end, column, cell_string(text).c_str(), format),
                              static_cast<lxw_row_t>(first + r), column);
                        merged_until = end + 1;
                        continue;
                    }
                }
                lines = std::max(lines, estimated_lines(text, widths[c]));
                write_cell(static_cast<lxw_row_t>(first + r), column, text, format, g.counts[c]);
            }
            worksheet_set_row(sheet_, static_cast<lxw_row_t>(first + r), row_points(lines), nullptr);
        }
    }

    void write_cell(lxw_row_t r, lxw_col_t c, const std::string& text, lxw_format* format, bool counts) {
        if (text.empty()) file_.check(worksheet_write_blank(sheet_, r, c, format));
        else if (counts && is_counting_number(text)) file_.check(worksheet_write_number(sheet_, r, c, std::stod(text), format));
        else check(worksheet_write_string(sheet_, r, c, cell_string(text).c_str(), format), r, c);
    }

    // A text too long for a cell is named by its sheet and cell, so the clerk can find it.
    void check(lxw_error error, lxw_row_t r, lxw_col_t c) const {
        if (error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
            char cell[LXW_MAX_CELL_NAME_LENGTH];
            lxw_rowcol_to_cell(cell, r, c);
            throw Error(fmt::format("the cell {} of the sheet {} would hold more text than an XLSX cell can (32,767 characters)", cell, name_));
        }
        file_.check(error);
    }

    const WorkbookFile& file_;
    const Formats& formats_;
    const std::string name_;
    lxw_worksheet* sheet_;
    double table_width_ = max_column_width;
};

// 基本履职事项, 配合履职事项, 上级部门收回事项: the kind's label without 清单; a second list of
// a kind is 基本履职事项2.
std::vector<std::string> sheet_names(const Document& doc) {
    constexpr std::string_view list_word = "清单";
    std::vector<std::string> names;
    for (const auto& list : doc.lists) {
        std::string base = kind_label(list.kind);
        if (base.ends_with(list_word)) base.resize(base.size() - list_word.size());
        std::string name = base;
        for (int n = 2; std::find(names.begin(), names.end(), name) != names.end(); ++n) name = base + std::to_string(n);
        names.push_back(name);
    }
    return names;
}

// The cover lines (issuer, title, date) and a blank row under them; the next row.
lxw_row_t write_cover(SheetWriter& sheet, const Document& doc, const Formats& formats, lxw_col_t width) {
    lxw_row_t row = 0;
    for (const std::string* text : {&doc.issuer, &doc.title, &doc.date})
        if (!text->empty()) row = sheet.line(row, *text, width, formats.cover, cover_row_points);
    return row ? row + 1 : 0;
}

void write_lists(const WorkbookFile& file, const Formats& formats, const Document& doc, bool merge_categories) {
    if (doc.lists.empty()) {
        SheetWriter sheet(file, formats, "清单");
        write_cover(sheet, doc, formats, 1);
        return;
    }
    const auto names = sheet_names(doc);
    for (size_t i = 0; i < doc.lists.size(); ++i) {
        const DutyList& list = doc.lists[i];
        SheetWriter sheet(file, formats, names[i]);
        const auto width = static_cast<lxw_col_t>(std::max<size_t>(list.columns.size(), 1));
        lxw_row_t row = i == 0 ? write_cover(sheet, doc, formats, width) : 0;
        if (!list.title.empty()) row = sheet.line(row, list.title, width, formats.title, title_row_points);
        row = sheet.table(row, list_grid(list, merge_categories));
        for (const auto& note : list.notes) row = sheet.line(row, note, width, formats.note, line_height_points);
    }
}

}  // namespace

std::vector<Output> render_xlsx(const Document& document, const RenderOptions& options) {
    WorkbookFile file(N_("the XLSX workbook"));
    const Formats formats = make_formats(file.book());
    if (options.import_template) {
        SheetWriter sheet(file, formats, "导入");
        sheet.table(0, flat_grid(flatten(document, *options.import_template)));
    } else {
        write_lists(file, formats, document, options.merge_categories);
    }
    return {{".xlsx", file.finish()}};
}

}  // namespace dutylist
