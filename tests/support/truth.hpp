// Compares a model with a corpus truth.json by the rules of the corpus README: lists in order,
// columns by label, every cell by its paragraphs, whitespace inside paragraphs removed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace dutylist::test {

struct TruthReport {
    int items = 0;        // items in the truth
    int exact_items = 0;  // items whose every cell matches
    int cells = 0;
    int exact_cells = 0;
    std::vector<std::string> problems;  // the first differences, described

    bool perfect() const { return problems.empty(); }
    std::string summary() const;  // counts and the first problems, for a failing CHECK
};

struct TruthOptions {
    bool compare_metadata = true;  // issuer, title, date
    bool compare_titles = true;    // each list's title
};

// The truth itself as a model (columns keyed by column_key), for tests of renderers and tools
// that need a real document without running an extractor.
Document document_from_truth(const std::filesystem::path& truth_json);

TruthReport compare_with_truth(const Document& document, const std::filesystem::path& truth_json,
                               const TruthOptions& options = {});

}  // namespace dutylist::test
