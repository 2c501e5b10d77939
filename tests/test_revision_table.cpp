// The revision pair of tests/data/revisions (make_revisions.py): a paragraph changed inside a
// four-paragraph cell, an item renamed slightly, one removed, one added, one moved to another
// list, the date changed; shown by every format of `dutylist diff`.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/paths.hpp"

using namespace dutylist::test;
using nlohmann::json;

namespace {

const std::string basic = "昌吉州奇台县五马场哈萨克族乡基本履职事项清单";
const std::string cooperative = "昌吉州奇台县五马场哈萨克族乡配合履职事项清单";
const std::string withdrawn = "昌吉州奇台县五马场哈萨克族乡上级部门收回事项清单";
const std::string removed_name = "组织开展基层理论宣讲，深化习近平新时代中国特色社会主义思想进万家活动";
const std::string renamed_start = "领导本乡政权机关、群团组织和其他";
const std::string moved_start = "按照干部管理权限，负责干部教育";

std::string pair_args() {
    const auto dir = source_dir() / "tests/data/revisions";
    return "diff " + quote(dir / "old.docx") + " " + quote(dir / "new.docx");
}

CommandResult diff(const std::string& options, const TempDir& dir) {
    auto r = run_dutylist(pair_args() + " " + options, dir.path());
    CHECK(r.err.empty());
    return r;
}

// The table read back by Debian's python-docx / openpyxl (read_revision_table.py).
json table_of(const std::filesystem::path& file) {
    const auto r = run_shell("/usr/bin/python3 " + quote(source_dir() / "tests/data/revisions/read_revision_table.py") + " " + quote(file));
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
}

std::string plain(const json& cell) {
    std::string out;
    for (const auto& run : cell) out += run[0].get<std::string>();
    return out;
}

// The runs of a cell with this mark ("struck" or "marked"), joined, without paragraph breaks
// (a DOCX paragraph break belongs to no run).
std::string marked(const json& cell, const std::string& mark) {
    std::string out;
    for (const auto& run : cell)
        if (run[1] == mark) out += run[0].get<std::string>();
    std::erase(out, '\n');
    return out;
}

// The table's rows as the test expects them, whatever the format.
void check_table(const json& rows) {
    REQUIRE(rows.size() == 1 + 6);
    CHECK(rows[0] == json::parse(R"([[["清单",""]],[["序号",""]],[["事项名称",""]],[["调整类型",""]],[["调整前",""]],[["调整后",""]]])"));
    auto row = [&](size_t r, size_t c) { return plain(rows[r][c]); };
    CHECK(row(1, 2) == "日期");
    CHECK(marked(rows[1][4], "struck") == "7");
    CHECK(marked(rows[1][5], "marked") == "10");

    CHECK(row(2, 0) == basic);
    CHECK(row(2, 1) == "3");
    CHECK(row(2, 3) == "删除");
    CHECK(row(2, 4) == "事项类别：党的建设\n事项名称：" + removed_name);
    CHECK(row(2, 5).empty());

    CHECK(row(3, 1) == "5→4");
    CHECK(row(3, 3) == "修改");
    CHECK(row(3, 4).starts_with("事项名称：" + renamed_start + "各类组织，"));
    CHECK(marked(rows[3][4], "struck") == "各类");
    CHECK(marked(rows[3][5], "marked").empty());

    CHECK(row(4, 0) == cooperative);
    CHECK(row(4, 3) == "修改");
    const std::string duties = "上级部门职责：1.根据五马场乡上报的“五小工程”信息进行规划布局，召开部务会议研究确定实施项目；\n2.做好招投标和建设工作；\n";
    CHECK(row(4, 4) == duties + "3.负责项目的实施监管和验收；\n4.做好项目资产移交。");
    CHECK(row(4, 5) == duties + "3.负责项目的实施监管和竣工验收；\n4.做好项目资产移交。");
    CHECK(marked(rows[4][4], "struck").empty());
    CHECK(marked(rows[4][5], "marked") == "竣工");

    CHECK(row(5, 1) == "5");
    CHECK(row(5, 2) == "机构编制日常管理");
    CHECK(row(5, 3) == "新增");
    CHECK(row(5, 4).empty());
    CHECK(row(5, 5).starts_with("事项类别：党的建设\n事项名称：机构编制日常管理\n对应上级部门：奇台县委编办\n上级部门职责：1.核查实名制人员信息库"));
    CHECK(row(5, 5).ends_with("准备相关材料到县委编办变更统一社会信用代码证。"));

    CHECK(row(6, 0) == withdrawn);
    CHECK(row(6, 1) == "4");
    CHECK(row(6, 2).starts_with(moved_start));
    CHECK(row(6, 3) == "移动");
    CHECK(row(6, 4) == "原属：" + basic + " 序号 7\n承接部门及工作方式：");
    CHECK(row(6, 5) == "调入：" + withdrawn + " 序号 4\n承接部门及工作方式：奇台县委组织部：\n收回县委组织部统一组织实施。");
    CHECK(marked(rows[6][5], "marked") == "奇台县委组织部：收回县委组织部统一组织实施。");
}

}  // namespace

