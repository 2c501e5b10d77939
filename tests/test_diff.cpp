#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "model/columns.hpp"
#include "renderers/json_renderer.hpp"
#include "review/diff.hpp"
#include "review/items.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;
using review::ItemChange;
using review::ListDiff;

namespace {

Document corpus_document() { return document_from_truth(corpus("wumachang/truth.json")); }

Paragraphs& cell(DutyList& list, size_t row, const std::string& key) {
    return list.items.at(row).values.at(static_cast<size_t>(column_index(list, key)));
}

// The revision of the tests: basic 序号 5, 40 and 77 dropped and the list renumbered, a 备注
// column added to every list, basic 序号 11 reworded, basic 序号 60 moved to the end of 收回
// with its 承接部门, and the date changed.
struct Revision {
    Document old_doc = corpus_document();
    Document new_doc = old_doc;
    std::string reworded_old, reworded_new, moved_name;

    Revision() {
        DutyList& basic = new_doc.lists.at(0);
        DutyList& withdrawn = new_doc.lists.at(2);
        Paragraphs& reworded = cell(basic, 10, "name");
        reworded_old = reworded.at(0);
        reworded = {reworded_old + "，做好志愿者招募工作"};
        reworded_new = reworded.at(0);
        moved_name = cell(basic, 59, "name").at(0);
        Item moved = basic.items.at(59);
        for (size_t row : {76u, 59u, 39u, 4u}) basic.items.erase(basic.items.begin() + static_cast<long>(row));
        for (size_t i = 0; i < basic.items.size(); ++i) cell(basic, i, "seq") = {std::to_string(i + 1)};
        moved.values.push_back({"奇台县统战部：", "收回县委统战部统一组织。"});
        moved.values[0] = {std::to_string(withdrawn.items.size() + 1)};
        withdrawn.items.push_back(moved);
        for (auto& list : new_doc.lists) {
            list.columns.push_back({"remarks", "备注"});
            for (auto& item : list.items) item.values.emplace_back();
        }
        new_doc.date = "2025年10月";
    }
};

std::vector<std::string> seqs(const std::vector<review::ItemEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.seq);
    return out;
}

}  // namespace

TEST_CASE("a document compared with itself has no differences") {
    const Document doc = corpus_document();
    const auto diff = review::diff_documents(doc, doc);
    CHECK(diff.empty());
    REQUIRE(diff.lists.size() == 3);
    CHECK(diff.lists[0].kept.size() == 105);
}

