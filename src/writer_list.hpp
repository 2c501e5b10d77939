// The list of renderers, one line each in writer_list.cpp, in the order help names them.
#pragma once

#include <vector>

#include "writer.hpp"

namespace dutylist {
std::vector<Writer> registered_writers();
}
