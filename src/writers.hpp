// The list of renderers, one line each in writers.cpp.
#pragma once

#include <vector>

#include "formats.hpp"

namespace dutylist {
std::vector<Writer> registered_writers();
}
