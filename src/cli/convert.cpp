#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <deque>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <system_error>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/dataset.hpp"
#include "cli/input_files.hpp"
#include "extractors/office/legacy_reader.hpp"
#include "i18n/catalogue.hpp"
#include "io/files.hpp"
#include "io/run_inputs.hpp"
#include "model/error.hpp"
#include "model/text.hpp"
#include "review/self_check.hpp"

namespace dutylist::cli {
namespace fs = std::filesystem;

void report_failure(const std::string& name, const std::string& reason) {
    // A file name or quoted text may hold a line break or a terminal's escape sequence; the
    // failure stays one line and never drives the terminal.
    std::cerr << fmt::format("dutylist: {}: {}\n", printable(name), printable(reason));
}

namespace {

// The datasets of the writers asked for, in the registry's order, each once however often -t
// names it. A deque: a Dataset holds a lock and cannot move.
using Datasets = std::deque<Dataset>;

struct Job {
    std::string input;     // the path as given or found, for messages
    fs::path relative_dir;  // under the output folder: the file's folder below the folder given
    std::string output;    // OUTDIR/relative_dir/stem, the outputs' common prefix
};

using Failure = InputProblem;

struct Inputs {
    std::vector<Job> jobs;
    std::vector<Failure> failures;  // folders that cannot be read or hold nothing to convert
    std::vector<Failure> skipped;   // files in a folder that no reader is meant for
};

// Past this many, the summary counts the rest of the files it would name.
constexpr size_t max_summary_names = 20;

// The output folder is left out of the folders walked: a second run would convert it again.
Inputs collect_inputs(const ConvertOptions& options) {
    FoundInputs found = find_inputs(options.inputs, options.output_dir == "-" ? "" : options.output_dir);
    Inputs inputs{{}, std::move(found.failures), std::move(found.skipped)};
    for (auto& file : found.files) inputs.jobs.push_back({std::move(file.input), std::move(file.relative_dir), ""});
    return inputs;
}

// Outputs go to OUTDIR/<folder below the input folder>/<stem>. Inputs that would share that
// prefix (a.pdf and a.docx, or one name in two input folders) keep their extension in it
// (a.pdf.json, a.docx.json), and any still equal get -2, -3 in input order.
void assign_outputs(std::vector<Job>& jobs, const std::string& output_dir) {
    auto prefix = [&](const Job& job, bool with_extension) {
        std::string stem = output_stem(job.input);
        if (with_extension && job.input != "-") {
            for (char c : fs::path(job.input).extension().string())
                if (std::isalnum(static_cast<unsigned char>(c)) || c == '.') stem += c;
        }
        return (fs::path(output_dir) / job.relative_dir / stem).lexically_normal().string();
    };
    std::map<std::string, int> claims;
    for (const auto& job : jobs) ++claims[prefix(job, false)];
    std::set<std::string> taken;
    for (auto& job : jobs) {
        std::string base = prefix(job, claims[prefix(job, false)] > 1);
        std::string candidate = base;
        for (int n = 2; taken.count(candidate); ++n) candidate = fmt::format("{}-{}", base, n);
        taken.insert(candidate);
        job.output = candidate;
    }
}

// The run's render options, with the pictures of the items' source regions when a writer asked
// for shows them (the review page): made once per input, and only then, as drawing pages is slow;
// drawn on as many threads as the input was read with.
RenderOptions render_options(const InputFile& input, const Document& doc, const ConvertOptions& options, const ReadOptions& read) {
    RenderOptions render = options.render;
    for (const auto& name : options.formats)
        if (find_writer(name)->shows_source_images) {
            render.source_images = std::make_shared<const SourceImages>(source_images(input, doc, read));
            break;
        }
    return render;
}

std::vector<Output> render_files(const Document& doc, const ConvertOptions& options, const RenderOptions& render) {
    std::vector<Output> outputs;
    for (const auto& name : options.formats) {
        const FileRendering* files = find_writer(name)->per_input();
        if (!files) continue;
        for (auto& out : files->render(doc, render)) outputs.push_back(std::move(out));
    }
    return outputs;
}

// The dataset writers named by -t, in the registry's order, each once.
std::vector<const Writer*> dataset_writers(const ConvertOptions& options) {
    std::vector<const Writer*> found;
    for (const auto& writer : writers())
        if (writer.dataset() && std::find(options.formats.begin(), options.formats.end(), writer.name) != options.formats.end())
            found.push_back(&writer);
    return found;
}

// The progress line and warnings share stderr; one lock keeps their lines whole.
class Console {
public:
    Console(bool progress, size_t total) : progress_(progress), total_(total) {}

