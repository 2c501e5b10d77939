#include "server/job_queue.hpp"

namespace dutylist::server {

JobQueue::JobQueue(unsigned workers, unsigned waiting) : workers_(workers ? workers : 1), waiting_limit_(waiting) {}

bool JobQueue::run(const std::function<void()>& job) {
    {
        std::unique_lock lock(mutex_);
        if (closed_) return false;
        if (running_ >= workers_) {
            if (waiting_ >= waiting_limit_) return false;
            ++waiting_;
            turn_.wait(lock, [&] { return closed_ || running_ < workers_; });
            --waiting_;
            if (closed_) return false;
        }
        ++running_;
    }
    struct Release {
        JobQueue& queue;
        ~Release() {
            {
                std::lock_guard lock(queue.mutex_);
                --queue.running_;
            }
            queue.turn_.notify_one();
        }
    } release{*this};
    job();
    return true;
}

JobQueue::Load JobQueue::load() {
    std::lock_guard lock(mutex_);
    return {running_, waiting_};
}

void JobQueue::close() {
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
    }
    cancelled_ = true;
    turn_.notify_all();
}

}  // namespace dutylist::server
