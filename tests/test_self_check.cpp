// The self-check of a list read (review/self_check.hpp): it fires on the wrong cuts a reader
// can make, fed through the list builder as a reader would feed them, and it stays quiet on
// every correct file of the tree and the corpus.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "format_registry.hpp"
#include "model/error.hpp"
#include "model/list_builder.hpp"
#include "model/text.hpp"
#include "renderers/json_renderer.hpp"
#include "review/self_check.hpp"
#include "review/sentence_cut.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;
using review::SelfCheck;
using review::SelfFinding;
namespace fs = std::filesystem;

namespace {

const Document& corpus_truth() {
    static const Document doc = document_from_truth(corpus("wumachang/truth.json"));
    return doc;
}

// A list as the neutral table a reader hands the builder: its header row, then a row per item,
// each where a PDF reader says it is.
Table table_of(const DutyList& list, int page = 1) {
    Table t;
    t.width = static_cast<int>(list.columns.size());
    t.name = "table 1";
    TableRow header;
    header.header = true;
    for (size_t c = 0; c < list.columns.size(); ++c) header.cells.push_back({static_cast<int>(c), 1, {list.columns[c].label}, false, false});
    t.rows.push_back(header);
    for (const Item& item : list.items) {
        TableRow row;
        for (size_t c = 0; c < item.values.size(); ++c) row.cells.push_back({static_cast<int>(c), 1, item.values[c], false, false});
        row.source.pages = {page};
        row.source.boxes = {{page, 50, 100, 790, 140}};
        t.rows.push_back(std::move(row));
    }
    return t;
}

// The lists of `source`, each as a heading and a table, with `cut` applied to the table of list
// `which` (0-based; body rows start at 1), read by the list builder.
template <typename Cut>
Document built(const Document& truth, size_t which, Cut cut) {
    ListBuilder builder("no list", [](const std::string&) {});
    for (size_t l = 0; l < truth.lists.size(); ++l) {
        builder.text({truth.lists[l].title, false, 0, 0});
        Table t = table_of(truth.lists[l]);
        if (l == which) cut(t);
        builder.table(t);
    }
    return builder.finish();
}

template <typename Cut>
Document built(size_t which, Cut cut) {
    return built(corpus_truth(), which, cut);
}

std::u32string u32(const std::string& s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) out += next_code_point(s, i);
    return out;
}

std::string utf8(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) append_utf8(out, c);
    return out;
}

// Row `row`'s last paragraph in this column cut after `keep` characters, the rest sent to the
// front of the row under it: a row boundary drawn one line too high.
void move_tail(Table& t, size_t row, size_t column, size_t keep) {
    Paragraphs& above = t.rows.at(row).cells.at(column).text;
    const std::u32string last = u32(above.back());
    REQUIRE(last.size() > keep);
    above.back() = utf8(last.substr(0, keep));
    Paragraphs& below = t.rows.at(row + 1).cells.at(column).text;
    below.insert(below.begin(), utf8(last.substr(keep)));
}

std::string summary(const Document& doc, const std::vector<SelfFinding>& findings) {
    std::string out;
    for (const auto& f : findings) out += review::self_finding_line(doc, f) + "\n";
    return out;
}

const DutyList& cooperative() { return corpus_truth().lists.at(1); }

}  // namespace

TEST_CASE("where a paragraph may begin and end") {
    CHECK(review::ends_sentence("负责宣传工作。"));
    CHECK(review::ends_sentence("做好统计（季度） "));
    CHECK_FALSE(review::ends_sentence("负责农村宅基地的"));
    CHECK(review::starts_mid_sentence("，并上报县农业农村局"));
    CHECK(review::starts_mid_sentence("、配合做好"));
    CHECK(review::starts_mid_sentence("）的处罚"));
    CHECK(review::starts_mid_sentence("fi网络"));
    CHECK_FALSE(review::starts_mid_sentence("“访惠聚”驻村工作"));
    CHECK_FALSE(review::starts_mid_sentence("Wi-Fi覆盖"));
    CHECK(review::item_number("1.负责") == 1);
    CHECK(review::item_number("２．负责") == 2);
    CHECK(review::item_number("3、负责") == 3);
    CHECK(review::item_number("（4）负责") == 4);
    CHECK(review::item_number("十二、负责") == 12);
    CHECK(review::item_number("（三）负责") == 3);
    CHECK(review::item_number("1.5倍以上") == 0);
    CHECK(review::item_number("12") == 0);
    CHECK(review::item_number("负责1.") == 0);
}

