// The open-data format: the model as versioned JSON (schema in docs/dutylist.schema.json).
#pragma once

#include <string>
#include <vector>

#include "writer.hpp"

namespace dutylist {

inline constexpr const char* json_schema_id = "dutylist/1";

std::string document_to_json(const Document& document);
std::vector<Output> render_json(const Document& document, const RenderOptions& options);

}  // namespace dutylist
