// Import templates (model/import_template.hpp): the format, its errors naming the line, the
// flat table of the corpus, and --template with -t csv, xlsx and jsonl on the command line.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "format_registry.hpp"
#include "model/error.hpp"
#include "model/import_template.hpp"
#include "renderers/json_renderer.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;
namespace fs = std::filesystem;

namespace {

const fs::path shipped_template = source_dir() / "templates/import/county-system.txt";

std::string parse_error(const std::string& text) {
    try {
        parse_import_template(text, "模板.txt");
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}

Document corpus_document() { return document_from_truth(corpus("wumachang/truth.json")); }

std::vector<std::string> csv_records(const std::string& text) {
    std::vector<std::string> out;
    for (size_t start = 0; start < text.size();) {
        const size_t end = text.find("\r\n", start);
        out.push_back(text.substr(start, end - start));
        start = end == std::string::npos ? text.size() : end + 2;
    }
    return out;
}

}  // namespace

TEST_CASE("a template names its columns in order, each with its source; comments, blank lines, a BOM and CR LF are taken") {
    const ImportTemplate t = parse_import_template(
        "\xEF\xBB\xBF# 县系统\r\n\r\n类型 = kind:basic=1, cooperative=2 ,withdrawn=3\r\n名称=field:事项名称\r\n"
        "来源 = const:乡镇上报=是\r\n乡镇 = issuer\r\n行 = row\r\n空 = const:\r\n",
        "模板.txt");
    REQUIRE(t.columns.size() == 6);
    CHECK(t.columns[0].name == "类型");
    CHECK(t.columns[0].source == TemplateColumn::Source::kind);
    CHECK(t.columns[0].kind_spelling[0] == "1");
    CHECK(t.columns[0].kind_spelling[1] == "2");
    CHECK(t.columns[0].kind_spelling[2] == "3");
    CHECK(t.columns[0].kind_spelling[3].empty());
    CHECK(t.columns[1].source == TemplateColumn::Source::field);
    CHECK(t.columns[1].argument == "事项名称");
    CHECK(t.columns[2].argument == "乡镇上报=是");
    CHECK(t.columns[3].source == TemplateColumn::Source::issuer);
    CHECK(t.columns[4].source == TemplateColumn::Source::row);
    CHECK(t.columns[5].argument.empty());
}

TEST_CASE("a bad template is refused in one line naming the file, the line and what is wrong") {
    CHECK(parse_error("名称 = field:name\n类型 = kinds\n") ==
          "the template 模板.txt, line 2: unknown source \"kinds\" (choose field:KEY, const:TEXT, kind, kind_label, issuer, title, "
          "date, date_iso, list_title, row, source_file or kind:basic=…,cooperative=…,withdrawn=…)");
    CHECK(parse_error("# c\n名称 field:name\n") == "the template 模板.txt, line 2: \"名称 field:name\" should be NAME = SOURCE, e.g. 事项名称 = field:name");
    CHECK(parse_error(" = issuer") == "the template 模板.txt, line 1: the column has no name before =");
    CHECK(parse_error("a = issuer\na = date\n") == "the template 模板.txt, line 2: the column \"a\" is named twice");
    CHECK(parse_error("a = field:") == "the template 模板.txt, line 1: field: names no column (e.g. field:name or field:事项名称)");
    CHECK(parse_error("a = kind:basic=1,recall=3") == "the template 模板.txt, line 1: \"recall\" is not a list kind (basic, cooperative, withdrawn or other)");
    CHECK(parse_error("a = kind:basic") == "the template 模板.txt, line 1: \"basic\" should be KIND=SPELLING, e.g. basic=基本");
    CHECK(parse_error("# only a comment\n\n") == "the template 模板.txt names no column (one line a column: NAME = SOURCE)");
    // 名称 in GBK, as Notepad on Chinese Windows saved files before UTF-8 became its default.
    CHECK(parse_error("a = issuer\n\xC3\xFB\xB3\xC6 = date\n") ==
          "the template 模板.txt, line 2: the text is not UTF-8 (save the template as UTF-8, as Notepad and WPS can)");
}

TEST_CASE("the shipped template flattens the corpus: every item of the three lists, in order, each source filled") {
    const Document doc = corpus_document();
    const ImportTemplate t = parse_import_template(read_file(shipped_template), "county-system.txt");
    const FlatTable table = flatten(doc, t);
    REQUIRE(table.header.size() == 12);
    CHECK(table.header.front() == "清单类型");
    REQUIRE(table.rows.size() == 240);
    const auto column = [&](const std::string& name) {
        return static_cast<size_t>(std::find(table.header.begin(), table.header.end(), name) - table.header.begin());
    };
    CHECK(table.counts[column("序号")]);
    CHECK_FALSE(table.counts[column("事项名称")]);
    size_t row = 0;
    for (const auto& list : doc.lists) {
        const std::string code = list.kind == ListKind::basic ? "1" : list.kind == ListKind::cooperative ? "2" : "3";
        for (const auto& item : list.items) {
            CAPTURE(row);
            const auto& cells = table.rows[row++];
            CHECK(cells[column("清单类型")] == Paragraphs{code});
            CHECK(cells[column("清单名称")] == Paragraphs{kind_label(list.kind)});
            CHECK(cells[column("序号")] == item.values[0]);
            CHECK(cells[column("事项名称")] == item.values[static_cast<size_t>(column_index(list, "name"))]);
            CHECK(cells[column("所属乡镇")] == Paragraphs{doc.issuer});
            CHECK(cells[column("发布时间")] == Paragraphs{"2025-07"});
            CHECK(cells[column("数据来源")] == Paragraphs{"乡镇上报"});
            // Each list's own columns; a column another list has is empty here.
            const int duties = column_index(list, "township_duties");
            CHECK(cells[column("乡镇配合职责")] == (duties < 0 ? Paragraphs{} : item.values[static_cast<size_t>(duties)]));
            const bool receives = list.columns.back().label == "承接部门及工作方式";
            CHECK(cells[column("承接部门及工作方式")] == (receives ? item.values.back() : Paragraphs{}));
        }
    }
    CHECK(table.rows[105][column("上级部门职责")] == doc.lists[1].items[0].values[4]);
    CHECK(table.rows[203][column("承接部门及工作方式")] == doc.lists[2].items[0].values[3]);
    CHECK_FALSE(table.rows[203][column("承接部门及工作方式")].empty());
}

TEST_CASE("a field no list of the document has is refused, naming the template's column and the columns there are") {
    const ImportTemplate t = parse_import_template("名称 = field:name\n编号 = field:编码\n", "t.txt");
    try {
        flatten(corpus_document(), t);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).starts_with("the template's column \"编号\" takes field:编码, which no list of this document has (its columns: seq (序号), "));
    }
}

