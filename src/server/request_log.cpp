#include "server/request_log.hpp"

#include <ctime>

#include <fmt/format.h>

#include "model/text.hpp"

namespace dutylist::server {

std::string request_log_line(const RequestRecord& record) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(record.when);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &utc);
    const std::string target = record.query.empty() ? record.path : record.path + "?" + record.query;
    return fmt::format("{} {} {} {} B {} {} B {:.0f} ms", when, printable(record.method), printable(target), record.bytes_in,
                       record.status, record.bytes_out, record.milliseconds);
}

}  // namespace dutylist::server
