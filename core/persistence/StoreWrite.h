#pragma once

#include "model/AgentResult.h"
#include "model/AgentState.h"
#include "model/AgentStatus.h"
#include "model/Escalation.h"
#include "model/ExecutorRecord.h"
#include "model/Goal.h"
#include "model/LockEvent.h"
#include "model/NoteRecord.h"
#include "model/ProcessGroupRecord.h"
#include "model/RunSummary.h"
#include "model/TranscriptEntry.h"
#include "review/ReviewTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace switchboard {

// One thing to record, queued to the Store's writer thread. Build it with the static factories (they stamp
// the time when none is given); the Store applies writes in the order they were submitted, except progress
// and usage, which are coalesced (the latest value per agent wins) and carry no ordering meaning.
class StoreWrite final
{
public:
    struct RunStarted
    {
        QString runId;
        QString name;
        QString planFile;
        int maxParallel = 0;
        QDateTime at;
        QJsonObject settings; // RunSettings::toJson(): config and plan text, workspace, mode
    };
    struct RunFinished
    {
        QString runId;
        RunSummary summary;
        QDateTime at;
    };
    // A goal and the agent that will work on it, in state Queued (attempt 0).
    struct GoalAdded
    {
        QString runId;
        Goal goal;
        QString agentId;
        QString agentName;
        QString profile; // may be empty until the agent starts
        QDateTime at;
    };
    // An agent changed state. A final state or Interrupted closes the attempt with the result fields.
    struct Transition
    {
        QString agentId;
        QString goalId;
        int attempt = 0;
        AgentState state = AgentState::Queued;
        QString error;
        QString summary;
        std::optional<int> exitCode;
        QString profile;   // recorded when not empty (the profile is picked when the agent starts)
        QString agentName; // likewise
        QDateTime at;
    };
    // Coalesced per agent: the latest wins.
    struct Progress
    {
        QString agentId;
        int progress = 0;
        QString step;
    };
    // The running totals of one attempt (not deltas). Coalesced per agent and attempt: the latest wins.
    struct Usage
    {
        QString agentId;
        int attempt = 0;
        qint64 inputTokens = 0;
        qint64 outputTokens = 0;
        double costUsd = 0.0;
        int turns = 0; // the agent program's turns (coding agents); 0: none reported
    };
    // The whole escalation, inserted or updated by id: write it when raised and again when it closes.
    struct EscalationChanged
    {
        Escalation escalation;
    };
    struct LockEventRecorded
    {
        LockEvent event;
        QDateTime at;
    };
    struct LogLines
    {
        QString agentId;
        QStringList lines;
        QDateTime at;
    };
    struct NoteWritten
    {
        NoteRecord note;
    };
    // Steps of model agents' conversations, each with its agent, attempt and seq (a batch the orchestrator
    // took at once; several agents may be mixed). Inserted or replaced by (agent, attempt, seq).
    struct TranscriptRecorded
    {
        QList<TranscriptEntry> entries;
    };

    // An attempt started a process group (inserted, or replaced for the same agent, attempt and group).
    struct ProcessGroupStarted
    {
        ProcessGroupRecord record;
        QDateTime at;
    };
    // These groups are gone (or were ended after a crash): the next start need not look for them.
    struct ProcessGroupsEnded
    {
        QList<ProcessGroupRecord> records;
    };

    // The agent program's session id an attempt reported: on the agent (its latest) and on the attempt.
    struct AgentSessionRecorded
    {
        QString agentId;
        int attempt = 0;
        QString sessionId;
    };
    // Where an attempt's program runs when not here (issue 19): executor, job name, and the external id once known
    // (an empty one keeps the id recorded before).
    struct ExecutorRecorded
    {
        ExecutorRecord record;
    };
    // A goal's worktree (isolation: worktree), inserted or replaced by (run, goal).
    struct WorktreeChanged
    {
        WorktreeRecord worktree;
    };

    using Payload = std::variant<RunStarted, RunFinished, GoalAdded, Transition, Progress, Usage, EscalationChanged,
                                 LockEventRecorded, LogLines, NoteWritten, TranscriptRecorded, ProcessGroupStarted,
                                 ProcessGroupsEnded, AgentSessionRecorded, WorktreeChanged, ExecutorRecorded>;

    StoreWrite() = default;
    // Any payload struct converts, for callers that fill one in by hand.
    template<typename T>
    requires std::is_constructible_v<Payload, T> StoreWrite(T payload)
        : m_payload(std::move(payload))
    {}

    static StoreWrite runStarted(const QString &runId, const QString &name, const QString &planFile, int maxParallel,
                                 const QDateTime &at = {}, const QJsonObject &settings = {});
    static StoreWrite runFinished(const QString &runId, const RunSummary &summary, const QDateTime &at = {});
    static StoreWrite goalAdded(const QString &runId, const Goal &goal, const QString &agentId,
                                const QString &agentName = {}, const QString &profile = {}, const QDateTime &at = {});
    // The agent's current state from its status snapshot (agent, goal, attempt, state, error, profile, name).
    static StoreWrite transition(const AgentStatus &status, const QDateTime &at = {});
    // A final state (Completed/Failed/Cancelled from the result's outcome) with summary, error and exit code.
    static StoreWrite finished(const AgentStatus &status, const AgentResult &result, const QDateTime &at = {});
    static StoreWrite progress(const QString &agentId, int progress, const QString &step);
    static StoreWrite usage(const QString &agentId, int attempt, qint64 inputTokens, qint64 outputTokens,
                            double costUsd, int turns = 0);
    static StoreWrite escalation(const Escalation &escalation);
    static StoreWrite lockEvent(const LockEvent &event, const QDateTime &at = {});
    static StoreWrite log(const QString &agentId, const QStringList &lines, const QDateTime &at = {});
    static StoreWrite transcript(QList<TranscriptEntry> entries);
    static StoreWrite processGroupStarted(const ProcessGroupRecord &record, const QDateTime &at = {});
    static StoreWrite processGroupsEnded(const QList<ProcessGroupRecord> &records);
    static StoreWrite agentSession(const QString &agentId, int attempt, const QString &sessionId);
    static StoreWrite worktree(const WorktreeRecord &worktree);
    static StoreWrite executor(const ExecutorRecord &record);
    static StoreWrite note(const QString &runId, const QString &key, const QString &text, const QString &authorAgentId,
                           const QDateTime &at = {});

    const Payload &payload() const { return m_payload; }
    // Progress and Usage: the key under which later writes replace earlier queued ones; empty otherwise.
    QString coalesceKey() const;

private:
    Payload m_payload;
};

} // namespace switchboard
