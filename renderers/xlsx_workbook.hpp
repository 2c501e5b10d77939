// Writing an XLSX workbook with libxlsxwriter: the file it needs, its errors as dutylist::Error,
// and the sizes of text in a cell. Shared by the list renderer and the 修订对照表.
#pragma once

#include <xlsxwriter.h>

#include <string>
#include <string_view>

namespace dutylist::xlsx_out {

// Excel's A4 paper code (worksheet_set_paper).
inline constexpr uint8_t paper_a4 = 9;
// libxlsxwriter sets no row heights and LibreOffice Calc does not fit them to wrapped text on
// opening, so each row is made as tall as its longest cell's estimated lines: 15 pt a line of
// the default 11 pt font, up to the 409 pt a row can have.
inline constexpr double line_height_points = 15;
inline constexpr double max_row_points = 409;

// The width of the widest line of a text in Excel's character units: an ideograph is two.
double text_width(std::string_view text);

// Lines a text takes in a column of this width (in character units, one of them padding).
size_t estimated_lines(std::string_view text, double width);

// Text as a cell can hold it: valid UTF-8 without the control characters XML forbids (a
// paragraph break stays a line break of the cell).
std::string cell_string(std::string_view text);

// A workbook being written. libxlsxwriter writes only to a file: a private temporary one,
// read back by finish() and removed with the object.
class WorkbookFile {
public:
    // `what` names the output in messages: "the XLSX workbook".
    explicit WorkbookFile(std::string what);
    ~WorkbookFile();
    WorkbookFile(const WorkbookFile&) = delete;
    WorkbookFile& operator=(const WorkbookFile&) = delete;

    lxw_workbook* book() const { return book_; }
    // Throws Error for a libxlsxwriter failure; a cell too long says so in a clerk's words.
    void check(lxw_error error) const;
    // Closes the workbook and returns its bytes; throws Error when it cannot be written.
    std::string finish();

private:
    std::string what_;
    std::string path_;
    int slot_ = -1;
    lxw_workbook* book_ = nullptr;
};

}  // namespace dutylist::xlsx_out
