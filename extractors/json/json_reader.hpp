// Reads dutylist's own JSON (renderers/json_renderer.hpp) back into the model.
#pragma once

#include <string_view>

#include "reader.hpp"

namespace dutylist {

bool sniff_json(std::string_view bytes);
Document read_json(const InputFile& input, const ReadOptions& options);

}  // namespace dutylist
