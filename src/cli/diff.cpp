#include <unistd.h>

#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "i18n/catalogue.hpp"
#include "io/files.hpp"
#include "io/run_inputs.hpp"
#include "model/error.hpp"
#include "review/diff.hpp"
#include "review/diff_renderers.hpp"

namespace dutylist::cli {

namespace {

std::string render(const DiffOptions& options, const review::DiffSubject& subject) {
    if (options.format == "json") return review::diff_to_json(subject);
    if (options.format == "csv") return review::diff_to_csv(subject, options.bom);
    if (options.format == "html") return review::diff_to_html(subject, options.all_rows);
    if (options.format == "docx") return review::diff_to_docx(subject);
    if (options.format == "xlsx") return review::diff_to_xlsx(subject);
    return review::diff_to_text(subject);
}

}  // namespace

int diff(const DiffOptions& options) {
    // With --exit-code, 1 says "they differ", so a failure needs a code of its own.
    const int failed = options.exit_code ? 2 : exit_failed;
    const bool binary = options.format == "docx" || options.format == "xlsx";
    if (binary && options.output == "-" && isatty(STDOUT_FILENO))
        throw UsageError{fmt::format(
            fmt::runtime(_("a {0} revision table is not for the terminal: name a file with -o, e.g. -o 修订对照表.{0}")), options.format)};
    // Checked before either version is read: a refusal writes nothing and reads nothing.
    RunInputs run_inputs;
    run_inputs.add(options.old_path);
    run_inputs.add(options.new_path);
    try {
        if (options.output == "-") run_inputs.refuse_stdout();
        else run_inputs.refuse_overwrite(options.output);
    } catch (const Error& e) {
        report_failure(options.output == "-" ? "standard output" : options.output, e.what());
        return failed;
    }
    Document versions[2];
    const std::string* paths[2] = {&options.old_path, &options.new_path};
    for (int v = 0; v < 2; ++v) {
        try {
            versions[v] = read_document(read_input(*paths[v], max_input_bytes), options.read);
        } catch (const Error& e) {
            report_failure(*paths[v], e.what());
            return failed;
        }
    }
    const review::DocumentDiff changes = review::diff_documents(versions[0], versions[1]);
    const review::DiffSubject subject{versions[0], versions[1], changes, options.old_path, options.new_path};
    const int compared = options.exit_code && !changes.empty() ? 1 : exit_ok;
    try {
        const std::string out = render(options, subject);
        if (options.output == "-") {
            write_stdout(out);
            return compared;
        }
        write_file_atomically(options.output, out);
    } catch (const Error& e) {
        report_failure(options.output == "-" ? "standard output" : options.output, e.what());
        return failed;
    }
    return compared;
}

}  // namespace dutylist::cli
