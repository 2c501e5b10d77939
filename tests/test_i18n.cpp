// Chinese messages: the .mo reader on catalogues msgfmt compiles here, the choice of language
// from the environment, and the binary speaking Chinese or English by LANG and LANGUAGE.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <regex>

#include "i18n/catalogue.hpp"
#include "model/error.hpp"
#include "package/zip_writer.hpp"
#include "renderers/json_renderer.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;

namespace {

// Where the cut-short Word document ends: inside its ZIP entries, before the central directory.
constexpr size_t cut_download_bytes = 20000;

constexpr const char* small_po = R"(msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=1; plural=0;\n"

msgid "file not found"
msgstr "找不到文件"

msgid "converted {} of {} files"
msgstr "已转换 {} 个文件（共 {} 个）"

msgid "not translated"
msgstr ""

msgctxt "menu"
msgid "Open"
msgstr "打开"

msgid "one file"
msgid_plural "{} files"
msgstr[0] "{} 个文件"
)";

// The small catalogue compiled by msgfmt in the given byte order.
i18n::Catalogue compiled(const TempDir& tmp, const std::string& endianness) {
    write_file(tmp / "small.po", small_po);
    const auto mo = tmp / ("small-" + endianness + ".mo");
    const auto result = run_shell("msgfmt --endianness=" + endianness + " -o " + quote(mo) + " " + quote(tmp / "small.po"));
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    return i18n::Catalogue::parse(read_file(mo));
}

// Sets (or, with nullopt, unsets) an environment variable for the life of the object.
class ScopedEnv {
public:
    ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        value ? setenv(name, value->c_str(), 1) : unsetenv(name);
    }
    ~ScopedEnv() { old_ ? setenv(name_, old_->c_str(), 1) : unsetenv(name_); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

std::string language_with(std::optional<std::string> language, std::optional<std::string> lc_all,
                          std::optional<std::string> lc_messages, std::optional<std::string> lang) {
    ScopedEnv a("LANGUAGE", language), b("LC_ALL", lc_all), c("LC_MESSAGES", lc_messages), d("LANG", lang);
    return i18n::language_from_environment();
}

// The binary run with only these variables in its environment.
CommandResult run_with(const std::string& environment, const std::string& arguments, const std::filesystem::path& cwd) {
    return run_shell("env -i " + environment + " " + quote(dutylist_exe()) + " " + arguments, cwd);
}

size_t fields(const std::string& format) {
    static const std::regex field(R"(\{[0-9]*\})");
    return static_cast<size_t>(std::distance(std::sregex_iterator(format.begin(), format.end(), field), std::sregex_iterator()));
}

}  // namespace

TEST_CASE("the .mo reader reads what msgfmt writes, in either byte order") {
    TempDir tmp;
    for (const std::string endianness : {"little", "big"}) {
        CAPTURE(endianness);
        const auto catalogue = compiled(tmp, endianness);
        REQUIRE(catalogue.find("file not found"));
        CHECK(*catalogue.find("file not found") == "找不到文件");
        CHECK(*catalogue.find("converted {} of {} files") == "已转换 {} 个文件（共 {} 个）");
        // Untranslated, context and plural entries are not plain messages: the English stays.
        CHECK(catalogue.find("not translated") == nullptr);
        CHECK(catalogue.find("Open") == nullptr);
        CHECK(catalogue.find("one file") == nullptr);
        CHECK(catalogue.find("") == nullptr);
        CHECK(catalogue.messages().size() == 2);
    }
}

TEST_CASE("a file that is not a catalogue, or is cut short, is refused, not read past its end") {
    TempDir tmp;
    write_file(tmp / "small.po", small_po);
    REQUIRE(run_shell("msgfmt -o " + quote(tmp / "small.mo") + " " + quote(tmp / "small.po")).exit_code == 0);
    const std::string mo = read_file(tmp / "small.mo");
    CHECK_THROWS_AS(i18n::Catalogue::parse(""), Error);
    CHECK_THROWS_AS(i18n::Catalogue::parse("not a message catalogue at all"), Error);
    for (size_t cut : {size_t{19}, size_t{24}, mo.size() / 2, mo.size() - 1}) {
        CAPTURE(cut);
        CHECK_THROWS_AS(i18n::Catalogue::parse(mo.substr(0, cut)), Error);
    }
}

