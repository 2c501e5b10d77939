// The XLSX extractor: the corpus lists from workbooks (one list per sheet, and all three on one
// sheet with merged titles and categories), cell kinds and column sets of tests/data/xlsx
// (made by make_xlsx.py), a workbook without a list, and the command line on workbooks.
#include <doctest/doctest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "extractors/xlsx/xlsx_reader.hpp"
#include "format_registry.hpp"
#include "model/error.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;
namespace fs = std::filesystem;

namespace {

fs::path data(const std::string& name) { return source_dir() / "tests/data/xlsx" / name; }

Document read_xlsx_file(const fs::path& path, std::vector<std::string>* warnings = nullptr) {
    ReadOptions options;
    if (warnings) options.warn = [warnings](const std::string& w) { warnings->push_back(w); };
    return read_document({path.filename().string(), read_file(path)}, options);
}

std::vector<std::string> keys(const DutyList& list) {
    std::vector<std::string> out;
    for (const auto& c : list.columns) out.push_back(c.key);
    return out;
}

using Row = std::vector<Paragraphs>;

std::vector<Row> rows(const DutyList& list) {
    std::vector<Row> out;
    for (const auto& item : list.items) out.push_back(item.values);
    return out;
}

void check_corpus(const fs::path& workbook) {
    const Document doc = read_xlsx_file(workbook);
    CHECK(doc.source.format == "xlsx");
    const TruthReport report = compare_with_truth(doc, corpus("wumachang/truth.json"));
    INFO(report.summary());
    CHECK(report.perfect());
    CHECK(report.items == 240);
    CHECK(report.exact_items == 240);
    CHECK(report.exact_cells == report.cells);
    CHECK(doc.date_iso == "2025-07");
    REQUIRE(doc.lists.size() == 3);
    CHECK(doc.lists[0].kind == ListKind::basic);
    CHECK(doc.lists[1].kind == ListKind::cooperative);
    CHECK(doc.lists[2].kind == ListKind::withdrawn);
}

}  // namespace

TEST_CASE("the corpus lists, one per sheet, match the truth in every cell") {
    check_corpus(data("wumachang-sheets.xlsx"));
    const Document doc = read_xlsx_file(data("wumachang-sheets.xlsx"));
    REQUIRE(doc.lists.size() == 3);
    // Sheet 1 has the cover in rows 1-4, the title in row 6 and the header in row 7.
    CHECK(doc.lists[0].items.front().source == Provenance{{}, {}, 1, 8});
    CHECK(doc.lists[1].items.front().source == Provenance{{}, {}, 2, 3});
    CHECK(doc.lists[2].items.back().source == Provenance{{}, {}, 3, 39});
}

TEST_CASE("the corpus lists on one sheet, with merged titles and categories, match the truth in every cell") {
    check_corpus(data("wumachang-one-sheet.xlsx"));
    const Document doc = read_xlsx_file(data("wumachang-one-sheet.xlsx"));
    REQUIRE(doc.lists.size() == 3);
    // 105 items from row 8, two blank rows, the next title and header: the second list from row 117.
    CHECK(doc.lists[0].items.back().source == Provenance{{}, {}, 1, 112});
    CHECK(doc.lists[1].items.front().source == Provenance{{}, {}, 1, 117});
}

TEST_CASE("the one-sheet workbook re-saved by LibreOffice Calc reads the same") {
    // Calc writes its own shared strings, styles and merge list (soffice --convert-to xlsx).
    check_corpus(data("wumachang-one-sheet-libreoffice.xlsx"));
    CHECK(read_xlsx_file(data("wumachang-one-sheet-libreoffice.xlsx")).lists ==
          read_xlsx_file(data("wumachang-one-sheet.xlsx")).lists);
}

