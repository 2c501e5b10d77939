#include "server/guarded_http_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <iostream>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "i18n/catalogue.hpp"
#include "server/request_log.hpp"

namespace dutylist::server {
namespace {

using Clock = std::chrono::steady_clock;

// After a 431, the rest the client is still sending is read and dropped for at most this long,
// so that closing with unread data (which resets the connection) does not lose the answer.
constexpr auto refusal_drain = std::chrono::seconds(1);
// Of a refused request's target, the log shows this much: enough to tell what sent it.
constexpr size_t logged_target_bytes = 200;

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

enum class Head { complete, too_long, gone };

// What httplib's own (unexported) SocketStream does, reads and writes with timeouts, and one
// thing more: a request's head is read whole into a buffer of request_head_limit bytes before
// httplib parses it from there (it reads a head one byte at a time, and without bound). One
// stream serves a connection's requests: what was read past one request begins the next.
class SocketStream final : public httplib::Stream {
public:
    SocketStream(socket_t sock, int read_ms, int write_ms) : sock_(sock), read_ms_(read_ms), write_ms_(write_ms), buffer_(request_head_limit) {}
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

    bool holds_bytes() const { return begin_ < end_; }
    std::string_view held() const { return {buffer_.data() + begin_, end_ - begin_}; }
    // Reads until the buffer holds the next request's whole head, whose blank line is "\n\r\n"
    // (httplib ends the headers at a line of "\r\n" after any line), by the deadline.
    Head read_head(Clock::time_point deadline) {
        std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
        for (size_t scanned = 0;;) {
            if (held().find("\n\r\n", scanned) != std::string_view::npos) return Head::complete;
            if (end_ == buffer_.size()) return Head::too_long;
            scanned = end_ < 2 ? 0 : end_ - 2;
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
            if (left <= 0 || !wait_for(sock_, POLLIN, static_cast<int>(left))) return Head::gone;
            const ssize_t n = receive(buffer_.data() + end_, buffer_.size() - end_);
            if (n <= 0) return Head::gone;
            end_ += static_cast<size_t>(n);
        }
    }

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
    std::vector<char> buffer_;
    size_t begin_ = 0, end_ = 0;  // the bytes read and not yet taken
};

// The request log's line for a refused head: its method and the start of its target, as sent.
void log_refusal(std::string_view head, size_t bytes_out, Clock::time_point start) {
    const size_t method_end = std::min(head.find(' '), head.size());
    const std::string_view rest = head.substr(std::min(method_end + 1, head.size()));
    const std::string_view target = rest.substr(0, std::min({rest.find(' '), rest.find('\r'), logged_target_bytes}));
    const size_t query = target.find('?');
    RequestRecord record{std::chrono::system_clock::now(), std::string(head.substr(0, std::min(method_end, size_t{16}))),
                         std::string(target.substr(0, query)), query == std::string_view::npos ? "" : std::string(target.substr(query + 1)),
                         0, 431, bytes_out, std::chrono::duration<double, std::milli>(Clock::now() - start).count()};
    std::cerr << request_log_line(record) + "\n" << std::flush;
}

// The value of the head's Accept-Language header, if it is within the part that was read.
std::string accept_language_of(std::string_view head) {
    std::string lower(head);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    constexpr std::string_view name = "\naccept-language:";
    const size_t at = lower.find(name);
    if (at == std::string::npos) return {};
    const size_t begin = head.find_first_not_of(" \t", at + name.size());
    const size_t end = head.find_first_of("\r\n", begin);
    if (begin == std::string_view::npos || end == std::string_view::npos) return {};
    return std::string(head.substr(begin, end - begin));
}

void refuse_head(SocketStream& stream, Clock::time_point start, const GuardedHttpServer& server) {
    if (server.language_of) i18n::use_thread_catalogue(server.language_of(accept_language_of(stream.held())));
    const nlohmann::json body = {{"error", _("the request's address or headers are longer than this server accepts")}};
    const std::string text = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const std::string reply = "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: application/json; charset=utf-8\r\n"
                              "Connection: close\r\nContent-Length: " + std::to_string(text.size()) + "\r\n\r\n" + text;
    i18n::use_thread_catalogue(nullptr);
    stream.write(reply.data(), reply.size());
    log_refusal(stream.held(), text.size(), start);
    const socket_t sock = stream.socket();
    ::shutdown(sock, SHUT_WR);
    const auto until = Clock::now() + refusal_drain;
    std::array<char, 4096> dropped;
    while (Clock::now() < until && wait_for(sock, POLLIN, 50))
        if (::recv(sock, dropped.data(), dropped.size(), 0) <= 0) break;
}

}  // namespace

bool GuardedHttpServer::process_and_close_socket(socket_t sock) {
    const int read_ms = milliseconds(read_timeout_sec_, read_timeout_usec_);
    SocketStream stream(sock, read_ms, milliseconds(write_timeout_sec_, write_timeout_usec_));
    bool ok = false;
    for (size_t count = keep_alive_max_count_; count > 0 && svr_sock_ != INVALID_SOCKET; --count) {
        if (!stream.holds_bytes() && !wait_for(sock, POLLIN, static_cast<int>(keep_alive_timeout_sec_ * 1000))) break;
        const auto start = Clock::now();
        const Head head = stream.read_head(start + std::chrono::milliseconds(read_ms));
        if (head == Head::too_long) refuse_head(stream, start, *this);
        if (head != Head::complete) break;
        bool closed = false;
        ok = process_request(stream, count == 1, closed, nullptr);
        if (!ok || closed) break;
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ok;
}

}  // namespace dutylist::server
