#pragma once

#include "ExecutorSpec.h"
#include "agents/ExecutionChannel.h"

#include <memory>

namespace switchboard {

// Makes the channel a process-based backend runs its program on, from the profile's executor (issue 19), and
// ends what a crashed Switchboard left running on it.
class Executors final
{
public:
    Executors() = delete;

    // A local ProcessGroup, a SlurmChannel (srun) or an SshChannel; longer output lines arrive cut to maxLineBytes.
    static std::unique_ptr<ExecutionChannel> makeChannel(const ExecutorSpec &spec, qsizetype maxLineBytes);

    // Blocking (runs squeue/scancel or ssh; call it off the GUI thread): ends every job or remote process group
    // named jobName on the executor. The number ended, or -1 with *error when the executor could not be asked
    // (then the caller must not start the attempt again: it might run twice).
    static int cancelLeftovers(const ExecutorSpec &spec, const QString &jobName, QString *error);
};

} // namespace switchboard
