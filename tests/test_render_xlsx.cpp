// The XLSX renderer: the corpus DOCX and PDF → workbook → our XLSX reader gives the same
// model; the workbook as openpyxl sees it (sheets, merged title rows, the frozen bold header
// with its filter, every cell, 序号 as numbers, widths, print setup); LibreOffice Calc opens
// it; merged categories; notes and a second list of a kind; text that looks like a formula;
// a cell longer than XLSX allows.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "format_registry.hpp"
#include "model/error.hpp"
#include "renderers/json_renderer.hpp"
#include "renderers/xlsx_renderer.hpp"
#include "support/paths.hpp"

using namespace dutylist;
using namespace dutylist::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

Document read_as(const std::string& name, const std::string& bytes) { return read_document({name, bytes}, {}); }

const Document& from_docx() {
    static const Document doc = read_as("wumachang.docx", read_file(corpus("wumachang/wumachang.docx")));
    return doc;
}

// What a workbook round trip must keep: everything but where the document and its items came from.
std::string model_json(Document doc) {
    doc.source = {};
    for (auto& list : doc.lists)
        for (auto& item : list.items) item.source = {};
    return document_to_json(doc);
}

void check_read_back(const Document& direct, const RenderOptions& options) {
    const auto outputs = render_xlsx(direct, options);
    REQUIRE(outputs.size() == 1);
    CHECK(outputs[0].suffix == ".xlsx");
    const Document again = read_as("again.xlsx", outputs[0].bytes);
    CHECK(again.source.format == "xlsx");
    REQUIRE(again.lists.size() == direct.lists.size());
    for (size_t l = 0; l < direct.lists.size(); ++l) {
        INFO("list ", l + 1);
        CHECK(again.lists[l].title == direct.lists[l].title);
        CHECK(again.lists[l].columns == direct.lists[l].columns);
        REQUIRE(again.lists[l].items.size() == direct.lists[l].items.size());
        for (size_t r = 0; r < direct.lists[l].items.size(); ++r) {
            INFO("row ", r + 1);
            CHECK(again.lists[l].items[r].values == direct.lists[l].items[r].values);
        }
    }
    CHECK(model_json(again) == model_json(direct));
}

// The workbook as openpyxl reads it, as JSON: per sheet its cells (values and types), merged
// ranges, freeze pane, filter, print setup, widths and the fonts of the first rows.
json inspect_workbook(const fs::path& xlsx, const TempDir& dir) {
    write_file(dir / "workbook_facts.py", R"(import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    types = [[c.data_type for c in row] for row in ws.iter_rows()]
    bold = [[bool(c.font.b) for c in row] for row in ws.iter_rows(max_row=8)]
    wrap = [[bool(c.alignment.wrap_text) for c in row] for row in ws.iter_rows()]
    out.append({"name": ws.title, "cells": cells, "types": types, "bold": bold, "wrap": wrap,
                "merged": sorted(str(r) for r in ws.merged_cells.ranges), "freeze": ws.freeze_panes,
                "filter": ws.auto_filter.ref, "orientation": ws.page_setup.orientation,
                "paper": ws.page_setup.paperSize,
                # fitToWidth left out means 1 (ECMA-376 18.3.1.63), as libxlsxwriter writes it
                "fit_width": 1 if ws.page_setup.fitToWidth is None else ws.page_setup.fitToWidth,
                "fit_height": ws.page_setup.fitToHeight, "fit": ws.sheet_properties.pageSetUpPr.fitToPage,
                "title_rows": ws.print_title_rows,
                "widths": {k: v.width for k, v in ws.column_dimensions.items()}})
print(json.dumps(out, ensure_ascii=False))
)");
    const auto result = run_shell("/usr/bin/python3 workbook_facts.py " + quote(xlsx), dir.path());
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    return json::parse(result.out);
}

std::string joined(const Paragraphs& paragraphs) {
    std::string out;
    for (const auto& p : paragraphs) out += (out.empty() ? "" : "\n") + p;
    return out;
}

// Every item cell of the list on the sheet, from the sheet's row `first` (1-based) down.
void check_cells(const json& sheet, const DutyList& list, size_t first) {
    REQUIRE(sheet["cells"].size() >= first - 1 + list.items.size());
    size_t differing = 0;
    for (size_t r = 0; r < list.items.size(); ++r) {
        const json& row = sheet["cells"][first - 1 + r];
        for (size_t c = 0; c < list.columns.size(); ++c) {
            const std::string want = joined(list.items[r].values[c]);
            const json& got = row[c];
            const bool same = c == 0 ? got == std::stoi(want) : got == (want.empty() ? json() : json(want));
            if (!same && ++differing <= 3) CHECK_MESSAGE(same, "row ", first + r, " column ", c + 1, ": ", got.dump(), " for ", want);
        }
    }
    CHECK(differing == 0);
}

}  // namespace

