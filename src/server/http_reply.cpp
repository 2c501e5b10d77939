#include "server/http_reply.hpp"

#include <httplib.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace dutylist::server {

void send_error(httplib::Response& response, int status, const std::string& message) {
    response.status = status;
    // A request refused before its body was read leaves the rest of the body on the
    // connection, which must not be taken for the next request.
    response.set_header("Connection", "close");
    const nlohmann::json body = {{"error", message}};
    response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json; charset=utf-8");
}

std::string percent_encode(std::string_view bytes) {
    std::string out;
    for (unsigned char c : bytes) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                                c == '.' || c == '~';
        if (unreserved) out += static_cast<char>(c);
        else out += fmt::format("%{:02X}", c);
    }
    return out;
}

std::string content_disposition(const std::string& file_name) {
    // For clients that know no filename*: one _ for each character beyond ASCII.
    std::string ascii;
    for (unsigned char c : file_name) {
        if ((c & 0xC0) == 0x80) continue;
        ascii += (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    }
    return fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", ascii, percent_encode(file_name));
}

std::string warnings_header_value(const std::vector<std::string>& warnings) {
    const nlohmann::json list = warnings;
    return percent_encode(list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace dutylist::server
