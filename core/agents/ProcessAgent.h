#pragma once

#include "AgentBackend.h"
#include "BackendRegistry.h"
#include "model/AgentProfile.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace switchboard {

class ProcessSession;

// Runs an external program as the agent and speaks the JSON-lines protocol with it over stdio
// (see docs/PROTOCOL.md). The program runs in its own process group; cancel sends SIGTERM
// to the group, then SIGKILL after a grace period, so no process of the group outlives the agent.
class ProcessAgent final : public AgentBackend
{
    Q_DISABLE_COPY_MOVE(ProcessAgent)

public:
    explicit ProcessAgent(AgentProfile profile);
    ~ProcessAgent() override;
    AgentResult run(AgentContext &context) override;

    // Sends one message to the stdin of the program running for agentId, as one compact JSON line
    // after the goal line. Safe from any thread: the write is posted to the thread that owns the
    // process. Messages from one thread arrive in order. Returns false (and drops the message) when
    // no attempt of that agent is running on this backend.
    bool sendMessage(const QString &agentId, const QJsonObject &message);
    // True while run() for agentId is between starting and cleaning up its process.
    bool isRunning(const QString &agentId) const;

    // Whose path {workspace} is: this machine's (a working directory checked here), or the one the program
    // sees where its executor runs it (an SSH host's workdir; the same path locally and on Slurm).
    enum class PathSide
    {
        Desktop,
        Program,
    };

    // The profile's argv with {goal.id}, {goal.title}, {agent.id}, {workspace}, ... substituted per
    // argument (never through a shell); {workspace} as the program sees it.
    static QStringList expandCommand(const QStringList &command, const AgentContext &context);
    // One argument; unknown {names} stay as they are, and substituted text is never expanded again.
    static QString expandPlaceholders(const QString &text, const AgentContext &context,
                                      PathSide side = PathSide::Desktop);

    static constexpr int DefaultKillGraceMs = 3000;

    // The registry's check of a profile for this backend: it needs a command.
    static QList<BackendRegistry::ProfileError> validate(const AgentProfile &profile);
    // JSON Schema of the profile settings it reads.
    static QJsonObject settingsSchema();

private:
    AgentProfile m_profile;
    mutable QMutex m_sessionsMutex;
    QHash<QString, ProcessSession *> m_sessions; // agent id -> the attempt running now
};

} // namespace switchboard
