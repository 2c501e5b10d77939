#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "io/files.hpp"
#include "model/error.hpp"
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

}  // namespace

int validate(const std::string& input, const std::string& format, const ReadOptions& read) {
    Document doc;
    try {
        doc = read_document(read_input(input, max_input_bytes), read);
    } catch (const Error& e) {
        report_failure(input, e.what());
        return exit_failed;
    }
    const auto findings = review::validate(doc);
    std::cout << (format == "json" ? findings_json(findings) : findings_text(input, doc, findings));
    std::cout.flush();
    return review::has_errors(findings) ? exit_failed : exit_ok;
}

}  // namespace dutylist::cli
