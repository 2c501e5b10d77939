// The DOCX extractor on small documents made by tests/data/docx/make_docx.py, one per feature:
// other column sets, split tables, title rows, merged and offset cells, nested tables, automatic
// numbering, Word's wrappers, other namespace prefixes and LibreOffice's way of writing.
#include <doctest/doctest.h>

#include "format_registry.hpp"
#include "model/error.hpp"
#include "support/paths.hpp"

using namespace dutylist;
using namespace dutylist::test;

namespace {

Document read_data(const std::string& name) {
    return read_document({name, read_file(source_dir() / "tests/data/docx" / name)}, {});
}

// The values of an item, one Paragraphs per column.
std::vector<Paragraphs> values(const DutyList& list, size_t item) {
    REQUIRE(item < list.items.size());
    return list.items[item].values;
}

std::vector<std::string> labels(const DutyList& list) {
    std::vector<std::string> out;
    for (const auto& c : list.columns) out.push_back(c.label);
    return out;
}

std::vector<std::string> keys(const DutyList& list) {
    std::vector<std::string> out;
    for (const auto& c : list.columns) out.push_back(c.key);
    return out;
}

using P = Paragraphs;

void check_cells_document(const Document& doc) {
    CHECK(doc.issuer == "测试县测试乡");
    CHECK(doc.title == "履职事项清单");
    CHECK(doc.date == "2025年9月");
    REQUIRE(doc.lists.size() == 1);
    const DutyList& list = doc.lists[0];
    CHECK(list.title == "测试乡基本履职事项清单");
    CHECK(list.kind == ListKind::basic);
    CHECK(keys(list) == std::vector<std::string>{"seq", "category", "name", "remarks"});
    REQUIRE(list.items.size() == 7);
    // vMerge: 党的建设 restarts in row 1 and covers rows 2 and 3; 共用备注 covers rows 1 and 2.
    CHECK(values(list, 0) == std::vector<P>{{"1"}, {"党的建设"}, {"第一段", "第二段"}, {"共用备注"}});
    // A soft line break starts a paragraph; a tab is a space.
    CHECK(values(list, 1) == std::vector<P>{{"2"}, {"党的建设"}, {"甲项", "乙项", "Step One"}, {"共用备注"}});
    // gridSpan: the cell spanning 事项名称 and 备注 belongs to 事项名称; 备注 is empty.
    CHECK(values(list, 2) == std::vector<P>{{"3"}, {"党的建设"}, {"合并单元格"}, {}});
    // gridBefore: no 序号 cell; gridAfter: no 备注 cell.
    CHECK(values(list, 3) == std::vector<P>{{}, {"经济发展"}, {"名称四"}, {"备注四"}});
    CHECK(values(list, 4) == std::vector<P>{{"5"}, {"经济发展"}, {"名称五"}, {}});
    // A nested table's text, in order, between the paragraphs around it.
    CHECK(values(list, 5) == std::vector<P>{{"6"}, {"经济发展"}, {"外层", "内1", "内2", "内3", "内4", "之后"}, {"备注六"}});
    CHECK(values(list, 6) == std::vector<P>{{"7"}, {"经济发展"}, {"名称七"}, {}});
    CHECK(list.items[6].source == Provenance{{}, {}, 1, 8});
}

}  // namespace

