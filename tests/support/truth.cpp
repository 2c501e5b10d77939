#include "support/truth.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "model/columns.hpp"
#include "model/text.hpp"
#include "support/paths.hpp"

namespace dutylist::test {
namespace {

constexpr size_t max_problems = 12;

std::string squeeze(const std::string& s) { return remove_whitespace(s); }

std::string show(const Paragraphs& cell) {
    std::string out = "[";
    for (size_t i = 0; i < cell.size(); ++i) out += (i ? " | " : "") + cell[i];
    return out + "]";
}

bool same_cell(const Paragraphs& got, const nlohmann::json& want) {
    if (got.size() != want.size()) return false;
    for (size_t i = 0; i < got.size(); ++i)
        if (squeeze(got[i]) != squeeze(want[i].get<std::string>())) return false;
    return true;
}

}  // namespace

std::string TruthReport::summary() const {
    std::string s = fmt::format("{}/{} items exact, {}/{} cells exact", exact_items, items, exact_cells, cells);
    for (const auto& p : problems) s += "\n  " + p;
    return s;
}

Document document_from_truth(const std::filesystem::path& truth_json) {
    const auto truth = nlohmann::json::parse(read_file(truth_json));
    Document doc;
    doc.issuer = truth["issuer"].get<std::string>();
    doc.title = truth["title"].get<std::string>();
    doc.date = truth["date"].get<std::string>();
    doc.date_iso = iso_date(doc.date);
    doc.source = {truth_json.filename().string(), "json", 0, ""};
    for (const auto& l : truth["lists"]) {
        DutyList list;
        list.kind = kind_from_name(l["kind"].get<std::string>());
        list.title = l["title"].get<std::string>();
        list.columns = make_columns(l["columns"].get<std::vector<std::string>>());
        int row = 0;
        for (const auto& r : l["rows"]) {
            Item item;
            for (const auto& cell : r) item.values.push_back(cell.get<Paragraphs>());
            item.source.table = static_cast<int>(doc.lists.size()) + 1;
            item.source.row = ++row;
            list.items.push_back(std::move(item));
        }
        doc.lists.push_back(std::move(list));
    }
    return doc;
}

TruthReport compare_with_truth(const Document& doc, const std::filesystem::path& truth_json, const TruthOptions& options) {
    const auto truth = nlohmann::json::parse(read_file(truth_json));
    TruthReport r;
    auto problem = [&](std::string text) {
        if (r.problems.size() < max_problems) r.problems.push_back(std::move(text));
        else if (r.problems.size() == max_problems) r.problems.push_back("…");
    };
    if (options.compare_metadata) {
        for (const char* field : {"issuer", "title", "date"}) {
            const std::string& got = field == std::string("issuer") ? doc.issuer : field == std::string("title") ? doc.title : doc.date;
            if (squeeze(got) != squeeze(truth[field].get<std::string>()))
                problem(fmt::format("{}: got \"{}\", want \"{}\"", field, got, truth[field].get<std::string>()));
        }
    }
    const auto& lists = truth["lists"];
    for (const auto& l : lists) r.items += static_cast<int>(l["rows"].size());
    if (doc.lists.size() != lists.size()) problem(fmt::format("{} lists, want {}", doc.lists.size(), lists.size()));
    for (size_t li = 0; li < lists.size() && li < doc.lists.size(); ++li) {
        const auto& want = lists[li];
        const DutyList& got = doc.lists[li];
        const std::string name = want["kind"].get<std::string>();
        if (kind_name(got.kind) != name) problem(fmt::format("list {}: kind {}, want {}", li + 1, kind_name(got.kind), name));
        if (options.compare_titles && squeeze(got.title) != squeeze(want["title"].get<std::string>()))
            problem(fmt::format("{}: title \"{}\", want \"{}\"", name, got.title, want["title"].get<std::string>()));
        std::vector<std::string> labels;
        for (const auto& c : got.columns) labels.push_back(squeeze(c.label));
        std::vector<std::string> want_labels;
        for (const auto& c : want["columns"]) want_labels.push_back(squeeze(c.get<std::string>()));
        if (labels != want_labels) problem(fmt::format("{}: columns {}, want {}", name, fmt::join(labels, ","), fmt::join(want_labels, ",")));
        const auto& rows = want["rows"];
        if (got.items.size() != rows.size()) problem(fmt::format("{}: {} items, want {}", name, got.items.size(), rows.size()));
        for (size_t ri = 0; ri < rows.size(); ++ri) {
            const auto& row = rows[ri];
            bool exact = ri < got.items.size();
            for (size_t ci = 0; ci < row.size(); ++ci) {
                ++r.cells;
                const Paragraphs empty;
                const Paragraphs& cell = ri < got.items.size() && ci < got.items[ri].values.size() ? got.items[ri].values[ci] : empty;
                if (ri < got.items.size() && same_cell(cell, row[ci])) {
                    ++r.exact_cells;
                    continue;
                }
                exact = false;
                if (ri < got.items.size()) {
                    Paragraphs want_cell;
                    for (const auto& p : row[ci]) want_cell.push_back(p.get<std::string>());
                    problem(fmt::format("{} row {} column {}: got {}, want {}", name, ri + 1,
                                        want["columns"][ci].get<std::string>(), show(cell), show(want_cell)));
                }
            }
            if (exact) ++r.exact_items;
        }
    }
    return r;
}

}  // namespace dutylist::test
