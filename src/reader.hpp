// What an extractor is to the rest of the program: bytes in, a Document out, with the name,
// the display name and the file extensions by which the CLI and its messages speak of it.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/deadline.hpp"
#include "model/document.hpp"
#include "model/source_images.hpp"

namespace dutylist {

struct InputFile {
    std::string name;   // as shown in messages and recorded in source.file ("-" for stdin)
    std::string bytes;  // the whole file
};

// When pages are read from their images by OCR: `automatic` for pages whose text layer is
// missing (scans, outlined text) or cannot be trusted; `never` refuses such pages (unless
// `force`); `always` reads every page from its image.
enum class OcrMode { automatic, never, always };

struct ReadOptions {
    bool force = false;  // accept text that cannot be trusted (e.g. a font without Unicode map)
    OcrMode ocr = OcrMode::automatic;
    unsigned threads = 0;  // 0: as many as useful
    // How long a converter (LibreOffice, for the legacy formats) may go without progress on one
    // file before it is stopped: a damaged file can make it hang. The default is time enough
    // for LibreOffice to start and convert a list of a few hundred pages on a busy machine.
    std::chrono::seconds convert_timeout{120};
    // The whole conversion's time limit (model/deadline.hpp); none unless the server sets one.
    Deadline deadline;
    // Non-fatal findings (a skipped element, a page with no text under --force).
    std::function<void(const std::string&)> warn = [](const std::string&) {};
};

struct Reader {
    std::string_view name;          // "pdf", "docx": recorded in source.format
    std::string_view display_name;  // "PDF", "Word (.docx)": for help and messages
    // Lower case with the dot: what a folder walk picks up. The content, never the
    // extension, decides which reader reads a file.
    std::vector<std::string_view> extensions;
    bool (*sniff)(std::string_view bytes);
    Document (*read)(const InputFile& input, const ReadOptions& options);
    // For a paged format: the picture of each item's region of its page, from the input its
    // document was read from (model/source_images.hpp), drawn on at most options.threads
    // threads (0: the cores) by options.deadline. Formats without pages have none.
    SourceImages (*images)(const InputFile& input, const Document& document, const ReadOptions& options) = nullptr;
};

}  // namespace dutylist
