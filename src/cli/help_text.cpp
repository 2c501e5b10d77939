#include "cli/help_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "format_registry.hpp"
#include "i18n/catalogue.hpp"
#include "model/text.hpp"

namespace dutylist::cli {
namespace {

// "json,csv,html,docx,xlsx": the writers that -t all stands for.
std::string per_input_names() {
    std::string names;
    for (const auto& writer : writers())
        if (writer.per_input()) names += (names.empty() ? "" : ",") + std::string(writer.name);
    return names;
}

// Columns a display name takes in a terminal: its characters (the names hold no wide ones).
size_t text_width(std::string_view text) {
    size_t n = 0;
    for (size_t i = 0; i < text.size(); ++n) next_code_point(text, i);
    return n;
}

std::string input_format_table() {
    std::string table = _("Input formats (recognised from the content, whatever the file is called):\n");
    size_t width = 0;
    for (const auto& reader : readers()) width = std::max(width, text_width(reader.display_name));
    for (const auto& reader : readers()) {
        std::string extensions;
        for (auto extension : reader.extensions) extensions += (extensions.empty() ? "*" : ", *") + std::string(extension);
        table += fmt::format("  {}{}{}\n", reader.display_name, std::string(width + 2 - text_width(reader.display_name), ' '), extensions);
    }
    return table + _("Formats marked (LibreOffice) are converted by headless LibreOffice first (Debian packages\n"
                     "libreoffice-writer-nogui and libreoffice-calc-nogui), then read as DOCX or XLSX; a folder's\n"
                     "files take one LibreOffice start. --convert-timeout stops it on a file that makes it hang.\n");
}

std::string output_format_table() {
    std::string table = _("Output formats (-t):\n");
    for (const auto& writer : writers()) {
        const auto* dataset = writer.dataset();
        table += fmt::format("  {:<8}{}{}\n", writer.name, writer.display_name,
                             dataset ? fmt::format(", OUTDIR/{}", dataset->file) : "");
    }
    return table + fmt::format("  {:<8}{}\n", "all", per_input_names());
}

constexpr const char* examples = N_(R"(
Examples:
  dutylist convert 清单.pdf                        清单.json in the current folder
  dutylist convert 清单.pdf -t json,csv,html -o out   several formats into out/
  dutylist convert a.docx b.pdf -t all -o out       every format for each input
  dutylist convert - -t json -o - < 清单.pdf        as a filter: standard input to standard output
  dutylist convert out/清单.json -t docx            our JSON back into an official-looking DOCX
  dutylist convert 清单.pdf -t xlsx                 an Excel workbook, a sheet per list
  dutylist convert 清单.pdf -t csv --no-bom -o out  CSV without the byte-order mark, for pipelines
  dutylist convert 清单.pdf -t xlsx --template 县系统.txt   one sheet in a county system's columns
  dutylist convert 公示.html 清单.odt               a saved web page (nothing it links to is fetched), OpenDocument
  dutylist convert 各乡镇/ -t json,jsonl -o out      every list under the folder, both cores
  dutylist convert 清单.pdf -t csv --names zh       清单.基本履职事项清单.csv, … (the lists named in Chinese)
  dutylist convert 清单.pdf -t html --html-fragment --no-footer   the lists alone, to paste into a website
  dutylist inspect 清单.pdf                         lists, item counts, pages, how the text was read
  dutylist inspect 各乡镇/ -t json                  the same for every file, for scripts
  dutylist validate 清单.pdf 各乡镇/                gaps in 序号, empty cells, repeated names; a line per file
  dutylist diff 旧.pdf 新.pdf -t html -o d.html     what a revision changed, side by side
  dutylist serve                                    a web page for the office at http://127.0.0.1:8080/

Outputs are named after the input: OUTDIR/<stem>.json, <stem>.html, <stem>.docx, <stem>.xlsx and
one CSV per list, <stem>.basic.csv, <stem>.cooperative.csv, <stem>.withdrawn.csv (--names zh:
<stem>.基本履职事项清单.csv, …). CSV starts with a UTF-8 byte-order mark, which Excel and WPS
need (--no-bom leaves it out); so does diff's CSV. -t (--to) names the output format in every
subcommand that writes one (--format is the same option).
)");

constexpr const char* import_templates = N_(R"(
Import templates (--template FILE, for -t csv, xlsx and jsonl): one flat table of every item of
every list, <stem>.csv or the workbook's sheet 导入, in a county system's own columns. FILE is
UTF-8 text, one output column a line, NAME = SOURCE (# starts a comment):
  清单类型 = kind:basic=1,cooperative=2,withdrawn=3    the list's kind as the system spells it
  事项名称 = field:name       an item's cell by column key (seq, category, name, departments, …)
  事项类别 = field:事项类别    or by printed label
  所属乡镇 = issuer           also title, date, date_iso, list_title, row, kind, kind_label, source_file
  数据来源 = const:乡镇上报    the same text in every row
)");

constexpr const char* folders = N_(R"(
Folders: every file called {} under a folder is converted (hidden
files and the output folder are skipped; files named on the command line are read whatever they
are called). Outputs keep the layout below the folder: 各乡镇/甲镇/清单.pdf → out/甲镇/清单.json.
Two inputs that would share a name keep their extension (清单.pdf.json, 清单.docx.json). A bad
file does not stop the others; every failure is named at the end, and the last line counts the
files and names each one skipped or refused with its reason.
)");

constexpr const char* dataset_and_exit_codes = N_(R"(
-t jsonl writes one dataset for all inputs, OUTDIR/items.jsonl: one JSON object per line per
item, with its document (doc_issuer, doc_title, doc_date, source_file, input) and list
(list_kind, list_title) beside the item's cells (seq, category, name, …) — ready for DuckDB
(read_json_auto) and pandas (read_json(lines=True)). With -o - the lines go to standard output.

Self-checks: every list read is checked against itself (序号 cells holding two rows' numbers,
rows without 序号 in a numbered list, text running on from one row into the next, a column empty
in every row, a department column slid by one row). Each finding is one warning on stderr naming
the list and rows; --strict makes any finding fail the file and write nothing for it.

Exit codes: 0 done; 1 an input could not be converted (one line on stderr names the file and the
reason; no output file is left behind for it), or failed a self-check under --strict; 2 a usage
error.)");

constexpr const char* languages = N_(R"(

Messages and this help are in Chinese when LANGUAGE, LC_ALL, LC_MESSAGES or LANG (the first one
set) names zh, e.g. LANG=zh_CN.UTF-8; in English otherwise.)");

}  // namespace

std::string program_description() {
    return _("dutylist reads the duty lists (履职事项清单) that townships and street offices publish,\n"
             "and writes them as clean data.\n\n") +
           input_format_table() + "\n" + output_format_table();
}

std::string program_footer() {
    return _(examples) + fmt::format(fmt::runtime(_(folders)), reader_extension_patterns()) + _(import_templates) +
           _(dataset_and_exit_codes) + _(languages);
}

std::string output_formats_option() {
    std::string datasets;
    for (const auto& writer : writers())
        if (writer.dataset()) datasets += fmt::format(fmt::runtime(_(", {} (one dataset of all inputs)")), writer.name);
    return fmt::format(fmt::runtime(_("Output formats, comma separated: {}{} or all")), per_input_names(), datasets);
}

std::string output_format_choices() {
    std::string choices = per_input_names();
    for (const auto& writer : writers())
        if (writer.dataset()) choices += fmt::format(", {}", writer.name);
    return choices + _(", or all");
}

}  // namespace dutylist::cli
