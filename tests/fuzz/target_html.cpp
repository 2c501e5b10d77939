// Fuzzes the web-page reader: the bytes as a whole page (encoding detection and conversion,
// libxml2's HTML parser, layout tables, spans, cell paragraphs, list building). Any input is
// either read or refused with dutylist::Error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extractors/html/html_reader.hpp"
#include "model/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace dutylist;
    ReadOptions options;
    options.threads = 1;
    try {
        read_html(InputFile{"fuzz.html", std::string(reinterpret_cast<const char*>(data), size)}, options);
    } catch (const Error&) {
    }
    return 0;
}
