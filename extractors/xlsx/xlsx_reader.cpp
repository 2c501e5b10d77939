#include "extractors/xlsx/xlsx_reader.hpp"

#include "extractors/xlsx/xlsx_tables.hpp"
#include "extractors/xlsx/xlsx_package.hpp"
#include "extractors/xlsx/xlsx_sheet.hpp"

namespace dutylist {

bool sniff_xlsx(std::string_view bytes) { return xlsx::is_workbook(bytes); }

Document read_xlsx(const InputFile& input, const ReadOptions& options) {
    xlsx::Workbook workbook(input.bytes);
    std::vector<xlsx::Sheet> sheets;
    TextBudget budget;
    for (const auto& part : workbook.sheets()) {
        const package::XmlPart xml = workbook.read_sheet(part);
        sheets.push_back({part.name, xlsx::read_sheet_rows(xml.root(), workbook.shared_strings(), budget)});
    }
    return xlsx::build_document(sheets, options.warn);
}

}  // namespace dutylist