TEST_CASE("section rows, an extra 备注 column, numbers, booleans, rich text, inline strings and escapes") {
    std::vector<std::string> warnings;
    const Document doc = read_xlsx_file(data("features.xlsx"), &warnings);
    REQUIRE(doc.lists.size() == 3);
    const DutyList& basic = doc.lists[0];
    CHECK(basic.title == "某镇基本履职事项清单");
    CHECK(basic.kind == ListKind::basic);
    // The section rows give the list its 事项类别.
    CHECK(keys(basic) == std::vector<std::string>{"seq", "category", "name", "remarks"});
    CHECK(rows(basic) == std::vector<Row>{
                             {{"1"}, {"党的建设"}, {"加强基层党建"}, {"1.5"}},
                             {{"2"}, {"党的建设"}, {"服务群众"}, {"TRUE"}},
                             {{"3"}, {"经济发展"}, {"第一段", "第二段"}, {"1234567890123"}},
                             {{"4"}, {"经济发展"}, {"甲项", "乙项_x000D_"}, {"0.3"}},
                         });
    CHECK(basic.notes == std::vector<std::string>{"注：本清单随机构改革动态调整。"});
    CHECK(basic.items[2].source == Provenance{{}, {}, 1, 8});
    CHECK(doc.title.empty());
}

TEST_CASE("split 承接部门 and 工作方式, a category merged down, a header repeated, a table not in column A") {
    const Document doc = read_xlsx_file(data("features.xlsx"));
    REQUIRE(doc.lists.size() == 3);
    const DutyList& withdrawn = doc.lists[1];
    CHECK(withdrawn.title == "某镇上级部门收回事项清单");
    CHECK(withdrawn.kind == ListKind::withdrawn);
    CHECK(keys(withdrawn) == std::vector<std::string>{"seq", "category", "name", "receiving_department", "method"});
    CHECK(rows(withdrawn) == std::vector<Row>{
                                 {{"1"}, {"民生服务"}, {"对违规领取高龄津贴的追缴"}, {"县民政局"}, {"直接实施"}},
                                 {{"2"}, {"民生服务"}, {"临时救助审批"}, {"县民政局"}, {"委托实施"}},
                                 {{"3"}, {"平安法治"}, {"非法采砂的查处"}, {"县水利局"}, {"直接实施"}},
                             });
    CHECK(withdrawn.items[2].source == Provenance{{}, {}, 2, 7});
}

TEST_CASE("a grouped header row names the columns by the row under it; an unmerged section row") {
    const Document doc = read_xlsx_file(data("grouped-header.xlsx"));
    REQUIRE(doc.lists.size() == 1);
    CHECK(doc.lists[0].title == "某镇上级部门收回事项清单");
    CHECK(doc.lists[0].kind == ListKind::withdrawn);
    CHECK(keys(doc.lists[0]) == std::vector<std::string>{"seq", "category", "name", "receiving_department", "method"});
    CHECK(rows(doc.lists[0]) == std::vector<Row>{{{"1"}, {"社会保障"}, {"临时救助审批"}, {"县民政局"}, {"直接实施"}}});
    CHECK(doc.lists[0].items[0].source == Provenance{{}, {}, 1, 5});
}

TEST_CASE("a list without a title takes its kind from its columns; a sheet without a list is skipped with a warning") {
    std::vector<std::string> warnings;
    const Document doc = read_xlsx_file(data("features.xlsx"), &warnings);
    REQUIRE(doc.lists.size() == 3);
    const DutyList& cooperative = doc.lists[2];
    CHECK(cooperative.title.empty());
    CHECK(cooperative.kind == ListKind::cooperative);
    CHECK(keys(cooperative) == std::vector<std::string>{"seq", "name", "departments", "department_duties", "township_duties"});
    CHECK(rows(cooperative) == std::vector<Row>{{{"1"},
                                                 {"推荐县级以上党代表工作"},
                                                 {"县委组织部"},
                                                 {"1.明确要求；", "2.资格审查。"},
                                                 {"1.制定方案；", "2.上报结果。"}}});
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("sheet 4 (\"说明\") holds no duty list") != std::string::npos);
}

