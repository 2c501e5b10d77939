// `dutylist serve`: the HTTP server, its routes and its job queue, bound when made, serving
// in run() until stop(). The CLI runs one; the tests run one in a thread on a free port.
#pragma once

#include <memory>

#include "server/serve_options.hpp"

namespace dutylist::server {

class JobQueue;

class Server {
public:
    // Binds options.host:options.port. Throws Error when it cannot (the port in use, a bad host).
    explicit Server(const ServeOptions& options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    int port() const;  // the bound port, also when options.port was 0
    // Serves until stop(), then waits for the requests being answered.
    void run();
    // From any thread: no new request is taken, waiting conversions are refused, running ones
    // stop at their next page (503); run() then returns once they are answered.
    void stop();
    JobQueue& jobs();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace dutylist::server
