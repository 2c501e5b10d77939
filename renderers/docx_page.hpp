// Page and table geometry shared by the DOCX documents dutylist writes (the lists and the
// 修订对照表), so that both print on the same paper with the same rules.
#pragma once

namespace dutylist::docx_page {

// A4 in twentieths of a point, and the 2.5 cm side margins of a landscape list page.
constexpr int a4_short = 11906, a4_long = 16838;
constexpr int landscape_margin = 1417;

// Every edge of a table, inside and out, in a thin black rule (w:tblBorders).
constexpr const char* table_borders =
    "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/></w:tblBorders>";

}  // namespace dutylist::docx_page