TEST_CASE("the language comes from LANGUAGE, LC_ALL, LC_MESSAGES, LANG in gettext's order") {
    CHECK(language_with(std::nullopt, std::nullopt, std::nullopt, "zh_CN.UTF-8") == "zh_CN");
    CHECK(language_with(std::nullopt, std::nullopt, std::nullopt, "C.UTF-8") == "");
    CHECK(language_with(std::nullopt, std::nullopt, std::nullopt, std::nullopt) == "");
    CHECK(language_with("zh_CN", std::nullopt, std::nullopt, "C.UTF-8") == "zh_CN");
    CHECK(language_with("zh_TW:en", std::nullopt, std::nullopt, "C") == "zh_CN");
    CHECK(language_with("en_GB:zh_CN", std::nullopt, std::nullopt, "zh_CN.UTF-8") == "");
    CHECK(language_with("", "C", std::nullopt, "zh_CN.UTF-8") == "");
    CHECK(language_with(std::nullopt, std::nullopt, "zh_CN.GB18030", "C") == "zh_CN");
    CHECK(language_with(std::nullopt, "", "", "zh_SG.UTF-8") == "zh_CN");
}

TEST_CASE("--help and errors are Chinese under LANG=zh_CN.UTF-8, and under LANGUAGE=zh_CN with LANG=C.UTF-8") {
    TempDir tmp;
    write_file(tmp / "notes.txt", "会议记录\n");
    for (const std::string environment : {"LANG=zh_CN.UTF-8", "LANGUAGE=zh_CN LANG=C.UTF-8"}) {
        CAPTURE(environment);
        const auto help = run_with(environment, "--help", tmp.path());
        CHECK(help.exit_code == 0);
        CHECK(help.out.find("用法") != std::string::npos);
        CHECK(help.out.find("输入格式（按内容识别，与文件名无关）") != std::string::npos);
        CHECK(help.out.find("退出码：0 完成") != std::string::npos);
        CHECK(help.out.find("提示和本帮助用中文") != std::string::npos);
        CHECK(help.out.find("Input formats") == std::string::npos);
        const auto convert_help = run_with(environment, "convert --help", tmp.path());
        CHECK(convert_help.out.find("要转换的文件或文件夹；- 表示读标准输入") != std::string::npos);

        const auto missing = run_with(environment, "convert missing.pdf -o out", tmp.path());
        CHECK(missing.exit_code == 1);
        CHECK(missing.err == "dutylist: missing.pdf: 找不到文件\n");
        const auto text = run_with(environment, "convert notes.txt -o out", tmp.path());
        CHECK(text.exit_code == 1);
        CHECK(text.err.find("dutylist: notes.txt: 不是 ") != std::string::npos);
        CHECK(text.err.find("格式的清单：这个文件是纯文本") != std::string::npos);
        const auto usage = run_with(environment, "convert notes.txt -t nothing", tmp.path());
        CHECK(usage.exit_code == 2);
        CHECK(usage.err.find("没有“nothing”这种输出格式") != std::string::npos);
        CHECK(usage.err.find("用法请运行 'dutylist --help'。") != std::string::npos);
    }
}

TEST_CASE("messages stay English under LANG=C and with no language set") {
    TempDir tmp;
    for (const std::string environment : {"LANG=C", "LANG=C.UTF-8", "LANGUAGE=en LANG=zh_CN.UTF-8", ""}) {
        CAPTURE(environment);
        const auto help = run_with(environment, "--help", tmp.path());
        CHECK(help.out.find("Input formats (recognised from the content") != std::string::npos);
        CHECK(help.out.find("Usage:") != std::string::npos);
        CHECK(help.out.find("Messages and this help are in Chinese when") != std::string::npos);
        const auto missing = run_with(environment, "convert missing.pdf -o out", tmp.path());
        CHECK(missing.exit_code == 1);
        CHECK(missing.err == "dutylist: missing.pdf: file not found\n");
    }
}

