// What one document may expand to: the ZIP limits count inflated bytes, but a reader then
// copies text (a shared string used in many cells, a cell merged down many rows, a numbering
// label repeated per paragraph), so a file of a few KB could fill the memory. Each copy of text
// a reader or the list builder makes is spent from a budget, and the document is refused
// beyond it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace dutylist {

// Far above any published list (a list of ~340 items holds about 1 MB of text; the largest
// odd input we convert, a 10 MB cell, fits a dozen times), and low enough that the copies the
// builder and every renderer of -t all make of it stay within 2 GB.
inline constexpr size_t max_document_text_bytes = size_t{128} << 20;

class TextBudget {
public:
    explicit TextBudget(size_t limit = max_document_text_bytes) : left_(limit), limit_(limit) {}

    // Throws Error once more than the limit has been spent.
    void spend(size_t bytes);
    void spend(const std::vector<std::string>& paragraphs);

private:
    size_t left_;
    size_t limit_;
};

}  // namespace dutylist