TEST_CASE("text: the changed words in --word-diff markup") {
    TempDir dir;
    const auto r = diff("", dir);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("  - removed  序号 3  " + removed_name + "\n") != std::string::npos);
    CHECK(r.out.find("  ~ changed  序号 5 → 4  " + renamed_start + "组织，") != std::string::npos);
    CHECK(r.out.find("          " + renamed_start + "[-各类-]组织，") != std::string::npos);
    CHECK(r.out.find("          2.做好招投标和建设工作；\n          3.负责项目的实施监管和{+竣工+}验收；\n          4.做好项目资产移交。\n") != std::string::npos);
    CHECK(r.out.find("  + added    序号 5  机构编制日常管理\n") != std::string::npos);
    CHECK(r.out.find("  > moved    from basic 序号 7 to 序号 4  " + moved_start) != std::string::npos);
    CHECK(r.out.find("\n1 removed, 1 added, 1 moved, 2 changed, 4 renumbered\n") != std::string::npos);
}

TEST_CASE("JSON: the changes with their word spans") {
    TempDir dir;
    const auto j = json::parse(diff("-t json", dir).out);
    REQUIRE(j["lists"].size() == 3);
    const auto& b = j["lists"][0];
    CHECK(b["removed"].size() == 1);
    CHECK(b["removed"][0]["fields"]["name"] == removed_name);
    REQUIRE(b["changed"].size() == 1);
    CHECK(b["changed"][0]["fields"][0]["spans"][1] == json({{"edit", "removed"}, {"text", "各类"}}));
    CHECK(b["added"].empty());
    const auto& c = j["lists"][1];
    REQUIRE(c["changed"].size() == 1);
    const auto& spans = c["changed"][0]["fields"][0]["spans"];
    REQUIRE(spans.size() == 3);
    CHECK(spans[0]["edit"] == "same");
    CHECK(spans[1] == json({{"edit", "added"}, {"text", "竣工"}}));
    CHECK(spans[2] == json({{"edit", "same"}, {"text", "验收；\n4.做好项目资产移交。"}}));
    CHECK(c["added"][0]["fields"]["departments"] == "奇台县委编办");
    const auto& w = j["lists"][2];
    REQUIRE(w["moved"].size() == 1);
    CHECK(w["moved"][0]["from"] == "basic");
    CHECK(w["moved"][0]["old_seq"] == "7");
    CHECK(w["moved"][0]["new_seq"] == "4");
}

TEST_CASE("CSV: Chinese headers and change words, added and removed items with every field") {
    TempDir dir;
    const std::string log = diff("-t csv", dir).out;
    CHECK(log.starts_with("\xEF\xBB\xBF清单,原序号,新序号,事项名称,调整类型,字段,调整前,调整后\r\n,,,,文件信息,日期,2025年7月,2025年10月\r\n"));
    for (const std::string& field : std::vector<std::string>{"序号,3,", "事项类别,党的建设,", "事项名称," + removed_name + ","})
        CHECK(log.find(basic + ",3,," + removed_name + ",删除," + field + "\r\n") != std::string::npos);
    CHECK(log.find(cooperative + ",,5,机构编制日常管理,新增,对应上级部门,,奇台县委编办\r\n") != std::string::npos);
    CHECK(log.find(cooperative + ",3,3,“五小工程”(小食堂、小厕所、小澡堂、小图书室、小文体活动室)建设,修改,上级部门职责,\"") != std::string::npos);
    CHECK(log.find(withdrawn + ",7,4,") != std::string::npos);
    CHECK(log.find(",移动,清单," + basic + "," + withdrawn + "\r\n") != std::string::npos);
    CHECK(log.find(basic + ",8,6,加强“四个合格”") != std::string::npos);
    CHECK(log.find(",重新编号,序号,8,6\r\n") != std::string::npos);
}