TEST_CASE("corpus DOCX → XLSX → our reader gives the same model, with and without merged categories") {
    check_read_back(from_docx(), {});
    RenderOptions merged;
    merged.merge_categories = true;
    check_read_back(from_docx(), merged);
}

TEST_CASE("corpus PDF → XLSX → our reader gives the same model") {
    check_read_back(read_as("wumachang.pdf", read_file(corpus("wumachang/wumachang.pdf"))), {});
}

TEST_CASE("the workbook as openpyxl reads it: a sheet per list, title, frozen bold header, filter, every cell, print setup") {
    TempDir dir;
    const Document& doc = from_docx();
    write_file(dir / "list.xlsx", render_xlsx(doc, {})[0].bytes);
    const json book = inspect_workbook(dir / "list.xlsx", dir);
    REQUIRE(book.size() == 3);
    CHECK(book[0]["name"] == "基本履职事项");
    CHECK(book[1]["name"] == "配合履职事项");
    CHECK(book[2]["name"] == "上级部门收回事项");
    // Sheet 1: the cover in rows 1-3, a blank row, the title in row 5, the header in row 6.
    const json& basic = book[0];
    CHECK(basic["cells"][0][0] == doc.issuer);
    CHECK(basic["cells"][1][0] == "履职事项清单");
    CHECK(basic["cells"][2][0] == "2025年7月");
    CHECK(basic["cells"][4][0] == doc.lists[0].title);
    CHECK(basic["merged"] == json::array({"A1:C1", "A2:C2", "A3:C3", "A5:C5"}));
    CHECK(basic["cells"][5] == json::array({"序号", "事项类别", "事项名称"}));
    CHECK(basic["bold"][5] == json::array({true, true, true}));
    CHECK(basic["bold"][6] == json::array({false, false, false}));
    CHECK(basic["freeze"] == "A7");
    CHECK(basic["filter"] == "A6:C111");
    CHECK(basic["title_rows"] == "$6:$6");
    check_cells(basic, doc.lists[0], 7);
    CHECK(basic["types"][6][0] == "n");
    CHECK(basic["wrap"][6][2] == true);
    // 事项名称 (long paragraphs) is the widest column but bounded; 序号 narrow; 事项类别 fits
    // its longest category, an ideograph counted twice.
    CHECK(basic["widths"]["A"].get<double>() < 8);
    CHECK(basic["widths"]["C"].get<double>() == doctest::Approx(50).epsilon(0.02));
    CHECK(basic["widths"]["B"].get<double>() > 2 * 4);
    for (size_t s = 0; s < 3; ++s) {
        CAPTURE(s);
        CHECK(book[s]["orientation"] == "landscape");
        CHECK(book[s]["paper"] == 9);
        CHECK(book[s]["fit"] == true);
        CHECK(book[s]["fit_width"] == 1);
        CHECK(book[s]["fit_height"] == 0);
    }
    // Sheets 2 and 3: the title in row 1, the header in row 2.
    const json& cooperative = book[1];
    // The source's proportions (w:tblGrid 794 1361 2041 2041 3912 3855): 上级部门职责 and
    // 乡镇配合职责 about equal, 事项名称 about half of them.
    const json& w = cooperative["widths"];
    CHECK(w["E"].get<double>() / w["F"].get<double>() == doctest::Approx(3912.0 / 3855).epsilon(0.05));
    CHECK(w["C"].get<double>() / w["E"].get<double>() == doctest::Approx(2041.0 / 3912).epsilon(0.1));
    CHECK(cooperative["cells"][0][0] == doc.lists[1].title);
    CHECK(cooperative["merged"] == json::array({"A1:F1"}));
    CHECK(cooperative["freeze"] == "A3");
    CHECK(cooperative["filter"] == "A2:F100");
    CHECK(cooperative["title_rows"] == "$2:$2");
    check_cells(cooperative, doc.lists[1], 3);
    check_cells(book[2], doc.lists[2], 3);
    CHECK(book[2]["cells"].size() == 2 + 37);
}

TEST_CASE("--merge-categories merges each run of one 事项类别 into one cell") {
    TempDir dir;
    RenderOptions options;
    options.merge_categories = true;
    const Document& doc = from_docx();
    write_file(dir / "merged.xlsx", render_xlsx(doc, options)[0].bytes);
    const json book = inspect_workbook(dir / "merged.xlsx", dir);
    const DutyList& basic = doc.lists[0];
    std::vector<std::string> runs;
    for (size_t r = 0, end; r < basic.items.size(); r = end + 1) {
        for (end = r; end + 1 < basic.items.size() && basic.items[end + 1].values[1] == basic.items[r].values[1];) ++end;
        if (end > r) runs.push_back("B" + std::to_string(7 + r) + ":B" + std::to_string(7 + end));
    }
    REQUIRE(runs.size() > 3);
    json want = json::array({"A1:C1", "A2:C2", "A3:C3", "A5:C5"});
    for (const auto& run : runs) want.push_back(run);
    std::sort(want.begin(), want.end());
    CHECK(book[0]["merged"] == want);
}

