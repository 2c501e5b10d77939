#include "server/conversions.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "format_registry.hpp"
#include "i18n/catalogue.hpp"
#include "io/files.hpp"
#include "model/error.hpp"
#include "model/text_reading.hpp"
#include "package/zip_writer.hpp"
#include "renderers/json_renderer.hpp"
#include "renderers/list_names.hpp"
#include "renderers/review_renderer.hpp"
#include "review/diff.hpp"
#include "review/diff_renderers.hpp"
#include "review/readings.hpp"
#include "review/self_check.hpp"
#include "review/validate.hpp"
#include "server/http_reply.hpp"

namespace dutylist::server {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* diff_formats[] = {"json", "html", "csv", "docx", "xlsx", "text"};

std::string content_type(std::string_view format) {
    static const std::map<std::string_view, std::string> types{
        {"json", "application/json; charset=utf-8"},
        {"html", "text/html; charset=utf-8"},
        {"csv", "text/csv; charset=utf-8"},
        {"text", "text/plain; charset=utf-8"},
        {"jsonl", "application/x-ndjson; charset=utf-8"},
        {"zip", "application/zip"},
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    };
    auto found = types.find(format);
    return found == types.end() ? "application/octet-stream" : found->second;
}

std::string dump(const Json& json) { return json.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"; }

Download csv_download(std::vector<Output> outputs, const std::string& stem, std::string_view list) {
    if (!list.empty()) {
        const std::string suffix = "." + std::string(list) + ".csv";
        for (auto& out : outputs)
            if (out.suffix == suffix) return {std::move(out.bytes), content_type("csv"), stem + suffix};
        std::vector<std::string> names;
        for (const auto& out : outputs) names.push_back(out.suffix.substr(1, out.suffix.size() - 5));
        throw HttpError{400, names.empty() ? fmt::format(fmt::runtime(_("this file has no list \"{}\" (it has no lists)")), list)
                                           : fmt::format(fmt::runtime(_("this file has no list \"{}\" (it has {})")), list, one_of(names))};
    }
    std::vector<package::ZipEntry> entries;
    for (const auto& out : outputs) entries.push_back({stem + out.suffix, out.bytes});
    return {package::write_zip(entries, _("the ZIP of the CSV files")), content_type("zip"), stem + ".csv.zip"};
}

// As inspect's "read:" line: {"text": 80, "repaired": 0, "ocr": 25, "doubtful": 3, "below": 70}.
Json reading_summary(const DutyList& list) {
    const review::Readings counts = review::count_readings(list);
    return {{"text", counts.text}, {"repaired", counts.repaired}, {"ocr", counts.ocr}, {"doubtful", counts.doubtful},
            {"below", doubtful_confidence}};
}

Json list_summaries(const Document& document) {
    const std::vector<std::string> names = list_names(document);
    Json lists = Json::array();
    for (size_t l = 0; l < document.lists.size(); ++l) {
        const DutyList& list = document.lists[l];
        int first = 0, last = 0;
        for (const auto& item : list.items)
            for (int page : item.source.pages) {
                first = first ? std::min(first, page) : page;
                last = std::max(last, page);
            }
        Json columns = Json::array();
        for (const auto& column : list.columns) columns.push_back(column.label);
        lists.push_back({{"name", names[l]}, {"kind", kind_name(list.kind)}, {"label", kind_label(list.kind)}, {"title", list.title},
                         {"items", list.items.size()}, {"first_page", first}, {"last_page", last}, {"columns", std::move(columns)},
                         {"read", reading_summary(list)}});
    }
    return lists;
}

}  // namespace

void require_convert_format(std::string_view to) {
    const Writer* writer = find_writer(to);
    // It needs the upload's pages, which a writer alone never gets.
    if (writer && writer->shows_source_images) throw HttpError{400, _("the review page comes from /api/review, not /api/convert")};
    if (writer) return;
    std::vector<std::string> names;
    for (const auto& writer : writers())
        if (!writer.shows_source_images) names.emplace_back(writer.name);
    throw HttpError{400, fmt::format(fmt::runtime(_("unknown output format \"{}\" (choose {})")), to, one_of(names))};
}

void require_diff_format(std::string_view to) {
    for (std::string_view known : diff_formats)
        if (to == known) return;
    throw HttpError{400, fmt::format(fmt::runtime(_("unknown revision report format \"{}\" (choose {})")), to,
                                     one_of(std::vector<std::string>(std::begin(diff_formats), std::end(diff_formats))))};
}

Download convert_document(const Document& document, std::string_view to, std::string_view list, const RenderOptions& render) {
    require_convert_format(to);
    const Writer* writer = find_writer(to);
    const std::string stem = output_stem(document.source.file);
    if (const auto* dataset = writer->dataset())
        return {dataset->records(document, document.source.file, render), content_type(to), stem + ".jsonl"};
    std::vector<Output> outputs = writer->per_input()->render(document, render);
    if (to == "csv") return csv_download(std::move(outputs), stem, list);
    if (outputs.size() != 1) throw Error(fmt::format(fmt::runtime(_("the {} writer made {} files, not one")), to, outputs.size()));
    return {std::move(outputs[0].bytes), content_type(to), stem + outputs[0].suffix};
}

Download review_page(const InputFile& input, const Document& document, const ReadOptions& options) {
    RenderOptions render;
    render.source_images = std::make_shared<const SourceImages>(source_images(input, document, options));
    std::vector<Output> outputs = render_review(document, render);
    return {std::move(outputs.at(0).bytes), content_type("html"), output_stem(document.source.file) + outputs.at(0).suffix};
}

std::vector<std::string> self_check_lines(const Document& document) {
    std::vector<std::string> lines;
    for (const auto& finding : review::self_check(document)) lines.push_back(review::self_finding_line(document, finding));
    return lines;
}

std::string inspect_summary(const Document& document, const std::vector<std::string>& warnings) {
    Json findings = Json::array();
    for (const auto& f : review::validate(document))
        findings.push_back({{"list", f.list}, {"seq", f.seq}, {"severity", review::severity_name(f.severity)}, {"code", f.code}, {"message", f.message}});
    const SourceInfo& source = document.source;
    Json summary = {{"file", source.file}, {"format", source.format}, {"pages", source.pages}, {"issuer", document.issuer},
                    {"title", document.title}, {"date", document.date}, {"date_iso", document.date_iso},
                    {"lists", list_summaries(document)}, {"warnings", warnings}, {"findings", std::move(findings)},
                    {"document", Json::parse(document_to_json(document))}};
    return dump(summary);
}

Download diff_report(const Document& old_doc, const Document& new_doc, std::string_view to) {
    const review::DocumentDiff changes = review::diff_documents(old_doc, new_doc);
    const review::DiffSubject subject{old_doc, new_doc, changes, old_doc.source.file, new_doc.source.file};
    const std::string stem = "修订对照表";
    if (to == "json") return {review::diff_to_json(subject), content_type(to), stem + ".json"};
    if (to == "html") return {review::diff_to_html(subject, false), content_type(to), stem + ".html"};
    if (to == "csv") return {review::diff_to_csv(subject, true), content_type(to), stem + ".csv"};
    if (to == "docx") return {review::diff_to_docx(subject), content_type(to), stem + ".docx"};
    if (to == "xlsx") return {review::diff_to_xlsx(subject), content_type(to), stem + ".xlsx"};
    require_diff_format(to);
    return {review::diff_to_text(subject), content_type("text"), stem + ".txt"};
}

}  // namespace dutylist::server
