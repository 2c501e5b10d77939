// The server of the tests: `dutylist serve` in this process, in a thread on a free loopback
// port, talked to with httplib's client. Every client call has a connection and a read timeout,
// and every server is stopped by its guard, so a failure fails the test instead of hanging it.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <iterator>
#include <memory>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "server/server.hpp"
#include "support/paths.hpp"

namespace dutylist::test {

inline constexpr time_t connect_seconds = 5;
inline constexpr time_t read_seconds = under_asan ? 120 : 60;

// A server on a free port in a thread, with its upload folders under its own temporary folder.
class RunningServer {
public:
    explicit RunningServer(server::ServeOptions options = {}) {
        options.host = "127.0.0.1";
        options.port = 0;
        options.temp_root = uploads_.path();
        server_ = std::make_unique<server::Server>(options);
        thread_ = std::thread([this] { server_->run(); });
    }
    ~RunningServer() { stop(); }
    // What SIGTERM does; returns when run() has.
    void stop() {
        server_->stop();
        if (thread_.joinable()) thread_.join();
    }
    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", server_->port());
        c.set_connection_timeout(connect_seconds);
        c.set_read_timeout(read_seconds);
        c.set_write_timeout(read_seconds);
        return c;
    }
    server::Server& server() { return *server_; }
    // What the upload folders left behind: nothing once every response is sent.
    size_t leftovers() const { return static_cast<size_t>(std::distance(std::filesystem::directory_iterator(uploads_.path()), {})); }

private:
    TempDir uploads_;
    std::unique_ptr<server::Server> server_;
    std::thread thread_;
};

inline const std::string& corpus_docx() {
    static const std::string bytes = read_file(corpus("wumachang/wumachang.docx"));
    return bytes;
}

inline httplib::Result upload(httplib::Client& client, const std::string& target, const std::string& bytes,
                       const std::string& name = "wumachang.docx", const httplib::Headers& headers = {}) {
    return client.Post(target.c_str(), headers, httplib::MultipartFormDataItems{{"file", bytes, name, "application/octet-stream"}});
}

inline httplib::Result upload(httplib::Client&& client, const std::string& target, const std::string& bytes,
                       const std::string& name = "wumachang.docx") {
    return upload(client, target, bytes, name);
}

inline std::string error_of(const httplib::Result& result) { return nlohmann::json::parse(result->body).at("error").get<std::string>(); }

}  // namespace dutylist::test
