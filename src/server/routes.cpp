#include "server/routes.hpp"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "format_registry.hpp"
#include "i18n/catalogue.hpp"
#include "io/embedded.hpp"
#include "model/deadline.hpp"
#include "model/error.hpp"
#include "server/conversions.hpp"
#include "server/http_reply.hpp"
#include "server/job_queue.hpp"
#include "server/serve_options.hpp"
#include "server/upload_folder.hpp"
#include "server/uploads.hpp"

namespace dutylist::server {
namespace {

constexpr const char* too_large = N_("the file is larger than this server accepts");

// The page may run inline script and style (it is one file) but load nothing from elsewhere.
constexpr const char* page_policy =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; "
    "connect-src 'self'; frame-src blob:; form-action 'none'; base-uri 'none'";

// Runs a route's work; whatever it throws becomes a JSON error in a clerk's words.
template <class Work>
void answer(httplib::Response& response, Work&& work) {
    try {
        work();
    } catch (const HttpError& e) {
        send_error(response, e.status, e.message);
    } catch (const Error& e) {
        send_error(response, 400, e.what());
    } catch (const std::bad_alloc&) {
        send_error(response, 503, _("the server has not enough memory for this file now: try again later"));
    } catch (const std::exception& e) {
        send_error(response, 500, _("internal error: ") + std::string(e.what()));
    }
}

// Reads uploads into documents, collecting the readers' warnings and the self-check's, by the
// deadline that start() sets.
class Reading {
public:
    explicit Reading(const ServeOptions& options) : limit_(options.time_limit) {
        read_.ocr = options.ocr;
        // Jobs run side by side on the cores: one thread each.
        read_.threads = 1;
        read_.warn = [this](const std::string& message) {
            std::lock_guard lock(mutex_);
            warnings_.push_back(message);
        };
        max_bytes_ = options.max_upload;
    }
    // When the job's turn comes: the time limit counts from here, LibreOffice's stall limit
    // (whole seconds) cut to it; the work stops sooner when `cancelled` becomes true.
    void start(const std::atomic<bool>& cancelled) {
        read_.deadline = Deadline::after(limit_, &cancelled);
        const auto seconds = std::chrono::ceil<std::chrono::seconds>(limit_);
        read_.convert_timeout = std::clamp(seconds, std::chrono::seconds(1), read_.convert_timeout);
    }
    Document read(const Upload& upload) { return read(load(upload)); }
    Document read(const InputFile& input) {
        Document document = read_document(input, read_);
        for (auto& line : self_check_lines(document)) read_.warn(line);
        return document;
    }
    InputFile load(const Upload& upload) const { return load_upload(upload, max_bytes_); }
    const ReadOptions& options() const { return read_; }
    std::chrono::milliseconds limit() const { return limit_; }
    const std::vector<std::string>& warnings() const { return warnings_; }

private:
    ReadOptions read_;
    std::chrono::milliseconds limit_;
    size_t max_bytes_ = 0;
    std::mutex mutex_;
    std::vector<std::string> warnings_;
};

// Runs the job in its turn, by its deadline, or until the server stops. A failure once the
// deadline has passed is its doing (LibreOffice stopped at it fails as a hang), so it is
// answered as such.
void run_job(JobQueue& jobs, Reading& reading, const std::function<void()>& job) {
    const auto timed = [&] {
        reading.start(jobs.cancelled());
        try {
            job();
        } catch (const Error&) {
            if (!reading.options().deadline.passed()) throw;
            if (jobs.cancelled()) throw HttpError{503, _("the server is stopping: try again in a minute")};
            const double seconds = std::chrono::duration<double>(reading.limit()).count();
            throw HttpError{504, fmt::format(fmt::runtime(_("converting this file took longer than the {} s this server allows, so it "
                                                              "was stopped; a long scan read by OCR takes about a second a page: split "
                                                              "the file, or ask the office that runs the server")),
                                             seconds)};
        }
    };
    if (!jobs.run(timed)) throw HttpError{503, _("the server is busy with other files: try again in a minute")};
}

// The cores no other job is using now, this one's own included: what drawing a review's pages
// may take without slowing the other conversions.
unsigned free_cores(JobQueue& jobs) {
    const unsigned running = jobs.load().running;
    const unsigned others = running > 0 ? running - 1 : 0;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    return std::min(cores, jobs.workers() > others ? jobs.workers() - others : 1u);
}

void send_download(httplib::Response& response, Download download, const std::vector<std::string>& warnings) {
    response.set_header("Content-Disposition", content_disposition(download.file_name));
    response.set_header(warnings_header, warnings_header_value(warnings));
    response.set_content(std::move(download.bytes), download.content_type.c_str());
}

std::string param(const httplib::Request& request, const char* name, const char* fallback) {
    return request.has_param(name) ? request.get_param_value(name) : fallback;
}

void convert_route(const httplib::Request& request, httplib::Response& response, const httplib::ContentReader& reader,
                   const ServeOptions& options, JobQueue& jobs) {
    const std::string to = param(request, "to", "json");
    require_convert_format(to);
    UploadFolder folder(options.temp_root);
    const auto uploads = receive_uploads(request, response, reader, folder, {"file"});
    RenderOptions render;
    render.bom = param(request, "bom", "1") != "0";  // Excel and WPS need it, as for the CLI
    render.merge_categories = param(request, "merge_categories", "0") == "1";
    Reading reading(options);
    Download download;
    run_job(jobs, reading, [&] {
        const Document document = reading.read(uploads.at("file"));
        download = convert_document(document, to, param(request, "list", ""), render);
    });
    send_download(response, std::move(download), reading.warnings());
}

void inspect_route(const httplib::Request& request, httplib::Response& response, const httplib::ContentReader& reader,
                   const ServeOptions& options, JobQueue& jobs) {
    UploadFolder folder(options.temp_root);
    const auto uploads = receive_uploads(request, response, reader, folder, {"file"});
    Reading reading(options);
    std::string summary;
    run_job(jobs, reading, [&] { summary = inspect_summary(reading.read(uploads.at("file")), reading.warnings()); });
    response.set_header(warnings_header, warnings_header_value(reading.warnings()));
    response.set_content(std::move(summary), "application/json; charset=utf-8");
}

void diff_route(const httplib::Request& request, httplib::Response& response, const httplib::ContentReader& reader,
                const ServeOptions& options, JobQueue& jobs) {
    const std::string to = param(request, "to", "json");
    require_diff_format(to);
    UploadFolder folder(options.temp_root);
    const auto uploads = receive_uploads(request, response, reader, folder, {"old", "new"});
    Reading reading(options);
    Download download;
    run_job(jobs, reading, [&] {
        const Document old_doc = reading.read(uploads.at("old"));
        const Document new_doc = reading.read(uploads.at("new"));
        download = diff_report(old_doc, new_doc, to);
    });
    send_download(response, std::move(download), reading.warnings());
}

void review_route(const httplib::Request& request, httplib::Response& response, const httplib::ContentReader& reader,
                  const ServeOptions& options, JobQueue& jobs) {
    UploadFolder folder(options.temp_root);
    const auto uploads = receive_uploads(request, response, reader, folder, {"file"});
    Reading reading(options);
    Download download;
    run_job(jobs, reading, [&] {
        const InputFile input = reading.load(uploads.at("file"));
        const Document document = reading.read(input);
        ReadOptions drawing = reading.options();
        drawing.threads = free_cores(jobs);
        download = review_page(input, document, drawing);
    });
    send_download(response, std::move(download), reading.warnings());
}

void page_route(httplib::Response& response) {
    for (const auto& file : embedded_files())
        if (file.path == "serve/index.html") {
            response.set_header("Content-Security-Policy", page_policy);
            response.set_content(std::string(file.bytes), "text/html; charset=utf-8");
            return;
        }
    send_error(response, 500, _("the page is missing from this build"));
}

// Equal in time whatever the bytes, so the token cannot be guessed a character at a time.
bool same_secret(std::string_view given, std::string_view expected) {
    if (expected.empty() || given.size() != expected.size()) return false;
    unsigned char differ = 0;
    for (size_t i = 0; i < given.size(); ++i) differ |= static_cast<unsigned char>(given[i] ^ expected[i]);
    return differ == 0;
}

}  // namespace

bool admit_request(const httplib::Request& request, httplib::Response& response, const ServeOptions& options) {
    // Answered from the header alone: httplib itself would first read the whole body to skip it.
    if (request.get_header_value<uint64_t>("Content-Length") > options.max_upload) {
        send_error(response, 413, _(too_large));
        return false;
    }
    if (options.token.empty() || !request.path.starts_with("/api/")) return true;
    if (same_secret(request.get_header_value("Authorization"), "Bearer " + options.token)) return true;
    send_error(response, 401, _("this server needs its access token (ask the office that runs it)"));
    return false;
}

void add_routes(httplib::Server& http, const ServeOptions& options, JobQueue& jobs) {
    http.Get("/", [](const httplib::Request&, httplib::Response& response) { page_route(response); });
    http.Get("/healthz", [&jobs](const httplib::Request&, httplib::Response& response) {
        const JobQueue::Load load = jobs.load();
        const nlohmann::json status = {{"status", "ok"}, {"jobs", jobs.workers()}, {"queue", jobs.waiting_limit()},
                                       {"running", load.running}, {"waiting", load.waiting}};
        response.set_content(status.dump(), "application/json");
    });
    using Route = void (*)(const httplib::Request&, httplib::Response&, const httplib::ContentReader&, const ServeOptions&, JobQueue&);
    for (auto [path, route] : {std::pair<const char*, Route>{"/api/convert", convert_route}, {"/api/inspect", inspect_route}, {"/api/diff", diff_route},
                                {"/api/review", review_route}})
        http.Post(path, [&options, &jobs, route](const httplib::Request& request, httplib::Response& response, const httplib::ContentReader& reader) {
            answer(response, [&] { route(request, response, reader, options, jobs); });
        });
    http.set_error_handler([](const httplib::Request&, httplib::Response& response) {
        if (!response.body.empty()) return;
        send_error(response, response.status, response.status == 413 ? _(too_large)
                                               : response.status == 404 ? _("there is no such page on this server")
                                                                        : _("the request could not be understood"));
    });
}

}  // namespace dutylist::server