TEST_CASE("every translation of the built catalogue keeps its message's {} fields") {
    const auto mo = dutylist_exe().parent_path() / "locale" / "zh_CN" / "LC_MESSAGES" / "dutylist.mo";
    const auto catalogue = i18n::Catalogue::parse(read_file(mo));
    CHECK(catalogue.messages().size() > 100);
    for (const auto& [english, chinese] : catalogue.messages()) {
        CAPTURE(english);
        // The plural "finding{}" field is English grammar; Chinese has no plural to fill in.
        const size_t expected = fields(english) - (english.find("finding{}") != std::string::npos ? 1 : 0);
        CHECK(fields(chinese) == expected);
    }
}

TEST_CASE("an installed dutylist finds its catalogue under its prefix, wherever the prefix is") {
    TempDir tmp;
    const auto build = dutylist_exe().parent_path();
    const auto install = run_shell("cmake --install " + quote(build) + " --prefix " + quote(tmp / "prefix") + " > /dev/null");
    REQUIRE_MESSAGE(install.exit_code == 0, install.err);
    CHECK(std::filesystem::is_regular_file(tmp / "prefix/share/locale/zh_CN/LC_MESSAGES/dutylist.mo"));
    const auto missing = run_shell("env -i LANG=zh_CN.UTF-8 " + quote(tmp / "prefix/bin/dutylist") + " convert missing.pdf", tmp.path());
    CHECK(missing.err == "dutylist: missing.pdf: 找不到文件\n");
}

TEST_CASE("a damaged catalogue is named in a warning and the messages stay English") {
    TempDir tmp;
    std::filesystem::create_directories(tmp / "bin/locale/zh_CN/LC_MESSAGES");
    std::filesystem::copy_file(dutylist_exe(), tmp / "bin/dutylist");
    write_file(tmp / "bin/locale/zh_CN/LC_MESSAGES/dutylist.mo", "\xde\x12\x04\x95 not the rest of a catalogue");
    const auto missing = run_shell("env -i LANG=zh_CN.UTF-8 " + quote(tmp / "bin/dutylist") + " convert missing.pdf", tmp.path());
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("dutylist.mo: the message catalogue is damaged; messages stay English\n") != std::string::npos);
    CHECK(missing.err.find("dutylist: missing.pdf: file not found\n") != std::string::npos);
}

TEST_CASE("the damaged-file, folder and overwrite refusals a clerk meets are Chinese under LANG=zh_CN.UTF-8") {
    TempDir tmp;
    std::filesystem::create_directories(tmp / "empty");
    const auto english = run_with("LANG=C.UTF-8", "convert " + quote(source_dir() / "samples/wumachang.pdf") + " -q -o .", tmp.path());
    REQUIRE_MESSAGE(english.exit_code == 0, english.err);
    const auto overwrite = run_with("LANG=zh_CN.UTF-8", "convert wumachang.json -o .", tmp.path());
    CHECK(overwrite.exit_code == 1);
    CHECK(overwrite.err == "dutylist: wumachang.json: 输出 wumachang.json 会覆盖输入 wumachang.json；请用 -o 换一个文件夹或名称\n");
    // A Word document cut short, as an interrupted download leaves it.
    write_file(tmp / "cut.docx", read_file(corpus("wumachang/merged/wumachang-merged.docx")).substr(0, cut_download_bytes));
    const auto cut = run_with("LANG=zh_CN.UTF-8", "convert cut.docx -o out", tmp.path());
    CHECK(cut.exit_code == 1);
    CHECK(cut.err == "dutylist: cut.docx: 这份 Word 文档已损坏：不是可读取的 ZIP 包\n");
    const auto folder = run_with("LANG=zh_CN.UTF-8", "convert empty -o out", tmp.path());
    CHECK(folder.exit_code == 1);
    CHECK(folder.err.find("dutylist: empty: 是文件夹，但里面没有名为 *.xlsx") != std::string::npos);
}

