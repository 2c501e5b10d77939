// The subcommands of the dutylist command line. Each returns the process exit code.
#pragma once

#include <string>
#include <vector>

#include "format_registry.hpp"
#include "server/serve_options.hpp"

namespace dutylist::cli {

enum Exit { exit_ok = 0, exit_failed = 1, exit_usage = 2 };

// Thrown for a usage error found after parsing (e.g. an unknown format): exit code 2.
struct UsageError {
    std::string message;
};

struct ConvertOptions {
    std::vector<std::string> inputs;
    std::vector<std::string> formats;  // validated names
    std::string output_dir = ".";      // "-" writes the single output to standard output
    ReadOptions read;
    RenderOptions render;
    bool quiet = false;
    bool strict = false;  // a self-check finding (review/self_check.hpp) fails the input
    unsigned jobs = 0;  // files converted at once; 0: one per core
};

// Largest input accepted: far above any published list, low enough to refuse a runaway file.
inline constexpr size_t max_input_bytes = 512u * 1024 * 1024;

struct DiffOptions {
    std::string old_path;
    std::string new_path;
    std::string format = "text";  // text, json, csv, html, docx, xlsx
    std::string output = "-";     // a file, or - for standard output
    bool bom = true;         // CSV: a UTF-8 byte-order mark, as Excel and WPS need
    bool all_rows = false;   // HTML: every row, not only the changed ones
    bool exit_code = false;  // as git diff --exit-code: 1 when the versions differ, 2 on failure
    ReadOptions read;
};

int convert(const ConvertOptions& options);
// inputs: files and folders (cli/input_files.hpp); format: "text" or "json". Exit 1 when a file
// cannot be read.
int inspect(const std::vector<std::string>& inputs, const std::string& format, const ReadOptions& read);
// The same inputs and formats; exit 1 when a file cannot be read or has errors.
int validate(const std::vector<std::string>& inputs, const std::string& format, const ReadOptions& read);
int diff(const DiffOptions& options);
// Serves the page and the API until SIGTERM, SIGINT or SIGHUP; token_file "" for no token.
int serve(server::ServeOptions options, const std::string& token_file);

// "dutylist: NAME: reason" on one line on stderr.
void report_failure(const std::string& name, const std::string& reason);

}  // namespace dutylist::cli
