// The bound on conversions: at most `workers` run at once, at most `waiting` more wait for a
// turn, and any beyond that are refused at once (the server answers 503) rather than piling up
// while a long OCR runs.
//
// Jobs run on the queue's own `workers` threads, not on the HTTP thread that asked: a server
// keeps many HTTP threads, and a conversion on whichever took the request found that thread's
// memory unmapped and its caches cold (about 200 page faults a DOCX conversion, against none
// on a fixed thread), and each thread that ever ran an OCR kept its own Tesseract engine.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace dutylist::server {

class JobQueue {
public:
    JobQueue(unsigned workers, unsigned waiting);
    // Lets running jobs finish (close() first to ask them to stop), then ends the threads.
    ~JobQueue();
    JobQueue(const JobQueue&) = delete;
    JobQueue& operator=(const JobQueue&) = delete;

    // Runs job on a worker once one is free, waits for it and returns true; returns false
    // without running it when the queue is full or closed. An exception of the job reaches
    // the caller. The job sees the caller's message language (i18n::thread_catalogue()).
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
    struct Ticket;
    void work();

    const unsigned workers_;
    const unsigned waiting_limit_;
    std::mutex mutex_;
    std::condition_variable queued_;
    std::condition_variable finished_;
    std::deque<Ticket*> tickets_;
    unsigned running_ = 0;
    bool closed_ = false;
    bool ending_ = false;
    std::atomic<bool> cancelled_{false};
    std::vector<std::thread> threads_;
};

}  // namespace dutylist::server
