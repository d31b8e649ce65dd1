#pragma once

#include "model/AgentResult.h"
#include "model/TranscriptEntry.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace switchboard {

class EscalationInbox;
class Scratchpad;
class Store;
class StoreWrite;
class RunHooks;
struct AgentRecord;
struct AgentStatus;
struct Escalation;
struct LockEvent;
struct RunRecord;
struct RunSummary;
struct WorktreeRecord;

// Every store write of a run and the "durable before reported" ordering: the run row, goals before they are
// reported or dispatched, transitions, final states before their signals, answers before the agent gets them,
// usage, progress, log lines, transcripts, questions, lock events and notes. Without a store it records nothing and
// reports at once. Owns the run's identity (id, name, plan file, settings) and the count of final states
// still on their way to disk.
class RunRecorder final
{
    Q_DISABLE_COPY_MOVE(RunRecorder)

public:
    // context: the thread and lifetime commit callbacks run in (the orchestrator).
    // effectiveSettings: max_parallel, mode and workspace in effect, added to the stored run settings.
    RunRecorder(QObject *context, RunHooks &hooks, Scratchpad &scratchpad, EscalationInbox &inbox,
                std::function<QJsonObject()> effectiveSettings);

    // onFailed runs (on the context's thread) when the store reports a storage failure.
    void setStore(Store *store, std::function<void(const QString &)> onFailed);
    Store *store() const { return m_store; }
    // Nothing may start once the store has failed (also before its storageFailed signal arrives).
    bool isStoreFailed() const;
    bool isStorageFailed() const { return m_storageFailed; }

    void setRunName(const QString &name, const QString &planFile);
    void setRunSettings(const QJsonObject &settings);
    // A stored run put back on the board: later writes belong to it.
    void adoptRun(const RunRecord &run);
    const QString &runId() const { return m_runId; }
    // The scope of the run's job names on a cluster (Executors::jobScope of the store's database).
    const QString &jobScope() const { return m_jobScope; }

    // The run row, on the first write of a run (and again when a finished run gets more work).
    void ensureRunRecorded();
    void recordTransition(const AgentStatus &status);
    // New goals, all or nothing: onCommitted(committed) runs once they are durable (or refused).
    void recordGoals(QList<StoreWrite> writes, std::function<void(bool)> onCommitted);
    void recordProgress(const QString &agentId, int progress, const QString &step);
    void recordUsage(const QString &agentId, int attempt, qint64 inputTokens, qint64 outputTokens, double costUsd,
                     int turns = 0);
    void recordLog(AgentRecord &record);
    // The agent program's session id an attempt reported (AgentContext::recordAgentSession).
    void recordAgentSession(const QString &agentId, int attempt, const QString &sessionId);
    // A goal's worktree, whenever it is made or changes state (merged, discarded, removed).
    void recordWorktree(const WorktreeRecord &worktree);
    // Steps of a model agent's conversation, in seq order: one write (one batch for the writer thread).
    void recordTranscript(QList<TranscriptEntry> entries);
    // Runs `then` (on the context's thread) once everything submitted so far is committed; never without a
    // store or when the writes failed.
    void whenStored(std::function<void()> then);
    void recordEscalation(const Escalation &escalation);
    void recordLockEvent(const LockEvent &event);
    void recordNote(const QString &key, const QString &text, const QString &authorAgentId, const QDateTime &at);
    void recordRunFinished(const RunSummary &summary);
    // Records the record's final state (with the result when given) and runs `report` (the signals) once it is
    // committed, then checks whether the run is idle; at once without a store.
    void reportFinal(AgentRecord &record, const std::optional<AgentResult> &result, std::function<void()> report);
    // Final states submitted and not yet committed and reported (the run is not idle while there are any).
    int pendingFinal() const { return m_pendingFinal; }

    // Answers an open escalation: with a store the answer is made durable first and handed to the agent once
    // committed. False with *error for an unknown or closed escalation or an invalid answer.
    bool answer(const QString &escalationId, const QString &option, const QString &text, QString *error,
                const QString &answeredBy);
    // Answers the human gave this goal's questions before (never asked again): [{question, option, text}].
    QJsonArray answersFor(const QString &goalId) const;

private:
    void recordRunStarted();

    QObject *const m_context;
    RunHooks &m_hooks;
    Scratchpad &m_scratchpad;
    EscalationInbox &m_inbox;
    const std::function<QJsonObject()> m_effectiveSettings;
    Store *m_store = nullptr; // not owned; cleared when it is destroyed
    QString m_jobScope;       // Executors::jobScope(): of the store's database, or of this process without one
    QString m_runId;
    QString m_runName;
    QString m_planFile;
    QJsonObject m_runSettings;
    bool m_runFinishedRecorded = false; // the run is recorded as finished; new spawns open it again
    int m_pendingFinal = 0;
    bool m_storageFailed = false;
};

} // namespace switchboard
