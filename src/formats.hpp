// The format registry: which extractors read which inputs, which renderers write which outputs.
// The CLI and the tests go through here; extractors and renderers never see each other.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"

namespace dutylist {

struct InputFile {
    std::string name;   // as shown in messages and recorded in source.file ("-" for stdin)
    std::string bytes;  // the whole file
};

struct ReadOptions {
    bool force = false;  // accept text that cannot be trusted (e.g. a font without Unicode map)
    unsigned threads = 0;  // 0: as many as useful
    // Non-fatal findings (a skipped element, a page with no text under --force).
    std::function<void(const std::string&)> warn = [](const std::string&) {};
};

struct Reader {
    std::string_view name;  // "pdf", "docx", "xlsx", "json"
    bool (*sniff)(std::string_view bytes);
    Document (*read)(const InputFile& input, const ReadOptions& options);
};

struct RenderOptions {
    bool bom = false;               // CSV: UTF-8 byte-order mark for Excel/WPS
    bool merge_categories = false;  // DOCX: merge runs of equal 事项类别 vertically
    std::string reference_doc;      // DOCX: a user's reference document, "" for ours
};

struct Output {
    std::string suffix;  // appended to the input's stem: ".json", ".basic.csv"
    std::string bytes;
};

struct Writer {
    std::string_view name;  // "json", "csv", "html", "docx"
    std::vector<Output> (*render)(const Document& document, const RenderOptions& options);
};

const std::vector<Reader>& readers();
const std::vector<Writer>& writers();
const Writer* find_writer(std::string_view name);

// Detects the format from the content (never the extension) and reads the document; fills
// source.file, source.format and source.sha256. Throws Error naming what the input is instead.
Document read_document(const InputFile& input, const ReadOptions& options);

// What the bytes look like, for messages: "a PNG image", "an HTML page", "empty".
std::string describe_content(std::string_view bytes);

}  // namespace dutylist
