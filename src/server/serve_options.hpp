// What `dutylist serve` is started with: where it listens, what it accepts, how much it does at once.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>

#include "reader.hpp"

namespace dutylist::server {

struct ServeOptions {
    std::string host = "127.0.0.1";  // loopback: a network is reached through a reverse proxy or with a token
    int port = 8080;                 // 0: any free port (the tests)
    size_t max_upload = 64u * 1024 * 1024;  // bytes of one request's body
    unsigned jobs = 0;      // conversions at once; 0: one per core
    unsigned waiting = 0;   // conversions that may wait for a free job; 0: four per job
    std::string token;      // "" when none is required
    std::filesystem::path temp_root;  // where private upload folders are made; "": the system's
    OcrMode ocr = OcrMode::automatic;
    // One request's conversion, from its turn in the queue to its answer: past it the work stops
    // (model/deadline.hpp) and the request gets 504. A job has one core, and OCR takes about a
    // second a page: time for a scan of some 60 pages on a busy machine, and for any text PDF
    // or office file many times over; a longer scan needs a larger limit or the command line.
    std::chrono::milliseconds time_limit{std::chrono::seconds(120)};
};

}  // namespace dutylist::server
