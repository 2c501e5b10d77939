#include "writer_list.hpp"

#include "renderers/csv_renderer.hpp"
#include "renderers/docx_renderer.hpp"
#include "renderers/html_renderer.hpp"
#include "renderers/json_renderer.hpp"
#include "renderers/jsonl_renderer.hpp"
#include "renderers/review_renderer.hpp"
#include "renderers/xlsx_renderer.hpp"

namespace dutylist {

std::vector<Writer> registered_writers() {
    return {
        {"json", "dutylist JSON", FileRendering{render_json}},
        {"csv", "CSV, one file per list", FileRendering{render_csv}},
        {"html", "an HTML page", FileRendering{render_html}},
        {"docx", "Word (.docx)", FileRendering{render_docx}},
        {"xlsx", "Excel workbook (.xlsx), a sheet per list", FileRendering{render_xlsx}},
        {"review", "a review page: each item beside its region of the source page", FileRendering{render_review}, true},
        {"jsonl", "JSON Lines, one dataset of all inputs", DatasetRendering{"items.jsonl", jsonl_records}},
    };
}

}  // namespace dutylist
