#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cctype>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "io/files.hpp"
#include "model/error.hpp"
#include "server/job_queue.hpp"
#include "server/server.hpp"

namespace dutylist::cli {
namespace {

// A token file holds one line; a longer file is not a token.
constexpr size_t max_token_file_bytes = 4096;
// How often the signal watcher looks whether the server ended by itself.
constexpr long signal_poll_nanoseconds = 200'000'000;

std::string read_token(const std::string& path) {
    InputFile file = read_input(path, max_token_file_bytes);
    std::string token;
    for (char c : file.bytes)
        if (!std::isspace(static_cast<unsigned char>(c))) token += c;
    if (token.empty()) throw UsageError{"the token file " + path + " is empty"};
    return token;
}

bool loopback(const std::string& host) { return host == "127.0.0.1" || host == "::1" || host == "localhost"; }

// SIGTERM, SIGINT and SIGHUP are taken by one thread, which stops the server: running
// conversions stop at their next page, waiting ones are refused, and the process exits 0.
sigset_t stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    for (int s : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&signals, s);
    return signals;
}

class SignalWatcher {
public:
    // The signals must be blocked (block_stop_signals) before the server starts its threads,
    // so that every thread inherits the mask and only this one takes them.
    explicit SignalWatcher(server::Server& server) : signals_(stop_signals()) {
        thread_ = std::thread([this, &server] { watch(server); });
    }
    static void block_stop_signals() {
        const sigset_t signals = stop_signals();
        pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    }
    ~SignalWatcher() {
        done_ = true;
        thread_.join();
    }
    SignalWatcher(const SignalWatcher&) = delete;
    SignalWatcher& operator=(const SignalWatcher&) = delete;

private:
    void watch(server::Server& server) {
        const timespec poll{0, signal_poll_nanoseconds};
        while (!done_) {
            if (sigtimedwait(&signals_, nullptr, &poll) < 0) continue;
            std::cerr << "dutylist: stopping: the conversions under way stop at their next page\n" << std::flush;
            server.stop();
            return;
        }
    }

    sigset_t signals_;
    std::atomic<bool> done_{false};
    std::thread thread_;
};

}  // namespace

int serve(server::ServeOptions options, const std::string& token_file) {
    if (!token_file.empty()) options.token = read_token(token_file);
    // A browser that goes away mid-response must cost that response, not the server: the
    // handler main installs for the command line (remove temporaries, then end) is replaced.
    ::signal(SIGPIPE, SIG_IGN);
    SignalWatcher::block_stop_signals();
    server::Server http(options);
    SignalWatcher watcher(http);
    std::cerr << fmt::format("dutylist: serving http://{}:{}/ ({} conversion{} at once, uploads up to {} MB{})\n", options.host, http.port(),
                             http.jobs().workers(), http.jobs().workers() == 1 ? "" : "s", options.max_upload >> 20, options.token.empty() ? "" : ", token required");
    if (!loopback(options.host) && options.token.empty())
        std::cerr << "dutylist: warning: listening beyond this machine without --token-file: anyone who reaches it can convert files\n";
    http.run();
    return exit_ok;
}

}  // namespace dutylist::cli
