// Fuzzes the dutylist JSON reader. Any input is either refused with dutylist::Error or read; what
// is read must render to JSON that reads back to the same JSON (the round trip the CLI offers).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "extractors/json/json_reader.hpp"
#include "model/error.hpp"
#include "renderers/json_renderer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace dutylist;
    ReadOptions options;
    options.threads = 1;
    InputFile input{"fuzz.json", std::string(reinterpret_cast<const char*>(data), size)};
    Document document;
    try {
        document = read_json(input, options);
    } catch (const Error&) {
        return 0;
    }
    const std::string once = document_to_json(document);
    Document again;
    try {
        again = read_json(InputFile{"fuzz.json", once}, options);
    } catch (const Error&) {
        std::abort();  // our own output must always read back
    }
    if (document_to_json(again) != once) std::abort();
    return 0;
}
