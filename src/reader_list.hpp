// The list of extractors, one line each in reader_list.cpp, in sniffing order.
#pragma once

#include <vector>

#include "reader.hpp"

namespace dutylist {
std::vector<Reader> registered_readers();
}
