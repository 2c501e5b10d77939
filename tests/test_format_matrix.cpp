// The promise "the same list from any of its formats gives the same model": every list in
// tests/data, samples/ and the shared corpus that exists as more than one file is read from each
// file, and the models must be equal apart from provenance (Item::source, Document::source),
// which says where in its own file each thing was found and so differs by nature.
//
// Files hold the same list when they share a stem in one folder (lo-sections.docx and
// lo-sections.pdf) among the formats the readers take, or when SAME_LIST below says so (files
// with other stems: the corpus in its other layouts and producers). Each group is compared with
// one reference member (the most structured format, DOCX before XLSX, JSON and PDF), which by
// transitivity makes every member equal to every other.
//
// The comparison is the model's own equality, field by field and exactly (whitespace included:
// the same list gives the same text): the cover (issuer, title, date, date_iso), then per list
// its kind, title, columns (keys and labels), every item's values and the notes. No field is
// exempt today: every group here carries a cover in all its files or in none. A format that
// cannot carry something needs a rule written here, for that pair and that field, with its
// reason; never a skipped pair. The failure message names the pair and every differing field,
// with the first differing item of each list and both values.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "format_registry.hpp"
#include "model/error.hpp"
#include "support/paths.hpp"

using namespace dutylist;
namespace fs = std::filesystem;

namespace {

// The formats the readers take, in the order a group's reference is chosen: the formats that
// store the cells as data before the one that prints them.
const std::vector<std::string> readable = {".docx", ".xlsx", ".odt", ".ods", ".json", ".html", ".htm", ".pdf"};

// Files with different stems that hold the same list; "corpus/…" is in the shared corpus, the
// rest in the repository.
struct SameList {
    const char* a;
    const char* b;
    const char* why;
};
const SameList same_list[] = {
    {"corpus/wumachang/wumachang.docx", "corpus/wumachang/merged/wumachang-merged.docx",
     "事项类别 merged vertically; the corpus README gives both the same truth"},
    {"corpus/wumachang/wumachang.docx", "samples/wumachang.docx", "the corpus document as shipped to users"},
    {"corpus/wumachang/wumachang.docx", "tests/data/docx/wumachang-libreoffice.docx", "re-saved by LibreOffice"},
    {"corpus/wumachang/wumachang.docx", "tests/data/xlsx/wumachang-sheets.xlsx", "the corpus truth, a sheet per list"},
    {"corpus/wumachang/wumachang.docx", "tests/data/xlsx/wumachang-one-sheet.xlsx", "the corpus truth on one sheet"},
    {"tests/data/xlsx/wumachang-one-sheet.xlsx", "tests/data/xlsx/wumachang-one-sheet-libreoffice.xlsx",
     "re-saved by LibreOffice Calc"},
    {"tests/data/pdf/lo-ruled-landscape.pdf", "tests/data/pdf/gs-redistilled.pdf", "re-distilled by Ghostscript"},
    {"tests/data/docx/cells.docx", "tests/data/docx/cells-libreoffice.docx", "re-saved by LibreOffice"},
    {"corpus/wumachang/wumachang.docx", "tests/data/odf/wumachang.odt", "saved as .odt by LibreOffice Writer"},
    {"tests/data/docx/numbering.docx", "tests/data/odf/numbering.odt", "saved as .odt by LibreOffice Writer"},
    {"tests/data/docx/styles.docx", "tests/data/odf/styles.odt", "saved as .odt by LibreOffice Writer"},
    {"tests/data/docx/cells.docx", "tests/data/odf/cells.odt", "saved as .odt by LibreOffice Writer"},
    {"corpus/wumachang/merged/wumachang-merged.docx", "tests/data/odf/wumachang-merged.odt", "saved as .odt by LibreOffice Writer"},
    {"tests/data/xlsx/wumachang-sheets.xlsx", "tests/data/odf/wumachang-sheets.ods", "saved as .ods by LibreOffice Calc"},
    {"tests/data/xlsx/wumachang-one-sheet.xlsx", "tests/data/odf/wumachang-one-sheet.ods", "saved as .ods by LibreOffice Calc"},
    {"corpus/wumachang/wumachang.docx", "tests/data/html/wumachang-libreoffice.html", "saved as HTML by LibreOffice Writer"},
    {"tests/data/html/county-site.html", "tests/data/html/county-site-gbk.html", "the same page in GBK (make_html.py)"},
    {"tests/data/html/county-site.html", "tests/data/html/county-site-gbk-undeclared.htm", "in GBK, no charset declared"},
    {"tests/data/docx/numbering.docx", "tests/data/docx/numbering-libreoffice.docx", "re-saved by LibreOffice"},
    {"tests/data/pairs/no-kind-notes.docx", "tests/data/pairs/no-kind-notes-calc.xlsx",
     "the same list written for Writer and for Calc (make_pairs.py)"},
};

fs::path path_of(const std::string& name) {
    return name.starts_with("corpus/") ? test::corpus(name.substr(7)) : test::source_dir() / name;
}

// How a file is named in messages: as in same_list.
std::string name_of(const fs::path& path) {
    const auto relative = [](const fs::path& p, const fs::path& base) {
        const fs::path r = fs::relative(p, base);
        return r.empty() || r.begin()->string() == ".." ? std::string() : r.generic_string();
    };
    if (const std::string r = relative(path, test::source_dir()); !r.empty()) return r;
    return "corpus/" + relative(path, test::shared_dir() / "corpus");
}

bool has(const std::vector<std::string>& extensions, const fs::path& path) {
    return std::find(extensions.begin(), extensions.end(), path.extension().string()) != extensions.end();
}

// A corpus truth (NAME.truth.json, truth.json) is the tests' answer key, not a dutylist JSON input.
bool is_truth(const fs::path& path) {
    const std::string name = path.filename().string();
    return name == "truth.json" || name.ends_with(".truth.json");
}

std::vector<fs::path> files_under(const fs::path& root) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file()) files.push_back(fs::weakly_canonical(entry.path()));
    return files;
}

