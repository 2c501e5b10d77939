// Stage one of the XLSX reader, the workbook: the OOXML package (package::Package, shared with
// the DOCX reader), the sheets in the order the workbook lists them and the shared-string table.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "package/ooxml_package.hpp"

namespace dutylist::xlsx {

// A ZIP package with an xl/workbook.xml part and no word/document.xml, read from its directory.
bool is_workbook(std::string_view bytes);

struct SheetPart {
    std::string name;  // as on the sheet's tab
    std::string part;  // "xl/worksheets/sheet1.xml"
};

class Workbook {
public:
    // Reads the workbook part and the shared strings of the package in `bytes`, which must
    // outlive the Workbook. Throws Error when it is not a readable workbook.
    explicit Workbook(std::string_view bytes);

    const std::vector<SheetPart>& sheets() const { return sheets_; }
    const std::vector<std::string>& shared_strings() const { return shared_strings_; }
    // A worksheet's XML; Error when the part is missing or damaged.
    package::XmlPart read_sheet(const SheetPart& sheet);

private:
    package::Package package_;
    std::vector<SheetPart> sheets_;
    std::vector<std::string> shared_strings_;
};

}  // namespace dutylist::xlsx