TEST_CASE("the package module's refusals name the file in Chinese too, whichever reader or renderer gave its name") {
    TempDir tmp;
    // An OpenDocument text with its mimetype and nothing else.
    write_file(tmp / "empty.odt", package::write_zip({{"mimetype", "application/vnd.oasis.opendocument.text"}}, "a test file", package::ZipMethod::store));
    const auto odt = run_with("LANG=zh_CN.UTF-8", "convert empty.odt -o out", tmp.path());
    CHECK(odt.exit_code == 1);
    CHECK(odt.err == "dutylist: empty.odt: 这份 OpenDocument 文档已损坏：缺少 content.xml\n");
    // A reference document whose styles part declares a DTD, as an entity bomb does.
    const std::string styles = "<?xml version=\"1.0\"?><!DOCTYPE w:styles [<!ENTITY a \"a\">]><w:styles/>";
    write_file(tmp / "ref.docx", package::write_zip({{"[Content_Types].xml", "<Types/>"}, {"word/styles.xml", styles}}, "a test file"));
    const auto reference =
        run_with("LANG=zh_CN.UTF-8", "convert " + quote(source_dir() / "samples/wumachang.docx") + " -t docx --reference-doc ref.docx -o out", tmp.path());
    CHECK(reference.exit_code == 1);
    CHECK_MESSAGE(reference.err.find("参考文档 ref.docx") != std::string::npos, reference.err);
    CHECK(reference.err.find("is ") == std::string::npos);
}

TEST_CASE("the list builder's warnings, with the reader's name of a table, are Chinese under LANG=zh_CN.UTF-8") {
    TempDir tmp;
    write_file(tmp / "page.html",
               "<html><body><table><tr><td>a</td><td>b</td></tr></table><p>基本履职事项清单</p><table>"
               "<tr><td>序号</td><td>事项名称</td></tr><tr><td>1</td><td>宣传贯彻党的路线方针政策</td></tr></table></body></html>");
    const auto chinese = run_with("LANG=zh_CN.UTF-8", "convert page.html -t json -o zh", tmp.path());
    CHECK_MESSAGE(chinese.exit_code == 0, chinese.err);
    CHECK(chinese.err == "dutylist: 警告：第 1 个表格不是履职事项清单（第一行是“a | b”），已跳过\n");
    const auto english = run_with("LANG=C.UTF-8", "convert page.html -t json -o en", tmp.path());
    CHECK(english.err == "dutylist: warning: table 1 holds no duty list (its first row is \"a | b\") and is skipped\n");
}

TEST_CASE("every message the sources mark with _() or N_() has its translation in po/zh_CN.po") {
    TempDir tmp;
    // msgcmp fails on a message of the sources that the .po file lacks or leaves untranslated.
    const auto result = run_shell(
        "xgettext -k_ -kN_ --language=C++ --from-code=UTF-8 -o " + quote(tmp / "dutylist.pot") +
            " $(grep -rl --include='*.cpp' 'i18n/catalogue.hpp' src extractors renderers) && msgcmp po/zh_CN.po " +
            quote(tmp / "dutylist.pot"),
        source_dir());
    CHECK_MESSAGE(result.exit_code == 0, result.err);
}

