// Fuzzes the OpenDocument reader: the bytes as a whole .odt and as a whole .ods (ZIP container,
// inflate limits, content.xml and styles.xml, tables with spans, covered cells and repeats,
// list building). Any input is either read or refused with dutylist::Error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extractors/odf/odf_reader.hpp"
#include "model/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace dutylist;
    ReadOptions options;
    options.threads = 1;
    const InputFile input{"fuzz.odf", std::string(reinterpret_cast<const char*>(data), size)};
    for (auto read : {read_odt, read_ods}) {
        try {
            read(input, options);
        } catch (const Error&) {
        }
    }
    return 0;
}
