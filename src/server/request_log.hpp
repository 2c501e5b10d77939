// One line on stderr per request, for the county's IT: when, what, how big, how it ended, how long.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace dutylist::server {

struct RequestRecord {
    std::chrono::system_clock::time_point when;  // the request's arrival
    std::string method;
    std::string path;        // without the query, as the client sent it
    std::string query;       // "to=docx", "" for none
    size_t bytes_in = 0;     // the request's body (its Content-Length)
    int status = 0;
    size_t bytes_out = 0;    // the response's body
    double milliseconds = 0;
};

// "2026-12-02T15:04:05Z POST /api/convert?to=docx 812345 B 200 95321 B 412 ms"; the path and
// query with control characters made visible, so a request cannot forge a log line.
std::string request_log_line(const RequestRecord& record);

}  // namespace dutylist::server