TEST_CASE("other column sets, split tables, repeated headers, notes and title rows") {
    const Document doc = read_data("columns.docx");
    CHECK(doc.issuer == "甲省乙市丙县丁镇");
    CHECK(doc.title == "履职事项清单");
    CHECK(doc.date == "2025年8月");
    CHECK(doc.date_iso == "2025-08");
    REQUIRE(doc.lists.size() == 5);

    SUBCASE("no 事项类别, an added 备注, a list split over two tables with a repeated header row") {
        const DutyList& list = doc.lists[0];
        CHECK(list.title == "丁镇基本履职事项清单");
        CHECK(list.kind == ListKind::basic);
        CHECK(keys(list) == std::vector<std::string>{"seq", "name", "remarks"});
        REQUIRE(list.items.size() == 4);
        CHECK(values(list, 0) == std::vector<P>{{"1"}, {"名称一"}, {"备注一"}});
        CHECK(values(list, 1) == std::vector<P>{{"2"}, {"名称二第一段", "名称二第二段"}, {}});
        CHECK(values(list, 2) == std::vector<P>{{"3"}, {"名称三"}, {"备注三"}});
        CHECK(list.items[2].source == Provenance{{}, {}, 1, 5});
        CHECK(values(list, 3) == std::vector<P>{{"4"}, {"名称四"}, {}});
        CHECK(list.items[3].source == Provenance{{}, {}, 2, 2});
        CHECK(list.notes == std::vector<std::string>{"注：本清单随法律法规调整动态更新。"});
    }
    SUBCASE("承接部门 and 工作方式 as two columns") {
        const DutyList& list = doc.lists[1];
        CHECK(list.title == "丁镇上级部门收回事项清单");
        CHECK(list.kind == ListKind::withdrawn);
        CHECK(labels(list) == std::vector<std::string>{"序号", "事项名称", "承接部门", "工作方式"});
        CHECK(keys(list) == std::vector<std::string>{"seq", "name", "receiving_department", "method"});
        REQUIRE(list.items.size() == 2);
        CHECK(values(list, 1) == std::vector<P>{{"2"}, {"收回二"}, {"县财政局", "县审计局"}, {"指导监督"}});
        CHECK(list.notes.empty());
    }
    SUBCASE("a list titled by a row inside its table") {
        const DutyList& list = doc.lists[2];
        CHECK(list.title == "丁镇配合履职事项清单");
        CHECK(list.kind == ListKind::cooperative);
        CHECK(keys(list) == std::vector<std::string>{"seq", "name", "departments", "department_duties", "township_duties"});
        REQUIRE(list.items.size() == 1);
        CHECK(values(list, 0) == std::vector<P>{{"1"}, {"配合一"}, {"县委组织部"}, {"部门职责一"}, {"配合职责一"}});
        CHECK(list.items[0].source == Provenance{{}, {}, 4, 3});
        CHECK(list.notes == std::vector<std::string>{"注：配合事项以县级部门清单为准。"});
    }
    SUBCASE("a list with no title takes its kind from its columns") {
        const DutyList& list = doc.lists[3];
        CHECK(list.title.empty());
        CHECK(list.kind == ListKind::basic);
        REQUIRE(list.items.size() == 1);
        CHECK(values(list, 0) == std::vector<P>{{"1"}, {"平安法治"}, {"无标题事项"}});
    }
    SUBCASE("a two-level header names the columns by its lower row") {
        const DutyList& list = doc.lists[4];
        CHECK(list.title == "双层表头配合履职事项清单");
        CHECK(labels(list) == std::vector<std::string>{"序号", "事项名称", "上级部门职责", "乡镇配合职责"});
        CHECK(list.kind == ListKind::cooperative);
        REQUIRE(list.items.size() == 1);
        CHECK(values(list, 0) == std::vector<P>{{"1"}, {"双层表头事项"}, {"部门职责"}, {"配合职责"}});
        CHECK(list.items[0].source == Provenance{{}, {}, 6, 3});
    }
}

TEST_CASE("a list right after the cover, without a heading, leaves the cover its title") {
    const Document doc = read_data("no-heading.docx");
    CHECK(doc.issuer == "某县某乡");
    CHECK(doc.title == "履职事项清单");
    CHECK(doc.date == "二〇二五年七月十五日");
    CHECK(doc.date_iso == "2025-07-15");
    REQUIRE(doc.lists.size() == 1);
    CHECK(doc.lists[0].title.empty());
    CHECK(doc.lists[0].kind == ListKind::cooperative);
    CHECK(doc.lists[0].items.size() == 1);
}

TEST_CASE("gridSpan, vMerge, gridBefore/gridAfter, nested tables, breaks and empty cells") {
    check_cells_document(read_data("cells.docx"));
}

TEST_CASE("elements are known by namespace, not prefix") {
    const Document prefixed = read_data("cells-prefixed.docx");
    check_cells_document(prefixed);
    CHECK(prefixed.lists == read_data("cells.docx").lists);
}

TEST_CASE("the cells document re-saved by LibreOffice reads the same") {
    const Document doc = read_data("cells-libreoffice.docx");
    check_cells_document(doc);
    CHECK(doc.lists == read_data("cells.docx").lists);
}

TEST_CASE("automatic numbering is written into the text as it prints") {
    const Document doc = read_data("numbering.docx");
    REQUIRE(doc.lists.size() == 1);
    const DutyList& list = doc.lists[0];
    // The heading's own number (chineseCounting "%1、") is part of the title.
    CHECK(list.title == "一、测试镇基本履职事项清单");
    CHECK(list.kind == ListKind::basic);
    REQUIRE(list.items.size() == 4);
    // 序号 numbered "%1" with no suffix, one list across the rows.
    for (size_t i = 0; i < 4; ++i) CHECK(values(list, i)[0] == P{std::to_string(i + 1)});
    CHECK(values(list, 0)[2] == P{"1.甲", "2.乙"});
    // Another w:num of the same abstractNum with startOverride starts again at 1.
    CHECK(values(list, 1)[2] == P{"1.丙", "2.丁"});
    // Two levels: "%1、" and "（%2）", the second restarting under each first-level item.
    CHECK(values(list, 2)[2] == P{"一、总体", "（一）细则", "（二）细则", "二、其他"});
    // ideographTraditional with a space suffix, decimalEnclosedCircle, chineseCountingThousand
    // from 11 with a tab suffix, and a level replaced by lvlOverride (upperRoman "%1)").
    CHECK(values(list, 3)[2] == P{"甲.天干", "①圈号", "②圈号", "十一、十一起", "I)罗马", "II)罗马"});
}

