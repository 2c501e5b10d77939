// The DOCX's look: column widths and text size from the source where a reader knows them,
// fitted to the content otherwise, and LibreOffice laying the corpus out in about the
// source's page count.
#include <doctest/doctest.h>

#include <filesystem>
#include <numeric>
#include <regex>

#include "format_registry.hpp"
#include "model/text.hpp"
#include "renderers/docx_renderer.hpp"
#include "renderers/docx_table_layout.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;
namespace fs = std::filesystem;

namespace {

constexpr int table_width = 14004;  // twips of an A4 landscape page inside 2.5 cm margins

Document read_corpus(const std::string& name) {
    const fs::path path = corpus("wumachang/" + name);
    return read_document({path.filename().string(), read_file(path)}, {});
}

DutyList list_of(std::vector<std::pair<std::string, std::vector<std::string>>> columns) {
    DutyList list;
    for (const auto& [label, values] : columns) list.columns.push_back({label, label});
    for (size_t r = 0; r < columns.front().second.size(); ++r) {
        Item item;
        for (const auto& column : columns) item.values.push_back({column.second[r]});
        list.items.push_back(item);
    }
    return list;
}

int pdf_pages(const fs::path& pdf) {
    const auto info = run_shell("pdfinfo " + quote(pdf));
    std::smatch m;
    REQUIRE(std::regex_search(info.out, m, std::regex("Pages:\\s+(\\d+)")));
    return std::stoi(m[1]);
}

fs::path printed_by_libreoffice(const Document& doc, const TempDir& dir, const std::string& name) {
    write_file(dir / (name + ".docx"), render_docx(doc, {})[0].bytes);
    const auto result = run_shell("soffice -env:UserInstallation=file://" + (dir / "lo-profile").string() +
                                  " --headless --convert-to pdf --outdir " + quote(dir.path()) + " " + quote(dir / (name + ".docx")));
    const fs::path pdf = dir / (name + ".pdf");
    REQUIRE_MESSAGE(fs::exists(pdf), "soffice did not convert ", name, ": ", result.out, result.err);
    return pdf;
}

}  // namespace

TEST_CASE("the DOCX and PDF readers keep the source's column shares and text size") {
    // The source's w:tblGrid and w:sz per list (see the corpus README): 16, 11 and 14 pt.
    const std::vector<std::vector<double>> grids = {{1020, 2268, 10715}, {794, 1361, 2041, 2041, 3912, 3855}, {907, 1701, 3402, 7994}};
    const std::vector<double> sizes = {16, 11, 14};
    for (const char* name : {"wumachang.docx", "wumachang.pdf"}) {
        INFO(name);
        const Document doc = read_corpus(name);
        REQUIRE(doc.lists.size() == 3);
        for (size_t l = 0; l < 3; ++l) {
            INFO("list ", l + 1);
            const ListLayout& layout = doc.lists[l].layout;
            REQUIRE(layout.column_shares.size() == grids[l].size());
            const double total = std::accumulate(grids[l].begin(), grids[l].end(), 0.0);
            for (size_t c = 0; c < grids[l].size(); ++c) CHECK(layout.column_shares[c] == doctest::Approx(grids[l][c] / total).epsilon(0.02));
            // The PDF's glyph sizes are the source's; LibreOffice substitutes the fonts, not the sizes.
            CHECK(layout.text_size == doctest::Approx(sizes[l]));
        }
    }
}

TEST_CASE("layout hints do not make two lists different") {
    DutyList a = list_of({{"序号", {"1"}}, {"事项名称", {"做好工作"}}});
    DutyList b = a;
    b.layout = {{0.2, 0.8}, 11};
    CHECK(a == b);
}

TEST_CASE("widths follow the source's shares, but a header word is never broken where the table has room") {
    DutyList list = list_of({{"序号", {"1"}}, {"对应上级部门", {"奇台县委组织部"}}, {"事项名称", {std::string(60, 'x')}}});
    list.layout.column_shares = {0.05, 0.05, 0.9};
    const auto layout = docx_layout::table_layout(list, table_width, 12);
    REQUIRE(layout.widths.size() == 3);
    CHECK(std::accumulate(layout.widths.begin(), layout.widths.end(), 0) == table_width);
    const int char_twips = 12 * 20;
    CHECK(layout.widths[1] >= 6 * char_twips + 2 * 108);                // 对应上级部门 whole
    CHECK(layout.widths[0] == doctest::Approx(0.05 * table_width).epsilon(0.01));  // had room enough
    CHECK(layout.widths[2] > layout.widths[1]);
    CHECK(layout.half_points == 24);
    CHECK(layout.line_twips > 24 * 10);
}

