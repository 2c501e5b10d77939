// The dutylist command line: argument parsing and the one place where errors become exit codes.
#include <CLI/CLI.hpp>
#include <malloc.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/suggest.hpp"
#include "cli/help_text.hpp"
#include "io/files.hpp"
#include "extractors/office/legacy_reader.hpp"
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
            // The formats written for each input; a dataset is asked for by its name.
            for (const auto& w : writers())
                if (w.per_input()) formats.emplace_back(w.name);
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
  GET  /healthz
Errors are JSON, {"error": "..."}: 400 a bad file, 401 no token, 413 too large, 503 busy.
Warnings come in the X-Dutylist-Warnings header (a percent-encoded JSON array).

Examples:
  dutylist serve                                   this machine only, port 8080
  dutylist serve --host 0.0.0.0 --token-file token.txt --jobs 4
  curl -F file=@清单.pdf 'http://127.0.0.1:8080/api/convert?to=docx' -OJ

Stops on SIGTERM or Ctrl-C after the conversions under way, with exit code 0.)"));
    return serve_cmd;
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

    ConvertOptions convert_options;
    std::string format_list = "json";
    bool force = false;
    auto* convert_cmd = app.add_subcommand("convert", _("Convert duty lists to other formats; reads ") + reader_display_names());
    convert_cmd->add_option("inputs", convert_options.inputs, _("Files or folders to convert; - reads standard input"))->required();
    convert_cmd->add_option("-t,--to", format_list, output_formats_option())
        ->capture_default_str();
    convert_cmd->add_option("-o,--output", convert_options.output_dir, _("Output folder (created if missing); - writes to standard output"))
        ->capture_default_str();
    convert_cmd->add_flag("--force", force, _("With --ocr never: convert even text that cannot be trusted (fonts without a Unicode map)"));
    OcrMode convert_ocr = OcrMode::automatic, inspect_ocr = OcrMode::automatic, validate_ocr = OcrMode::automatic;
    add_ocr_option(convert_cmd, convert_ocr);
    convert_cmd->add_flag("--bom,!--no-bom", convert_options.render.bom,
                          _("CSV: start with a UTF-8 byte-order mark, as Excel and WPS need (the default); --no-bom for pipelines"));
    convert_cmd->add_flag("--merge-categories", convert_options.render.merge_categories,
                          _("DOCX, XLSX: merge runs of equal 事项类别 cells vertically"));
    std::string template_path;
    convert_cmd->add_option("--template", template_path,
                            _("CSV, XLSX, JSONL: write one flat table of all lists in the columns of this import template (see below)"))
        ->check(CLI::ExistingFile);
    convert_cmd->add_option("--reference-doc", convert_options.render.reference_doc,
                            _("DOCX: take styles, page setup, header and footer from this .docx"))
        ->check(CLI::ExistingFile);
    convert_cmd->add_option("--table-font-size", convert_options.render.table_font_size,
                            _("DOCX: table text in points (9 to 16); by default the source's size, else 12"))
        ->check(CLI::Range(9.0, 16.0));
    convert_cmd->add_flag("--strict", convert_options.strict,
                          _("Fail a file, and write nothing for it, when its lists look read wrongly (see the checks named on stderr)"));
    convert_cmd->add_flag("-q,--quiet", convert_options.quiet, _("No progress line or notes; errors and warnings are still printed"));
    auto convert_timeout = static_cast<unsigned>(ReadOptions{}.convert_timeout.count());
    convert_cmd->add_option("--convert-timeout", convert_timeout,
                            _("Seconds LibreOffice may take over one .doc, .wps, .rtf, .xls or .et file before it is stopped"))
        ->check(CLI::Range(1u, 86400u))
        ->capture_default_str();
    convert_cmd->add_option("-j,--jobs", convert_options.jobs, _("Files converted at once (default: one per core)"))->check(CLI::Range(1u, 256u));

    std::vector<std::string> inspect_inputs;
    bool inspect_force = false;
    auto* inspect_cmd = app.add_subcommand("inspect", _("Summarise duty lists: lists, item counts, pages, columns"));
    inspect_cmd->add_option("inputs", inspect_inputs, _("Files to inspect; - reads standard input"))->required();
    inspect_cmd->add_flag("--force", inspect_force, _("Read even text that cannot be trusted"));
    add_ocr_option(inspect_cmd, inspect_ocr);

    std::string validate_input, validate_format = "text";
    bool validate_force = false;
    auto* validate_cmd = app.add_subcommand("validate", _("Check a list: gaps and repeats in 序号, empty cells, shifted rows, names listed twice, unknown columns, signs it was read wrongly"));
    validate_cmd->add_option("input", validate_input, _("The list to check: ") + reader_display_names() + _("; - reads standard input"))->required();
    validate_cmd->add_option("--format", validate_format, _("text or json"))->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    validate_cmd->add_flag("--force", validate_force, _("Read even text that cannot be trusted"));
    add_ocr_option(validate_cmd, validate_ocr);
    validate_cmd->footer(_(R"(
Examples:
  dutylist validate 清单.pdf                 one line per finding, then a summary
  dutylist validate 清单.docx --format json  {"findings": [{"list", "seq", "severity", "code", "message"}]}

The findings include convert's self-checks, signs that the list was read wrongly rather than
faults of the document: seq-run-together, seq-missing, cut-mid-sentence, empty-column,
shifted-column (each an error).

Exit codes: 0 no errors (warnings may be printed); 1 errors found or the file cannot be read.)"));

    DiffOptions diff_options;
    auto* diff_cmd = app.add_subcommand("diff", _("Compare two versions of a township's lists item by item"));
    diff_cmd->add_option("old", diff_options.old_path, _("The earlier version: ") + reader_display_names())->required();
    diff_cmd->add_option("new", diff_options.new_path, _("The revised version"))->required();
    diff_cmd->add_option("-t,--to,--format", diff_options.format,
                         _("text, json, csv (a change log), html (side by side), docx or xlsx (a 修订对照表)"))
        ->check(CLI::IsMember({"text", "json", "csv", "html", "docx", "xlsx"}))
        ->capture_default_str();
    diff_cmd->add_option("-o,--output", diff_options.output, _("Write to this file instead of standard output"))->capture_default_str();
    diff_cmd->add_flag("--bom", diff_options.bom, _("CSV: start with a UTF-8 byte-order mark, as Excel and WPS need"));
    diff_cmd->add_flag("--all-rows", diff_options.all_rows, _("HTML: show every row, not only the changed ones"));
    diff_cmd->add_flag("--exit-code", diff_options.exit_code, _("Exit 1 when the versions differ, 0 when not, 2 on failure (as git diff)"));
    diff_cmd->add_flag("--force", diff_options.read.force, _("Read even text that cannot be trusted"));
    add_ocr_option(diff_cmd, diff_options.read.ocr);
    diff_cmd->footer(_(R"(
Items are matched by content (事项名称, then the other cells), not by 序号, so a revision that
renumbers shows as renumbering; an item renamed slightly is changed, not removed and added; an
item found in another list or out of its list's order shows as moved. Inside a changed cell
the paragraphs and words that changed are marked, as git diff --word-diff does:
[-removed-]{+added+} in text.

Examples:
  dutylist diff 2024.pdf 2025.pdf                       readable summary per list
  dutylist diff 2024.docx 2025.docx -t docx -o 修订对照表.docx      the before/after table to issue
  dutylist diff 2024.docx 2025.pdf -t xlsx -o 修订对照表.xlsx       the same table as a workbook
  dutylist diff 2024.docx 2025.pdf -t csv --bom -o 变更.csv         change log for a spreadsheet
  dutylist diff old.json new.json -t html -o diff.html  the changed rows side by side (--all-rows: every row)
  dutylist diff old.pdf new.pdf -t json                 {"lists": [{"kind", "added", "removed", "changed", "moved", "renumbered"}]}
  dutylist diff old.pdf new.pdf --exit-code > /dev/null; echo $?   0 same, 1 changed, 2 failed

Exit codes: 0 compared (whether or not they differ); 1 an input cannot be read or the output
cannot be written. With --exit-code: 0 the versions are the same, 1 they differ, 2 failure.)"));

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
        int code = app.exit(e);
        return code == 0 ? exit_ok : exit_usage;
    }

    // Warnings quote the document's text, which may hold terminal escape sequences.
    auto warn = [](const std::string& message) { std::cerr << _("dutylist: warning: ") << printable(message) << '\n'; };
    try {
        if (*convert_cmd) {
            convert_options.formats = parse_formats(format_list);
            convert_options.read.force = force;
            convert_options.read.ocr = convert_ocr;
            convert_options.read.warn = warn;
            convert_options.read.convert_timeout = std::chrono::seconds(convert_timeout);
            if (!template_path.empty()) {
                for (const auto& format : convert_options.formats)
                    if (format != "csv" && format != "xlsx" && format != "jsonl")
                        throw Error(fmt::format(
                            fmt::runtime(_("--template applies to -t csv, xlsx and jsonl, not to {}: ask for those formats only")), format));
                convert_options.render.import_template = load_import_template(template_path);
            }
            return convert(convert_options);
        }
        if (*validate_cmd) {
            ReadOptions read;
            read.force = validate_force;
            read.ocr = validate_ocr;
            read.warn = warn;
            return validate(validate_input, validate_format, read);
        }
        if (*serve_cmd) return serve(serve_options, token_file);
        if (*diff_cmd) {
            diff_options.read.warn = warn;
            return diff(diff_options);
        }
        ReadOptions read;
        read.force = inspect_force;
        read.ocr = inspect_ocr;
        read.warn = warn;
        return inspect(inspect_inputs, read);
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
