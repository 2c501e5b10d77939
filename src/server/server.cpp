#include "server/server.hpp"

#include <httplib.h>

#include <atomic>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/error.hpp"
#include "server/guarded_http_server.hpp"
#include "server/job_queue.hpp"
#include "server/request_log.hpp"
#include "server/routes.hpp"

namespace dutylist::server {
namespace {

// HTTP threads beyond the conversions' own, so that the page and /healthz answer, and a
// request finds the queue full and gets its 503, while every job is busy.
constexpr unsigned spare_http_threads = 4;
// An idle keep-alive connection holds a thread this long; stop() waits for it at most this.
constexpr time_t keep_alive_seconds = 2;
// A client that sends nothing for this long is dropped (a slow upload still goes on).
constexpr time_t read_timeout_seconds = 30;

using Clock = std::chrono::steady_clock;
// When the request on this thread arrived: httplib answers a connection on one thread.
thread_local Clock::time_point request_start;
thread_local std::chrono::system_clock::time_point request_when;

unsigned resolved_jobs(unsigned jobs) { return jobs ? jobs : std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace

// The two languages the server speaks, loaded once: each request is answered in the one its
// Accept-Language prefers (the page sends its own switch's), else in the server's.
struct Languages {
    i18n::Catalogue chinese, english;
    Languages() {
        try {
            chinese = i18n::load_catalogue("zh_CN");
        } catch (const Error& e) {
            std::cerr << "dutylist: warning: " << e.what() << "; the server answers in English\n";
        }
    }
    const i18n::Catalogue* of(const std::string& accept_language) const {
        const std::string language = i18n::language_from_accept_language(accept_language);
        return language == "zh_CN" ? &chinese : language == "en" ? &english : nullptr;
    }
};

struct Server::State {
    ServeOptions options;
    Languages languages;
    JobQueue jobs;
    GuardedHttpServer http;
    int port = 0;
    // httplib's stop() does nothing before its loop runs; these let stop() come first.
    std::atomic<bool> stopping{false};
    std::atomic<bool> in_run{false};

    explicit State(const ServeOptions& given)
        : options(given), jobs(resolved_jobs(given.jobs), given.waiting ? given.waiting : 4 * resolved_jobs(given.jobs)) {}
};

Server::Server(const ServeOptions& options) : state_(std::make_unique<State>(options)) {
    auto& http = state_->http;
    const unsigned threads = state_->jobs.workers() + state_->jobs.waiting_limit() + spare_http_threads;
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http.set_payload_max_length(options.max_upload);
    http.set_keep_alive_timeout(keep_alive_seconds);
    http.set_read_timeout(read_timeout_seconds);
    add_routes(http, state_->options, state_->jobs);
    http.language_of = [this](const std::string& accept_language) { return state_->languages.of(accept_language); };
    http.set_logger([](const httplib::Request& request, const httplib::Response& response) {
        // A request refused before routing (a malformed request line) was never timed.
        if (request_start == Clock::time_point{}) {
            request_start = Clock::now();
            request_when = std::chrono::system_clock::now();
        }
        const size_t query = request.target.find('?');
        RequestRecord record{request_when, request.method, request.path, query == std::string::npos ? "" : request.target.substr(query + 1),
                             request.get_header_value<uint64_t>("Content-Length"), response.status, response.body.size(),
                             std::chrono::duration<double, std::milli>(Clock::now() - request_start).count()};
        std::cerr << request_log_line(record) + "\n" << std::flush;
        request_start = {};
        // The thread's next request chooses its own language.
        i18n::use_thread_catalogue(nullptr);
    });
    // Before the body is read: the log times the whole request, and a request too large or
    // without its token is refused without reading the upload.
    http.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
        request_start = Clock::now();
        request_when = std::chrono::system_clock::now();
        i18n::use_thread_catalogue(state_->languages.of(request.get_header_value("Accept-Language")));
        return admit_request(request, response, state_->options) ? httplib::Server::HandlerResponse::Unhandled
                                                                  : httplib::Server::HandlerResponse::Handled;
    });
    const int port = options.port ? (http.bind_to_port(options.host, options.port) ? options.port : -1) : http.bind_to_any_port(options.host);
    if (port <= 0)
        throw Error(fmt::format(fmt::runtime(_("cannot listen on {}:{} (the port is in use or the address is not this machine's)")), options.host,
                                options.port));
    state_->port = port;
}

Server::~Server() = default;

int Server::port() const { return state_->port; }

void Server::run() {
    state_->in_run = true;
    if (!state_->stopping) state_->http.listen_after_bind();
    state_->in_run = false;
}

void Server::stop() {
    state_->stopping = true;
    state_->jobs.close();
    // run() either sees `stopping` and returns, or is entering httplib's loop: wait for the
    // loop to run, so that httplib's stop() reaches it.
    while (state_->in_run && !state_->http.is_running()) std::this_thread::yield();
    state_->http.stop();
}

JobQueue& Server::jobs() { return state_->jobs; }

}  // namespace dutylist::server
