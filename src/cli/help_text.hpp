// The parts of the command line's help and usage messages that name formats, built from the
// registry so that they always say what the program reads and writes.
#pragma once

#include <string>

namespace dutylist::cli {

// What dutylist is, then the input formats with their extensions and the output formats.
std::string program_description();
// The examples, output names, folder walk, dataset and exit codes after the options.
std::string program_footer();
// The text of -t: "Output formats, comma separated: json,csv,html,docx, jsonl (…) or all".
std::string output_formats_option();
// The names -t takes, for a usage error: "json,csv,html,docx, jsonl, or all".
std::string output_format_choices();

}  // namespace dutylist::cli
