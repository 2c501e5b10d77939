#include "writers.hpp"

#include "renderers/csv_renderer.hpp"
#include "renderers/docx_renderer.hpp"
#include "renderers/html_renderer.hpp"
#include "renderers/json_renderer.hpp"

namespace dutylist {

std::vector<Writer> registered_writers() {
    return {
        {"json", render_json},
        {"csv", render_csv},
        {"html", render_html},
        {"docx", render_docx},
    };
}

}  // namespace dutylist
