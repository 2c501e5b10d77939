// How the server answers: JSON errors {"error": "…"} in a clerk's words, download names and
// warnings in headers that any browser decodes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace httplib {
struct Response;
}

namespace dutylist::server {

// A request refused: its status (400, 401, 413, 503, …) and why.
struct HttpError {
    int status;
    std::string message;
};

void send_error(httplib::Response& response, int status, const std::string& message);

// RFC 3986 percent-encoding of every byte but unreserved ASCII: what JavaScript's
// decodeURIComponent undoes.
std::string percent_encode(std::string_view bytes);

// attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded> (RFC 6266).
std::string content_disposition(const std::string& file_name);

// The header that carries warnings: a JSON array of strings, percent-encoded, since header
// values hold no UTF-8 reliably.
inline constexpr const char* warnings_header = "X-Dutylist-Warnings";
std::string warnings_header_value(const std::vector<std::string>& warnings);

}  // namespace dutylist::server
