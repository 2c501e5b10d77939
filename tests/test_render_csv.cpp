#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "renderers/csv_renderer.hpp"
#include "renderers/json_renderer.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;

namespace {

using Record = std::vector<std::string>;

// An RFC 4180 reader, strict: records end in CR LF, quotes only around whole fields.
std::vector<Record> parse_csv(const std::string& text) {
    std::vector<Record> records;
    Record record;
    std::string field;
    size_t i = 0;
    auto end_field = [&] { record.push_back(std::move(field)); field.clear(); };
    while (i < text.size()) {
        if (text[i] == '"') {
            REQUIRE(field.empty());
            for (++i;; ++i) {
                REQUIRE(i < text.size());
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') { field += '"'; ++i; }
                    else { ++i; break; }
                } else field += text[i];
            }
            REQUIRE((i == text.size() || text[i] == ',' || text[i] == '\r'));
            continue;
        }
        if (text[i] == ',') { end_field(); ++i; continue; }
        if (text[i] == '\r') {
            REQUIRE(text.compare(i, 2, "\r\n") == 0);
            end_field();
            records.push_back(std::move(record));
            record.clear();
            i += 2;
            continue;
        }
        REQUIRE(text[i] != '\n');
        field += text[i++];
    }
    REQUIRE(field.empty());
    REQUIRE(record.empty());
    return records;
}

Paragraphs split_lines(const std::string& cell) {
    Paragraphs out;
    if (cell.empty()) return out;
    size_t start = 0;
    for (size_t nl; (nl = cell.find('\n', start)) != std::string::npos; start = nl + 1) out.push_back(cell.substr(start, nl - start));
    out.push_back(cell.substr(start));
    return out;
}

// Compares the CSV files of one document with the corpus truth, cell by cell.
void check_against_truth(const std::vector<std::string>& files, const std::string& truth_path) {
    const auto truth = nlohmann::json::parse(read_file(corpus(truth_path)));
    REQUIRE(files.size() == truth["lists"].size());
    int cells = 0;
    for (size_t l = 0; l < files.size(); ++l) {
        const auto& want = truth["lists"][l];
        const auto records = parse_csv(files[l]);
        REQUIRE(records.size() == want["rows"].size() + 1);
        CHECK(records[0] == want["columns"].get<Record>());
        for (size_t r = 0; r < want["rows"].size(); ++r) {
            const auto& row = want["rows"][r];
            REQUIRE(records[r + 1].size() == row.size());
            for (size_t c = 0; c < row.size(); ++c) {
                INFO("list ", l + 1, " row ", r + 1, " column ", c + 1);
                CHECK(split_lines(records[r + 1][c]) == row[c].get<Paragraphs>());
                ++cells;
            }
        }
    }
    CHECK(cells == 105 * 3 + 98 * 6 + 37 * 4);
}

}  // namespace

TEST_CASE("the corpus as CSV: one file per list, every cell as in truth.json") {
    const Document doc = document_from_truth(corpus("wumachang/truth.json"));
    const auto outputs = render_csv(doc, {});
    REQUIRE(outputs.size() == 3);
    CHECK(outputs[0].suffix == ".basic.csv");
    CHECK(outputs[1].suffix == ".cooperative.csv");
    CHECK(outputs[2].suffix == ".withdrawn.csv");
    std::vector<std::string> files;
    for (const auto& o : outputs) {
        // By default, as Excel and WPS on Chinese Windows need to read UTF-8 rather than GBK.
        REQUIRE(o.bytes.starts_with("\xEF\xBB\xBF"));
        files.push_back(o.bytes.substr(3));
    }
    check_against_truth(files, "wumachang/truth.json");
}

TEST_CASE("the CSV of the corpus DOCX matches truth.json in every cell") {
    TempDir dir;
    const auto result = run_dutylist("convert " + quote(corpus("wumachang/wumachang.docx")) + " -t csv -o " + quote(dir.path()));
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    std::vector<std::string> files;
    for (const char* kind : {"basic", "cooperative", "withdrawn"})
        files.push_back(read_file(dir / (std::string("wumachang.") + kind + ".csv")).substr(3));
    check_against_truth(files, "wumachang/truth.json");
}

TEST_CASE("every CSV file starts with the UTF-8 byte-order mark unless --no-bom; --bom is still taken") {
    TempDir dir;
    write_file(dir / "list.json", document_to_json(document_from_truth(corpus("wumachang/truth.json"))));
    for (const char* run : {"convert list.json -t csv -o default", "convert list.json -t csv --bom -o bom",
                            "convert list.json -t csv --no-bom -o plain"}) {
        const auto result = run_dutylist(run, dir.path());
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    }
    for (const char* kind : {"basic", "cooperative", "withdrawn"}) {
        const std::string name = std::string("list.") + kind + ".csv";
        const std::string with = read_file(dir / "bom" / name);
        const std::string without = read_file(dir / "plain" / name);
        CHECK(read_file(dir / "default" / name) == with);
        CHECK(with.starts_with("\xEF\xBB\xBF序号,"));
        CHECK(without.starts_with("序号,"));
        CHECK(with.substr(3) == without);
    }
}

TEST_CASE("CSV quoting follows RFC 4180 and formulas are neutralised") {
    Document doc;
    DutyList list;
    list.kind = ListKind::basic;
    list.columns = {{"seq", "序号"}, {"name", "事项,名称"}};
    list.items.push_back({{{"1"}, {"他说\"好\"", "第二段"}}, {}});
    list.items.push_back({{{"-5"}, {"=HYPERLINK(\"http://x\")"}}, {}});
    list.items.push_back({{{"-"}, {"@SUM(A1)"}}, {}});
    list.items.push_back({{{}, {"+1+2", "x"}}, {}});
    list.items.push_back({{{"+86"}, {"-1-1"}}, {}});
    doc.lists = {list, list};
    doc.lists[1].kind = ListKind::withdrawn;
    doc.lists.push_back(list);

    RenderOptions plain;
    plain.bom = false;
    const auto outputs = render_csv(doc, plain);
    REQUIRE(outputs.size() == 3);
    CHECK(outputs[0].suffix == ".basic.csv");
    CHECK(outputs[1].suffix == ".withdrawn.csv");
    CHECK(outputs[2].suffix == ".basic-2.csv");
    CHECK(outputs[0].bytes ==
          "序号,\"事项,名称\"\r\n"
          "1,\"他说\"\"好\"\"\n第二段\"\r\n"
          "-5,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"
          "-,'@SUM(A1)\r\n"
          ",\"'+1+2\nx\"\r\n"
          "+86,'-1-1\r\n");
    const auto records = parse_csv(outputs[0].bytes);
    REQUIRE(records.size() == 6);
    CHECK(records[1][1] == "他说\"好\"\n第二段");
    CHECK(records[4][0].empty());
}

TEST_CASE("a document with no lists gives no CSV file") {
    CHECK(render_csv(Document{}, {}).empty());
}
