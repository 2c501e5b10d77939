// The format registry: which extractors read which inputs, which renderers write which outputs.
// The CLI and the tests go through here; extractors and renderers never see each other. Help
// text, the folder walk and messages name formats from here, so a new reader or writer is one
// line in reader_list.cpp or writer_list.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "reader.hpp"
#include "writer.hpp"

namespace dutylist {

// In sniffing order, which is also the order messages name them in.
const std::vector<Reader>& readers();
const std::vector<Writer>& writers();
const Writer* find_writer(std::string_view name);

// Detects the format from the content (never the extension) and reads the document; fills
// source.file, source.format and source.sha256. Throws Error naming what the input is instead.
Document read_document(const InputFile& input, const ReadOptions& options);

// The pictures of the items' regions of their pages, for the review page: from the reader of
// the document's source format when it has pages (PDF), none otherwise (a DOCX's items name
// their table and row instead). `input` must be what `document` was read from; the pages are
// drawn on options.threads threads (0: the cores) and by options.deadline.
SourceImages source_images(const InputFile& input, const Document& document, const ReadOptions& options);

// What the bytes look like, for messages: "a PNG image", "an HTML page", "empty".
std::string describe_content(std::string_view bytes);

// Whether a file of this name is one a reader is meant for, by its extension in any case.
bool has_reader_extension(std::string_view file_name);

// For messages: "Excel (.xlsx), Word (.docx), PDF or dutylist JSON".
std::string reader_display_names();
// For messages: "*.xlsx, *.docx, *.pdf or *.json".
std::string reader_extension_patterns();

// "a, b or c" (what a clerk reads, rather than a comma list ending in a comma).
std::string one_of(const std::vector<std::string>& names);

}  // namespace dutylist
