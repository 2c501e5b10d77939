#include <algorithm>
#include <iostream>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/document_report.hpp"
#include "cli/input_files.hpp"
#include "i18n/catalogue.hpp"
#include "io/files.hpp"
#include "io/run_inputs.hpp"
#include "model/error.hpp"
#include "renderers/list_names.hpp"

namespace dutylist::cli {
namespace {

using Json = nlohmann::ordered_json;

// The first and last page an item of the list comes from; {0, 0} when not known.
std::pair<int, int> page_span(const DutyList& list) {
    int first = 0, last = 0;
    for (const auto& item : list.items)
        for (int p : item.source.pages) {
            first = first ? std::min(first, p) : p;
            last = std::max(last, p);
        }
    return {first, last};
}

std::string page_span_text(const DutyList& list) {
    const auto [first, last] = page_span(list);
    if (!first) return "";
    return first == last ? fmt::format(fmt::runtime(_("page {}")), first) : fmt::format(fmt::runtime(_("pages {}-{}")), first, last);
}

std::string or_none(const std::string& text) { return text.empty() ? std::string(_("(none)")) : text; }

void print_summary(const Document& doc) {
    std::string pages = doc.source.pages ? fmt::format(fmt::runtime(_(", {} pages")), doc.source.pages) : "";
    fmt::print("{}: {}{}\n", doc.source.file, doc.source.format, pages);
    fmt::print(fmt::runtime(_("  issuer: {}\n")), or_none(doc.issuer));
    fmt::print(fmt::runtime(_("  title:  {}\n")), or_none(doc.title));
    fmt::print(fmt::runtime(_("  date:   {}{}\n")), or_none(doc.date), doc.date_iso.empty() ? "" : " (" + doc.date_iso + ")");
    fmt::print(fmt::runtime(_("  lists:  {}\n")), doc.lists.size());
    for (const auto& list : doc.lists) {
        std::string span = page_span_text(list);
        fmt::print(fmt::runtime(_("    {:<12} {:>4} items{}  {}\n")), kind_name(list.kind), list.items.size(), span.empty() ? "" : "  " + span,
                   list.title);
        std::string columns;
        for (const auto& c : list.columns) columns += (columns.empty() ? "" : ", ") + c.label;
        fmt::print(fmt::runtime(_("                 columns: {}\n")), columns);
        if (!list.items.empty())
            fmt::print(fmt::runtime(_("                 read:    {}\n")), review::readings_text(review::count_readings(list)));
    }
}

Json list_json(const DutyList& list, const std::string& name) {
    Json columns = Json::array();
    for (const auto& c : list.columns) columns.push_back({{"key", c.key}, {"label", c.label}});
    const auto [first, last] = page_span(list);
    Json out = {{"name", name}, {"kind", kind_name(list.kind)}, {"title", list.title}, {"items", list.items.size()}};
    out["first_page"] = first ? Json(first) : Json();
    out["last_page"] = first ? Json(last) : Json();
    out["columns"] = std::move(columns);
    out["read"] = readings_json(review::count_readings(list));
    return out;
}

// Lists, counts, pages, how the text was read and the findings of validate, for scripts.
Json document_json(const Document& doc, const std::string& path) {
    const std::vector<std::string> names = list_names(doc);
    Json lists = Json::array(), findings = Json::array();
    size_t items = 0;
    for (size_t l = 0; l < doc.lists.size(); ++l) {
        lists.push_back(list_json(doc.lists[l], names[l]));
        items += doc.lists[l].items.size();
    }
    for (const auto& f : document_findings(doc)) findings.push_back(finding_json(f, ""));
    return {{"file", path}, {"format", doc.source.format}, {"pages", doc.source.pages ? Json(doc.source.pages) : Json()},
            {"issuer", doc.issuer}, {"title", doc.title}, {"date", doc.date}, {"date_iso", doc.date_iso},
            {"items", items}, {"read", readings_json(review::count_readings(doc))}, {"lists", std::move(lists)},
            {"findings", std::move(findings)}};
}

}  // namespace

int inspect(const std::vector<std::string>& inputs, const std::string& format, const ReadOptions& read) {
    const FoundInputs found = find_inputs(inputs, "");
    RunInputs run_inputs;
    for (const auto& file : found.files) run_inputs.add(file.input);
    try {
        run_inputs.refuse_stdout();
    } catch (const Error& e) {
        report_failure(_("standard output"), e.what());
        return exit_failed;
    }
    Json files = Json::array();
    for (const auto& failure : found.failures) {
        report_failure(failure.name, failure.reason);
        files.push_back({{"file", failure.name}, {"error", failure.reason}});
    }
    size_t failures = found.failures.size();
    for (const auto& file : found.files) {
        try {
            const Document doc = read_document(read_input(file.input, max_input_bytes), read);
            if (format == "json") files.push_back(document_json(doc, file.input));
            else print_summary(doc);
        } catch (const Error& e) {
            report_failure(file.input, e.what());
            files.push_back({{"file", file.input}, {"error", e.what()}});
            ++failures;
        }
    }
    if (format == "json") std::cout << Json{{"files", std::move(files)}}.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    std::cout.flush();
    return failures ? exit_failed : exit_ok;
}

}  // namespace dutylist::cli
