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
    // Null only when this build has no channel for the kind (an ssh executor before SshChannel was built in).
    static std::unique_ptr<ExecutionChannel> makeChannel(const ExecutorSpec &spec, qsizetype maxLineBytes);

    // Blocking (runs squeue/scancel or ssh; call it off the GUI thread): ends every job or remote process group
    // named jobName on the executor. The number ended, or -1 with *error when the executor could not be asked
    // (then the caller must not start the attempt again: it might run twice).
    static int cancelLeftovers(const ExecutorSpec &spec, const QString &jobName, QString *error);

    // The name of one attempt's job: "sb-<scope>-<run>-<goal>-<attempt>", with every character a scheduler or a
    // shell might mind replaced by '_' and a long goal id cut (and told apart by a hash), so it stays under
    // MaxJobName. scope (jobScope()) keeps two databases' runs apart: both have a run r-1, and a resume that
    // ends its own leftovers by name must not end the other's jobs.
    static QString jobName(const QString &scope, const QString &runId, const QString &goalId, int attempt);
    // The scope of the jobs of runs recorded in this database: 6 hex digits of a hash of this machine's name and
    // the database's path, the same each time it is opened. Without a database (nothing can resume): one per
    // process.
    static QString jobScope(const QString &databasePath);

    // Where the program finds localDirectory: an SSH host's workdir/<its name> when the ssh executor maps
    // workspaces with `workdir`; the same path otherwise (locally, and on Slurm's shared filesystem).
    static QString programDirectory(const ExecutorSpec &spec, const QString &localDirectory);
    static constexpr int MaxJobName = 64;
};

} // namespace switchboard