    void warn(const ReadOptions& read, const std::string& message) {
        std::lock_guard lock(mutex_);
        clear();
        read.warn(message);
    }
    void finished(const std::string& input) {
        std::lock_guard lock(mutex_);
        ++done_;
        if (progress_) std::cerr << fmt::format("\r\033[K[{}/{}] {}", done_, total_, printable(input)) << std::flush;
    }
    void note(const std::string& line) {
        std::lock_guard lock(mutex_);
        clear();
        std::cerr << printable(line) << '\n';
    }
    bool single() const { return total_ == 1; }
    void close() {
        std::lock_guard lock(mutex_);
        clear();
    }

private:
    void clear() {
        if (progress_ && done_) std::cerr << "\r\033[K" << std::flush;
    }

    std::mutex mutex_;
    const bool progress_;
    const size_t total_;
    size_t done_ = 0;
};

struct Result {
    std::optional<Failure> failure;
    std::optional<UsageError> usage;
};

// The list checked against itself: one line per finding into `lines`; under --strict any
// finding refuses the input before anything is rendered.
void check_lists(const Document& doc, const ConvertOptions& options, std::vector<std::string>& lines) {
    const std::vector<review::SelfFinding> findings = review::self_check(doc);
    for (const auto& f : findings) lines.push_back(review::self_finding_line(doc, f));
    if (options.strict && !findings.empty())
        throw Error(fmt::format(
            fmt::runtime(_("the lists look read wrongly ({} finding{} above), so nothing was written for this file (--strict)")),
            findings.size(), findings.size() == 1 ? "" : "s"));
}

// Converts one input: every output is rendered before any is written. Returns its records
// for each of the datasets; the self-check's findings go to `checks`. Throws Error.
std::vector<std::string> convert_one(const Job& job, const ConvertOptions& options, const ReadOptions& read, Console& console,
                                     const Datasets& datasets, const RunInputs& run_inputs, std::vector<std::string>& checks) {
    InputFile input = read_input(job.input, max_input_bytes);
    Document doc = read_document(input, read);
    check_lists(doc, options, checks);
    std::vector<Output> outputs = render_files(doc, options, render_options(input, doc, options, read));
    std::vector<std::string> records;
    for (const auto& dataset : datasets) records.push_back(dataset.rendering().records(doc, job.input, options.render));
    if (options.output_dir == "-") {
        if (outputs.size() > 1) {
            std::string suffixes;
            for (const auto& out : outputs) suffixes += (suffixes.empty() ? "" : ", ") + out.suffix;
            throw UsageError{fmt::format(fmt::runtime(_("-o - writes one output, but this conversion makes {} ({}): give an output folder")),
                                         outputs.size(), suffixes)};
        }
        if (!outputs.empty()) write_stdout(outputs[0].bytes);
        return records;
    }
    if (!outputs.empty()) {
        std::error_code ec;
        fs::create_directories(fs::path(job.output).parent_path(), ec);
    }
    // Checked for every output before any is written, so a refusal leaves nothing behind.
    for (const auto& out : outputs) run_inputs.refuse_overwrite(job.output + out.suffix);
    std::vector<FileToWrite> files;
    for (const auto& out : outputs) files.push_back({job.output + out.suffix, out.bytes});
    write_files_together(files);
    for (const auto& file : files)
        if (!options.quiet && console.single() && isatty(STDERR_FILENO))
            console.note(fmt::format(fmt::runtime(_("wrote {}")), file.path.string()));
    return records;
}

Result run_job(const Job& job, size_t index, const ConvertOptions& options, const ReadOptions& read, Console& console, Datasets& datasets,
               const RunInputs& run_inputs) {
    Result result;
    // Warnings are shown once the file has converted: a refused file gets its one line only.
    std::mutex warnings_mutex;
    std::vector<std::string> warnings;
    ReadOptions held = read;
    held.warn = [&](const std::string& message) {
        std::lock_guard lock(warnings_mutex);
        warnings.push_back(message);
    };
    std::vector<std::string> records(datasets.size());
    // Unlike the reader's warnings they are shown when --strict refuses the file: they are why.
    std::vector<std::string> checks;
    try {
        records = convert_one(job, options, held, console, datasets, run_inputs, checks);
        for (const auto& message : warnings) read.warn(message);
    } catch (const Error& e) {
        result.failure = Failure{job.input, e.what()};
    } catch (const UsageError& e) {
        result.usage = e;
    } catch (const std::bad_alloc&) {
        result.failure = Failure{job.input, _("not enough memory to convert this file")};
    } catch (const std::exception& e) {
        result.failure = Failure{job.input, _("internal error: ") + std::string(e.what())};
    }
    for (const auto& line : checks) read.warn(line);
    for (size_t d = 0; d < datasets.size(); ++d) datasets[d].deliver(index, std::move(records[d]));
    console.finished(job.input);
    return result;
}

// Runs every job on `threads` threads; results in job order.
std::vector<Result> run_jobs(const std::vector<Job>& jobs, unsigned threads, const ConvertOptions& options, Console& console, Datasets& datasets,
                             const RunInputs& run_inputs) {
    ReadOptions read = options.read;
    // Several files at once share the cores between files; one file may use them all.
    read.threads = jobs.size() > 1 ? 1 : threads;
    read.warn = [&](const std::string& message) { console.warn(options.read, message); };
    std::vector<Result> results(jobs.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i = next++; i < jobs.size(); i = next++) {
            ReadOptions own = read;
            if (jobs.size() > 1) own.warn = [&, i](const std::string& message) { console.warn(options.read, jobs[i].input + ": " + message); };
            results[i] = run_job(jobs[i], i, options, own, console, datasets, run_inputs);
        }
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < std::min<size_t>(threads, jobs.size()); ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    return results;
}

// Standard output takes one stream: the outputs of one input, or one dataset alone.
void check_stdout_use(const ConvertOptions& options, const Inputs& inputs, const std::vector<const Writer*>& datasets) {
    if (options.output_dir != "-" || (options.formats.size() == 1 && datasets.size() == 1)) return;
    if (!datasets.empty())
        throw UsageError{fmt::format(fmt::runtime(_("-o - with {0} writes the dataset alone; give -t {0} or an output folder")),
                                     datasets[0]->name)};
    std::vector<std::string> alone;
    for (const auto& writer : writers())
        if (writer.dataset()) alone.emplace_back(writer.name);
    if (options.inputs.size() != 1 || inputs.jobs.size() != 1)
        throw UsageError{fmt::format(fmt::runtime(_("-o - writes to standard output and takes exactly one input file{}")),
                                     alone.empty() ? "" : fmt::format(fmt::runtime(_(" (or -t {} alone)")), one_of(alone)))};
}

// What `-o NAME.ext` means when no folder has that name: the one file of a run that writes one
// (one input, one format that makes one file), as a user expects, rather than a folder made
// silently. Returns that output's prefix (NAME), or "" when -o names a folder.
std::string output_file_prefix(const ConvertOptions& options, const Inputs& inputs) {
    const fs::path path(options.output_dir);
    const std::string extension = path.extension().string();
    if (options.output_dir == "-" || extension.empty() || fs::is_directory(path)) return "";
    const bool names_an_output = std::any_of(writers().begin(), writers().end(), [&](const Writer& w) { return "." + std::string(w.name) == extension; });
    if (!names_an_output) return "";
    const Writer* writer = options.formats.size() == 1 ? find_writer(options.formats[0]) : nullptr;
    const bool one_file = writer && writer->per_input() && inputs.jobs.size() == 1 && "." + options.formats[0] == extension &&
                          (options.formats[0] != "csv" || options.render.import_template);
    if (!one_file)
        throw UsageError{fmt::format(fmt::runtime(_("-o {0} names one {1} file, but this run writes other files (only one input with -t {2}{3} "
                                                    "writes one {1}): give an output folder instead, in which outputs are named after their input")),
                                     options.output_dir, extension, extension.substr(1), extension == ".csv" ? " --template" : "")};
    return (path.parent_path() / path.stem()).string();
}

// "converted 3 of 5 files; skipped: in/notes.txt (not a duty list format), in/bad.doc (…)" for a
// person at a terminal. Scripts get one line per failure and nothing else.
void print_summary(const Inputs& inputs, size_t converted, const std::vector<Failure>& failures, const ConvertOptions& options) {
    const size_t total = inputs.jobs.size() + inputs.skipped.size();
    if (options.quiet || !isatty(STDERR_FILENO) || converted + failures.size() + inputs.skipped.size() <= 1) return;
    std::vector<const Failure*> named;
    for (const auto& f : inputs.skipped) named.push_back(&f);
    for (const auto& f : failures) named.push_back(&f);
    std::string line = fmt::format(fmt::runtime(_("converted {} of {} files")), converted, total);
    for (size_t i = 0; i < named.size() && i < max_summary_names; ++i)
        line += fmt::format("{}{} ({})", i == 0 ? _("; skipped: ") : _(", "), named[i]->name, named[i]->reason);
    if (named.size() > max_summary_names) line += fmt::format(fmt::runtime(_(" and {} more")), named.size() - max_summary_names);
    std::cerr << printable(line) << '\n';
}

}  // namespace

int convert(const ConvertOptions& options) {
    Inputs inputs = collect_inputs(options);
    const std::vector<const Writer*> requested_datasets = dataset_writers(options);
    check_stdout_use(options, inputs, requested_datasets);
    const std::string file_prefix = output_file_prefix(options, inputs);
    if (options.output_dir != "-" && file_prefix.empty()) {
        std::error_code ec;
        fs::create_directories(options.output_dir, ec);
        if (!fs::is_directory(options.output_dir))
            throw UsageError{fmt::format(fmt::runtime(_("the output folder {} cannot be created")), options.output_dir)};
    }
    assign_outputs(inputs.jobs, options.output_dir);
    if (!file_prefix.empty()) inputs.jobs.front().output = file_prefix;
    // Every output is checked against every input of the run, the reference document included.
    RunInputs run_inputs;
    for (const auto& job : inputs.jobs) run_inputs.add(job.input);
    if (!options.render.reference_doc.empty()) run_inputs.add(options.render.reference_doc);
    if (options.output_dir == "-") {
        try {
            run_inputs.refuse_stdout();
        } catch (const Error& e) {
            report_failure(_("standard output"), e.what());
            return exit_failed;
        }
    }
    for (const Writer* writer : requested_datasets) {
        if (options.output_dir == "-") break;
        const fs::path file = fs::path(options.output_dir) / writer->dataset()->file;
        try {
            run_inputs.refuse_overwrite(file);
        } catch (const Error& e) {
            report_failure(file.string(), e.what());
            return exit_failed;
        }
    }

    const unsigned threads = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    Console console(!options.quiet && inputs.jobs.size() > 1 && isatty(STDERR_FILENO), inputs.jobs.size());
    Datasets datasets;
    for (const Writer* writer : requested_datasets) datasets.emplace_back(*writer->dataset(), options.output_dir);
    if (inputs.jobs.size() > 1) {
        // One LibreOffice start for all the legacy office files rather than one each.
        std::vector<std::string> paths;
        for (const auto& job : inputs.jobs) paths.push_back(job.input);
        office::convert_ahead(paths, max_input_bytes, options.read.convert_timeout, [&](size_t count) {
            if (!options.quiet && isatty(STDERR_FILENO))
                console.note(fmt::format(fmt::runtime(_("converting {} files with LibreOffice first…")), count));
        });
    }
    std::vector<Result> results = run_jobs(inputs.jobs, threads, options, console, datasets, run_inputs);
    console.close();
    for (const auto& r : results)
        if (r.usage) throw *r.usage;

    std::vector<Failure> failures = std::move(inputs.failures);
    size_t converted = 0;
    for (const auto& r : results) {
        if (r.failure) failures.push_back(*r.failure);
        else ++converted;
    }
    for (auto& dataset : datasets) {
        if (converted == 0) break;
        try {
            dataset.finish();
        } catch (const Error& e) {
            failures.push_back({dataset.name(), e.what()});
        }
    }
    for (const auto& f : failures) report_failure(f.name, f.reason);
    print_summary(inputs, converted, failures, options);
    return failures.empty() ? exit_ok : exit_failed;
}

}  // namespace dutylist::cli
