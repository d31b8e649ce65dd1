#include "Watchdog.h"

#include "AgentLog.h"
#include "AgentRecord.h"
#include "AgentTable.h"
#include "AttemptContext.h"
#include "RunHooks.h"
#include "Scheduler.h"
#include "coordination/EscalationInbox.h"
#include "coordination/LockManager.h"
#include "model/ErrorKind.h"
#include "model/RateLimitPause.h"

#include <algorithm>

namespace switchboard {

Watchdog::Watchdog(QObject *context, RunHooks &hooks, AgentTable &table, Scheduler &scheduler, LockManager &locks,
                   EscalationInbox &inbox)
    : m_context(context)
    , m_hooks(hooks)
    , m_table(table)
    , m_scheduler(scheduler)
    , m_locks(locks)
    , m_inbox(inbox)
{
    m_timer.setInterval(TickMs);
    QObject::connect(&m_timer, &QTimer::timeout, m_context, [this] { tick(); });
}

void Watchdog::ensureRunning()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void Watchdog::handleIdle()
{
    if (m_rateLimitedUntilMs.isEmpty())
        m_timer.stop();
}

bool Watchdog::needsWatching(const AgentRecord &r) const
{
    const AgentState state = r.status.state;
    // A goal in Review waits for a human's merge, not for a timer: its deadline no longer applies.
    if (isFinalState(state) || state == AgentState::Blocked || state == AgentState::Review)
        return false;
    if (r.goal.deadline.isValid() || r.retryAtMs >= 0)
        return true;
    if (!r.context)
        return false;
    if (state == AgentState::Escalated || state == AgentState::WaitingForLock)
        return true;
    const AgentProfile *profile = m_scheduler.profile(r.status.profile);
    return profile && (profile->timeoutS > 0 || profile->idleTimeoutS > 0);
}

void Watchdog::watch(AgentRecord &r)
{
    if (r.watched || !needsWatching(r))
        return;
    r.watched = true;
    m_watched.push_back(&r);
    ensureRunning();
}

void Watchdog::forget(const QSet<QString> &agentIds)
{
    m_watched.erase(std::remove_if(m_watched.begin(), m_watched.end(),
                                   [&agentIds](const AgentRecord *r) { return agentIds.contains(r->status.agentId); }),
                    m_watched.end());
}

QStringList Watchdog::rateLimitedProfiles() const
{
    QStringList profiles = m_rateLimitedUntilMs.keys();
    profiles.sort();
    return profiles;
}

QHash<QString, qint64>::iterator Watchdog::liftRateLimit(QHash<QString, qint64>::iterator it)
{
    m_scheduler.setProfilePaused(it.key(), false);
    const QString &profile = it.key();
    m_table.forEach([this, &profile](AgentRecord &r) {
        if (r.status.profile == profile && r.status.rateLimitedUntil.isValid()) {
            r.status.rateLimitedUntil = QDateTime();
            m_hooks.markDirty(r);
        }
    });
    return m_rateLimitedUntilMs.erase(it);
}

bool Watchdog::endRateLimit(const QString &profile)
{
    const auto it = m_rateLimitedUntilMs.find(profile);
    if (it == m_rateLimitedUntilMs.end())
        return false;
    m_table.forEach([&profile](AgentRecord &r) {
        if (r.status.profile == profile && r.status.rateLimitedUntil.isValid() && !isFinalState(r.status.state))
            r.log->append(QStringLiteral("rate limit of profile '%1' ended early: resumed by a human").arg(profile));
    });
    liftRateLimit(it);
    m_hooks.dispatch();
    m_hooks.checkIdle();
    return true;
}

void Watchdog::tick()
{
    const qint64 nowMs = m_hooks.nowMs();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    bool needed = false;

    // Rate limits that have run out.
    for (auto it = m_rateLimitedUntilMs.begin(); it != m_rateLimitedUntilMs.end();) {
        if (it.value() <= nowMs) {
            it = liftRateLimit(it);
        } else {
            needed = true;
            ++it;
        }
    }

    // Only the agents with something to watch: walking every agent cost ~1.5 ms per tick at 10,000 agents
    // (a stutter at 100,000). By id, since what runs below may remove agents.
    QStringList ids;
    ids.reserve(static_cast<qsizetype>(m_watched.size()));
    for (const AgentRecord *watched : std::as_const(m_watched))
        ids << watched->status.agentId;
    for (const QString &id : std::as_const(ids)) {
        AgentRecord *r = m_table.record(id);
        if (!r)
            continue;
        AgentStatus &s = r->status;
        const bool deadlinePassed = r->goal.deadline.isValid() && r->goal.deadline <= now;
        if (deadlinePassed)
            m_hooks.settlePooled(*r); // it is either queued or running from here on
        if (r->context) {
            needed = true;
            // Quiet because it waits on a human or a lock, not because it hung: keep its leases.
            if (s.state == AgentState::Escalated || s.state == AgentState::WaitingForLock)
                m_locks.renew(id);
            const AgentProfile *profile = m_scheduler.profile(s.profile);
            if (deadlinePassed && m_deadlinePolicy == DeadlinePolicy::Escalate) {
                if (!r->deadlineAsked)
                    escalateDeadline(*r);
            } else if (deadlinePassed) {
                r->context->stop(QStringLiteral("deadline passed (%1)").arg(r->goal.deadline.toString(Qt::ISODate)),
                                 errorKindName(ErrorKind::Deadline));
            } else if (profile && profile->timeoutS > 0 &&
                       nowMs - r->attemptStartMs > qint64(profile->timeoutS) * 1000) {
                r->context->stop(QStringLiteral("timed out after %1 s").arg(profile->timeoutS),
                                 errorKindName(ErrorKind::Timeout));
            } else if (profile && profile->idleTimeoutS > 0 &&
                       nowMs - r->lastActivityMs > qint64(profile->idleTimeoutS) * 1000) {
                r->context->stop(QStringLiteral("no output or heartbeat for %1 s (idle timeout): the agent seems hung")
                                     .arg(profile->idleTimeoutS),
                                 errorKindName(ErrorKind::IdleTimeout));
            }
        } else if (s.state == AgentState::Queued) {
            if (deadlinePassed && m_deadlinePolicy == DeadlinePolicy::Escalate) {
                if (!r->deadlineAsked)
                    escalateDeadline(*r);
            } else if (deadlinePassed) {
                m_hooks.failPending(*r,
                                    QStringLiteral("deadline passed (%1) before it could finish")
                                        .arg(r->goal.deadline.toString(Qt::ISODate)),
                                    errorKindName(ErrorKind::Deadline));
                continue;
            }
            if (r->retryAtMs >= 0 && r->retryAtMs <= nowMs) {
                r->retryAtMs = -1;
                s.nextAttemptAt = QDateTime();
                m_hooks.markDirty(*r);
                m_scheduler.requeue(s.goalId);
            }
            needed = needed || r->retryAtMs >= 0 || r->goal.deadline.isValid();
        }
    }
    m_watched.erase(std::remove_if(m_watched.begin(), m_watched.end(),
                                   [this](AgentRecord *r) {
                                       r->watched = needsWatching(*r);
                                       return !r->watched;
                                   }),
                    m_watched.end());
    needed = needed || !m_watched.empty();
    m_hooks.dispatch();
    m_hooks.checkIdle();
    if (!needed)
        m_timer.stop();
}

bool Watchdog::mayStart(AgentRecord &r)
{
    if (!r.goal.deadline.isValid() || r.deadlineGoAhead || r.goal.deadline > QDateTime::currentDateTimeUtc())
        return true;
    watch(r);
    if (m_deadlinePolicy == DeadlinePolicy::Escalate)
        return false;
    QMetaObject::invokeMethod(
        m_context,
        [this, agentId = r.status.agentId] {
            AgentRecord *late = m_table.record(agentId);
            if (!late || late->status.state != AgentState::Queued || late->context || late->pooled)
                return;
            m_hooks.failPending(
                *late,
                QStringLiteral("deadline passed (%1) before it started").arg(late->goal.deadline.toString(Qt::ISODate)),
                errorKindName(ErrorKind::Deadline));
            m_hooks.dispatch();
            m_hooks.checkIdle();
        },
        Qt::QueuedConnection);
    return false;
}

void Watchdog::escalateDeadline(AgentRecord &r)
{
    r.deadlineAsked = true;
    EscalationInbox::Request request;
    request.agentId = r.status.agentId;
    request.goalId = r.status.goalId;
    request.trigger = Escalation::Trigger::Other;
    request.priority = Priority::Critical;
    request.question = QStringLiteral("The deadline of '%1' (%2) has passed. Keep going or stop it?")
                           .arg(r.goal.title, r.goal.deadline.toString(Qt::ISODate));
    request.options = {{QStringLiteral("continue"), QStringLiteral("Keep going")},
                       {QStringLiteral("stop"), QStringLiteral("Stop (fail the goal)")}};
    const QString agentId = r.status.agentId;
    m_inbox.raise(request, m_context, [this, agentId](const Escalation &e) {
        AgentRecord *rec = m_table.record(agentId);
        if (!rec)
            return;
        const bool started = rec->context || rec->pooled;
        if (e.state == Escalation::State::Answered && e.answerOption == u"continue") {
            rec->deadlineGoAhead = true;
            if (!started)
                m_hooks.dispatch(); // held by mayStart() until now
            return;
        }
        // A running agent keeps going unless told to stop; one that never started does not start on a question
        // nobody answered.
        if (started && (e.state != Escalation::State::Answered || e.answerOption != u"stop"))
            return;
        const bool stopped = e.state == Escalation::State::Answered && e.answerOption == u"stop";
        const QString why = QStringLiteral("deadline passed (%1); %2")
                                .arg(rec->goal.deadline.toString(Qt::ISODate),
                                     stopped ? QStringLiteral("stopped by a human")
                                             : QStringLiteral("not started: nobody said to keep going"));
        m_hooks.settlePooled(*rec);
        if (rec->context)
            rec->context->stop(why, errorKindName(ErrorKind::Deadline));
        else if (rec->status.state == AgentState::Queued)
            m_hooks.failPending(*rec, why, errorKindName(ErrorKind::Deadline));
        m_hooks.dispatch();
        m_hooks.checkIdle();
    });
}

void Watchdog::rateLimit(AgentRecord &r, int retryAfterS)
{
    retryAfterS = qBound(RateLimitPause::MinS, retryAfterS, RateLimitPause::MaxS);
    AgentStatus &s = r.status;
    const qint64 until = m_hooks.nowMs() + qint64(retryAfterS) * 1000;
    if (until <= m_rateLimitedUntilMs.value(s.profile, -1))
        return;
    m_rateLimitedUntilMs.insert(s.profile, until);
    m_hooks.withdrawPooled();
    m_scheduler.setProfilePaused(s.profile, true);
    const QDateTime untilTime = QDateTime::currentDateTimeUtc().addSecs(retryAfterS);
    const QString profile = s.profile;
    m_table.forEach([this, &profile, &untilTime](AgentRecord &other) {
        if (other.status.profile == profile && !isFinalState(other.status.state)) {
            other.status.rateLimitedUntil = untilTime;
            m_hooks.markDirty(other);
        }
    });
    r.log->append(
        QStringLiteral("rate limited: dispatch for profile '%1' paused for %2 s").arg(s.profile).arg(retryAfterS));
    m_hooks.notifyProfileRateLimited(s.profile, untilTime);
    ensureRunning();
}

void Watchdog::checkBudgets(AgentRecord &r)
{
    if (!r.context)
        return;
    const QString goalOver = r.goal.budget.exceededBy(r.status.tokens(), r.status.costUsd);
    if (!goalOver.isEmpty()) {
        r.context->stop(QStringLiteral("budget exceeded: %1").arg(goalOver), errorKindName(ErrorKind::Budget));
        return;
    }
    if (!m_runBudget.isSet() || m_runBudgetHit)
        return;
    qint64 tokens = 0;
    double cost = 0.0;
    m_table.forEach([&tokens, &cost](const AgentRecord &each) {
        tokens += each.status.tokens();
        cost += each.status.costUsd;
    });
    const QString runOver = m_runBudget.exceededBy(tokens, cost);
    if (runOver.isEmpty())
        return;
    // The whole run is over budget: stop what runs and end what waits, with the reason.
    m_runBudgetHit = true;
    const QString reason = QStringLiteral("run budget exceeded: %1").arg(runOver);
    m_hooks.notifyRunBudgetExceeded(reason);
    const QStringList ids = m_table.order();
    m_hooks.withdrawPooled();
    for (const QString &id : ids) {
        AgentRecord *each = m_table.record(id);
        if (each->context)
            each->context->stop(reason, errorKindName(ErrorKind::Budget));
        else if (each->status.state == AgentState::Queued)
            m_hooks.failPending(*each, reason, errorKindName(ErrorKind::Budget));
    }
}

} // namespace switchboard
