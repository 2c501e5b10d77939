// The renderers' templates (templates/ in the source tree), compiled into the binary.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "io/embedded.hpp"

namespace dutylist {

// The template at path relative to templates/ ("html/page.html"); throws Error when the
// binary was built without it.
std::string_view template_file(std::string_view path);

// The template with every {{name}} replaced by its value (values are already markup). A
// placeholder without a value is a defect of the build and throws Error.
std::string fill_template(std::string_view page, const std::map<std::string, std::string>& values);

// Every template under a folder ("docx/"), with paths relative to that folder.
std::vector<EmbeddedFile> template_folder(std::string_view folder);

}  // namespace dutylist
