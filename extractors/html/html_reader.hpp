// Reads a duty list from a web page (.html, .htm, .shtml, or HTML under another name, by its
// content) natively: the character set found and the text converted (html_encoding), the page
// parsed by libxml2's HTML parser without network access (nothing the page links to, no
// image, style sheet or frame, is ever fetched), its paragraphs and tables into the model's
// list builder (html_page, html_table, html_flow).
#pragma once

#include <string_view>

#include "reader.hpp"

namespace dutylist {

// Markup that starts like a web page: a doctype or <html> tag (or <head>, <body>, <meta>,
// <table> first) near the start, in any case, after a byte-order mark and white space.
bool sniff_html(std::string_view bytes);
Document read_html(const InputFile& input, const ReadOptions& options);

}  // namespace dutylist