TEST_CASE("numbered categories in consecutive rows are no cut") {
    Document doc = corpus_truth();
    DutyList& basic = doc.lists.at(0);
    const size_t category = static_cast<size_t>(column_index(basic, "category"));
    basic.items[0].values[category] = {"一、党的建设"};
    basic.items[1].values[category] = {"二、经济发展"};
    CHECK(review::self_check(doc).empty());
}

TEST_CASE("rows are named as a clerk counts them") {
    CHECK(review::rows_text({11}) == "row 12");
    CHECK(review::rows_text({11, 12, 13, 14}) == "rows 12–15");
    CHECK(review::rows_text({2, 6, 8, 9}) == "rows 3, 7 and 9–10");
}

TEST_CASE("the corpus lists read through the builder have no finding") {
    const Document doc = built(99, [](Table&) {});
    CHECK(summary(doc, review::self_check(doc)) == "");
}

TEST_CASE("a duty cut one line too high runs on into the next row") {
    const DutyList& list = cooperative();
    const size_t column = static_cast<size_t>(column_index(list, "township_duties"));
    const Document doc = built(1, [&](Table& t) { move_tail(t, 20, column, 6); });
    const auto findings = review::self_check(doc);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].check == SelfCheck::cut_mid_sentence);
    CHECK(findings[0].list == 1);
    CHECK(findings[0].items == std::vector<size_t>{19, 20});
    CHECK(findings[0].column == "乡镇配合职责");
    CHECK(review::self_finding_line(doc, findings[0])
              .starts_with("list 2 (配合履职事项清单), rows 20–21: the 乡镇配合职责 of row 20 ends mid-sentence"));
}

TEST_CASE("a borderless PDF's list as its reader read it, then cut one line too low") {
    const fs::path pdf = source_dir() / "tests/data/pdf/lo-borderless.pdf";
    const Document read = read_document({"lo-borderless.pdf", read_file(pdf)}, {});
    REQUIRE(read.lists.size() == 2);
    const DutyList& withdrawn = read.lists[1];
    const size_t column = static_cast<size_t>(column_index(withdrawn, "receiver"));
    CHECK(review::self_check(built(read, 99, [](Table&) {})).empty());
    const Document doc = built(read, 1, [&](Table& t) { move_tail(t, 5, column, 4); });
    const auto findings = review::self_check(doc);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].check == SelfCheck::cut_mid_sentence);
    CHECK(findings[0].items == std::vector<size_t>{4, 5});
    CHECK(findings[0].column == "承接部门及工作方式");
}

TEST_CASE("a cut between numbered duties: the next row starts at duty 2") {
    const DutyList& list = cooperative();
    const size_t column = static_cast<size_t>(column_index(list, "department_duties"));
    // The first row whose 上级部门职责 has a duty 2: its duties from 2 on go to the row under it.
    size_t row = 0;
    while (list.items.at(row).values[column].size() < 2 || review::item_number(list.items[row].values[column][1]) != 2) ++row;
    const Document doc = built(1, [&](Table& t) {
        Paragraphs& above = t.rows.at(row + 1).cells.at(column).text;
        Paragraphs& below = t.rows.at(row + 2).cells.at(column).text;
        below.insert(below.begin(), above.begin() + 1, above.end());
        above.resize(1);
    });
    const auto findings = review::self_check(doc);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].check == SelfCheck::cut_mid_sentence);
    CHECK(findings[0].items == std::vector<size_t>{row, row + 1});
    CHECK(findings[0].message.find("ends at duty 1") != std::string::npos);
    CHECK(findings[0].message.find("goes on at duty 2") != std::string::npos);
}

TEST_CASE("rows cut at a vertically centred 序号: each holds the end of its text and the start of the next") {
    const DutyList& list = cooperative();
    const std::set<std::string> tall = {"name", "department_duties", "township_duties"};
    const Document doc = built(1, [&](Table& t) {
        for (size_t c = 0; c < list.columns.size(); ++c) {
            if (!tall.count(list.columns[c].key)) continue;
            std::vector<std::u32string> texts;
            for (size_t r = 1; r < t.rows.size(); ++r) {
                std::u32string joined;
                for (const auto& p : t.rows[r].cells[c].text) joined += u32(p);
                texts.push_back(joined);
            }
            for (size_t r = 0; r < texts.size(); ++r) {
                Paragraphs cut = {utf8(texts[r].substr(texts[r].size() / 2))};
                if (r + 1 < texts.size()) cut.push_back(utf8(texts[r + 1].substr(0, texts[r + 1].size() / 2)));
                t.rows[r + 1].cells[c].text = cut;
            }
        }
    });
    const auto findings = review::self_check(doc);
    REQUIRE_FALSE(findings.empty());
    std::set<size_t> rows_flagged;
    for (const auto& f : findings) {
        CHECK(f.list == 1);
        CHECK(f.check == SelfCheck::cut_mid_sentence);
        rows_flagged.insert(f.items.begin(), f.items.end());
    }
    INFO(summary(doc, findings));
    // Nearly every row of the 98 is named, in a few ranges rather than a line per row.
    CHECK(rows_flagged.size() > 80);
    CHECK(findings.size() < 30);
}

