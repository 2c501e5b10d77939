#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "io/files.hpp"
#include "io/run_inputs.hpp"
#include "model/error.hpp"
#include "review/diff.hpp"
#include "review/diff_renderers.hpp"

namespace dutylist::cli {

int diff(const DiffOptions& options) {
    Document versions[2];
    const std::string* paths[2] = {&options.old_path, &options.new_path};
    for (int v = 0; v < 2; ++v) {
        try {
            versions[v] = read_document(read_input(*paths[v], max_input_bytes), options.read);
        } catch (const Error& e) {
            report_failure(*paths[v], e.what());
            return exit_failed;
        }
    }
    const review::DocumentDiff changes = review::diff_documents(versions[0], versions[1]);
    const review::DiffSubject subject{versions[0], versions[1], changes, options.old_path, options.new_path};
    std::string out;
    if (options.format == "json") out = review::diff_to_json(subject);
    else if (options.format == "csv") out = review::diff_to_csv(subject, options.bom);
    else if (options.format == "html") out = review::diff_to_html(subject);
    else out = review::diff_to_text(subject);
    if (options.output == "-") {
        std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
        std::cout.flush();
        if (!std::cout) throw Error("cannot write to standard output");
        return exit_ok;
    }
    try {
        RunInputs run_inputs;
        run_inputs.add(options.old_path);
        run_inputs.add(options.new_path);
        run_inputs.refuse_overwrite(options.output);
        write_file_atomically(options.output, out);
    } catch (const Error& e) {
        report_failure(options.output, e.what());
        return exit_failed;
    }
    return exit_ok;
}

}  // namespace dutylist::cli
