// A parsed web page into the list builder: the body's paragraphs (headings, cover lines, 目录
// entries marked) and its tables in reading order. A table that holds another table lays the
// page out: its cells are read as the page's flow, and the tables inside it as tables. The
// site's chrome (html_flow.hpp) is left out; which table is a list, the builder decides from
// its header.
#pragma once

#include <functional>
#include <string>

#include <libxml/tree.h>

#include "model/document.hpp"

namespace dutylist::html {

// `root` is the document's <html> element. Throws Error when no table holds a duty list.
Document read_page(const xmlNode* root, const std::function<void(const std::string&)>& warn);

}  // namespace dutylist::html
