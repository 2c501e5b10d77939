// The bound on conversions: at most `workers` run at once, at most `waiting` more wait for a
// turn, and any beyond that are refused at once (the server answers 503) rather than piling up
// while a long OCR runs. A job runs on the thread that asked for it.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>

namespace dutylist::server {

class JobQueue {
public:
    JobQueue(unsigned workers, unsigned waiting);
    JobQueue(const JobQueue&) = delete;
    JobQueue& operator=(const JobQueue&) = delete;

    // Runs job once a worker's turn is free and returns true; returns false without running it
    // when the queue is full or closed. An exception of the job reaches the caller.
    bool run(const std::function<void()>& job);
    // Jobs waiting now, and any asked for later, return false; running ones are asked to stop
    // through cancelled(), which their deadlines watch (model/deadline.hpp).
    void close();
    const std::atomic<bool>& cancelled() const { return cancelled_; }

    unsigned workers() const { return workers_; }
    unsigned waiting_limit() const { return waiting_limit_; }
    // Jobs running and waiting now, for /healthz.
    struct Load {
        unsigned running = 0;
        unsigned waiting = 0;
    };
    Load load();

private:
    const unsigned workers_;
    const unsigned waiting_limit_;
    std::mutex mutex_;
    std::condition_variable turn_;
    unsigned running_ = 0;
    unsigned waiting_ = 0;
    bool closed_ = false;
    std::atomic<bool> cancelled_{false};
};

}  // namespace dutylist::server
