// The list of extractors, one line each in readers.cpp, in sniffing order.
#pragma once

#include <vector>

#include "formats.hpp"

namespace dutylist {
std::vector<Reader> registered_readers();
}
