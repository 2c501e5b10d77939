// Running a helper program (LibreOffice) without a shell, in a process group of its own, so that
// it and every process it starts can be killed together when it stops making progress.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace dutylist::office {

struct ChildOutcome {
    bool stalled = false;  // killed because progress() did not move within the limit
    int exit_code = -1;    // when it ended by itself; -1 when a signal ended it
};

// Runs argv[0] (a full path) with standard input from /dev/null and its output into log_path.
// progress() is asked every few milliseconds; when its value has not changed for
// `stall_limit`, the whole process group is killed. Whatever way the program ends, processes
// it left behind in its group are killed too. Throws Error when the program cannot be started.
ChildOutcome run_child(const std::vector<std::string>& argv, const std::string& log_path, std::chrono::milliseconds stall_limit,
                       const std::function<size_t()>& progress);

}  // namespace dutylist::office