TEST_CASE("a workbook without a duty list is refused with the reason") {
    try {
        read_xlsx_file(data("no-list.xlsx"));
        FAIL("a workbook without a duty list was read");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) ==
              "no sheet of this Excel workbook holds a duty list (a header row naming 序号, 事项类别 or 事项名称)");
    }
}

TEST_CASE("the sniff takes workbooks by their ZIP directory, never a Word document") {
    const std::string docx = read_file(corpus("wumachang/wumachang.docx"));
    CHECK(sniff_xlsx(read_file(data("features.xlsx"))));
    CHECK_FALSE(sniff_xlsx(docx));
    CHECK(read_document({"w.docx", docx}, {}).source.format == "docx");
    // The name of a workbook part in a file that is no ZIP, or in a damaged one.
    CHECK_FALSE(sniff_xlsx("PK\x03\x04 xl/workbook.xml and nothing else"));
    CHECK_FALSE(sniff_xlsx(read_file(data("features.xlsx")).substr(0, 2000)));
}

TEST_CASE("dutylist convert reads a workbook, and a folder walk picks up *.xlsx") {
    TempDir tmp;
    fs::create_directories(tmp / "in");
    fs::copy_file(data("wumachang-one-sheet.xlsx"), tmp / "in/清单.xlsx");
    auto one = run_dutylist("convert in/清单.xlsx -t json -o out", tmp.path());
    INFO(one.err);
    CHECK(one.exit_code == 0);
    const auto json = nlohmann::json::parse(read_file(tmp / "out/清单.json"));
    CHECK(json["source"]["format"] == "xlsx");
    CHECK(json["lists"].size() == 3);

    fs::copy_file(data("no-list.xlsx"), tmp / "in/通讯录.xlsx");
    auto folder = run_dutylist("convert in -t json -o walked", tmp.path());
    CHECK(folder.exit_code == 1);
    CHECK(fs::exists(tmp / "walked/清单.json"));
    CHECK(!fs::exists(tmp / "walked/通讯录.json"));
    CHECK(folder.err == "dutylist: in/通讯录.xlsx: no sheet of this Excel workbook holds a duty list "
                        "(a header row naming 序号, 事项类别 or 事项名称)\n");
}

TEST_CASE("a cell far right of the table (column XFD) is left out with a warning, not read as an item") {
    TempDir tmp;
    // The workbook is made with the bad-input suite's minimal package, a list of two items and
    // one cell in XFD: on a row of its own, and beside an item.
    const std::string script =
        "import sys; sys.path.insert(0, sys.argv[1]); from make_bad_inputs import minimal_xlsx, sheet_xml\n"
        "c = lambda ref, t: '<c r=\"%s\" t=\"inlineStr\"><is><t>%s</t></is></c>' % (ref, t)\n"
        "rows = '<row r=\"1\">' + c('A1', '序号') + c('B1', '事项名称') + '</row><row r=\"2\">' + c('A2', '1') + c('B2', '甲')"
        " + c('XFD2', '远') + '</row><row r=\"3\">' + c('A3', '2') + c('B3', '乙') + '</row><row r=\"4\">' + c('XFD4', '3') + '</row>'\n"
        "open(sys.argv[2], 'wb').write(minimal_xlsx(sheet_xml(rows)))\n";
    write_file(tmp / "make.py", script);
    auto r = run_shell("/usr/bin/python3 make.py " + quote(source_dir() / "tests/bad_inputs") + " far.xlsx", tmp.path());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::vector<std::string> warnings;
    const Document doc = read_xlsx_file(tmp / "far.xlsx", &warnings);
    REQUIRE(doc.lists.size() == 1);
    CHECK(rows(doc.lists[0]) == std::vector<Row>{{{"1"}, {"甲"}}, {{"2"}, {"乙"}}});
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0].find("cell XFD2, far right of the table, was left out: \"远\"") != std::string::npos);
    CHECK(warnings[1].find("cell XFD4") != std::string::npos);
}
