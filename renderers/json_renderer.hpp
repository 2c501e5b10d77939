// The open-data format: the model as versioned JSON (schema in docs/dutylist.schema.json).
#pragma once

#include <string>
#include <vector>

#include "writer.hpp"

namespace dutylist {

// Version 2 keeps an item's column values in "values"; version 1 set them beside the item's
// "source" and "departments_list", where a column of that key lost its text. Version 1 is still read.
inline constexpr const char* json_schema_id = "dutylist/2";
inline constexpr const char* json_schema_v1 = "dutylist/1";

std::string document_to_json(const Document& document);
std::vector<Output> render_json(const Document& document, const RenderOptions& options);

}  // namespace dutylist