TEST_CASE("columns whose cells fit on one line are centred, text that wraps justified") {
    const std::string long_text = "负责本乡农村土地承包经营纠纷调解工作，做好土地确权登记颁证成果的日常管理和应用工作，推进农村改革";
    DutyList list = list_of({{"序号", {"1"}}, {"对应上级部门", {"县农业农村局、县自然资源局、县林业和草原局"}}, {"事项名称", {long_text}}});
    list.layout.column_shares = {0.08, 0.12, 0.8};
    const auto layout = docx_layout::table_layout(list, table_width, 12);
    CHECK(layout.align[0] == docx_layout::Align::center);
    CHECK(layout.align[1] == docx_layout::Align::justify);
    CHECK(layout.align[2] == docx_layout::Align::justify);
}

TEST_CASE("text size: the user's, else the source's within official sizes, else 12 pt") {
    DutyList list = list_of({{"序号", {"1"}}, {"事项名称", {"做好工作"}}});
    CHECK(docx_layout::table_layout(list, table_width, 0).half_points == 24);
    list.layout.text_size = 10.5;
    CHECK(docx_layout::table_layout(list, table_width, 0).half_points == 21);
    list.layout.text_size = 40;  // a poster, not a list
    CHECK(docx_layout::table_layout(list, table_width, 0).half_points == 32);
    CHECK(docx_layout::table_layout(list, table_width, 14).half_points == 28);
}

TEST_CASE("LibreOffice lays out our DOCX of the corpus within 10% of the source's pages, cover lines whole") {
    const int source_pages = pdf_pages(corpus("wumachang/wumachang.pdf"));
    TempDir dir;
    // From the DOCX and the PDF the layout hints are the source's; from the truth (as from
    // JSON) there are none and the widths are fitted to the content at 12 pt.
    const std::vector<std::pair<std::string, Document>> sources = {
        {"from-docx", read_corpus("wumachang.docx")}, {"from-pdf", read_corpus("wumachang.pdf")},
        {"from-truth", document_from_truth(corpus("wumachang/truth.json"))}};
    for (const auto& [name, doc] : sources) {
        INFO(name);
        const fs::path pdf = printed_by_libreoffice(doc, dir, name);
        const int pages = pdf_pages(pdf);
        MESSAGE(name, ": ", pages, " pages, the source ", source_pages);
        CHECK(pages >= source_pages * 0.9);
        CHECK(pages <= source_pages * 1.1);
        const auto cover = run_shell("pdftotext -f 1 -l 1 " + quote(pdf) + " -");
        CHECK(cover.out.find(doc.issuer + "\n") != std::string::npos);
        if (name == "from-pdf") {
            const Document back = read_document({pdf.filename().string(), read_file(pdf)}, {});
            const auto report = compare_with_truth(back, corpus("wumachang/truth.json"));
            CHECK_MESSAGE(report.perfect(), report.summary());
        }
    }
}

TEST_CASE("a source with a 目录 gets one: an entry per list, its page filled in by LibreOffice") {
    TempDir dir;
    const Document doc = read_corpus("wumachang.docx");
    CHECK(doc.layout.contents);
    CHECK_FALSE(document_from_truth(corpus("wumachang/truth.json")).layout.contents);
    const fs::path pdf = printed_by_libreoffice(doc, dir, "contents");
    const std::string toc = run_shell("pdftotext -f 2 -l 2 " + quote(pdf) + " -").out;
    REQUIRE(remove_whitespace(toc).find("目录") != std::string::npos);
    // Page numbers count from the first list page, after the cover and the 目录.
    for (size_t i = 0; i < doc.lists.size(); ++i) {
        int page = 0;
        for (int p = 3; p <= pdf_pages(pdf) && !page; ++p)
            if (run_shell("pdftotext -f " + std::to_string(p) + " -l " + std::to_string(p) + " " + quote(pdf) + " -").out.find(doc.lists[i].title) !=
                std::string::npos)
                page = p - 2;
        INFO("list ", i + 1, " starts on page ", page);
        REQUIRE(page > 0);
        const std::regex entry(std::to_string(i + 1) + "\\.\\s*" + kind_label(doc.lists[i].kind) + "[.…·\\s]*" + std::to_string(page) + "(?![0-9])");
        CHECK(std::regex_search(toc, entry));
    }
    // Our readers take the 目录 for what it is, not for headings or a list.
    const Document back = read_document({pdf.filename().string(), read_file(pdf)}, {});
    CHECK(back.layout.contents);
    CHECK(compare_with_truth(back, corpus("wumachang/truth.json")).perfect());
}
