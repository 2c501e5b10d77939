// One self-contained HTML page for reading, searching and printing the lists.
#pragma once

#include <vector>

#include "writer.hpp"

namespace dutylist {

// Suffix ".html": the page from templates/html/page.html with the cover lines, a table of
// contents and one table per list. Anchors: "list-basic" for a list, "basic-12" for its
// 12th item ("basic-2", "basic-2-12" for a second list of the same kind). Every paragraph
// of a cell is its own <p>.
std::vector<Output> render_html(const Document& document, const RenderOptions& options);

}  // namespace dutylist
