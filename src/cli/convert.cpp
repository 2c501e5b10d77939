#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <system_error>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "io/files.hpp"
#include "model/error.hpp"

namespace dutylist::cli {
namespace fs = std::filesystem;

void report_failure(const std::string& name, const std::string& reason) {
    std::string line = reason;
    for (char& c : line)
        if (c == '\n' || c == '\r') c = ' ';
    std::cerr << fmt::format("dutylist: {}: {}\n", name, line);
}

namespace {

bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

std::vector<Output> render_all(const Document& doc, const ConvertOptions& options) {
    std::vector<Output> outputs;
    for (const auto& name : options.formats) {
        const Writer* writer = find_writer(name);
        for (auto& out : writer->render(doc, options.render)) outputs.push_back(std::move(out));
    }
    return outputs;
}

// Converts one input; throws Error on failure. Every output is rendered before any is written.
void convert_one(const std::string& input_path, const ConvertOptions& options) {
    InputFile input = read_input(input_path, max_input_bytes);
    Document doc = read_document(input, options.read);
    std::vector<Output> outputs = render_all(doc, options);
    if (options.output_dir == "-") {
        if (outputs.size() != 1)
            throw UsageError{fmt::format("-o - writes one output, but this conversion makes {} (CSV writes one file per list)", outputs.size())};
        std::cout.write(outputs[0].bytes.data(), static_cast<std::streamsize>(outputs[0].bytes.size()));
        std::cout.flush();
        if (!std::cout) throw Error("cannot write to standard output");
        return;
    }
    const std::string stem = output_stem(input_path);
    for (const auto& out : outputs) {
        fs::path path = fs::path(options.output_dir) / (stem + out.suffix);
        if (input_path != "-" && same_file(path, input_path))
            throw Error(fmt::format("the output {} would overwrite the input; choose another folder with -o", path.string()));
        write_file_atomically(path, out.bytes);
        if (!options.quiet && isatty(STDERR_FILENO)) std::cerr << fmt::format("wrote {}\n", path.string());
    }
}

}  // namespace

int convert(const ConvertOptions& options) {
    if (options.output_dir == "-" && options.inputs.size() != 1)
        throw UsageError{"-o - writes to standard output and takes exactly one input"};
    if (options.output_dir != "-") {
        std::error_code ec;
        fs::create_directories(options.output_dir, ec);
        if (!fs::is_directory(options.output_dir))
            throw UsageError{fmt::format("the output folder {} cannot be created", options.output_dir)};
    }
    int failures = 0;
    for (const auto& input : options.inputs) {
        try {
            convert_one(input, options);
        } catch (const Error& e) {
            report_failure(input, e.what());
            ++failures;
        } catch (const std::bad_alloc&) {
            report_failure(input, "not enough memory to convert this file");
            ++failures;
        }
    }
    return failures ? exit_failed : exit_ok;
}

}  // namespace dutylist::cli
