// Fuzzes the DOCX extractor on whole files, as the CLI hands them over: the ZIP container, its
// limits and every XML part. Any input is either read or refused with dutylist::Error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extractors/docx/docx_reader.hpp"
#include "model/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    dutylist::ReadOptions options;
    options.threads = 1;
    dutylist::InputFile input{"fuzz.docx", std::string(reinterpret_cast<const char*>(data), size)};
    try {
        dutylist::read_docx(input, options);
    } catch (const dutylist::Error&) {
    }
    return 0;
}
