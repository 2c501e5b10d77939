// How sure the text of a row or an item is: the weaker of two readings wins, so an item is as
// doubtful as its least certain cell, and a row joined across a page break as its weaker half.
#pragma once

#include <algorithm>
#include <optional>
#include <string_view>

#include "model/document.hpp"

namespace dutylist {

inline void take_weaker(Provenance& into, TextReading reading, std::optional<int> confidence) {
    into.reading = std::max(into.reading, reading);
    if (confidence) into.confidence = into.confidence ? std::min(*into.confidence, *confidence) : *confidence;
}

// The names the JSON writes (docs/dutylist.schema.json, an item's source "read").
inline std::string_view reading_name(TextReading r) {
    return r == TextReading::ocr ? "ocr" : r == TextReading::repaired ? "repaired" : "text";
}

inline std::optional<TextReading> reading_named(std::string_view name) {
    for (TextReading r : {TextReading::text, TextReading::repaired, TextReading::ocr})
        if (reading_name(r) == name) return r;
    return std::nullopt;
}

}  // namespace dutylist