TEST_CASE("two rows read as one: their numbers in one 序号 cell, or run together") {
    const size_t seq = 0;
    const Document two = built(0, [&](Table& t) {
        t.rows[4].cells[seq].text = {"4", "5"};
        t.rows.erase(t.rows.begin() + 5);
    });
    auto findings = review::self_check(two);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].check == SelfCheck::seq_run_together);
    CHECK(review::self_finding_line(two, findings[0]) ==
          "list 1 (基本履职事项清单), row 4: 序号 holds 4 and 5: 2 rows were read as one [seq-run-together]");
    const Document joined = built(0, [&](Table& t) {
        t.rows[4].cells[seq].text = {"45"};
        t.rows.erase(t.rows.begin() + 5);
    });
    findings = review::self_check(joined);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].check == SelfCheck::seq_run_together);
    CHECK(findings[0].message.find("the rows 4 to 5 were read as one") != std::string::npos);
    // A gap the document has (序号 5 never printed) is no misreading: the validator reports it.
    const Document gap = built(0, [](Table& t) { t.rows.erase(t.rows.begin() + 5); });
    CHECK(review::self_check(gap).empty());
}

TEST_CASE("a row under a page break that lost its 序号 is joined to the row above: the gap after it is named") {
    auto read = [](bool lose_number) {
        ListBuilder builder("no list", [](const std::string&) {});
        const DutyList& basic = corpus_truth().lists.at(0);
        builder.text({basic.title, false, 1, 0});
        Table first = table_of(basic, 1), second = table_of(basic, 2);
        first.rows.resize(11);  // the header and 序号 1–10 on page 1, the rest on page 2
        second.rows.erase(second.rows.begin(), second.rows.begin() + 11);
        second.after_page_break = true;
        second.page = 2;
        if (lose_number) second.rows[0].cells[0].text.clear();
        builder.table(first);
        builder.table(second);
        return builder.finish();
    };
    CHECK(review::self_check(read(false)).empty());
    const Document doc = read(true);
    REQUIRE(doc.lists.at(0).items.size() == 104);
    const auto findings = review::self_check(doc);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].check == SelfCheck::seq_run_together);
    CHECK(review::self_finding_line(doc, findings[0]).starts_with(
        "list 1 (基本履职事项清单), rows 10–11: 序号 skips from 10 to 12 just after a row joined from 2 rows"));
}

TEST_CASE("the rest of a row cut off as a row of its own has no 序号 and no 事项类别") {
    const Document doc = built(0, [](Table& t) {
        TableRow rest = t.rows[7];
        rest.cells[0].text.clear();
        rest.cells[1].text.clear();
        rest.cells[2].text = {"的相关工作"};
        t.rows.insert(t.rows.begin() + 8, rest);
    });
    const auto findings = review::self_check(doc);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].check == SelfCheck::seq_missing);
    CHECK(findings[0].items == std::vector<size_t>{7});
    CHECK(findings[0].message.find("no 序号 and no 事项类别") != std::string::npos);
    // A complete row the document printed without its number is its own row.
    const Document unnumbered = built(0, [](Table& t) { t.rows[8].cells[0].text.clear(); });
    CHECK(review::self_check(unnumbered).empty());
}

TEST_CASE("对应上级部门 slid down by one row against the other cells") {
    const size_t column = static_cast<size_t>(column_index(cooperative(), "departments"));
    const Document doc = built(1, [&](Table& t) {
        for (size_t r = t.rows.size() - 1; r > 1; --r) t.rows[r].cells[column].text = t.rows[r - 1].cells[column].text;
        t.rows[1].cells[column].text.clear();
    });
    const auto findings = review::self_check(doc);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].check == SelfCheck::shifted_column);
    CHECK(findings[0].items.empty());
    CHECK(review::self_finding_line(doc, findings[0])
              .starts_with("list 2 (配合履职事项清单), column 对应上级部门: the 对应上级部门 column looks shifted"));
}

TEST_CASE("a column empty in every row, but 备注") {
    const size_t column = static_cast<size_t>(column_index(cooperative(), "departments"));
    const Document doc = built(1, [&](Table& t) {
        for (size_t r = 1; r < t.rows.size(); ++r) t.rows[r].cells[column].text.clear();
    });
    const auto findings = review::self_check(doc);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].check == SelfCheck::empty_column);
    CHECK(findings[0].column == "对应上级部门");

    Document remarks = corpus_truth();
    remarks.lists[0].columns.push_back({"remarks", "备注"});
    for (auto& item : remarks.lists[0].items) item.values.emplace_back();
    CHECK(review::self_check(remarks).empty());
}

