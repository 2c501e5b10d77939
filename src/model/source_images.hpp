// Pictures of where each item was read: plain data that the reader of a paged format makes
// from its source (extractors/pdf/page_images.hpp) and the review page shows beside the items
// (renderers/review_renderer.hpp). The renderer never sees the source; whoever holds both the
// input and the document (the CLI's convert, the server) asks the registry for these and hands
// them over in RenderOptions.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>

namespace dutylist {

struct SourceImages {
    // (list, item), both 0-based indexes into the Document → a PNG of the item's region of its
    // page (its pages, one under the other, when the item runs over a page break).
    std::map<std::pair<size_t, size_t>, std::string> png;
    // Items with a region on the page but no image, past the limits of one review page.
    size_t left_out = 0;
};

}  // namespace dutylist
