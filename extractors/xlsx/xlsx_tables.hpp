// Stage two of the XLSX reader: each sheet's rows as one neutral table for the list builder
// (model/list_builder.hpp), which finds the lists on it: several may stand on one sheet, one
// below the other, under their title rows; a sheet before the first list may be the cover.
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
