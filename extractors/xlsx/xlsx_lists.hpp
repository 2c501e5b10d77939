// Stage two of the XLSX reader: the rows of each sheet → the model. In each sheet a row naming
// 序号, 事项类别 or 事项名称 starts a list: the lines above it give its title (and, above the
// first list, the document's issuer, title and date), the rows below it its items, up to the
// lines above the next list. Several lists may stand on one sheet, one below the other.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "extractors/xlsx/xlsx_sheet.hpp"
#include "model/document.hpp"

namespace dutylist::xlsx {

struct Sheet {
    std::string name;
    std::vector<SheetRow> rows;
};

// Throws Error when no sheet holds a duty list. `warn` hears of sheets that are skipped.
Document build_document(const std::vector<Sheet>& sheets, const std::function<void(const std::string&)>& warn);

}  // namespace dutylist::xlsx
