#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "io/files.hpp"
#include "io/run_inputs.hpp"
#include "model/error.hpp"

namespace dutylist::cli {
namespace {

std::string page_span(const DutyList& list) {
    int first = 0, last = 0;
    for (const auto& item : list.items)
        for (int p : item.source.pages) {
            first = first ? std::min(first, p) : p;
            last = std::max(last, p);
        }
    if (!first) return "";
    return first == last ? fmt::format("page {}", first) : fmt::format("pages {}-{}", first, last);
}

// "80 from the text, 25 by OCR, 3 below 70% confidence": what a reviewer checks first.
std::string reading_summary(const DutyList& list) {
    size_t by[3] = {0, 0, 0}, doubtful = 0;
    for (const auto& item : list.items) {
        ++by[static_cast<size_t>(item.source.reading)];
        if (item.source.confidence && *item.source.confidence < doubtful_confidence) ++doubtful;
    }
    std::string out;
    const auto add = [&](size_t n, const char* how) {
        if (n) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, how);
    };
    add(by[static_cast<size_t>(TextReading::text)], "from the text");
    add(by[static_cast<size_t>(TextReading::repaired)], "from repaired fonts");
    add(by[static_cast<size_t>(TextReading::ocr)], "by OCR");
    if (doubtful) out += fmt::format(", {} below {}% confidence", doubtful, doubtful_confidence);
    return out;
}

void print_summary(const Document& doc) {
    std::string pages = doc.source.pages ? fmt::format(", {} pages", doc.source.pages) : "";
    fmt::print("{}: {}{}\n", doc.source.file, doc.source.format, pages);
    fmt::print("  issuer: {}\n", doc.issuer.empty() ? "(none)" : doc.issuer);
    fmt::print("  title:  {}\n", doc.title.empty() ? "(none)" : doc.title);
    fmt::print("  date:   {}{}\n", doc.date.empty() ? "(none)" : doc.date, doc.date_iso.empty() ? "" : " (" + doc.date_iso + ")");
    fmt::print("  lists:  {}\n", doc.lists.size());
    for (const auto& list : doc.lists) {
        std::string span = page_span(list);
        fmt::print("    {:<12} {:>4} items{}  {}\n", kind_name(list.kind), list.items.size(), span.empty() ? "" : "  " + span, list.title);
        std::string columns;
        for (const auto& c : list.columns) columns += (columns.empty() ? "" : ", ") + c.label;
        fmt::print("                 columns: {}\n", columns);
        if (!list.items.empty()) fmt::print("                 read:    {}\n", reading_summary(list));
    }
}

}  // namespace

int inspect(const std::vector<std::string>& inputs, const ReadOptions& read) {
    RunInputs run_inputs;
    for (const auto& path : inputs) run_inputs.add(path);
    try {
        run_inputs.refuse_stdout();
    } catch (const Error& e) {
        report_failure("standard output", e.what());
        return exit_failed;
    }
    int failures = 0;
    for (const auto& path : inputs) {
        try {
            print_summary(read_document(read_input(path, max_input_bytes), read));
        } catch (const Error& e) {
            report_failure(path, e.what());
            ++failures;
        }
    }
    return failures ? exit_failed : exit_ok;
}

}  // namespace dutylist::cli
