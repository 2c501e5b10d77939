// CLI11's parse errors (an unknown option, a missing argument, a value not allowed) in one line in
// the language of the messages. CLI11 words them in English only, so its message is taken apart
// by the error's kind and said again; what cannot be taken apart is quoted as it is.
#pragma once

#include <string>

#include <CLI/Error.hpp>

namespace dutylist::cli {

// The line after "dutylist: " for an error that is not help or version (exit code 0).
std::string parse_error_message(const CLI::ParseError& error);

}  // namespace dutylist::cli
