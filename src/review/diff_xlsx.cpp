#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "io/files.hpp"
#include "io/temporary_files.hpp"
#include "model/error.hpp"
#include "model/text.hpp"
#include "review/diff_renderers.hpp"
#include "review/revision_table.hpp"

namespace dutylist::review {
namespace {

// Column widths in Excel's character units (one ideograph is about two).
constexpr double column_widths[] = {18, 8, 30, 9, 50, 50};
constexpr const char* column_labels[] = {"清单", "序号", "事项名称", "调整类型", "调整前", "调整后"};
// What an XLSX cell holds at most; a longer before/after text cannot be written.
constexpr size_t max_cell_characters = 32767;
constexpr size_t max_workbook_bytes = 256u << 20;
// libxlsxwriter sets no row heights and LibreOffice Calc does not fit them to wrapped text on
// opening, so each row is made as tall as its longest cell's estimated lines: 15 pt a line of
// the default 11 pt font, up to the 409 pt a row can have.
constexpr double line_height_points = 15;
constexpr double max_row_points = 409;

// Lines a text takes in a column of this width (in character units, one of them padding): an
// ideograph is two units wide.
size_t estimated_lines(std::string_view text, double width) {
    size_t lines = 1;
    double used = 0;
    for (size_t i = 0; i < text.size();) {
        const char32_t cp = next_code_point(text, i);
        if (cp == '\n') {
            ++lines, used = 0;
            continue;
        }
        const double w = is_cjk(cp) ? 2 : 1;
        if (used > 0 && used + w > width - 1) ++lines, used = 0;
        used += w;
    }
    return lines;
}

// Text as a cell can hold it: valid UTF-8 without the control characters XML forbids (a
// paragraph break stays a line break of the cell).
std::string cell_string(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        const char32_t cp = next_code_point(text, i);
        if (cp == '\n' || (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F))) append_utf8(out, cp);
    }
    return out;
}

class Sheet {
public:
    Sheet(lxw_workbook* book, const std::string& name) : sheet_(workbook_add_worksheet(book, name.c_str())) {
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
            check(worksheet_write_string(sheet_, 0, c, column_labels[c], head_));
        }
        worksheet_freeze_panes(sheet_, 1, 0);
        worksheet_set_landscape(sheet_);
        worksheet_set_paper(sheet_, 9);  // A4
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
    void check(lxw_error error) const {
        if (error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) throw Error("a cell of the revision table is longer than an XLSX cell can hold (32,767 characters)");
        if (error != LXW_NO_ERROR) throw Error(std::string("cannot write the XLSX revision table: ") + lxw_strerror(error));
    }
    void plain(lxw_row_t r, lxw_col_t c, const std::string& text) {
        if (!text.empty()) check(worksheet_write_string(sheet_, r, c, cell_string(text).c_str(), wrap_));
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
        if (characters > max_cell_characters) check(LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED);
        for (size_t i = 0; i < spans.size(); ++i)
            if (!texts[i].empty()) pieces.push_back({spans[i].edit == Edit::removed ? struck_ : spans[i].edit == Edit::added ? marked_ : nullptr, texts[i].data()});
        if (pieces.size() == 1) check(worksheet_write_string(sheet_, r, c, pieces[0].string, pieces[0].format ? pieces[0].format : wrap_));
        if (pieces.size() < 2) return;
        std::vector<lxw_rich_string_tuple*> list;
        for (auto& p : pieces) list.push_back(&p);
        list.push_back(nullptr);
        check(worksheet_write_rich_string(sheet_, r, c, list.data(), wrap_));
    }

    lxw_worksheet* sheet_;
    lxw_format *wrap_, *head_, *struck_, *marked_;
};

// libxlsxwriter writes only to a file: a private temporary one, read back and removed.
class TemporaryPath {
public:
    TemporaryPath() : path_((std::filesystem::temp_directory_path() / "dutylist-diff-XXXXXX.xlsx").string()) {
        const int fd = mkstemps(path_.data(), 5);
        if (fd < 0) throw Error("cannot create a temporary file for the XLSX revision table");
        close(fd);
        slot_ = remember_temporary(path_);
    }
    ~TemporaryPath() {
        std::error_code ignored;  // nothing to tell when it is gone already
        std::filesystem::remove(path_, ignored);
        forget_temporary(slot_);
    }
    TemporaryPath(const TemporaryPath&) = delete;
    TemporaryPath& operator=(const TemporaryPath&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
    int slot_ = -1;
};

}  // namespace

std::string diff_to_xlsx(const DiffSubject& s) {
    TemporaryPath file;
    lxw_workbook_options options{};
    lxw_workbook* book = workbook_new_opt(file.path().c_str(), &options);
    if (!book) throw Error("cannot start the XLSX revision table");
    try {
        Sheet sheet(book, "修订对照表");
        sheet.header();
        const auto rows = revision_rows(s);
        for (size_t r = 0; r < rows.size(); ++r) sheet.row(static_cast<lxw_row_t>(r + 1), rows[r]);
        sheet.filter(static_cast<lxw_row_t>(rows.size()));
    } catch (...) {
        workbook_close(book);
        throw;
    }
    if (lxw_error error = workbook_close(book); error != LXW_NO_ERROR)
        throw Error(std::string("cannot write the XLSX revision table: ") + lxw_strerror(error));
    return read_input(file.path(), max_workbook_bytes).bytes;
}

}  // namespace dutylist::review