TEST_CASE("the revision's changes, exactly") {
    Revision r;
    const auto diff = review::diff_documents(r.old_doc, r.new_doc);
    REQUIRE(diff.metadata.size() == 1);
    CHECK(diff.metadata[0].key == "date");
    CHECK(diff.metadata[0].new_text == "2025年10月");
    REQUIRE(diff.lists.size() == 3);

    const ListDiff& basic = diff.lists[0];
    CHECK(basic.kind == "basic");
    CHECK(seqs(basic.removed) == std::vector<std::string>{"5", "40", "77"});
    CHECK(basic.added.empty());
    CHECK(basic.moved.empty());
    REQUIRE(basic.changed.size() == 1);
    const ItemChange& reworded = basic.changed[0];
    CHECK(reworded.old_seq == "11");
    CHECK(reworded.new_seq == "10");
    REQUIRE(reworded.fields.size() == 1);
    CHECK(reworded.fields[0].key == "name");
    CHECK(reworded.fields[0].old_text == r.reworded_old);
    CHECK(reworded.fields[0].new_text == r.reworded_new);
    REQUIRE(basic.columns_added.size() == 1);
    CHECK(basic.columns_added[0].label == "备注");
    CHECK(basic.columns_removed.empty());
    // Every item after a dropped row moves up: 6–39 by one, 41–59 by two, 61–76 by three,
    // 78–105 by four; the unchanged rows 1–4 keep their number.
    CHECK(basic.renumbered.size() == 34 + 19 + 16 + 28);
    for (const auto& c : basic.renumbered) {
        int old_seq = std::stoi(c.old_seq), new_seq = std::stoi(c.new_seq);
        int shift = old_seq < 40 ? 1 : old_seq < 60 ? 2 : old_seq < 77 ? 3 : 4;
        CHECK(new_seq == old_seq - shift);
    }

    const ListDiff& coop = diff.lists[1];
    CHECK(coop.kind == "cooperative");
    CHECK(coop.columns_added.size() == 1);
    CHECK(coop.added.empty());
    CHECK(coop.removed.empty());
    CHECK(coop.changed.empty());
    CHECK(coop.moved.empty());
    CHECK(coop.renumbered.empty());

    const ListDiff& withdrawn = diff.lists[2];
    CHECK(withdrawn.kind == "withdrawn");
    CHECK(withdrawn.added.empty());
    CHECK(withdrawn.removed.empty());
    CHECK(withdrawn.changed.empty());
    CHECK(withdrawn.renumbered.empty());
    REQUIRE(withdrawn.moved.size() == 1);
    const ItemChange& moved = withdrawn.moved[0];
    CHECK(moved.from == "basic");
    CHECK(moved.old_seq == "60");
    CHECK(moved.new_seq == "38");
    CHECK(moved.name == r.moved_name);
    REQUIRE(moved.fields.size() == 1);
    CHECK(moved.fields[0].key == "receiver");
    CHECK(moved.fields[0].old_text.empty());
    CHECK(moved.fields[0].new_text == "奇台县统战部：\n收回县委统战部统一组织。");
}

TEST_CASE("an item whose name was rewritten still matches when its other cells agree") {
    Document old_doc = corpus_document();
    Document new_doc = old_doc;
    cell(new_doc.lists.at(1), 0, "name") = {"县级以上党代表大会代表的推荐"};
    const auto diff = review::diff_documents(old_doc, new_doc);
    REQUIRE(diff.lists[1].changed.size() == 1);
    CHECK(diff.lists[1].changed[0].fields.at(0).old_text == "推荐县级以上党代表工作");
    CHECK(diff.lists[1].added.empty());
    // In the basic list only 事项类别 accompanies the name, which many items share: a name
    // rewritten as much is a removal and an addition.
    Document new_basic = old_doc;
    cell(new_basic.lists.at(0), 12, "name") = {"负责退休干部和老党员的关爱服务"};
    const auto basic = review::diff_documents(old_doc, new_basic).lists[0];
    CHECK(seqs(basic.removed) == std::vector<std::string>{"13"});
    CHECK(seqs(basic.added) == std::vector<std::string>{"13"});
}

TEST_CASE("an item renamed slightly stays matched between the same neighbours, not elsewhere") {
    Document old_doc = corpus_document();
    // 0.53 of the character pairs of 加强基层阵地建设，优化提升服务功能 kept: below the 0.6 of a
    // reworded name, above the 0.4 of a renamed one in its neighbourhood.
    const std::string renamed = "加强村级阵地建设和服务功能提升";
    Document in_place = old_doc;
    REQUIRE(cell(in_place.lists.at(0), 11, "name").at(0) == "加强基层阵地建设，优化提升服务功能");
    cell(in_place.lists.at(0), 11, "name") = {renamed};
    const auto kept = review::diff_documents(old_doc, in_place).lists[0];
    REQUIRE(kept.changed.size() == 1);
    CHECK(kept.changed[0].new_seq == "12");
    CHECK(kept.added.empty());
    CHECK(kept.removed.empty());

    Document elsewhere = in_place;
    DutyList& basic = elsewhere.lists.at(0);
    std::rotate(basic.items.begin() + 11, basic.items.begin() + 12, basic.items.end());
    const auto moved_away = review::diff_documents(old_doc, elsewhere).lists[0];
    CHECK(moved_away.changed.empty());
    CHECK(seqs(moved_away.removed) == std::vector<std::string>{"12"});
    CHECK(moved_away.added.size() == 1);
}

