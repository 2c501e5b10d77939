#include "model/text_budget.hpp"

#include <fmt/format.h>

#include "model/error.hpp"

namespace dutylist {

void TextBudget::spend(size_t bytes) {
    if (bytes <= left_) {
        left_ -= bytes;
        return;
    }
    left_ = 0;
    throw Error(fmt::format("the document is refused: its text expands to more than {} MB (text repeated by merged cells, "
                            "shared strings or numbering; not a duty list)",
                            limit_ >> 20));
}

void TextBudget::spend(const std::vector<std::string>& paragraphs) {
    for (const auto& p : paragraphs) spend(p.size() + 1);
}

}  // namespace dutylist