TEST_CASE("LibreOffice Calc opens the workbook") {
    TempDir dir;
    write_file(dir / "list.xlsx", render_xlsx(from_docx(), {})[0].bytes);
    const auto result = run_shell("soffice -env:UserInstallation=file://" + (dir / "lo-profile").string() +
                                  " --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir " + quote(dir / "csv") + " list.xlsx", dir.path());
    const fs::path csv = dir / "csv/list.csv";
    REQUIRE_MESSAGE(fs::exists(csv), "soffice did not convert the workbook: ", result.out, result.err);
    const std::string text = read_file(csv);
    CHECK(text.find("序号,事项类别,事项名称") != std::string::npos);
    CHECK(text.find("\n105,") != std::string::npos);
    CHECK(text.find(from_docx().lists[0].items[104].values[2][0]) != std::string::npos);
}

TEST_CASE("notes, a second list of a kind and text that looks like a formula survive the workbook") {
    Document doc;
    doc.issuer = "某县某镇";
    doc.title = "履职事项清单";
    doc.date = "2025年7月";
    DutyList list;
    list.kind = ListKind::basic;
    list.title = "某镇基本履职事项清单";
    list.columns = {{"seq", "序号"}, {"category", "事项类别"}, {"name", "事项名称"}};
    list.items.push_back({{{"1"}, {"党的建设"}, {"=SUM(A1:A2)", "第二段"}}, {}});
    list.items.push_back({{{"2"}, {"党的建设"}, {"@HYPERLINK(\"x\")"}}, {}});
    list.items.push_back({{{"03"}, {}, {"-1-1"}}, {}});
    list.notes = {"注：本清单自印发之日起施行。"};
    doc.lists = {list, list};
    doc.lists[1].title = "某镇基本履职事项清单（续）";
    const auto bytes = render_xlsx(doc, {})[0].bytes;
    const Document again = read_as("again.xlsx", bytes);
    REQUIRE(again.lists.size() == 2);
    CHECK(again.issuer == doc.issuer);
    CHECK(again.title == doc.title);
    for (size_t l = 0; l < 2; ++l) {
        CAPTURE(l);
        CHECK(again.lists[l].notes == doc.lists[l].notes);
        CHECK(again.lists[l].title == doc.lists[l].title);
        REQUIRE(again.lists[l].items.size() == 3);
        for (size_t r = 0; r < 3; ++r) CHECK(again.lists[l].items[r].values == doc.lists[l].items[r].values);
    }
    TempDir dir;
    write_file(dir / "two.xlsx", bytes);
    const json book = inspect_workbook(dir / "two.xlsx", dir);
    CHECK(book[0]["name"] == "基本履职事项");
    CHECK(book[1]["name"] == "基本履职事项2");
    // Text, never a formula; "03" stays text as typed.
    // Rows: the cover (3), a blank row, the title, the header, the items from row 7.
    CHECK(book[0]["cells"][6][2] == "=SUM(A1:A2)\n第二段");
    CHECK(book[0]["types"][6][2] == "s");
    CHECK(book[0]["types"][7][2] == "s");
    CHECK(book[0]["cells"][8][0] == "03");
    CHECK(book[0]["cells"][9][0] == "注：本清单自印发之日起施行。");
}

TEST_CASE("a cell longer than an XLSX cell holds is refused with the reason") {
    Document doc;
    DutyList list;
    list.kind = ListKind::basic;
    list.columns = {{"seq", "序号"}, {"name", "事项名称"}};
    list.items.push_back({{{"1"}, {std::string(40000, 'x')}}, {}});
    doc.lists = {list};
    CHECK_THROWS_WITH_AS(render_xlsx(doc, {}), "the cell B2 of the sheet 基本履职事项 would hold more text than an XLSX cell can (32,767 characters)",
                         Error);
}

TEST_CASE("dutylist convert -t xlsx writes OUTDIR/<stem>.xlsx") {
    TempDir dir;
    write_file(dir / "list.json", document_to_json(from_docx()));
    const auto result = run_dutylist("convert list.json -t xlsx -o out", dir.path());
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    const Document again = read_as("list.xlsx", read_file(dir / "out/list.xlsx"));
    CHECK(again.lists == read_as("list.xlsx", render_xlsx(from_docx(), {})[0].bytes).lists);
    CHECK(again.lists.size() == 3);
}
