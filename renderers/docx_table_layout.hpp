// How a list's table is laid out on the DOCX page: column widths, text size, line pitch and
// each column's alignment. Pure functions of the list, so that the look can be tested
// without Word: the source's printing where the model knows it (ListLayout), otherwise
// fitted to the content.
#pragma once

#include <vector>

#include "model/document.hpp"

namespace dutylist::docx_layout {

enum class Align { justify, center };

struct TableLayout {
    std::vector<int> widths;  // twips per column, summing to the table width
    int half_points = 24;     // text size, w:sz
    int line_twips = 0;       // exact line pitch, w:spacing w:line
    std::vector<Align> align;
};

// Official lists print table text between these sizes (points); a source outside them is
// taken as a mistake of its producer, not copied.
constexpr double min_text_size = 9, max_text_size = 16;
// What a list is printed in when neither the user nor the source says.
constexpr double default_text_size = 12;

// `text_size` is the user's choice in points, 0 for the source's or the default.
TableLayout table_layout(const DutyList& list, int table_width, double text_size);

}  // namespace dutylist::docx_layout