TEST_CASE("--template with -t csv,xlsx,jsonl: one flat table of all lists in each; a bad template fails in one line") {
    TempDir dir;
    write_file(dir / "list.json", document_to_json(corpus_document()));
    write_file(dir / "t.txt", "类型 = kind:basic=基本,cooperative=配合,withdrawn=收回\n序号 = field:seq\n名称 = field:name\n");
    auto r = run_dutylist("convert list.json -t csv,xlsx,jsonl --template t.txt -o out", dir.path());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto records = csv_records(read_file(dir / "out/list.csv"));
    REQUIRE(records.size() == 241);
    CHECK(records[0] == "\xEF\xBB\xBF类型,序号,名称");
    CHECK(records[1].starts_with("基本,1,深入学习贯彻"));
    CHECK(records[106].starts_with("配合,1,"));
    CHECK(records[240].starts_with("收回,37,"));
    CHECK_FALSE(fs::exists(dir / "out/list.basic.csv"));

    std::vector<nlohmann::ordered_json> lines;
    const std::string jsonl = read_file(dir / "out/items.jsonl");
    for (size_t start = 0, end; start < jsonl.size(); start = end + 1) {
        end = std::min(jsonl.find('\n', start), jsonl.size());
        lines.push_back(nlohmann::ordered_json::parse(jsonl.substr(start, end - start)));
    }
    REQUIRE(lines.size() == 240);
    CHECK(lines[0].dump() == nlohmann::ordered_json::parse(R"({"类型": "基本", "序号": "1", "名称": ")" + corpus_document().lists[0].items[0].values[2][0] + "\"}").dump());
    CHECK(lines[239]["类型"] == "收回");

    // The workbook's one sheet, as openpyxl reads it: a header and 240 rows, 序号 as numbers.
    write_file(dir / "sheet.py",
               "import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb.worksheets[0]\n"
               "rows = list(ws.iter_rows(values_only=True))\n"
               "print(wb.sheetnames, len(rows), rows[0], rows[1][:2], rows[240][:2], ws.freeze_panes, ws.auto_filter.ref)\n");
    const auto sheet = run_shell("/usr/bin/python3 sheet.py out/list.xlsx", dir.path());
    REQUIRE_MESSAGE(sheet.exit_code == 0, sheet.err);
    CHECK(sheet.out == "['导入'] 241 ('类型', '序号', '名称') ('基本', 1) ('收回', 37) A2 A1:C241\n");

    write_file(dir / "bad.txt", "类型 = kind\n名称 = fields:name\n");
    r = run_dutylist("convert list.json -t csv --template bad.txt -o bad", dir.path());
    CHECK(r.exit_code == 1);
    CHECK(r.err == "dutylist: the template bad.txt, line 2: unknown source \"fields:name\" (choose field:KEY, const:TEXT, kind, kind_label, issuer, "
                   "title, date, date_iso, list_title, row, source_file or kind:basic=…,cooperative=…,withdrawn=…)\n");
    CHECK_FALSE(fs::exists(dir / "bad"));

    // The other formats have no flat table: the template would be ignored, so it is refused.
    r = run_dutylist("convert list.json -t csv,docx --template t.txt -o other", dir.path());
    CHECK(r.exit_code == 1);
    CHECK(r.err == "dutylist: --template applies to -t csv, xlsx and jsonl, not to docx: ask for those formats only\n");
    CHECK_FALSE(fs::exists(dir / "other"));
}
