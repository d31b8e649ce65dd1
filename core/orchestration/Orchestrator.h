#pragma once

#include "agents/BackendRegistry.h"
#include "model/AgentProfile.h"
#include "model/AgentResult.h"
#include "model/AgentStatus.h"
#include "model/Goal.h"
#include "orchestration/AgentContext.h"
#include "orchestration/RunSummary.h"
#include "orchestration/Scheduler.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>

#include <memory>
#include <optional>
#include <unordered_map>

namespace switchboard {

class AgentLog;

// The facade every front end talks to (GUI, CLI, tests). Lives on the main thread, owns a private
// QThreadPool, schedules goals onto agents and publishes their state. Agent threads report back
// only through queued calls; views get batched agentsUpdated() instead of a signal per tick.
class Orchestrator final : public QObject, private AgentEventSink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Orchestrator)

public:
    struct Progress
    {
        int pending = 0; // queued (incl. interrupted)
        int inProgress = 0;
        int completed = 0;
        int failed = 0;
        int cancelled = 0;
        int blocked = 0;
        int waiting = 0; // escalated or waiting for a lock (part of inProgress)
        int poolAvailable = 0;
        int poolBusy = 0;
    };

    explicit Orchestrator(QObject *parent = nullptr);
    ~Orchestrator() override;

    void setProfiles(const QList<AgentProfile> &profiles);
    QList<AgentProfile> profiles() const;
    void setBackends(BackendRegistry registry);
    const BackendRegistry &backends() const { return m_backends; }
    void setWorkspace(const QString &path);
    QString workspace() const { return m_workspace; }
    // How often agentsUpdated() is published (ms). Default 75.
    void setUpdateInterval(int ms);

    // Problems that would make spawn() refuse these goals (for forms: show before submit).
    QStringList validate(const QList<Goal> &goals) const;
    // Validates and queues one goal; returns its agent id, or an empty string and the reason.
    QString spawn(const Goal &goal, QString *error = nullptr);
    // All or nothing: either every goal is queued (ids returned in order) or none is.
    QStringList spawnParallel(const QList<Goal> &goals, QString *error = nullptr);

    std::optional<AgentStatus> status(const QString &agentId) const;
    QList<AgentStatus> agents() const; // in spawn order
    QStringList agentIds() const;
    std::optional<Goal> goal(const QString &goalId) const;
    QStringList goalIds() const;
    QString agentForGoal(const QString &goalId) const;
    QStringList agentLog(const QString &agentId) const;
    qint64 agentLogDropped(const QString &agentId) const;

    // Cancels a queued agent at once; a running one is told to stop and reports Cancelled promptly.
    bool cancel(const QString &agentId);
    int cancelAll();
    // Runs the event loop until every agent is final or the timeout passes (headless/tests only).
    bool waitAll(int timeoutMs = -1);
    bool isIdle() const;
    // Removes finished agents (completed, failed, cancelled, blocked); returns how many.
    int cleanup();

    void setMaxParallel(int maxParallel);
    int maxParallel() const;
    void pauseDispatch();
    void resumeDispatch();
    bool isDispatchPaused() const { return m_paused; }

    Progress progress() const;
    RunSummary summary() const;
    int maxParallelReached() const { return m_maxRunningSeen; }

Q_SIGNALS:
    void agentSpawned(const QString &agentId);
    void agentStarted(const QString &agentId);
    void agentProgress(const QString &agentId, int progress, const QString &step);
    void agentCompleted(const QString &agentId, const QString &summary);
    void agentFailed(const QString &agentId, const QString &error);
    void agentCancelled(const QString &agentId);
    void agentBlocked(const QString &agentId, const QString &reason);
    // Batched, about every updateInterval ms: the agents whose status changed since the last batch.
    void agentsUpdated(const QStringList &agentIds);
    void agentsAboutToBeRemoved(const QStringList &agentIds);
    void agentsRemoved(const QStringList &agentIds);
    void dispatchPausedChanged(bool paused);
    void maxParallelChanged(int maxParallel);
    // Nothing is queued or running any more.
    void allFinished();

private:
    struct AgentRecord
    {
        AgentStatus status;
        Goal goal;
        std::shared_ptr<AgentLog> log;
        std::shared_ptr<AgentContext> context; // while an attempt runs
        qint64 runMs = 0;
        bool cancelRequested = false;
    };

    void agentLiveStateChanged(const QString &agentId) override;
    void handleLiveStateChanged(const QString &agentId);
    void handleAgentFinished(const QString &agentId, const AgentResult &result);
    void dispatch();
    void startAgent(AgentRecord &record, const QString &profileName);
    void applyBlocked(const QList<Scheduler::BlockedGoal> &blocked);
    void setState(AgentRecord &record, AgentState state);
    void markDirty(const QString &agentId);
    void publishUpdates();
    void checkIdle();
    AgentRecord *record(const QString &agentId);
    const AgentRecord *record(const QString &agentId) const;
    QList<Goal> withGeneratedIds(const QList<Goal> &goals) const;

    QThreadPool m_pool;
    Scheduler m_scheduler;
    BackendRegistry m_backends;
    QString m_workspace;
    std::unordered_map<QString, std::unique_ptr<AgentRecord>> m_records;
    QStringList m_order; // agent ids in spawn order
    QHash<QString, QString> m_agentByGoal;
    QHash<int, int> m_stateCounts; // AgentState -> count
    QSet<QString> m_dirty;
    QTimer m_updateTimer;
    bool m_paused = false;
    mutable quint64 m_nextGoalNumber = 1;
    quint64 m_nextAgentNumber = 1;
    int m_maxRunningSeen = 0;
    QElapsedTimer m_clock;
    qint64 m_firstStartMs = -1;
    qint64 m_lastFinishMs = -1;
    qint64 m_agentTimeMs = 0;
    bool m_wasBusy = false;
};

} // namespace switchboard
