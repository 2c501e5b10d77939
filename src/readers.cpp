#include "readers.hpp"

#include "extractors/json/json_reader.hpp"

namespace dutylist {

std::vector<Reader> registered_readers() {
    return {
        {"json", sniff_json, read_json},
    };
}

}  // namespace dutylist
