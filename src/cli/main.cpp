// The dutylist command line: argument parsing and the one place where errors become exit codes.
#include <CLI/CLI.hpp>
#include <malloc.h>

#include <algorithm>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/suggest.hpp"
#include "cli/help_text.hpp"
#include "cli/parse_errors.hpp"
#include "io/files.hpp"
#include "reader.hpp"
#include "i18n/catalogue.hpp"
#include "io/temporary_files.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace {

using namespace dutylist;
using namespace dutylist::cli;

// An import template is a few dozen lines; anything far larger is not one.
constexpr size_t max_template_bytes = 1u << 20;

std::vector<std::string> parse_formats(const std::string& list) {
    std::vector<std::string> formats;
    std::stringstream in(list);
    std::string name;
    while (std::getline(in, name, ',')) {
        if (name.empty()) continue;
        if (name == "all") {
            // The formats written for each input; a dataset, and the review page (a check
            // that draws every page, not a format of the lists), are asked for by name.
            for (const auto& w : writers())
                if (w.per_input() && !w.shows_source_images) formats.emplace_back(w.name);
            continue;
        }
        if (!find_writer(name))
            throw UsageError{fmt::format(fmt::runtime(_("unknown output format \"{}\" (choose from {})")), name, output_format_choices())};
        formats.push_back(name);
    }
    if (formats.empty()) throw UsageError{_("no output format given to -t")};
    return formats;
}

void add_ocr_option(CLI::App* command, OcrMode& mode) {
    const std::map<std::string, OcrMode> modes{
        {"auto", OcrMode::automatic}, {"never", OcrMode::never}, {"always", OcrMode::always}};
    command
        ->add_option("--ocr", mode,
                     _("auto: fonts whose text cannot be trusted are repaired from their glyphs (each code "
                     "read by Tesseract wherever it occurs, decided by vote; the layout stays the PDF's), "
                     "pages that are images (scans) are read by OCR (slow; both said on stderr with what "
                     "to check); never: refuse them; always: read every page by OCR"))
        ->transform(CLI::CheckedTransformer(modes, CLI::ignore_case).description(""))
        ->type_name("auto|never|always")
        ->default_str("auto");
}

std::shared_ptr<const ImportTemplate> load_import_template(const std::string& path) {
    const InputFile file = read_input(path, max_template_bytes);
    return std::make_shared<const ImportTemplate>(parse_import_template(file.bytes, path));
}

