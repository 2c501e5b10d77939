// The temporary files of outputs not yet renamed into place, known to a signal handler, so that
// Ctrl-C, a kill or a hang-up never leaves one behind.
#pragma once

#include <sys/types.h>

#include <string>

namespace dutylist {

// Remembers a temporary file; returns its slot for forget_temporary, or -1 when every slot is
// taken (far more than the outputs being written at once: a few per input and thread).
int remember_temporary(const std::string& path);
void forget_temporary(int slot);

// A helper program's process group (LibreOffice, which runs in a group of its own and so does
// not get the terminal's Ctrl-C), killed by the same signals. Returns its slot for
// forget_process_group, or -1 when every slot is taken.
int remember_process_group(pid_t group);
void forget_process_group(int slot);

// SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXCPU, SIGALRM, SIGUSR1/2, SIGVTALRM and SIGPROF
// kill every remembered process group, remove every remembered temporary file, then end the
// process as the signal would have. A signal ignored or handled by another when we start (a
// background job's SIGINT, a profiler's SIGPROF) is left as it is. SIGXFSZ is ignored, so that
// writing past the file size limit fails like a full disk and is cleaned up the same way.
void remove_temporaries_on_signals();

}  // namespace dutylist
