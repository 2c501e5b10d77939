// The renderers' templates (templates/ in the source tree), compiled into the binary.
#pragma once

#include <string_view>
#include <vector>

#include "io/embedded.hpp"

namespace dutylist {

// The template at path relative to templates/ ("html/page.html"); throws Error when the
// binary was built without it.
std::string_view template_file(std::string_view path);

// Every template under a folder ("docx/"), with paths relative to that folder.
std::vector<EmbeddedFile> template_folder(std::string_view folder);

}  // namespace dutylist