TEST_CASE("an item moved within its list is moved, its neighbours only renumbered") {
    Document old_doc = corpus_document();
    Document new_doc = old_doc;
    DutyList& basic = new_doc.lists.at(0);
    // 序号 20 taken out and put back after 序号 50, the list renumbered.
    std::rotate(basic.items.begin() + 19, basic.items.begin() + 20, basic.items.begin() + 50);
    for (size_t i = 0; i < basic.items.size(); ++i) cell(basic, i, "seq") = {std::to_string(i + 1)};
    const auto d = review::diff_documents(old_doc, new_doc).lists[0];
    REQUIRE(d.moved.size() == 1);
    CHECK(d.moved[0].from == "basic");
    CHECK(d.moved[0].old_seq == "20");
    CHECK(d.moved[0].new_seq == "50");
    CHECK(d.moved[0].fields.empty());
    CHECK(d.renumbered.size() == 30);
    CHECK(d.changed.empty());
    CHECK(d.kept.size() == 104);
}

TEST_CASE("diff on the command line: text, JSON, CSV change log and HTML") {
    Revision r;
    TempDir dir;
    write_file(dir / "old.json", document_to_json(r.old_doc));
    write_file(dir / "new.json", document_to_json(r.new_doc));

    auto text = run_dutylist("diff old.json new.json", dir.path());
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("  - removed  序号 40  ") != std::string::npos);
    CHECK(text.out.find("  > moved    from basic 序号 60 to 序号 38  ") != std::string::npos);
    CHECK(text.out.find("# renumbered 97 items: 序号 6–39 → 5–38, 41–59 → 39–57, 61–76 → 58–73, 78–105 → 74–101") != std::string::npos);
    CHECK(text.out.find("3 removed, 0 added, 1 moved, 1 changed, 97 renumbered") != std::string::npos);

    auto json = run_dutylist("diff old.json new.json --format json", dir.path());
    CHECK(json.exit_code == 0);
    const auto j = nlohmann::json::parse(json.out);
    REQUIRE(j["lists"].size() == 3);
    CHECK(j["lists"][0]["removed"].size() == 3);
    CHECK(j["lists"][0]["changed"][0]["fields"][0]["key"] == "name");
    CHECK(j["lists"][2]["moved"][0]["from"] == "basic");
    CHECK(j["lists"][1]["columns_added"][0]["label"] == "备注");

    auto csv = run_dutylist("diff old.json new.json --format csv -o log.csv", dir.path());
    CHECK(csv.exit_code == 0);
    CHECK(csv.out.empty());
    const std::string log = read_file(dir / "log.csv");
    const std::string basic = r.old_doc.lists[0].title, withdrawn = r.old_doc.lists[2].title;
    // A byte-order mark by default, as convert's CSV: Excel and WPS read the file as UTF-8.
    CHECK(log.starts_with("\xEF\xBB\xBF清单,原序号,新序号,事项名称,调整类型,字段,调整前,调整后\r\n,,,,文件信息,日期,2025年7月,2025年10月\r\n"));
    CHECK(log.find("\r\n" + basic + ",,,,新增列,备注,,\r\n") != std::string::npos);
    CHECK(log.find("\r\n" + basic + ",40,,") != std::string::npos);
    CHECK(log.find("\r\n" + withdrawn + ",60,38," + r.moved_name + ",移动,清单," + basic + "," + withdrawn + "\r\n") != std::string::npos);
    CHECK(log.find("\r\n" + basic + ",78,74,") != std::string::npos);
    // Header, date, three columns added, three removed items of three fields each, one move
    // with its 承接部门 (two paragraphs: one more line break), one reworded name, 97 renumbered.
    CHECK(std::count(log.begin(), log.end(), '\n') == 1 + 1 + 3 + 3 * 3 + 2 + 1 + 1 + 97);

    auto html = run_dutylist("diff old.json new.json --format html --all-rows -o diff.html", dir.path());
    CHECK(html.exit_code == 0);
    const std::string page = read_file(dir / "diff.html");
    CHECK(page.starts_with("<!DOCTYPE html>"));
    CHECK(page.find("{{") == std::string::npos);
    auto rows = [&](const std::string& kind) {
        size_t n = 0;
        for (size_t at = page.find("<tr class=\"" + kind + "\""); at != std::string::npos; at = page.find("<tr class=\"" + kind + "\"", at + 1)) ++n;
        return n;
    };
    CHECK(rows("removed") == 3);
    CHECK(rows("changed") == 1);
    CHECK(rows("moved-out") == 1);
    CHECK(rows("moved-in") == 1);
    CHECK(rows("added") == 0);
    CHECK(rows("same") == 105 - 5 + 98 + 37);
    // By default only the changes, and the unchanged runs between them as one line each.
    auto changes = run_dutylist("diff old.json new.json -t html -o changes.html", dir.path());
    CHECK(changes.exit_code == 0);
    const std::string short_page = read_file(dir / "changes.html");
    CHECK(short_page.find("<tr class=\"same\"") == std::string::npos);
    CHECK(short_page.find("<tr class=\"removed\"") != std::string::npos);
    CHECK(short_page.find("… 4 项未调整 …") != std::string::npos);  // basic 1–4
    CHECK(short_page.find("<p class=\"list-notes\">无调整 (no changes).</p>") == std::string::npos);

    auto missing = run_dutylist("diff old.json nowhere.json", dir.path());
    CHECK(missing.exit_code == 1);
    CHECK(missing.err == "dutylist: nowhere.json: file not found\n");
}

