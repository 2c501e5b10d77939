#include "writers.hpp"

#include "renderers/json_renderer.hpp"

namespace dutylist {

std::vector<Writer> registered_writers() {
    return {
        {"json", render_json},
    };
}

}  // namespace dutylist
