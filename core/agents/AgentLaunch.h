#pragma once

#include "ExecutionChannel.h"
#include "model/AgentResult.h"

#include <QProcessEnvironment>
#include <QString>
#include <QVariantMap>

#include <functional>
#include <memory>
#include <optional>

QT_FORWARD_DECLARE_CLASS(QTimer)

namespace switchboard {

class AgentContext;

// What every backend that runs a program (process, coding agents, ACP) does the same way around its launch,
// so that the environment, the spawn failure and the crash record cannot drift apart between them.
class AgentLaunch final
{
public:
    AgentLaunch() = delete;

    // Our environment plus SWITCHBOARD_GOAL_ID, _GOAL_TITLE, _WORKSPACE (= workspace), _AGENT_ID, _ATTEMPT and
    // _PROFILE. Every value is cut to InputLimits::kMaxProcessValueBytes: goals made before ids and titles were
    // limited (or by code that skips the checks) must still start; an over-long variable fails execve with E2BIG.
    static QProcessEnvironment environment(const AgentContext &context, const QString &workspace);
    // environment() plus SWITCHBOARD_MODEL (the profile's model), for backends whose program picks a model.
    static QProcessEnvironment environmentWithModel(const AgentContext &context, const QString &workspace);

    // The attempt's workspace as its program sees it where the executor runs it (Executors::programDirectory:
    // an SSH host's workdir/<name>; the same path locally and on Slurm).
    static QString programWorkspace(const AgentContext &context);
    // The channel the profile's executor runs the program on (Executors::makeChannel): a local process group, srun,
    // ssh. Null with *failed set when this build has no channel for the executor.
    static std::unique_ptr<ExecutionChannel> makeChannel(const AgentContext &context, qsizetype maxLineBytes,
                                                         AgentResult *failed);

    // Starts the program on the channel and records its process group with the attempt right away, before the
    // program gets any work (and starts children), so a crash leaves nothing unknown. A record that could not
    // be stored is only noted. The launch gets the attempt's job name (Executors::jobName) unless it has one; on a
    // non-local executor (the profile's) the job is recorded durably before it is submitted (refused when it cannot
    // be), and its external id and queue state go to the context (the card's step) as the channel learns them.
    // nullopt when it runs; otherwise the attempt's result (a spawn failure, noted).
    static std::optional<AgentResult> start(ExecutionChannel &channel, const ExecutionChannel::Launch &launch,
                                            AgentContext &context, const std::function<void(const QString &)> &note);

    // The attempt's result when the channel lost its way to the program before it knew how the program ended
    // (ExecutionChannel::connectionLost(), an SSH connection): a failure of kind "exit", retried like any exit (the
    // program may have been fine); nullopt when nothing was lost.
    // A session's timeout (timeout_s) does not run while the program waits in its executor's queue: stopped when
    // the job enters it, started again with the time that was left when it leaves.
    static void holdWhileQueued(ExecutionChannel &channel, QTimer &timeout);
    static std::optional<AgentResult> connectionLostResult(const ExecutionChannel &channel, const QString &stderrTail);

    // The profile's kill_grace_ms setting (between SIGTERM and SIGKILL) when it is a non-negative integer, else
    // fallback.
    static int killGraceMs(const QVariantMap &settings, int fallback);
    // A timeout in seconds as a QTimer interval, capped where an int ends.
    static int timeoutMs(int timeoutS);
};

} // namespace switchboard