TEST_CASE("every correct file of the tree and the corpus reads without a finding") {
    // Inputs made to be refused (tests of bad input), not lists read wrongly.
    const std::set<std::string> refused = {"bomb-lying.docx", "bomb.docx",          "broken-xml.docx", "deep-nesting.docx",
                                           "entity-bomb-utf16.docx", "entity-bomb.docx", "external-entity.docx", "no-list.xlsx"};
    size_t files = 0, items = 0;
    std::vector<fs::path> inputs;
    for (const char* folder : {"tests/data/pdf", "tests/data/docx", "tests/data/xlsx", "tests/data/pairs"})
        for (const auto& entry : fs::directory_iterator(source_dir() / folder)) inputs.push_back(entry.path());
    for (const auto& entry : fs::recursive_directory_iterator(shared_dir() / "corpus")) inputs.push_back(entry.path());
    std::sort(inputs.begin(), inputs.end());
    for (const auto& path : inputs) {
        const std::string ext = path.extension().string();
        if ((ext != ".pdf" && ext != ".docx" && ext != ".xlsx") || refused.count(path.filename().string())) continue;
        CAPTURE(path.string());
        Document doc;
        CHECK_NOTHROW(doc = read_document({path.filename().string(), read_file(path)}, {}));
        ++files;
        for (const auto& list : doc.lists) items += list.items.size();
        CHECK(summary(doc, review::self_check(doc)) == "");
    }
    CHECK(files >= 50);
    CHECK(items > 2000);
}

TEST_CASE("convert names the finding on stderr; --strict fails the file and writes nothing") {
    TempDir tmp;
    Document doc = corpus_truth();
    DutyList& coop = doc.lists.at(1);
    const size_t column = static_cast<size_t>(column_index(coop, "township_duties"));
    const Paragraphs whole = coop.items[11].values[column];
    coop.items[11].values[column].back() = utf8(u32(whole.back()).substr(0, 5));
    Paragraphs& below = coop.items[12].values[column];
    below.insert(below.begin(), utf8(u32(whole.back()).substr(5)));
    write_file(tmp / "bad.json", document_to_json(doc));

    auto plain = run_dutylist("convert bad.json -t csv -o out", tmp.path());
    CHECK(plain.exit_code == 0);
    CHECK(plain.err.find("dutylist: warning: list 2 (配合履职事项清单), rows 12–13: the 乡镇配合职责 of row 12 ends mid-sentence") !=
          std::string::npos);
    CHECK(plain.err.find("[cut-mid-sentence]\n") != std::string::npos);
    CHECK(fs::exists(tmp / "out/bad.cooperative.csv"));

    auto strict = run_dutylist("convert bad.json -t csv,json --strict -o strict", tmp.path());
    CHECK(strict.exit_code == 1);
    CHECK(strict.err.find("rows 12–13: the 乡镇配合职责") != std::string::npos);
    CHECK(strict.err.find("dutylist: bad.json: the lists look read wrongly (1 finding above), so nothing was written") != std::string::npos);
    CHECK((!fs::exists(tmp / "strict") || fs::is_empty(tmp / "strict")));

    write_file(tmp / "good.json", document_to_json(corpus_truth()));
    auto good = run_dutylist("convert good.json --strict -o good", tmp.path());
    CHECK(good.exit_code == 0);
    CHECK(good.err == "");

    // Among several inputs the line names its file; the dataset holds only the file that passed.
    auto both = run_dutylist("convert bad.json good.json -t jsonl --strict -o both", tmp.path());
    CHECK(both.exit_code == 1);
    CHECK(both.err.find("dutylist: warning: bad.json: list 2 (配合履职事项清单), rows 12–13:") != std::string::npos);
    const std::string records = read_file(tmp / "both/items.jsonl");
    CHECK(std::count(records.begin(), records.end(), '\n') == 240);
    CHECK(records.find("bad.json") == std::string::npos);

    auto validate = run_dutylist("validate bad.json", tmp.path());
    CHECK(validate.exit_code == 1);
    CHECK(validate.out.find("cooperative 序号 12: error: rows 12–13: the 乡镇配合职责 of row 12 ends mid-sentence") != std::string::npos);
    CHECK(validate.out.find("[cut-mid-sentence]") != std::string::npos);
    CHECK(run_dutylist("validate good.json", tmp.path()).exit_code == 0);
}
