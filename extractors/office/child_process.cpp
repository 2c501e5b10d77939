#include "extractors/office/child_process.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include <fmt/format.h>

#include "io/temporary_files.hpp"
#include "model/error.hpp"

extern char** environ;

namespace dutylist::office {
namespace {

// How often the child is looked at: short beside LibreOffice's start-up of a second or more.
constexpr std::chrono::milliseconds poll_interval{20};

// posix_spawn's attributes and file actions, released whatever happens.
struct SpawnSetup {
    posix_spawnattr_t attributes;
    posix_spawn_file_actions_t actions;

    explicit SpawnSetup(const std::string& log_path) {
        posix_spawnattr_init(&attributes);
        posix_spawn_file_actions_init(&actions);
        // A new group led by the child: kill(-pid) then reaches everything it starts.
        posix_spawnattr_setpgroup(&attributes, 0);
        sigset_t defaults, none;
        sigemptyset(&defaults);
        for (int s : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGXFSZ}) sigaddset(&defaults, s);
        sigemptyset(&none);
        posix_spawnattr_setsigdefault(&attributes, &defaults);
        posix_spawnattr_setsigmask(&attributes, &none);
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    }
    ~SpawnSetup() {
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attributes);
    }
    SpawnSetup(const SpawnSetup&) = delete;
    SpawnSetup& operator=(const SpawnSetup&) = delete;
};

int wait_for(pid_t pid, int options) {
    int status = 0;
    pid_t r;
    do r = ::waitpid(pid, &status, options);
    while (r < 0 && errno == EINTR);
    if (r == 0) return -2;  // still running
    return status;
}

}  // namespace

ChildOutcome run_child(const std::vector<std::string>& argv, const std::string& log_path, std::chrono::milliseconds stall_limit,
                       const std::function<size_t()>& progress) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    SpawnSetup setup(log_path);
    // Ctrl-C reaches our group only: the signal handler kills this one. Held off until the
    // handler knows the group, so that a signal in between cannot leave it running.
    sigset_t ending, before;
    sigemptyset(&ending);
    for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&ending, s);
    pthread_sigmask(SIG_BLOCK, &ending, &before);
    pid_t pid = 0;
    const int err = ::posix_spawn(&pid, argv[0].c_str(), &setup.actions, &setup.attributes, args.data(), environ);
    struct Remembered {
        int slot;
        ~Remembered() { forget_process_group(slot); }
    } remembered{err == 0 ? remember_process_group(pid) : -1};
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
    if (err != 0) throw Error(fmt::format("{} cannot be started ({})", argv[0], std::strerror(err)));

    ChildOutcome outcome;
    size_t seen = progress();
    auto deadline = std::chrono::steady_clock::now() + stall_limit;
    for (;;) {
        const int status = wait_for(pid, WNOHANG);
        if (status != -2) {
            if (status >= 0 && WIFEXITED(status)) outcome.exit_code = WEXITSTATUS(status);
            break;
        }
        if (size_t now = progress(); now != seen) {
            seen = now;
            deadline = std::chrono::steady_clock::now() + stall_limit;
        }
        if (std::chrono::steady_clock::now() > deadline) {
            outcome.stalled = true;
            ::kill(-pid, SIGKILL);
            wait_for(pid, 0);
            break;
        }
        std::this_thread::sleep_for(poll_interval);
    }
    // What the program left running in its group (a helper it forked) goes with it.
    ::kill(-pid, SIGKILL);
    return outcome;
}

}  // namespace dutylist::office
