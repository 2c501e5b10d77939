// httplib's server with a bound on each request's head (request line and headers): httplib
// 0.11.4 declares CPPHTTPLIB_REQUEST_URI_MAX_LENGTH and CPPHTTPLIB_HEADER_MAX_LENGTH but never
// checks them, so a client sending one endless request line or endless header lines would have
// the server hold all of it in memory. Every request of a connection, keep-alive ones included,
// has its head read into a buffer of request_head_limit bytes before httplib parses it from
// there; a head that does not fit gets 431 and the connection is closed.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <functional>
#include <string>

#include "i18n/catalogue.hpp"

namespace dutylist::server {

// Bytes of a request's line plus its headers. The browser's page and the API send well under
// 4 KiB (a long file name percent-encoded, a token, Accept-Language); nginx's default allows
// 4 × 8 KiB. httplib itself still refuses one line past 8 KiB (414, 400), once it is read.
inline constexpr size_t request_head_limit = 32 * 1024;

class GuardedHttpServer : public httplib::Server {
public:
    // The catalogue a request's Accept-Language asks for (nullptr: the server's own), so that a
    // 431, answered before httplib has parsed any header, speaks the client's language too.
    std::function<const i18n::Catalogue*(const std::string& accept_language)> language_of;

private:
    // httplib's own is private and so cannot be called: this one does what it does (keep-alive
    // requests up to its count while the server runs, then close), each request's head read
    // first and bounded.
    bool process_and_close_socket(socket_t sock) override;
};

}  // namespace dutylist::server
