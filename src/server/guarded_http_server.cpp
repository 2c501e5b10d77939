#include "server/guarded_http_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string_view>
#include <thread>

#include <nlohmann/json.hpp>

#include "i18n/catalogue.hpp"

namespace dutylist::server {
namespace {

using Clock = std::chrono::steady_clock;

// Between two peeks that found nothing new: a peeked byte keeps poll() readable, so poll cannot
// say when more has come. 5 ms is nothing beside a request's own time and keeps a waiting
// connection's thread asleep.
constexpr auto peek_interval = std::chrono::milliseconds(5);
// After a 431, the rest the client is still sending is read and dropped for at most this long,
// so that closing with unread data (which resets the connection) does not lose the answer.
constexpr auto refusal_drain = std::chrono::seconds(1);

int milliseconds(time_t sec, time_t usec) { return static_cast<int>(sec * 1000 + usec / 1000); }

bool wait_for(socket_t sock, short events, int timeout_ms) {
    pollfd fd{sock, events, 0};
    int n;
    while ((n = ::poll(&fd, 1, timeout_ms)) < 0 && errno == EINTR) {}
    return n > 0 && (fd.revents & events) && !(fd.revents & (POLLERR | POLLNVAL));
}

std::string address_text(const sockaddr_storage& address, int& port) {
    char text[INET6_ADDRSTRLEN] = "";
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
        port = ntohs(v4.sin_port);
    } else if (address.ss_family == AF_INET6) {
        const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
        ::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
        port = ntohs(v6.sin6_port);
    }
    return text;
}

// What httplib's own (unexported) SocketStream does: reads and writes with timeouts, reads
// buffered since httplib reads a request's head one byte at a time.
class SocketStream final : public httplib::Stream {
public:
    SocketStream(socket_t sock, int read_ms, int write_ms) : sock_(sock), read_ms_(read_ms), write_ms_(write_ms) {}
    bool is_readable() const override { return wait_for(sock_, POLLIN, read_ms_); }
    bool is_writable() const override { return wait_for(sock_, POLLOUT, write_ms_); }
    ssize_t read(char* ptr, size_t size) override {
        if (begin_ == end_) {
            if (!is_readable()) return -1;
            if (size >= buffer_.size()) return receive(ptr, size);
            const ssize_t n = receive(buffer_.data(), buffer_.size());
            if (n <= 0) return n;
            begin_ = 0;
            end_ = static_cast<size_t>(n);
        }
        const size_t n = std::min(size, end_ - begin_);
        std::memcpy(ptr, buffer_.data() + begin_, n);
        begin_ += n;
        return static_cast<ssize_t>(n);
    }
    ssize_t write(const char* ptr, size_t size) override {
        if (!is_writable()) return -1;
        ssize_t n;
        while ((n = ::send(sock_, ptr, size, MSG_NOSIGNAL)) < 0 && errno == EINTR) {}
        return n;
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override { ip = endpoint(::getpeername, port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { ip = endpoint(::getsockname, port); }
    socket_t socket() const override { return sock_; }

private:
    ssize_t receive(char* ptr, size_t size) const {
        ssize_t n;
        while ((n = ::recv(sock_, ptr, size, 0)) < 0 && errno == EINTR) {}
        return n;
    }
    std::string endpoint(int (*name)(int, sockaddr*, socklen_t*), int& port) const {
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        port = 0;
        if (name(sock_, reinterpret_cast<sockaddr*>(&address), &length) != 0) return {};
        return address_text(address, port);
    }
    socket_t sock_;
    int read_ms_, write_ms_;
    std::array<char, 4096> buffer_{};
    size_t begin_ = 0, end_ = 0;
};

enum class Head { complete, too_long, gone };

// Waits, reading nothing, until the socket holds a whole request head: its blank line is
// "\n\r\n", as httplib takes a line of "\r\n" after any line as the end of the headers.
Head peek_head(socket_t sock, Clock::time_point deadline) {
    static thread_local std::array<char, request_head_limit> peeked;
    ssize_t seen = -1;
    for (;;) {
        ssize_t n;
        while ((n = ::recv(sock, peeked.data(), peeked.size(), MSG_PEEK)) < 0 && errno == EINTR) {}
        if (n <= 0) return Head::gone;
        if (std::string_view(peeked.data(), static_cast<size_t>(n)).find("\n\r\n") != std::string_view::npos) return Head::complete;
        if (static_cast<size_t>(n) == peeked.size()) return Head::too_long;
        if (n == seen) {
            if (Clock::now() > deadline) return Head::gone;
            std::this_thread::sleep_for(peek_interval);
        }
        seen = n;
    }
}

void refuse_head(socket_t sock, int write_ms) {
    const nlohmann::json body = {{"error", _("the request's address or headers are longer than this server accepts")}};
    const std::string text = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const std::string reply = "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: application/json; charset=utf-8\r\n"
                              "Connection: close\r\nContent-Length: " + std::to_string(text.size()) + "\r\n\r\n" + text;
    SocketStream(sock, 0, write_ms).write(reply.data(), reply.size());
    ::shutdown(sock, SHUT_WR);
    const auto until = Clock::now() + refusal_drain;
    std::array<char, 4096> dropped;
    while (Clock::now() < until && wait_for(sock, POLLIN, 50))
        if (::recv(sock, dropped.data(), dropped.size(), 0) <= 0) break;
}

}  // namespace

bool GuardedHttpServer::process_and_close_socket(socket_t sock) {
    const int read_ms = milliseconds(read_timeout_sec_, read_timeout_usec_);
    const int write_ms = milliseconds(write_timeout_sec_, write_timeout_usec_);
    bool ok = false;
    for (size_t count = keep_alive_max_count_; count > 0 && svr_sock_ != INVALID_SOCKET; --count) {
        if (!wait_for(sock, POLLIN, static_cast<int>(keep_alive_timeout_sec_ * 1000))) break;
        const Head head = peek_head(sock, Clock::now() + std::chrono::milliseconds(read_ms));
        if (head == Head::too_long) refuse_head(sock, write_ms);
        if (head != Head::complete) break;
        SocketStream stream(sock, read_ms, write_ms);
        bool closed = false;
        ok = process_request(stream, count == 1, closed, nullptr);
        if (!ok || closed) break;
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ok;
}

}  // namespace dutylist::server
