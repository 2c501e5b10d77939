// dutylist serve's limits, each answered at once with its JSON error and the server still
// answering: a request's head (request line and headers) past server::request_head_limit gets
// 431 (or, if the client will not read it, a closed connection) and the server holds no more of
// it than the limit, while a head within it, sent in pieces or as the next request of a
// keep-alive connection, is answered as always; an upload past --max-upload 413, a full queue
// 503, a conversion past --time-limit 504.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/guarded_http_server.hpp"
#include "server/job_queue.hpp"
#include "support/running_server.hpp"

using namespace dutylist;
using namespace dutylist::test;

namespace {

// Far past the limit, and large enough that holding it would show in the process's memory.
constexpr size_t oversized_head_bytes = 4u * 1024 * 1024;
// What the server may grow by while refusing it: its own buffers, not the request.
constexpr long allowed_growth_kb = 2 * 1024;
// A refusal is at once; this leaves room for a loaded machine.
constexpr auto refusal_time = std::chrono::seconds(3);

// A raw connection: httplib's client cannot send a head this long, or in pieces.
class RawConnection {
public:
    explicit RawConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        timeval timeout{static_cast<time_t>(read_seconds), 0};
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    }
    ~RawConnection() { ::close(fd_); }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    // Sends what the server takes: it may close the connection before all is sent.
    void send(const std::string& bytes) {
        for (size_t sent = 0; sent < bytes.size();) {
            const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return;
            sent += static_cast<size_t>(n);
        }
    }
    // One response: its head, then as many bytes as its Content-Length says ("" if none came).
    std::string response() {
        std::string got;
        char buffer[4096];
        for (;;) {
            const size_t end = got.find("\r\n\r\n");
            if (end != std::string::npos) {
                const size_t length = got.find("Content-Length: ");
                const size_t body = length == std::string::npos ? 0 : std::stoul(got.substr(length + 16));
                if (got.size() >= end + 4 + body) return got;
            }
            const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
            if (n <= 0) return got;
            got.append(buffer, static_cast<size_t>(n));
        }
    }

private:
    int fd_;
};

// The peak of this process's resident memory since the last reset_peak_memory(), in kB.
long peak_memory_kb() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    FAIL("no VmHWM in /proc/self/status");
    return 0;
}
void reset_peak_memory() { std::ofstream("/proc/self/clear_refs") << "5"; }

std::string long_request_line() { return "GET /" + std::string(oversized_head_bytes, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n"; }

std::string endless_headers(size_t bytes = oversized_head_bytes) {
    std::string head = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
    const std::string line = "X-Padding: " + std::string(100, 'b') + "\r\n";
    while (head.size() < bytes) head += line;
    return head + "\r\n";
}

void check_still_answers(RunningServer& running) {
    const auto health = running.client().Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 200);
}

void check_refused(RunningServer& running, const std::string& request) {
    const auto start = std::chrono::steady_clock::now();
    reset_peak_memory();
    const long before = peak_memory_kb();
    RawConnection connection(running.server().port());
    connection.send(request);
    const std::string reply = connection.response();
    CHECK(std::chrono::steady_clock::now() - start < refusal_time);
    CHECK(peak_memory_kb() - before < allowed_growth_kb);
    if (!reply.empty()) {
        CHECK(reply.rfind("HTTP/1.1 431 ", 0) == 0);
        const size_t body = reply.find("\r\n\r\n") + 4;
        CHECK(nlohmann::json::parse(reply.substr(body)).at("error").get<std::string>().find("headers") != std::string::npos);
    }
    check_still_answers(running);
}

}  // namespace

TEST_CASE("a request line of 4 MB gets 431 at once, the server holding none of it, and /healthz still answers") {
    RunningServer running;
    check_refused(running, long_request_line());
}

TEST_CASE("4 MB of header lines get 431 at once, the server holding none of them, and /healthz still answers") {
    RunningServer running;
    check_refused(running, endless_headers());
}

TEST_CASE("a 431 speaks the language the head's Accept-Language asks for, if it came before the cut") {
    RunningServer running;
    for (const auto& [language, words] : {std::pair{"zh-CN", "请求头超过了"}, std::pair{"en", "headers are longer"}}) {
        RawConnection connection(running.server().port());
        // Just past the limit, so that all of it is sent before the answer is read.
        std::string request = endless_headers(server::request_head_limit + 1024);
        request.insert(request.find("\r\n") + 2, std::string("Accept-Language: ") + language + "\r\n");
        connection.send(request);
        const std::string reply = connection.response();
        REQUIRE(reply.rfind("HTTP/1.1 431 ", 0) == 0);
        CHECK(nlohmann::json::parse(reply.substr(reply.find("\r\n\r\n") + 4)).at("error").get<std::string>().find(words) != std::string::npos);
    }
    check_still_answers(running);
}

