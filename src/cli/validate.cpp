#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "io/files.hpp"
#include "io/run_inputs.hpp"
#include "model/error.hpp"
#include "renderers/list_names.hpp"
#include "review/items.hpp"
#include "review/self_check.hpp"
#include "review/validate.hpp"

namespace dutylist::cli {
namespace {

std::string findings_json(const std::vector<review::Finding>& findings) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& f : findings)
        list.push_back({{"list", f.list}, {"seq", f.seq}, {"severity", review::severity_name(f.severity)}, {"code", f.code}, {"message", f.message}});
    nlohmann::ordered_json out = {{"findings", std::move(list)}};
    return out.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string findings_text(const std::string& name, const Document& doc, const std::vector<review::Finding>& findings) {
    size_t items = 0, errors = 0;
    for (const auto& list : doc.lists) items += list.items.size();
    std::string out;
    for (const auto& f : findings) {
        if (f.severity == review::Severity::error) ++errors;
        std::string where = f.list.empty() ? "document" : f.list;
        if (!f.seq.empty()) where += " " + (f.seq.starts_with("row ") ? f.seq : "序号 " + f.seq);
        out += fmt::format("{}: {}: {} [{}]\n", where, review::severity_name(f.severity), f.message, f.code);
    }
    const size_t warnings = findings.size() - errors;
    out += fmt::format("{}: {} lists, {} items: {}\n", name, doc.lists.size(), items,
                       findings.empty() ? std::string("no findings")
                                        : fmt::format("{} error{}, {} warning{}", errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s"));
    return out;
}

// The self-check's findings (signs that the list was read wrongly) as errors among the others.
void add_self_check(const Document& doc, std::vector<review::Finding>& findings) {
    const std::vector<std::string> names = list_names(doc);
    for (const auto& f : review::self_check(doc)) {
        std::string seq;
        if (!f.items.empty()) {
            const DutyList& list = doc.lists[f.list];
            seq = review::item_seq(list, list.items[f.items.front()]);
            if (seq.empty()) seq = fmt::format("row {}", f.items.front() + 1);
        }
        std::string where = f.items.empty() ? "" : review::rows_text(f.items) + ": ";
        findings.push_back({names[f.list], seq, review::Severity::error, review::self_check_code(f.check), where + f.message});
    }
}

}  // namespace

int validate(const std::string& input, const std::string& format, const ReadOptions& read) {
    Document doc;
    try {
        RunInputs run_inputs;
        run_inputs.add(input);
        run_inputs.refuse_stdout();
    } catch (const Error& e) {
        report_failure("standard output", e.what());
        return exit_failed;
    }
    try {
        doc = read_document(read_input(input, max_input_bytes), read);
    } catch (const Error& e) {
        report_failure(input, e.what());
        return exit_failed;
    }
    auto findings = review::validate(doc);
    add_self_check(doc, findings);
    std::cout << (format == "json" ? findings_json(findings) : findings_text(input, doc, findings));
    std::cout.flush();
    return review::has_errors(findings) ? exit_failed : exit_ok;
}

}  // namespace dutylist::cli