TEST_CASE("HTML: only the changed rows, the words marked; --all-rows for every row") {
    TempDir dir;
    CHECK(diff("--to html -o changes.html", dir).exit_code == 0);
    const std::string page = read_file(dir / "changes.html");
    auto count = [&](const std::string& page_text, const std::string& what) {
        size_t n = 0;
        for (size_t at = page_text.find(what); at != std::string::npos; at = page_text.find(what, at + 1)) ++n;
        return n;
    };
    CHECK(count(page, "<tr class=\"same\"") == 0);
    CHECK(count(page, "<tr class=\"changed\"") == 2);
    CHECK(count(page, "<tr class=\"removed\"") == 1);
    CHECK(count(page, "<tr class=\"added\"") == 1);
    CHECK(count(page, "<tr class=\"moved-out\"") == 1);
    CHECK(count(page, "<tr class=\"moved-in\"") == 1);
    CHECK(count(page, "<del>各类</del>") == 1);
    CHECK(count(page, "<ins>竣工</ins>") == 1);
    CHECK(count(page, "<del>") == 1);
    CHECK(count(page, "<ins>") == 1);
    CHECK(count(page, "<tr class=\"skipped\"") == 7);
    CHECK(diff("--format html --all-rows -o all.html", dir).exit_code == 0);
    const std::string all = read_file(dir / "all.html");
    // basic keeps 1, 2, 4, 5, 6, 8 (5 changed); cooperative 1–4 (3 changed); withdrawn 1–3.
    CHECK(count(all, "<tr class=\"same\"") == 5 + 3 + 3);
    CHECK(count(all, "<tr class=\"skipped\"") == 0);
}

TEST_CASE("DOCX: the 修订对照表 read back from document.xml") {
    TempDir dir;
    CHECK(diff("-t docx -o 修订对照表.docx", dir).exit_code == 0);
    check_table(table_of(dir / "修订对照表.docx")["rows"]);
}

TEST_CASE("XLSX: the same table, read back by openpyxl") {
    TempDir dir;
    CHECK(diff("-t xlsx -o 修订对照表.xlsx", dir).exit_code == 0);
    const json book = table_of(dir / "修订对照表.xlsx");
    CHECK(book["title"] == "修订对照表");
    CHECK(book["frozen"] == "A2");
    CHECK(book["filter"] == "A1:F7");
    check_table(book["rows"]);
}

TEST_CASE("exit codes: --exit-code as git diff; DOCX and XLSX refused on a terminal only") {
    TempDir dir;
    CHECK(diff("", dir).exit_code == 0);
    CHECK(diff("--exit-code -t json", dir).exit_code == 1);
    const auto old_doc = quote(source_dir() / "tests/data/revisions/old.docx");
    const auto same = run_dutylist("diff " + old_doc + " " + old_doc + " --exit-code", dir.path());
    CHECK(same.exit_code == 0);
    CHECK(same.out.ends_with("\nno differences\n"));
    const auto missing = run_dutylist("diff " + old_doc + " nowhere.docx --exit-code", dir.path());
    CHECK(missing.exit_code == 2);
    CHECK(missing.err == "dutylist: nowhere.docx: file not found\n");
    CHECK(run_dutylist("diff " + old_doc + " nowhere.docx", dir.path()).exit_code == 1);
    CHECK(run_dutylist("diff " + old_doc + " " + old_doc + " -t pdf", dir.path()).exit_code == 2);
    // Written to a pipe, the DOCX is the package's bytes.
    const auto piped = run_dutylist(pair_args() + " -t docx", dir.path());
    CHECK(piped.exit_code == 0);
    CHECK(piped.out.starts_with("PK"));
}
