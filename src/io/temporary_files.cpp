#include "io/temporary_files.hpp"

#include <limits.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstring>

namespace dutylist {
namespace {

// The handler may run at any moment on any thread: it can neither lock nor allocate, so the
// paths are held in fixed slots, claimed and released through their state.
enum State : int { slot_free, slot_writing, slot_live };

struct Slot {
    std::atomic<int> state{slot_free};
    char path[PATH_MAX];
};

constexpr size_t slot_count = 256;

// Every signal whose default ends the process and that a run meets in practice: Ctrl-C and
// Ctrl-\, kill, a closed terminal, a reader of standard output that went away (| head), the
// CPU limit of ulimit -t, and timers and user signals that scripts and supervisors send.
constexpr int ending_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXCPU, SIGALRM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGPROF};
std::array<Slot, slot_count> slots;

// A few helpers at once at most: one LibreOffice for documents and one for workbooks per run.
constexpr size_t group_slot_count = 16;
std::array<std::atomic<pid_t>, group_slot_count> groups{};

extern "C" void remove_and_end(int signal_number) {
    for (auto& group : groups)
        if (pid_t g = group.load(std::memory_order_acquire); g > 0) ::kill(-g, SIGKILL);
    for (Slot& slot : slots)
        if (slot.state.load(std::memory_order_acquire) == slot_live) ::unlink(slot.path);
    ::signal(signal_number, SIG_DFL);
    ::raise(signal_number);
}

}  // namespace

int remember_temporary(const std::string& path) {
    if (path.size() >= PATH_MAX) return -1;
    for (size_t i = 0; i < slot_count; ++i) {
        int expected = slot_free;
        if (!slots[i].state.compare_exchange_strong(expected, slot_writing, std::memory_order_acq_rel)) continue;
        std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
        slots[i].state.store(slot_live, std::memory_order_release);
        return static_cast<int>(i);
    }
    return -1;
}

void forget_temporary(int slot) {
    if (slot >= 0 && static_cast<size_t>(slot) < slot_count) slots[static_cast<size_t>(slot)].state.store(slot_free, std::memory_order_release);
}

int remember_process_group(pid_t group) {
    for (size_t i = 0; i < group_slot_count; ++i) {
        pid_t expected = 0;
        if (groups[i].compare_exchange_strong(expected, group, std::memory_order_acq_rel)) return static_cast<int>(i);
    }
    return -1;
}

void forget_process_group(int slot) {
    if (slot >= 0 && static_cast<size_t>(slot) < group_slot_count) groups[static_cast<size_t>(slot)].store(0, std::memory_order_release);
}

void remove_temporaries_on_signals() {
    for (int signal_number : ending_signals) {
        struct sigaction current {};
        ::sigaction(signal_number, nullptr, &current);
        // Ignored (a background job's SIGINT) or handled by another (a profiler's SIGPROF): left so.
        if ((current.sa_flags & SA_SIGINFO) || current.sa_handler != SIG_DFL) continue;
        struct sigaction action {};
        action.sa_handler = remove_and_end;
        sigemptyset(&action.sa_mask);
        // A second signal while the first one removes the files waits; it would end the same way.
        // Another of the signals may interrupt the handler: it removes the same files and ends.
        ::sigaction(signal_number, &action, nullptr);
    }
    ::signal(SIGXFSZ, SIG_IGN);
}

}  // namespace dutylist
