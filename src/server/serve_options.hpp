// What `dutylist serve` is started with: where it listens, what it accepts, how much it does at once.
#pragma once

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
};

}  // namespace dutylist::server
