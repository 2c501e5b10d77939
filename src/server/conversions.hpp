// What the API makes of documents already read, through the registry's writers, the review's
// checks and the diff's renderers: the server's routes add only HTTP around these.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"
#include "reader.hpp"
#include "writer.hpp"

namespace dutylist::server {

struct Download {
    std::string bytes;
    std::string content_type;
    std::string file_name;  // what the browser saves it as
};

// Throw HttpError 400 unless /api/convert, or /api/diff, writes this format: checked before
// anything is uploaded or read.
void require_convert_format(std::string_view to);
void require_diff_format(std::string_view to);

// `to` is a writer's name. CSV writes one file per list, so it comes as a ZIP of them, or the
// one list named by `list` ("basic", "cooperative-2": renderers/list_names.hpp). Throws
// HttpError 400 for an unknown format or list.
Download convert_document(const Document& document, std::string_view to, std::string_view list, const RenderOptions& render);

// The review page of one file (renderers/review_renderer.hpp), with the pictures of its items'
// regions when its format has pages (PDF): `input` is what `document` was read from. The pages
// are drawn on options.threads threads, by options.deadline.
Download review_page(const InputFile& input, const Document& document, const ReadOptions& options);

// The self-check's findings (review/self_check.hpp), one line each, as convert prints them.
std::vector<std::string> self_check_lines(const Document& document);

// {"file", "format", "pages", "issuer", "title", "date", "date_iso", "lists": [{"name", "kind",
//  "label", "title", "items", "first_page", "last_page", "columns", "read": {"text", "repaired",
//  "ocr", "doubtful", "below"}: how its items were read, as inspect's "read:" line}], "warnings", "findings":
//  [{"list", "seq", "severity", "code", "message"}], "document": the dutylist JSON}: what the
// page shows of one file, its preview included.
std::string inspect_summary(const Document& document, const std::vector<std::string>& warnings);

// The revision report of two versions; `to` is json, html, csv, docx, xlsx or text. Throws
// HttpError 400 for another.
Download diff_report(const Document& old_doc, const Document& new_doc, std::string_view to);

}  // namespace dutylist::server