TEST_CASE("validate, inspect, diff, the PDF reader and CLI11's parse errors speak Chinese under LANG=zh_CN.UTF-8") {
    TempDir tmp;
    Document doc = document_from_truth(corpus("wumachang/truth.json"));
    write_file(tmp / "old.json", document_to_json(doc));
    DutyList& basic = doc.lists.at(0);
    basic.items.erase(basic.items.begin() + 4);
    write_file(tmp / "gap.json", document_to_json(doc));
    // The revision renumbers, as a county's would.
    const auto seq = static_cast<size_t>(std::find_if(basic.columns.begin(), basic.columns.end(), [](const Column& c) { return c.key == "seq"; }) -
                                         basic.columns.begin());
    for (size_t i = 0; i < basic.items.size(); ++i) basic.items[i].values.at(seq) = {std::to_string(i + 1)};
    write_file(tmp / "new.json", document_to_json(doc));
    const std::string zh = "LANG=zh_CN.UTF-8";

    const auto validate = run_with(zh, "validate gap.json", tmp.path());
    CHECK(validate.exit_code == 1);
    CHECK(validate.out == "basic 序号 6: 错误: 缺少序号 5（第 5 行是 6） [seq-gap]\n"
                          "gap.json：3 份清单，239 项：1 个错误、0 个警告；读取：239 项取自文字\n");
    const auto inspect = run_with(zh, "inspect old.json", tmp.path());
    CHECK(inspect.exit_code == 0);
    CHECK(inspect.out.find("  发文单位：新疆维吾尔自治区") != std::string::npos);
    CHECK(inspect.out.find(" 105 项  ") != std::string::npos);
    CHECK(inspect.out.find("读取：  105 项取自文字\n") != std::string::npos);
    const auto diff = run_with(zh, "diff old.json new.json", tmp.path());
    CHECK(diff.exit_code == 0);
    CHECK(diff.out.find("  - 删除  序号 5  ") != std::string::npos);
    CHECK(diff.out.find("  # 重新编号 100 项：序号 6–105 → 5–104\n") != std::string::npos);
    CHECK(diff.out.ends_with("\n删除 1 项，新增 0 项，移动 0 项，修改 0 项，重新编号 100 项\n"));
    const auto html = run_with(zh, "diff old.json new.json -t html", tmp.path());
    CHECK(html.out.find("删除 1 项 · 新增 0 项 · 移动 0 项 · 修改 0 项 · 重新编号 100 项（") != std::string::npos);
    CHECK(html.out.find(" removed, ") == std::string::npos);

    // A file that starts as a PDF and is none: the PDF reader's own refusal.
    write_file(tmp / "broken.pdf", "%PDF-1.4\n" + std::string(200, 'x') + "\n%%EOF\n");
    const auto broken = run_with(zh, "convert broken.pdf -o out", tmp.path());
    CHECK(broken.exit_code == 1);
    CHECK(broken.err == "dutylist: broken.pdf: 这份 PDF 已损坏，无法读取\n");
    CHECK(run_with("LANG=C.UTF-8", "convert broken.pdf -o out", tmp.path()).err == "dutylist: broken.pdf: the PDF is damaged and cannot be read\n");
    // A scan refused without OCR: the trust check's reason and advice.
    std::filesystem::copy_file(source_dir() / "tests/data/scans/scan-clean.pdf", tmp / "scan.pdf");
    CHECK(run_with(zh, "convert scan.pdf --ocr never -o out", tmp.path()).err ==
          "dutylist: scan.pdf: 第 1 页的文字不可信：页面上没有文字，只有图像或绘制的图形（扫描件或转曲的文字需要 OCR）；"
          "--ocr auto 从页面图像识别，--force 按原样转换文字\n");

    const std::string hint = "用法请运行 'dutylist --help'。\n";
    const auto unknown = run_with(zh, "convert old.json --frob", tmp.path());
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err == "dutylist: 无法理解：--frob（不认识的选项，或参数比命令需要的多）\n" + hint);
    CHECK(run_with(zh, "convert old.json -t", tmp.path()).err == "dutylist: --to 后面要跟一个值\n" + hint);
    CHECK(run_with(zh, "validate old.json --ocr sometimes", tmp.path()).err == "dutylist: --ocr 不接受“sometimes”（可用的值见 --help）\n" + hint);
    CHECK(run_with(zh, "convert old.json --table-font-size 30", tmp.path()).err == "dutylist: --table-font-size 要一个 9 到 16 之间的数，而不是“30”\n" + hint);
    CHECK(run_with(zh, "diff old.json", tmp.path()).err == "dutylist: 缺少修订后的版本：diff 需要一份清单的两个版本，先写较早的版本\n" + hint);
    CHECK(run_with(zh, "diff", tmp.path()).err == "dutylist: 没有给出文件：diff 需要一份清单的两个版本，先写较早的版本\n" + hint);
    CHECK(run_with(zh, "convert", tmp.path()).err == "dutylist: 没有给出文件：请写上要读取的文件或文件夹（- 表示从标准输入读取）\n" + hint);
    // The same errors stay one line in English, not CLI11's own words.
    const auto english = run_with("LANG=C.UTF-8", "convert old.json --frob", tmp.path());
    CHECK(english.exit_code == 2);
    CHECK(english.err == "dutylist: not understood: --frob (an unknown option, or more arguments than the command takes)\n"
                         "Run 'dutylist --help' for usage.\n");
}