TEST_CASE("numbering through paragraph styles, 目录 lines by TOC style and a text box on the cover") {
    const Document doc = read_data("styles.docx");
    // The first cover line is in a text box (DrawingML with a VML fallback: read once).
    CHECK(doc.issuer == "样式县样式镇");
    CHECK(doc.title == "履职事项清单");
    CHECK(doc.date == "2025年12月");
    REQUIRE(doc.lists.size() == 1);
    const DutyList& list = doc.lists[0];
    // Heading 1 carries the numbering "%1、"; the 目录 lines in style "toc 1" are not headings.
    CHECK(list.title == "一、样式镇基本履职事项清单");
    REQUIRE(list.items.size() == 1);
    // A style based on a style with numbering "%1.".
    CHECK(values(list, 0) == std::vector<P>{{"1"}, {"事项一"}, {"1.甲", "2.乙"}});
}

TEST_CASE("the numbering document re-saved by LibreOffice reads the same") {
    CHECK(read_data("numbering-libreoffice.docx").lists == read_data("numbering.docx").lists);
}

TEST_CASE("Word's wrappers: content controls, smart tags, hyperlinks, fields, tracked changes, alternatives") {
    const Document doc = read_data("wrappers.docx");
    // The 目录 is a TOC field in a content control; none of it is cover or list.
    CHECK(doc.issuer == "测试县测试乡");
    CHECK(doc.date == "2025年11月");
    REQUIRE(doc.lists.size() == 1);
    const DutyList& list = doc.lists[0];
    CHECK(list.title == "测试乡上级部门收回事项清单");
    CHECK(list.kind == ListKind::withdrawn);
    REQUIRE(list.items.size() == 4);
    // A run-level content control, a smart tag and a hyperlink; a block-level control in a cell.
    CHECK(values(list, 0) == std::vector<P>{{"1"}, {"对违规领取高龄津贴的追缴"}, {"奇台县民政局："}});
    // A complex field and a simple field show their result; an insertion is kept, a deletion not.
    CHECK(values(list, 1) == std::vector<P>{{"2"}, {"字段结果", "简单域"}, {"保留插入"}});
    // mc:AlternateContent gives its Fallback; w:sym its character; hidden text is dropped; a
    // non-breaking hyphen is a hyphen.
    CHECK(values(list, 2) == std::vector<P>{{"3"}, {"后备√"}, {"可见", "A-B"}});
    // The row deleted with tracked changes is gone; a row inside a content control is kept.
    CHECK(values(list, 3) == std::vector<P>{{"4"}, {"内容控件行"}, {"部门"}});
}

TEST_CASE("input that is not a safe Word document is refused with a clear error") {
    auto error_of = [](const std::string& name) {
        try {
            read_data(name);
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(error_of("bomb.docx").find("would inflate to more than 64 MB") != std::string::npos);
    CHECK(error_of("bomb-lying.docx").find("would inflate to more than 64 MB") != std::string::npos);
    CHECK(error_of("entity-bomb.docx").find("declares a DTD") != std::string::npos);
    CHECK(error_of("entity-bomb-utf16.docx").find("declares a DTD") != std::string::npos);
    CHECK(error_of("external-entity.docx").find("declares a DTD") != std::string::npos);
    CHECK(error_of("deep-nesting.docx").find("nested more than") != std::string::npos);
    CHECK(error_of("broken-xml.docx").find("not well-formed XML") != std::string::npos);

    const std::string ole = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0');
    try {
        read_document({"old.doc", ole}, {});
        FAIL("an OLE file was read");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("an encrypted Office file, or a legacy Word .doc") != std::string::npos);
    }
    try {
        read_document({"damaged.docx", std::string("PK\x03\x04word/document.xml", 21)}, {});
        FAIL("a damaged ZIP was read");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("not a readable ZIP package") != std::string::npos);
    }
}

TEST_CASE("the CLI converts a DOCX from standard input and names a refused file") {
    TempDir tmp;
    auto ok = run_dutylist("convert - -t json -o -", tmp.path(), (source_dir() / "tests/data/docx/cells.docx").string());
    INFO(ok.err);
    CHECK(ok.exit_code == 0);
    CHECK(ok.out.find("\"测试乡基本履职事项清单\"") != std::string::npos);
    auto bad = run_dutylist("convert " + quote(source_dir() / "tests/data/docx/entity-bomb.docx") + " -o -", tmp.path());
    CHECK(bad.exit_code != 0);
    CHECK(bad.err.find("entity-bomb.docx") != std::string::npos);
    CHECK(bad.err.find("declares a DTD") != std::string::npos);
}
