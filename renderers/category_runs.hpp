// Runs of equal, non-empty cells down one column, which --merge-categories prints as one
// merged cell in the DOCX and in the XLSX, so that both merge the same rows.
#pragma once

#include <cstddef>

namespace dutylist {

// The last row of the run that starts at row `first` of `rows` (`first` itself when the next
// row differs). `same(a, b)`: rows a and b hold the same non-empty text in the column.
template <class Same>
size_t run_end(size_t rows, size_t first, Same same) {
    size_t end = first;
    while (end + 1 < rows && same(first, end + 1)) ++end;
    return end;
}

}  // namespace dutylist
