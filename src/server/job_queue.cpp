#include "server/job_queue.hpp"

#include <exception>

#include "i18n/catalogue.hpp"

namespace dutylist::server {

struct JobQueue::Ticket {
    const std::function<void()>& job;
    const i18n::Catalogue* catalogue;
    enum class State { waiting, running, done, refused } state = State::waiting;
    std::exception_ptr failure;
};

JobQueue::JobQueue(unsigned workers, unsigned waiting) : workers_(workers ? workers : 1), waiting_limit_(waiting) {
    threads_.reserve(workers_);
    for (unsigned i = 0; i < workers_; ++i) threads_.emplace_back([this] { work(); });
}

JobQueue::~JobQueue() {
    {
        std::lock_guard lock(mutex_);
        ending_ = true;
    }
    queued_.notify_all();
    for (auto& thread : threads_) thread.join();
}

bool JobQueue::run(const std::function<void()>& job) {
    Ticket ticket{job, i18n::thread_catalogue(), Ticket::State::waiting, nullptr};
    std::unique_lock lock(mutex_);
    if (closed_ || running_ + tickets_.size() >= workers_ + waiting_limit_) return false;
    tickets_.push_back(&ticket);
    queued_.notify_one();
    finished_.wait(lock, [&] { return ticket.state == Ticket::State::done || ticket.state == Ticket::State::refused; });
    if (ticket.state == Ticket::State::refused) return false;
    if (ticket.failure) std::rethrow_exception(ticket.failure);
    return true;
}

void JobQueue::work() {
    std::unique_lock lock(mutex_);
    for (;;) {
        queued_.wait(lock, [&] { return ending_ || !tickets_.empty(); });
        if (tickets_.empty()) return;
        Ticket& ticket = *tickets_.front();
        tickets_.pop_front();
        ticket.state = Ticket::State::running;
        ++running_;
        lock.unlock();
        i18n::use_thread_catalogue(ticket.catalogue);
        std::exception_ptr failure;
        try {
            ticket.job();
        } catch (...) {
            failure = std::current_exception();
        }
        i18n::use_thread_catalogue(nullptr);
        lock.lock();
        --running_;
        ticket.failure = failure;
        ticket.state = Ticket::State::done;
        finished_.notify_all();
    }
}

JobQueue::Load JobQueue::load() {
    std::lock_guard lock(mutex_);
    return {running_, static_cast<unsigned>(tickets_.size())};
}

void JobQueue::close() {
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
        for (Ticket* ticket : tickets_) ticket->state = Ticket::State::refused;
        tickets_.clear();
    }
    cancelled_ = true;
    finished_.notify_all();
}

}  // namespace dutylist::server