TEST_CASE("a head within the limit is answered, sent in pieces too, and a keep-alive connection's next request is guarded as well") {
    RunningServer running;
    RawConnection connection(running.server().port());
    // Half the limit in lines of 1 KiB: httplib itself refuses one header line past 8 KiB (400).
    std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
    for (size_t i = 0; i < server::request_head_limit / 2 / 1024; ++i) request += "X-Padding-" + std::to_string(i) + ": " + std::string(1000, 'c') + "\r\n";
    request += "\r\n";
    for (size_t at = 0; at < request.size(); at += request.size() / 3 + 1) {
        connection.send(request.substr(at, request.size() / 3 + 1));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    CHECK(connection.response().rfind("HTTP/1.1 200 ", 0) == 0);
    connection.send(endless_headers());
    CHECK(connection.response().rfind("HTTP/1.1 431 ", 0) == 0);
}

TEST_CASE("an upload declared past --max-upload gets 413 before its body is sent") {
    server::ServeOptions options;
    options.max_upload = 1 << 20;
    RunningServer running(options);
    const auto start = std::chrono::steady_clock::now();
    RawConnection connection(running.server().port());
    connection.send("POST /api/convert?to=json HTTP/1.1\r\nHost: localhost\r\n"
                    "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 104857600\r\n\r\n--b\r\n");
    const std::string answer = connection.response();
    // At once, not after httplib's read timeout waiting for the 100 MB that never come.
    CHECK(std::chrono::steady_clock::now() - start < refusal_time);
    CHECK(answer.starts_with("HTTP/1.1 413"));
    CHECK(answer.find("{\"error\":\"the file is larger than this server accepts\"}") != std::string::npos);
    check_still_answers(running);
    CHECK(running.leftovers() == 0);
}

TEST_CASE("a full queue gets 503 at once") {
    server::ServeOptions options;
    options.jobs = 1;
    options.waiting = 1;
    RunningServer running(options);
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    // The one job and the one waiting place are taken by jobs that wait for the test.
    std::vector<std::thread> holders;
    for (int h = 0; h < 2; ++h)
        holders.emplace_back([&] { running.server().jobs().run([&] { released.wait(); }); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    auto health = nlohmann::json::object();
    while (std::chrono::steady_clock::now() < deadline) {
        auto answer = running.client().Get("/healthz");
        if (answer) health = nlohmann::json::parse(answer->body);
        if (health.value("running", 0) == 1 && health.value("waiting", 0) == 1) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(health.value("waiting", 0) == 1);
    auto busy = upload(running.client(), "/api/convert?to=json", corpus_docx());
    release.set_value();
    for (auto& t : holders) t.join();
    REQUIRE(busy);
    CHECK(busy->status == 503);
    CHECK(error_of(busy).find("busy") != std::string::npos);
    auto after = upload(running.client(), "/api/convert?to=json", corpus_docx());
    REQUIRE(after);
    CHECK(after->status == 200);
    CHECK(running.leftovers() == 0);
}

TEST_CASE("a conversion past --time-limit gets 504 in the clerk's words, frees its job and leaves nothing behind") {
    server::ServeOptions options;
    options.jobs = 1;
    // The corpus PDF's 60 pages read by OCR: a minute or more of Tesseract on one core.
    options.ocr = OcrMode::always;
    options.time_limit = std::chrono::seconds(2);
    RunningServer running(options);
    auto client = running.client();
    const std::string pdf = read_file(corpus("wumachang/wumachang.pdf"));
    for (const char* language : {"zh-CN", "en"}) {
        const auto start = std::chrono::steady_clock::now();
        auto slow = upload(client, "/api/convert?to=json", pdf, "清单.pdf", {{"Accept-Language", language}});
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        REQUIRE(slow);
        CHECK(slow->status == 504);
        MESSAGE(std::string(language) << ": " << error_of(slow) << " after " << seconds << " s");
        CHECK(error_of(slow).find(language == std::string("en") ? "took longer than the 2 s" : "超过了本服务器允许的 2 秒") != std::string::npos);
        // Stopped within Tesseract's word after the limit, not after the minute the pages take.
        CHECK(seconds < (under_asan ? 30 : 10));
        // Its job is free as soon as it is answered: no thread of it goes on reading pages.
        const auto health = nlohmann::json::parse(client.Get("/healthz")->body);
        CHECK(health.at("running") == 0);
        CHECK(running.leftovers() == 0);
    }
    auto after = upload(client, "/api/inspect", corpus_docx());
    REQUIRE(after);
    CHECK(after->status == 200);
}

TEST_CASE("a LibreOffice conversion past --time-limit is stopped and gets 504") {
    server::ServeOptions options;
    // Less than LibreOffice takes to start: its stall limit is cut to a second, and whether it
    // is stopped there or ends sooner, the conversion is past its limit.
    options.time_limit = std::chrono::milliseconds(200);
    RunningServer running(options);
    auto client = running.client();
    const auto start = std::chrono::steady_clock::now();
    auto slow = upload(client, "/api/convert?to=json", "{\\rtf1\\ansi 序号 事项名称\\par}", "清单.rtf");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE(slow);
    CHECK(slow->status == 504);
    CHECK(error_of(slow).find("took longer than the 0.2 s") != std::string::npos);
    CHECK(seconds < (under_asan ? 30 : 10));
    CHECK(nlohmann::json::parse(client.Get("/healthz")->body).at("running") == 0);
    CHECK(running.leftovers() == 0);
}
