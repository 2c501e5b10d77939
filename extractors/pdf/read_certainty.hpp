// How the glyphs of a line or a cell were read (page_content.hpp, Glyph::reading), summed so
// that a cell can say how sure its text is: a recognised cell by its glyphs' mean confidence,
// as the OCR report counts a cell (extractors/ocr/ocr_report.hpp), a repaired one by its least
// certain code, since one wrong code repeats wherever the font draws it.
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>

#include "extractors/pdf/page_content.hpp"

namespace dutylist::pdf {

struct ReadCertainty {
    TextReading weakest = TextReading::text;
    double recognised_sum = 0;  // confidences of the recognised glyphs
    int recognised = 0;
    double least = 100;  // the least sure glyph not from the text layer

    void add(const Glyph& g) {
        weakest = std::max(weakest, g.reading);
        if (g.reading == TextReading::text) return;
        least = std::min(least, double(g.confidence));
        if (g.reading != TextReading::ocr) return;
        recognised_sum += g.confidence;
        ++recognised;
    }
    void add(const ReadCertainty& o) {
        weakest = std::max(weakest, o.weakest);
        recognised_sum += o.recognised_sum;
        recognised += o.recognised;
        least = std::min(least, o.least);
    }
    // The cell's confidence (0–100, rounded down so that a round trip keeps it); none for text.
    std::optional<int> confidence() const {
        if (weakest == TextReading::text) return std::nullopt;
        const double value = recognised ? recognised_sum / recognised : least;
        return static_cast<int>(std::floor(std::clamp(value, 0.0, 100.0)));
    }
};

}  // namespace dutylist::pdf