size_t format_rank(const fs::path& path) {
    return static_cast<size_t>(std::find(readable.begin(), readable.end(), path.extension().string()) - readable.begin());
}

// Among files of one format, the one named first in same_list is the reference (the corpus's
// own document rather than a copy of it, the original rather than its re-save).
size_t named_rank(const fs::path& path) {
    const std::string name = name_of(path);
    for (size_t i = 0; i < std::size(same_list); ++i) {
        if (name == same_list[i].a) return 2 * i;
        if (name == same_list[i].b) return 2 * i + 1;
    }
    return 2 * std::size(same_list);
}

// Groups of files holding the same list: union of same-stem files and same_list.
class Groups {
public:
    void add(const fs::path& file) {
        if (index_.emplace(file, static_cast<int>(files_.size())).second) {
            files_.push_back(file);
            parent_.push_back(static_cast<int>(parent_.size()));
        }
    }
    void join(const fs::path& a, const fs::path& b) { parent_[root(index_.at(a))] = root(index_.at(b)); }

    // Each group of two or more files, its reference first, then by name.
    std::vector<std::vector<fs::path>> all() {
        std::map<int, std::vector<fs::path>> by_root;
        for (size_t i = 0; i < files_.size(); ++i) by_root[root(static_cast<int>(i))].push_back(files_[i]);
        std::vector<std::vector<fs::path>> groups;
        for (auto& [r, members] : by_root) {
            if (members.size() < 2) continue;
            std::sort(members.begin(), members.end(), [](const fs::path& x, const fs::path& y) {
                return std::tuple(format_rank(x), named_rank(x), name_of(x)) <
                       std::tuple(format_rank(y), named_rank(y), name_of(y));
            });
            groups.push_back(std::move(members));
        }
        std::sort(groups.begin(), groups.end(), [](const auto& x, const auto& y) { return name_of(x[0]) < name_of(y[0]); });
        return groups;
    }

private:
    int root(int i) { return parent_[i] == i ? i : parent_[i] = root(parent_[i]); }
    std::map<fs::path, int> index_;
    std::vector<fs::path> files_;
    std::vector<int> parent_;
};

struct Discovery {
    std::vector<std::vector<fs::path>> groups;
    std::vector<std::string> missing;       // same_list files that are not there
};

