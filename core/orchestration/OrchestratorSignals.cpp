// The RunHooks through which the parts of a run (dispatch, attempts, the watchdog) tell the world what happened:
// each becomes one of the Orchestrator's signals for the front ends. Kept apart from Orchestrator.cpp, which runs
// the goals.
#include "Orchestrator.h"

namespace switchboard {

void Orchestrator::notifySpawned(const QString &agentId)
{
    Q_EMIT agentSpawned(agentId);
}

void Orchestrator::notifyStarted(const QString &agentId)
{
    Q_EMIT agentStarted(agentId);
}

void Orchestrator::notifyProgress(const QString &agentId, int progress, const QString &step)
{
    Q_EMIT agentProgress(agentId, progress, step);
}

void Orchestrator::notifyCompleted(const QString &agentId, const QString &summary)
{
    Q_EMIT agentCompleted(agentId, summary);
    memberEnded(agentId);
}

void Orchestrator::notifyFailed(const QString &agentId, const QString &error)
{
    Q_EMIT agentFailed(agentId, error);
    memberEnded(agentId);
}

void Orchestrator::notifyCancelled(const QString &agentId)
{
    Q_EMIT agentCancelled(agentId);
    memberEnded(agentId);
}

void Orchestrator::notifyBlocked(const QString &agentId, const QString &reason)
{
    Q_EMIT agentBlocked(agentId, reason);
    memberEnded(agentId);
}

void Orchestrator::notifySkipped(const QString &agentId, const QString &reason)
{
    Q_EMIT agentSkipped(agentId, reason);
    memberEnded(agentId);
}

void Orchestrator::notifyReview(const QString &agentId)
{
    m_wasBusy = true; // the idle check that follows may end the run's busy spell with this goal in review
    Q_EMIT agentInReview(agentId);
}

void Orchestrator::notifyRetryScheduled(const QString &agentId, int nextAttempt, qint64 delayMs, const QString &error)
{
    Q_EMIT agentRetryScheduled(agentId, nextAttempt, delayMs, error);
}

void Orchestrator::notifyProfileRateLimited(const QString &profile, const QDateTime &until)
{
    Q_EMIT profileRateLimited(profile, until);
}

void Orchestrator::notifyRunBudgetExceeded(const QString &reason)
{
    Q_EMIT runBudgetExceeded(reason);
}

} // namespace switchboard
