// The server's bounded pool of conversions (src/server/job_queue.hpp).
#include <doctest/doctest.h>

#include <future>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "i18n/catalogue.hpp"
#include "server/job_queue.hpp"

using namespace dutylist;

TEST_CASE("jobs asked for from many threads run on the queue's own workers, never on the asking thread") {
    server::JobQueue queue(2, 12);
    std::mutex mutex;
    std::set<std::thread::id> ran_on;
    std::vector<std::thread> askers;
    for (int i = 0; i < 12; ++i)
        askers.emplace_back([&] {
            const auto asker = std::this_thread::get_id();
            CHECK(queue.run([&] {
                std::lock_guard lock(mutex);
                CHECK(std::this_thread::get_id() != asker);
                ran_on.insert(std::this_thread::get_id());
            }));
        });
    for (auto& asker : askers) asker.join();
    CHECK(ran_on.size() >= 1);
    CHECK(ran_on.size() <= 2);
}

TEST_CASE("a job's exception reaches the thread that asked, and the worker goes on") {
    server::JobQueue queue(1, 0);
    CHECK_THROWS_WITH_AS(queue.run([] { throw std::runtime_error("the file is broken"); }), "the file is broken", std::runtime_error);
    bool ran = false;
    CHECK(queue.run([&] { ran = true; }));
    CHECK(ran);
}

TEST_CASE("a job speaks the asking thread's language") {
    server::JobQueue queue(1, 0);
    const i18n::Catalogue chinese;
    i18n::use_thread_catalogue(&chinese);
    const i18n::Catalogue* seen = nullptr;
    CHECK(queue.run([&] { seen = i18n::thread_catalogue(); }));
    i18n::use_thread_catalogue(nullptr);
    CHECK(seen == &chinese);
    CHECK(queue.run([&] { seen = i18n::thread_catalogue(); }));
    CHECK(seen == nullptr);
}

TEST_CASE("closing the queue refuses the jobs still waiting and lets the running one finish") {
    server::JobQueue queue(1, 1);
    std::promise<void> inside, release;
    bool running_finished = false;
    std::thread holder([&] {
        CHECK(queue.run([&] {
            inside.set_value();
            release.get_future().wait();
            running_finished = true;
        }));
    });
    inside.get_future().wait();
    bool waiting_ran = false;
    std::future<bool> waiting = std::async(std::launch::async, [&] { return queue.run([&] { waiting_ran = true; }); });
    while (queue.load().waiting == 0) std::this_thread::yield();
    CHECK_FALSE(queue.run([] {}));  // one running, one waiting: full
    queue.close();
    CHECK_FALSE(waiting.get());
    CHECK_FALSE(waiting_ran);
    release.set_value();
    holder.join();
    CHECK(running_finished);
    CHECK(queue.cancelled());
    CHECK_FALSE(queue.run([] {}));
}