Discovery discover() {
    std::map<std::pair<fs::path, std::string>, std::vector<fs::path>> by_stem;  // (folder, stem)
    Discovery found;
    for (const fs::path& root : {test::source_dir() / "tests/data", test::source_dir() / "samples", test::corpus("")})
        for (const fs::path& file : files_under(root)) {
            if (has(readable, file) && !is_truth(file)) by_stem[{file.parent_path(), file.stem().string()}].push_back(file);
        }
    Groups groups;
    for (const auto& [key, files] : by_stem)
        if (files.size() > 1)
            for (const fs::path& file : files) {
                groups.add(file);
                groups.join(file, files[0]);
            }
    for (const SameList& s : same_list) {
        const fs::path a = fs::weakly_canonical(path_of(s.a)), b = fs::weakly_canonical(path_of(s.b));
        for (const fs::path& p : {a, b})
            if (!fs::exists(p)) found.missing.push_back(name_of(p));
        if (!fs::exists(a) || !fs::exists(b)) continue;
        groups.add(a);
        groups.add(b);
        groups.join(a, b);
    }
    found.groups = groups.all();
    return found;
}

// ------------------------------------------------------------------------------------------
// Reading and describing differences

Document read_without_provenance(const fs::path& path) {
    Document document = read_document(InputFile{path.filename().string(), test::read_file(path)}, ReadOptions{});
    document.source = {};
    for (DutyList& list : document.lists)
        for (Item& item : list.items) item.source = {};
    return document;
}

std::string quoted(const std::vector<std::string>& texts) {
    std::string out = "[";
    for (const auto& t : texts) out += (out.size() > 1 ? ", \"" : "\"") + t + "\"";
    return out + "]";
}

std::string column_text(const std::vector<Column>& columns) {
    std::string out;
    for (const Column& c : columns) out += (out.empty() ? "" : ", ") + c.key + "=" + c.label;
    return out;
}

class Differences {
public:
    template <typename T>
    void field(const std::string& where, const T& a, const T& b) {
        if (a != b) lines_.push_back(where + ": " + text(a) + " | " + text(b));
    }
    void add(const std::string& line) { lines_.push_back(line); }
    bool empty() const { return lines_.empty(); }
    std::string joined() const {
        std::string out;
        for (const auto& l : lines_) out += "\n    " + l;
        return out;
    }

private:
    static std::string text(const std::string& s) { return "\"" + s + "\""; }
    static std::string text(size_t n) { return std::to_string(n); }
    static std::string text(const std::vector<std::string>& v) { return quoted(v); }
    static std::string text(const std::vector<Column>& c) { return column_text(c); }
    std::vector<std::string> lines_;
};

// The first item whose values differ, with the column and both cells, and how many differ.
void compare_items(const std::string& where, const DutyList& a, const DutyList& b, Differences& out) {
    out.field(where + " item count", a.items.size(), b.items.size());
    int differing = 0;
    std::string first;
    for (size_t i = 0; i < std::min(a.items.size(), b.items.size()); ++i) {
        const auto& va = a.items[i].values;
        const auto& vb = b.items[i].values;
        if (va == vb) continue;
        if (differing++ > 0) continue;
        first = where + " item " + std::to_string(i + 1) + " (序号 " + quoted(va.empty() ? Paragraphs{} : va[0]) + ")";
        if (va.size() != vb.size()) {
            first += ": " + std::to_string(va.size()) + " values | " + std::to_string(vb.size());
            continue;
        }
        for (size_t c = 0; c < va.size(); ++c)
            if (va[c] != vb[c]) {
                const std::string key = c < a.columns.size() ? a.columns[c].key : std::to_string(c + 1);
                first += " column " + key + ": " + quoted(va[c]) + " | " + quoted(vb[c]);
                break;
            }
    }
    if (differing > 0) out.add(first + (differing > 1 ? " (and " + std::to_string(differing - 1) + " more items)" : ""));
}

