#include "review/readings.hpp"

#include <fmt/format.h>

#include "i18n/catalogue.hpp"

namespace dutylist::review {

Readings count_readings(const DutyList& list) {
    Readings out;
    for (const auto& item : list.items) {
        switch (item.source.reading) {
            case TextReading::text: ++out.text; break;
            case TextReading::repaired: ++out.repaired; break;
            case TextReading::ocr: ++out.ocr; break;
        }
        if (item.source.confidence && *item.source.confidence < doubtful_confidence) ++out.doubtful;
    }
    return out;
}

Readings count_readings(const Document& document) {
    Readings out;
    for (const auto& list : document.lists) {
        const Readings r = count_readings(list);
        out.text += r.text;
        out.repaired += r.repaired;
        out.ocr += r.ocr;
        out.doubtful += r.doubtful;
    }
    return out;
}

std::string readings_text(const Readings& r) {
    std::string out;
    const auto add = [&](size_t n, const char* how) {
        if (n) out += (out.empty() ? "" : _(", ")) + fmt::format(fmt::runtime(how), n);
    };
    add(r.text, _("{} from the text"));
    add(r.repaired, _("{} from repaired fonts"));
    add(r.ocr, _("{} by OCR"));
    if (r.doubtful) out += fmt::format(fmt::runtime(_(", {} below {}% confidence")), r.doubtful, doubtful_confidence);
    return out;
}

}  // namespace dutylist::review