CLI::App* add_serve_command(CLI::App& app, server::ServeOptions& options, std::string& token_file) {
    auto* serve_cmd = app.add_subcommand("serve", _("Serve a web page and an HTTP API that convert, inspect and compare lists"));
    serve_cmd->add_option("--host", options.host, _("Address to listen on (loopback by default; for a network use a reverse proxy or --token-file)"))
        ->capture_default_str();
    serve_cmd->add_option("--port", options.port, _("Port to listen on; 0 picks a free one"))->check(CLI::Range(0, 65535))->capture_default_str();
    serve_cmd->add_option("--max-upload", options.max_upload, _("Largest request accepted, e.g. 64M; larger ones get 413"))
        ->transform(CLI::AsSizeValue(false))
        ->default_str("64M");
    serve_cmd->add_option("-j,--jobs", options.jobs, _("Conversions at once (default: one per core)"))->check(CLI::Range(1u, 256u));
    serve_cmd->add_option("--queue", options.waiting, _("Conversions that may wait for a free job before the server answers 503 (default: 4 per job)"))
        ->check(CLI::Range(1u, 4096u));
    serve_cmd->add_option_function<unsigned>("--time-limit", [&options](unsigned seconds) { options.time_limit = std::chrono::seconds(seconds); },
                          _("Seconds one request's conversion may take before it is stopped and answered 504 (OCR takes about a second a page)"))
        ->check(CLI::Range(1u, 86400u))
        ->default_str(std::to_string(std::chrono::duration_cast<std::chrono::seconds>(options.time_limit).count()));
    serve_cmd->add_option("--token-file", token_file, _("Require the token in this file: API requests send \"Authorization: Bearer TOKEN\""))
        ->check(CLI::ExistingFile);
    add_ocr_option(serve_cmd, options.ocr);
    serve_cmd->footer(_(R"(
Open http://127.0.0.1:8080/ in a browser: drop lists on the page to see their lists, counts,
warnings and findings, search them, and download every format; drop two versions for the
revision report (修订对照表). The API, for scripts (multipart form uploads):
  POST /api/convert?to=json|csv|html|docx|xlsx|jsonl   field file; csv gives a ZIP of the lists, or &list=basic one
  POST /api/inspect                               field file: lists, counts, warnings, findings (JSON)
  POST /api/diff?to=json|html|csv|docx|xlsx|text  fields old and new: the revision report
  POST /api/review                                field file: the review page (each item beside its page)
  GET  /healthz
Errors are JSON, {"error": "..."}: 400 a bad file, 401 no token, 413 too large, 503 busy,
504 a conversion stopped at --time-limit.
Warnings come in the X-Dutylist-Warnings header (a percent-encoded JSON array).

Examples:
  dutylist serve                                   this machine only, port 8080
  dutylist serve --host 0.0.0.0 --token-file token.txt --jobs 4
  curl -F file=@清单.pdf 'http://127.0.0.1:8080/api/convert?to=docx' -OJ

Stops on SIGTERM or Ctrl-C, the conversions under way at their next page, with exit code 0.)"));
    return serve_cmd;
}

// convert's options, read into ConvertOptions once parsed (run_convert).
struct ConvertCommand {
    ConvertOptions options;
    std::string formats = "json";
    bool force = false;
    OcrMode ocr = OcrMode::automatic;
    std::string names = "en";
    std::string template_path;
    unsigned timeout = static_cast<unsigned>(ReadOptions{}.convert_timeout.count());
};

CLI::App* add_convert_command(CLI::App& app, ConvertCommand& c) {
    auto* command = app.add_subcommand("convert", _("Convert duty lists to other formats; reads ") + reader_display_names());
    command->add_option("inputs", c.options.inputs, _("Files or folders to convert; - reads standard input"))->required();
    command->add_option("-t,--to", c.formats, output_formats_option())
        ->capture_default_str();
    command->add_option("-o,--output", c.options.output_dir, _("Output folder (created if missing); - writes to standard output"))
        ->capture_default_str();
    command->add_flag("--force", c.force, _("With --ocr never: convert even text that cannot be trusted (fonts without a Unicode map)"));
    add_ocr_option(command, c.ocr);
    command->add_flag("--bom,!--no-bom", c.options.render.bom,
                          _("CSV: start with a UTF-8 byte-order mark, as Excel and WPS need (the default); --no-bom for pipelines"));
    command->add_option("--names", c.names, _("en: a list's CSV file named by its kind in English (清单.basic.csv); zh: in Chinese (清单.基本履职事项清单.csv)"))
        ->check(CLI::IsMember({"en", "zh"}))
        ->capture_default_str();
    command->add_flag("--html-fragment", c.options.render.html_fragment,
                          _("HTML: the cover and the lists alone, without <html> and <head>, for pasting into a website's editor (CMS)"));
    command->add_flag("--footer,!--no-footer", c.options.render.html_footer,
                          _("HTML: end with the line naming dutylist and the source file (the default); --no-footer leaves it out"));
    command->add_flag("--merge-categories", c.options.render.merge_categories,
                          _("DOCX, XLSX: merge runs of equal 事项类别 cells vertically"));
    command->add_option("--template", c.template_path,
                            _("CSV, XLSX, JSONL: write one flat table of all lists in the columns of this import template (see below)"))
        ->check(CLI::ExistingFile);
    command->add_option("--reference-doc", c.options.render.reference_doc,
                            _("DOCX: take styles, page setup, header and footer from this .docx"))
        ->check(CLI::ExistingFile);
    command->add_option("--table-font-size", c.options.render.table_font_size,
                            _("DOCX: table text in points (9 to 16); by default the source's size, else 12"))
        ->check(CLI::Range(9.0, 16.0));
    command->add_flag("--strict", c.options.strict,
                          _("Fail a file, and write nothing for it, when its lists look read wrongly (see the checks named on stderr)"));
    command->add_flag("-q,--quiet", c.options.quiet, _("No progress line or notes; errors and warnings are still printed"));
    command->add_option("--convert-timeout", c.timeout,
                            _("Seconds LibreOffice may take over one .doc, .wps, .rtf, .xls or .et file before it is stopped"))
        ->check(CLI::Range(1u, 86400u))
        ->capture_default_str();
    command->add_option("-j,--jobs", c.options.jobs, _("Files converted at once (default: one per core)"))->check(CLI::Range(1u, 256u));
    return command;
}

int run_convert(ConvertCommand& c, const std::function<void(const std::string&)>& warn) {
    ConvertOptions& options = c.options;
    options.formats = parse_formats(c.formats);
    options.render.chinese_file_names = c.names == "zh";
    options.read.force = c.force;
    options.read.ocr = c.ocr;
    options.read.warn = warn;
    options.read.convert_timeout = std::chrono::seconds(c.timeout);
    if (!c.template_path.empty()) {
        for (const auto& format : options.formats)
            if (format != "csv" && format != "xlsx" && format != "jsonl")
                throw Error(fmt::format(
                    fmt::runtime(_("--template applies to -t csv, xlsx and jsonl, not to {}: ask for those formats only")), format));
        options.render.import_template = load_import_template(c.template_path);
    }
    return convert(options);
}

CLI::App* add_diff_command(CLI::App& app, DiffOptions& options) {
    auto* command = app.add_subcommand("diff", _("Compare two versions of a township's lists item by item"));
    command->add_option("old", options.old_path, _("The earlier version: ") + reader_display_names())->required();
    command->add_option("new", options.new_path, _("The revised version"))->required();
    command->add_option("-t,--to,--format", options.format,
                         _("text, json, csv (a change log), html (side by side), docx or xlsx (a 修订对照表)"))
        ->check(CLI::IsMember({"text", "json", "csv", "html", "docx", "xlsx"}))
        ->capture_default_str();
    command->add_option("-o,--output", options.output, _("Write to this file instead of standard output"))->capture_default_str();
    command->add_flag("--bom,!--no-bom", options.bom,
                       _("CSV: start with a UTF-8 byte-order mark, as Excel and WPS need (the default); --no-bom for pipelines"));
    command->add_flag("--all-rows", options.all_rows, _("HTML: show every row, not only the changed ones"));
    command->add_flag("--exit-code", options.exit_code, _("Exit 1 when the versions differ, 0 when not, 2 on failure (as git diff)"));
    command->add_flag("--force", options.read.force, _("Read even text that cannot be trusted"));
    add_ocr_option(command, options.read.ocr);
    command->footer(_(R"(
Items are matched by content (事项名称, then the other cells), not by 序号, so a revision that
renumbers shows as renumbering; an item renamed slightly is changed, not removed and added; an
item found in another list or out of its list's order shows as moved. Inside a changed cell
the paragraphs and words that changed are marked, as git diff --word-diff does:
[-removed-]{+added+} in text.

Examples:
  dutylist diff 2024.pdf 2025.pdf                       readable summary per list
  dutylist diff 2024.docx 2025.docx -t docx -o 修订对照表.docx      the before/after table to issue
  dutylist diff 2024.docx 2025.pdf -t xlsx -o 修订对照表.xlsx       the same table as a workbook
  dutylist diff 2024.docx 2025.pdf -t csv -o 变更.csv               change log for Excel or WPS
  dutylist diff old.json new.json -t html -o diff.html  the changed rows side by side (--all-rows: every row)
  dutylist diff old.pdf new.pdf -t json                 {"lists": [{"kind", "added", "removed", "changed", "moved", "renumbered"}]}
  dutylist diff old.pdf new.pdf --exit-code > /dev/null; echo $?   0 same, 1 changed, 2 failed

Exit codes: 0 compared (whether or not they differ); 1 an input cannot be read or the output
cannot be written. With --exit-code: 0 the versions are the same, 1 they differ, 2 failure.)"));
    return command;
}

// inspect and validate: files and folders in, a report out as text or JSON.
struct ReportCommand {
    std::vector<std::string> inputs;
    std::string format = "text";
    bool force = false;
    OcrMode ocr = OcrMode::automatic;
};

void add_report_options(CLI::App* command, ReportCommand& report) {
    command->add_option("-t,--to,--format", report.format, _("text or json"))->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    command->add_flag("--force", report.force, _("Read even text that cannot be trusted"));
    add_ocr_option(command, report.ocr);
}

CLI::App* add_inspect_command(CLI::App& app, ReportCommand& report) {
    auto* command = app.add_subcommand("inspect", _("Summarise duty lists: lists, item counts, pages, columns, how the text was read"));
    command->add_option("inputs", report.inputs, _("Files or folders to inspect; - reads standard input"))->required();
    add_report_options(command, report);
    command->footer(_(R"(
Examples:
  dutylist inspect 清单.pdf                  lists, items, pages, columns; read: how the text was read
  dutylist inspect 清单/ -t json             {"files": [{"file", "format", "pages", "items", "read",
                                              "lists": [{"name", "kind", "items", "first_page", "last_page",
                                              "columns", "read"}], "findings"}]}

"read" counts the items by how their text was read: "text" from the PDF's text, "repaired" from
fonts repaired from their glyphs, "ocr" by OCR, and "low_confidence" those read below 70%.

Exit codes: 0 every file read; 1 a file cannot be read.)"));
    return command;
}

CLI::App* add_validate_command(CLI::App& app, ReportCommand& report) {
    auto* command = app.add_subcommand(
        "validate", _("Check lists: gaps and repeats in 序号, empty cells, shifted rows, names listed twice, unknown columns, signs they were read wrongly"));
    command->add_option("inputs", report.inputs, _("Files or folders to check: ") + reader_display_names() + _("; - reads standard input"))->required();
    add_report_options(command, report);
    command->footer(_(R"(
Examples:
  dutylist validate 清单.pdf                 one line per finding, then a summary
  dutylist validate 清单/ 2025.docx          one line per file: lists, items, errors, warnings, how read
  dutylist validate 清单.docx -t json        {"files": [{"file", "lists", "items", "errors", "warnings", "read"}],
                                            "findings": [{"file", "list", "seq", "severity", "code", "message"}]}

The findings include convert's self-checks, signs that the list was read wrongly rather than
faults of the document: seq-run-together, seq-missing, cut-mid-sentence, empty-column,
shifted-column (each an error).

Exit codes: 0 no errors (warnings may be printed); 1 errors found or a file cannot be read.)"));
    return command;
}

// CLI11's own words in --help ("Usage:", "OPTIONS:", …) in the language of the messages; before
// the options and subcommands are added, which take the default group from the app.
void translate_help_labels(CLI::App& app) {
    for (const char* label : {N_("Usage"), N_("OPTIONS"), N_("Positionals"), N_("REQUIRED"), N_("SUBCOMMAND")})
        app.get_formatter()->label(label, _(label));
    app.option_defaults()->group(_("Options"));
    app.set_help_flag("-h,--help", _("Print this help message and exit"));
}

// The same for the subcommands, once added: their group and their own --help.
void translate_subcommand_labels(CLI::App& app) {
    for (CLI::App* command : app.get_subcommands({})) {
        command->group(_("Subcommands"));
        command->set_help_flag("-h,--help", _("Print this help message and exit"));
    }
}

}  // namespace

int main(int argc, char** argv) {
    // Each file read builds and frees buffers of a few hundred kB to a few MB (the input, the
    // rendered outputs). glibc would map and unmap them, or trim them off the heap, every time;
    // the page faults and, under --jobs, the TLB flushes sent to the other core cost more than
    // the conversion itself (system time 0.44 s → 0.07 s on 200 JSON inputs). Kept instead,
    // they are reused by the next file, for about 1 MB more peak memory. Fast bins then only
    // add work: each free of such a buffer consolidates them (a fifth of DOCX reading time).
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_MXFAST, 0);
    remove_temporaries_on_signals();
    i18n::use_language_of_environment();
    CLI::App app{program_description(), "dutylist"};
    translate_help_labels(app);
    app.footer(program_footer());
    app.set_version_flag("--version", std::string("dutylist ") + DUTYLIST_VERSION, _("Display program version information and exit"));
    app.require_subcommand(1);

    ConvertCommand convert_command;
    auto* convert_cmd = add_convert_command(app, convert_command);

    ReportCommand inspect_report, validate_report;
    auto* inspect_cmd = add_inspect_command(app, inspect_report);
    auto* validate_cmd = add_validate_command(app, validate_report);

    DiffOptions diff_options;
    auto* diff_cmd = add_diff_command(app, diff_options);

    server::ServeOptions serve_options;
    std::string token_file;
    CLI::App* serve_cmd = add_serve_command(app, serve_options, token_file);
    translate_subcommand_labels(app);

    if (argc > 1 && argv[1][0] != '-') {
        std::vector<std::string> commands;
        for (const CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) commands.push_back(command->get_name());
        if (std::find(commands.begin(), commands.end(), argv[1]) == commands.end()) {
            const std::string nearest = cli::nearest_name(argv[1], commands);
            std::cerr << "dutylist: " << fmt::format(fmt::runtime(_("unknown command \"{}\"")), printable(argv[1]))
                      << (nearest.empty() ? "" : fmt::format(fmt::runtime(_("; did you mean \"{}\"?")), nearest))
                      << fmt::format(fmt::runtime(_(" (one of {})")), one_of(commands)) << '\n';
            return exit_usage;
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);
        std::cerr << "dutylist: " << printable(parse_error_message(e)) << '\n' << _("Run 'dutylist --help' for usage.") << '\n';
        return exit_usage;
    }

    // Warnings quote the document's text, which may hold terminal escape sequences.
    auto warn = [](const std::string& message) { std::cerr << _("dutylist: warning: ") << printable(message) << '\n'; };
    try {
        if (*convert_cmd) return run_convert(convert_command, warn);
        const auto report_read = [&](const ReportCommand& report) {
            ReadOptions read;
            read.force = report.force;
            read.ocr = report.ocr;
            read.warn = warn;
            return read;
        };
        if (*validate_cmd) return validate(validate_report.inputs, validate_report.format, report_read(validate_report));
        if (*serve_cmd) return serve(serve_options, token_file);
        if (*diff_cmd) {
            diff_options.read.warn = warn;
            return diff(diff_options);
        }
        if (*inspect_cmd) return inspect(inspect_report.inputs, inspect_report.format, report_read(inspect_report));
        return exit_usage;
    } catch (const UsageError& e) {
        std::cerr << "dutylist: " << printable(e.message) << '\n' << _("Run 'dutylist --help' for usage.") << '\n';
        return exit_usage;
    } catch (const Error& e) {
        std::cerr << "dutylist: " << printable(e.what()) << '\n';
        return exit_failed;
    } catch (const std::exception& e) {
        std::cerr << _("dutylist: internal error: ") << printable(e.what()) << '\n';
        return exit_failed;
    }
}
