#include "cli/document_report.hpp"

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "renderers/list_names.hpp"
#include "review/items.hpp"
#include "review/self_check.hpp"

namespace dutylist::cli {

std::vector<review::Finding> document_findings(const Document& doc) {
    std::vector<review::Finding> findings = review::validate(doc);
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
    return findings;
}

nlohmann::ordered_json finding_json(const review::Finding& f, const std::string& file) {
    nlohmann::ordered_json out;
    if (!file.empty()) out["file"] = file;
    out["list"] = f.list;
    out["seq"] = f.seq;
    out["severity"] = review::severity_name(f.severity);
    out["code"] = f.code;
    out["message"] = f.message;
    return out;
}

nlohmann::ordered_json readings_json(const review::Readings& r) {
    return {{"text", r.text}, {"repaired", r.repaired}, {"ocr", r.ocr}, {"low_confidence", r.doubtful}};
}

std::string finding_line(const review::Finding& f) {
    std::string where = f.list.empty() ? _("document") : f.list;
    // The seq of a row without a 序号 is "row N" in every language of the JSON; said here in ours.
    if (f.seq.starts_with("row ")) where += " " + fmt::format(fmt::runtime(_("row {}")), f.seq.substr(4));
    else if (!f.seq.empty()) where += " 序号 " + f.seq;
    const char* severity = f.severity == review::Severity::error ? _("error") : _("warning");
    return fmt::format("{}: {}: {} [{}]", where, severity, f.message, f.code);
}

}  // namespace dutylist::cli
