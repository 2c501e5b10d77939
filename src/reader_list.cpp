#include "reader_list.hpp"

#include "extractors/docx/docx_reader.hpp"
#include "extractors/html/html_reader.hpp"
#include "extractors/json/json_reader.hpp"
#include "extractors/odf/odf_reader.hpp"
#include "extractors/office/legacy_reader.hpp"
#include "extractors/pdf/page_images.hpp"
#include "extractors/pdf/pdf_reader.hpp"
#include "extractors/xlsx/xlsx_reader.hpp"

namespace dutylist {

std::vector<Reader> registered_readers() {
    return {
        {"xlsx", "Excel (.xlsx)", {".xlsx", ".xlsm", ".xltx", ".xltm"}, sniff_xlsx, read_xlsx},  // before docx: its sniff reads the ZIP directory
        {"odt", "ODF text (.odt)", {".odt"}, sniff_odt, read_odt},  // before docx: by their stored mimetype
        {"ods", "ODF spreadsheet (.ods)", {".ods"}, sniff_ods, read_ods},
        {"docx", "Word (.docx)", {".docx", ".docm", ".dotx", ".dotm"}, sniff_docx, read_docx},
        {"pdf", "PDF", {".pdf"}, sniff_pdf, read_pdf, pdf::item_images},
        // Converted by LibreOffice first; the display names say so in --help and messages.
        {"doc", "Word 97–2003 (LibreOffice)", {".doc", ".dot", ".wps", ".wpt"}, office::sniff_legacy_word, office::read_legacy_word},
        {"rtf", "RTF (LibreOffice)", {".rtf"}, office::sniff_rtf, office::read_rtf},
        {"xls", "Excel 97–2003 (LibreOffice)", {".xls", ".xlt", ".et", ".ett"}, office::sniff_legacy_workbook, office::read_legacy_workbook},
        {"json", "dutylist JSON", {".json"}, sniff_json, read_json},
        {"html", "web page (HTML)", {".html", ".htm", ".shtml"}, sniff_html, read_html},  // last: markup near the start
    };
}

}  // namespace dutylist
