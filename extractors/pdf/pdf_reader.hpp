// Reads a duty list from a PDF: pages are read by Poppler on worker threads, laid out and
// assembled into lists in page order.
#pragma once

#include <string_view>

#include "reader.hpp"

namespace dutylist {

bool sniff_pdf(std::string_view bytes);
Document read_pdf(const InputFile& input, const ReadOptions& options);

}  // namespace dutylist