Differences compare(const Document& a, const Document& b) {
    Differences out;
    out.field("issuer", a.issuer, b.issuer);
    out.field("title", a.title, b.title);
    out.field("date", a.date, b.date);
    out.field("date_iso", a.date_iso, b.date_iso);
    out.field("list count", a.lists.size(), b.lists.size());
    for (size_t i = 0; i < std::min(a.lists.size(), b.lists.size()); ++i) {
        const DutyList& la = a.lists[i];
        const DutyList& lb = b.lists[i];
        const std::string where = "list " + std::to_string(i + 1);
        out.field(where + " kind", std::string(kind_name(la.kind)), std::string(kind_name(lb.kind)));
        out.field(where + " title", la.title, lb.title);
        out.field(where + " columns", la.columns, lb.columns);
        compare_items(where, la, lb, out);
        out.field(where + " notes", la.notes, lb.notes);
    }
    return out;
}

// Each file read once, also when it is in several comparisons.
class Reads {
public:
    const Document* get(const fs::path& path, std::string& error) {
        auto it = documents_.find(path);
        if (it == documents_.end()) {
            try {
                it = documents_.emplace(path, read_without_provenance(path)).first;
            } catch (const Error& e) {
                errors_[path] = e.what();
            }
        }
        if (it != documents_.end()) return &it->second;
        error = errors_[path];
        return nullptr;
    }

private:
    std::map<fs::path, Document> documents_;
    std::map<fs::path, std::string> errors_;
};

void check_pair(Reads& reads, const fs::path& reference, const fs::path& other) {
    const std::string pair = name_of(reference) + " | " + name_of(other);
    std::string error;
    const Document* a = reads.get(reference, error);
    const Document* b = a ? reads.get(other, error) : nullptr;
    if (!a || !b) {
        FAIL_CHECK(pair << ": " << name_of(a ? other : reference) << " not read: " << error);
        return;
    }
    const Differences differences = compare(*a, *b);
    // The verdict is the model's equality; the description says where. Both must agree, or the
    // model has a field the description does not know yet.
    CHECK_MESSAGE(*a == *b, pair << " differ:"
                                 << (differences.empty() ? "\n    in a field this test does not describe yet"
                                                         : differences.joined()));
    CHECK_MESSAGE((*a == *b) == differences.empty(), pair << ": the description of differences is incomplete");
}

bool in_some_group(const Discovery& found, const std::string& name) {
    for (const auto& group : found.groups)
        for (const fs::path& file : group)
            if (name_of(file) == name) return true;
    return false;
}

}  // namespace

TEST_CASE("the lists kept in several files are found") {
    const Discovery found = discover();
    CHECK_MESSAGE(found.missing.empty(), "files named in same_list are missing: " << quoted(found.missing));
    // Every source kept beside a PDF it was printed to is in a group with it, and so is every
    // PDF of the corpus, samples/ and tests/data/pairs.
    std::vector<fs::path> expected;
    for (const fs::path& file : files_under(test::source_dir() / "tests/data/pdf"))
        if ((file.extension() == ".docx" || file.extension() == ".xlsx") && file.parent_path().filename() == "pdf")
            expected.push_back(file);
    for (const fs::path& root : {test::source_dir() / "samples", test::source_dir() / "tests/data/pairs", test::corpus("")})
        for (const fs::path& file : files_under(root))
            if (file.extension() == ".pdf") expected.push_back(file);
    CHECK(expected.size() >= 19);
    for (const fs::path& file : expected) CHECK_MESSAGE(in_some_group(found, name_of(file)), name_of(file) << " is in no group");
    // Truths are answer keys: none may be read as an input.
    for (const auto& group : found.groups)
        for (const fs::path& file : group) {
            const bool an_input = !is_truth(file) && has(readable, file);
            CHECK_MESSAGE(an_input, name_of(file));
        }
}

TEST_CASE("the same list from any of its files gives the same model apart from provenance") {
    const Discovery found = discover();
    Reads reads;
    int pairs = 0;
    for (const auto& group : found.groups) {
        std::vector<std::string> names;
        for (const fs::path& file : group) names.push_back(name_of(file));
        MESSAGE("group: " << quoted(names));
        for (size_t i = 1; i < group.size(); ++i, ++pairs) check_pair(reads, group[0], group[i]);
    }
    MESSAGE(found.groups.size() << " groups, " << pairs << " pairs compared");
    CHECK(pairs >= 29);
}
