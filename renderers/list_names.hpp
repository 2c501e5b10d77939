// Names derived from a list's kind, shared by the renderers that write one part per list:
// the first list of a kind is "basic", a second one of the same kind "basic-2"; in Chinese (the
// files a clerk asks to be named so, --names zh) "基本履职事项清单", "基本履职事项清单-2".
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"

namespace dutylist {

enum class ListNaming { english, chinese };

// One name per list of the document, in order, unique within it.
std::vector<std::string> list_names(const Document& document, ListNaming naming = ListNaming::english);

}  // namespace dutylist
