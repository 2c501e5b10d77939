// A conversion's time limit (dutylist serve's --time-limit), checked cooperatively by the steps
// that can run long: a PDF's pages, each checked before it is read and Tesseract's own monitor
// given it, so an OCR stops within a word; the review's pictures, before each page is drawn;
// LibreOffice, whose stall limit is cut to it. Past it (or once cancelled) they throw TimeLimitReached, so the
// thread that runs the conversion and every worker it started are free at most one step later:
// no thread is left behind using a core. None by default: the command line sets none.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>

#include "model/error.hpp"

namespace dutylist {

// Thrown on whatever thread met the deadline, so in English: whoever set the deadline says it
// to the clerk in words of its own (the server, in the request's language).
class TimeLimitReached : public Error {
public:
    TimeLimitReached() : Error("the conversion ran past its time limit") {}
};

struct Deadline {
    using Clock = std::chrono::steady_clock;
    Clock::time_point at = Clock::time_point::max();
    // When set, the deadline has also passed once this is true: the server stopping. Must
    // outlive the conversion.
    const std::atomic<bool>* cancelled = nullptr;

    static Deadline after(std::chrono::milliseconds limit, const std::atomic<bool>* cancelled = nullptr) {
        return {Clock::now() + limit, cancelled};
    }
    bool passed() const { return (cancelled && *cancelled) || Clock::now() >= at; }
    void check() const {
        if (passed()) throw TimeLimitReached();
    }
    // The sooner of this deadline and `other`, for a step with a limit of its own.
    Clock::time_point or_sooner(Clock::time_point other) const { return std::min(at, other); }
};

}  // namespace dutylist