TEST_CASE("a 修订对照表 cell too long for XLSX is refused in one line, and no file is left") {
    Document old_doc = corpus_document();
    Document new_doc = old_doc;
    std::string long_name;
    for (int i = 0; i < 33000; ++i) long_name += "事";
    cell(new_doc.lists.at(0), 0, "name") = {long_name};
    TempDir dir;
    write_file(dir / "old.json", document_to_json(old_doc));
    write_file(dir / "new.json", document_to_json(new_doc));
    const auto r = run_dutylist("diff old.json new.json -t xlsx -o table.xlsx", dir.path());
    CHECK(r.exit_code == 1);
    CHECK(r.err == "dutylist: table.xlsx: a cell of the revision table is longer than an XLSX cell can hold (32,767 characters)\n");
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator{}) == 2);
}

TEST_CASE("diff names its format with -t, --to or --format alike; its CSV has a BOM unless --no-bom") {
    Revision r;
    TempDir dir;
    write_file(dir / "old.json", document_to_json(r.old_doc));
    write_file(dir / "new.json", document_to_json(r.new_doc));
    const auto by_format = run_dutylist("diff old.json new.json --format csv", dir.path());
    REQUIRE(by_format.exit_code == 0);
    CHECK(by_format.out.starts_with("\xEF\xBB\xBF清单,"));
    for (const std::string option : {"-t csv", "--to csv", "--to=csv", "-t csv --bom"}) {
        CAPTURE(option);
        const auto same = run_dutylist("diff old.json new.json " + option, dir.path());
        CHECK(same.exit_code == 0);
        CHECK(same.out == by_format.out);
    }
    const auto plain = run_dutylist("diff old.json new.json -t csv --no-bom", dir.path());
    CHECK(plain.exit_code == 0);
    CHECK(plain.out == by_format.out.substr(3));
    CHECK(run_dutylist("diff old.json new.json -t json", dir.path()).out == run_dutylist("diff old.json new.json --format json", dir.path()).out);
}
