#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/document_report.hpp"
#include "cli/input_files.hpp"
#include "i18n/catalogue.hpp"
#include "io/files.hpp"
#include "io/run_inputs.hpp"
#include "model/error.hpp"

namespace dutylist::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string counted(size_t n, const char* one, const char* many) { return fmt::format(fmt::runtime(n == 1 ? one : many), n); }

// "in.pdf: 3 lists, 240 items: 2 errors, 0 warnings; read: 200 from the text, 40 by OCR": the
// line each file gets.
std::string summary_line(const std::string& name, const Document& doc, size_t items, size_t errors, size_t warnings) {
    const std::string verdict = errors + warnings == 0 ? std::string(_("no findings"))
                                                       : counted(errors, _("{} error"), _("{} errors")) + _(", ") +
                                                             counted(warnings, _("{} warning"), _("{} warnings"));
    const std::string read = review::readings_text(review::count_readings(doc));
    return fmt::format(fmt::runtime(_("{}: {} lists, {} items: {}")), name, doc.lists.size(), items, verdict) +
           (read.empty() ? "" : fmt::format(fmt::runtime(_("; read: {}")), read)) + "\n";
}

struct Report {
    Json files = Json::array();
    Json findings = Json::array();
    std::string text;
    bool failed = false;
};

void add_failure(Report& report, const std::string& name, const std::string& reason) {
    report_failure(name, reason);
    report.files.push_back({{"file", name}, {"error", reason}});
    report.failed = true;
}

// One file read and checked; with `detail` its findings each on a line before its summary.
void check_file(Report& report, const std::string& path, const ReadOptions& read, bool detail) {
    Document doc;
    try {
        doc = read_document(read_input(path, max_input_bytes), read);
    } catch (const Error& e) {
        add_failure(report, path, e.what());
        return;
    }
    const auto findings = document_findings(doc);
    size_t items = 0, errors = 0;
    for (const auto& list : doc.lists) items += list.items.size();
    for (const auto& f : findings) {
        if (f.severity == review::Severity::error) ++errors;
        report.findings.push_back(finding_json(f, path));
        if (detail) report.text += finding_line(f) + "\n";
    }
    report.files.push_back({{"file", path}, {"lists", doc.lists.size()}, {"items", items}, {"errors", errors},
                            {"warnings", findings.size() - errors}, {"read", readings_json(review::count_readings(doc))}});
    report.text += summary_line(path, doc, items, errors, findings.size() - errors);
    report.failed = report.failed || errors > 0;
}

}  // namespace

int validate(const std::vector<std::string>& inputs, const std::string& format, const ReadOptions& read) {
    const FoundInputs found = find_inputs(inputs, "");
    try {
        RunInputs run_inputs;
        for (const auto& file : found.files) run_inputs.add(file.input);
        run_inputs.refuse_stdout();
    } catch (const Error& e) {
        report_failure(_("standard output"), e.what());
        return exit_failed;
    }
    Report report;
    for (const auto& failure : found.failures) add_failure(report, failure.name, failure.reason);
    // One file named alone gets its findings line by line; several get a line each.
    const bool detail = found.files.size() == 1 && found.failures.empty() && found.files.front().relative_dir.empty();
    for (const auto& file : found.files) check_file(report, file.input, read, detail);
    if (format == "json") {
        const Json out = {{"files", std::move(report.files)}, {"findings", std::move(report.findings)}};
        std::cout << out.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    } else {
        std::cout << report.text;
    }
    std::cout.flush();
    return report.failed ? exit_failed : exit_ok;
}

}  // namespace dutylist::cli
