#include <algorithm>

#include "i18n/catalogue.hpp"
#include "model/text.hpp"
#include "renderers/xlsx_workbook.hpp"
#include "review/diff_renderers.hpp"
#include "review/revision_table.hpp"

namespace dutylist::review {
namespace {

using xlsx_out::cell_string;
using xlsx_out::estimated_lines;
using xlsx_out::line_height_points;
using xlsx_out::max_row_points;

// Column widths in Excel's character units (one ideograph is about two).
constexpr double column_widths[] = {18, 8, 30, 9, 50, 50};
constexpr const char* column_labels[] = {"清单", "序号", "事项名称", "调整类型", "调整前", "调整后"};
// What an XLSX cell holds at most; a longer before/after text cannot be written.
constexpr size_t max_cell_characters = 32767;

class Sheet {
public:
    Sheet(const xlsx_out::WorkbookFile& file, const std::string& name) : file_(file), sheet_(workbook_add_worksheet(file.book(), name.c_str())) {
        lxw_workbook* book = file.book();
        wrap_ = workbook_add_format(book);
        format_set_text_wrap(wrap_);
        format_set_align(wrap_, LXW_ALIGN_VERTICAL_CENTER);
        head_ = workbook_add_format(book);
        format_set_bold(head_);
        format_set_align(head_, LXW_ALIGN_CENTER);
        format_set_align(head_, LXW_ALIGN_VERTICAL_CENTER);
        struck_ = workbook_add_format(book);
        format_set_font_strikeout(struck_);
        marked_ = workbook_add_format(book);
        format_set_bold(marked_);
        format_set_underline(marked_, LXW_UNDERLINE_SINGLE);
    }

    void header() {
        for (lxw_col_t c = 0; c < std::size(column_labels); ++c) {
            worksheet_set_column(sheet_, c, c, column_widths[c], wrap_);
            file_.check(worksheet_write_string(sheet_, 0, c, column_labels[c], head_));
        }
        worksheet_freeze_panes(sheet_, 1, 0);
        worksheet_set_landscape(sheet_);
        worksheet_set_paper(sheet_, xlsx_out::paper_a4);
        worksheet_repeat_rows(sheet_, 0, 0);
        worksheet_fit_to_pages(sheet_, 1, 0);
    }

    void row(lxw_row_t r, const RevisionRow& row) {
        const std::string texts[] = {row.list, row.seq, row.name, row.change, side_text(row.before, Edit::removed), side_text(row.after, Edit::added)};
        size_t lines = 1;
        for (size_t c = 0; c < std::size(texts); ++c) lines = std::max(lines, estimated_lines(texts[c], column_widths[c]));
        worksheet_set_row(sheet_, r, std::min(max_row_points, static_cast<double>(lines) * line_height_points), nullptr);
        plain(r, 0, row.list);
        plain(r, 1, row.seq);
        plain(r, 2, row.name);
        plain(r, 3, row.change);
        spans(r, 4, row.before);
        spans(r, 5, row.after);
    }

    void filter(lxw_row_t last_row) { worksheet_autofilter(sheet_, 0, 0, last_row, std::size(column_labels) - 1); }

private:
    void plain(lxw_row_t r, lxw_col_t c, const std::string& text) {
        if (!text.empty()) file_.check(worksheet_write_string(sheet_, r, c, cell_string(text).c_str(), wrap_));
    }
    // Struck and marked words as rich text; libxlsxwriter takes rich text of two pieces or more.
    void spans(lxw_row_t r, lxw_col_t c, const std::vector<Span>& spans) {
        std::vector<std::string> texts;
        std::vector<lxw_rich_string_tuple> pieces;
        size_t characters = 0;
        for (const auto& s : spans) {
            texts.push_back(cell_string(s.text));
            for (size_t i = 0; i < texts.back().size(); ++characters) next_code_point(texts.back(), i);
        }
        if (characters > max_cell_characters) file_.check(LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED);
        for (size_t i = 0; i < spans.size(); ++i)
            if (!texts[i].empty()) pieces.push_back({spans[i].edit == Edit::removed ? struck_ : spans[i].edit == Edit::added ? marked_ : nullptr, texts[i].data()});
        if (pieces.size() == 1) file_.check(worksheet_write_string(sheet_, r, c, pieces[0].string, pieces[0].format ? pieces[0].format : wrap_));
        if (pieces.size() < 2) return;
        std::vector<lxw_rich_string_tuple*> list;
        for (auto& p : pieces) list.push_back(&p);
        list.push_back(nullptr);
        file_.check(worksheet_write_rich_string(sheet_, r, c, list.data(), wrap_));
    }

    const xlsx_out::WorkbookFile& file_;
    lxw_worksheet* sheet_;
    lxw_format *wrap_, *head_, *struck_, *marked_;
};

}  // namespace

std::string diff_to_xlsx(const DiffSubject& s) {
    xlsx_out::WorkbookFile file(N_("the revision table"));
    Sheet sheet(file, "修订对照表");
    sheet.header();
    const auto rows = revision_rows(s);
    for (size_t r = 0; r < rows.size(); ++r) sheet.row(static_cast<lxw_row_t>(r + 1), rows[r]);
    sheet.filter(static_cast<lxw_row_t>(rows.size()));
    return file.finish();
}

}  // namespace dutylist::review
