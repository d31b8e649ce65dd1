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
#include <cmath>
#include <optional>

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
                       nowMs - r->attemptStartMs - s.queueMs(now) > qint64(profile->timeoutS) * 1000) {
                // Time in the executor's queue (a pending Slurm job) is not the agent's: only its run counts.
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
    if (!m_runBudgetQuestion.isEmpty())
        return false; // the run is over budget: nothing new starts while the human decides

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

namespace {

// A budget with each limit that is set multiplied by factor.
Budget scaled(Budget budget, double factor)
{
    if (budget.maxTokens > 0)
        budget.maxTokens = qint64(double(budget.maxTokens) * factor + 0.5);
    if (budget.maxCostUsd > 0.0)
        budget.maxCostUsd *= factor;
    return budget;
}

// Which limit a usage crosses: the cost when it does (tokens otherwise).
bool costIsOver(const Budget &budget, double costUsd)
{
    return budget.maxCostUsd > 0.0 && costUsd > budget.maxCostUsd;
}

QString usageText(const Budget &budget, qint64 tokens, double costUsd)
{
    if (costIsOver(budget, costUsd))
        return QStringLiteral("$%1 of its $%2 budget").arg(costUsd, 0, 'f', 2).arg(budget.maxCostUsd, 0, 'f', 2);
    return QStringLiteral("%1 tokens of its %2-token budget").arg(tokens).arg(budget.maxTokens);
}

// "Raise to ...": "2.50", "$2.50", "2.5 usd" for a cost limit; "50000", "50k", "1.5m tokens" for a token limit.
std::optional<double> amountFrom(QString text)
{
    text = text.trimmed().toLower();
    for (const QString &noise : {QStringLiteral("usd"), QStringLiteral("tokens"), QStringLiteral("token"),
                                 QStringLiteral("$"), QStringLiteral(","), QStringLiteral("_")})
        text.remove(noise);
    text = text.trimmed();
    double factor = 1.0;
    if (text.endsWith(u'k')) {
        factor = 1e3;
        text.chop(1);
    } else if (text.endsWith(u'm')) {
        factor = 1e6;
        text.chop(1);
    }
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok) * factor;
    if (!ok || !(value > 0.0) || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// The limit a human typed, applied to the limit that was crossed; nullopt when it is no number above the usage.
std::optional<Budget> raisedTo(Budget budget, bool cost, const QString &text, qint64 tokens, double costUsd)
{
    const std::optional<double> amount = amountFrom(text);
    if (!amount)
        return std::nullopt;
    if (cost) {
        if (*amount <= costUsd)
            return std::nullopt;
        budget.maxCostUsd = *amount;
    } else {
        if (*amount <= double(tokens))
            return std::nullopt;
        budget.maxTokens = qint64(*amount);
    }
    return budget;
}

// "budget exceeded: ..." for an agent, "team budget exceeded: ..." for a team (its members' summed usage).
QString budgetReason(const AgentRecord &r, const QString &over)
{
    return r.goal.team ? QStringLiteral("team budget exceeded: %1").arg(over)
                       : QStringLiteral("budget exceeded: %1").arg(over);
}

EscalationInbox::Request budgetRequest(const QString &question, const Budget &budget, bool cost)
{
    EscalationInbox::Request request;
    request.trigger = Escalation::Trigger::Other;
    request.priority = Priority::High;
    request.question = question;
    request.reuseAnswer = false; // each time a budget is crossed is a decision of its own
    const Budget more = scaled(budget, 1.5);
    const QString raised =
        cost ? QStringLiteral("$%1").arg(more.maxCostUsd, 0, 'f', 2) : QStringLiteral("%1 tokens").arg(more.maxTokens);
    request.context = cost ? QStringLiteral("For \"Raise to\", type the new limit in US dollars (e.g. 5.00).")
                           : QStringLiteral("For \"Raise to\", type the new limit in tokens (e.g. 200000 or 200k).");
    request.options = {{QStringLiteral("raise50"), QStringLiteral("Raise by 50 % (to %1)").arg(raised)},
                       {QStringLiteral("raise_to"), QStringLiteral("Raise to \u2026")},
                       {QStringLiteral("stop"), QStringLiteral("Stop")}};
    return request;
}

} // namespace

void Watchdog::checkBudgets(AgentRecord &r)
{
    if (!r.context)
        return;
    if (!checkGoalBudget(r))
        checkRunBudget();
}

void Watchdog::checkTeamBudget(AgentRecord &team)
{
    if (team.goal.team && team.status.state == AgentState::Running)
        checkGoalBudget(team);
}

bool Watchdog::mayStopForBudget(const AgentRecord &r)
{
    return r.goal.team ? r.status.state == AgentState::Running : r.context != nullptr;
}

void Watchdog::stopForBudget(AgentRecord &r, const QString &reason)
{
    // A team has no attempt of its own to stop: its members are stopped with the reason (TeamCoordinator::end).
    if (r.goal.team)
        m_hooks.endTeam(r, reason, errorKindName(ErrorKind::Budget));
    else if (r.context)
        r.context->stop(reason, errorKindName(ErrorKind::Budget));
}

bool Watchdog::checkGoalBudget(AgentRecord &r)
{
    const QString goalOver = r.goal.budget.exceededBy(r.status.tokens(), r.status.costUsd);
    if (goalOver.isEmpty())
        return false;
    if (!m_askBudget) {
        stopForBudget(r, budgetReason(r, goalOver));
        return true;
    }
    if (r.budgetQuestion.isEmpty()) {
        askGoalBudget(r);
        return true;
    }
    // Waiting for the human: it goes on, but not past twice its budget.
    const QString hardOver = scaled(r.goal.budget, 2.0).exceededBy(r.status.tokens(), r.status.costUsd);
    if (!hardOver.isEmpty()) {
        m_inbox.cancel(r.budgetQuestion, QStringLiteral("twice the budget reached"));
        stopForBudget(r, budgetReason(r, QStringLiteral("%1 (twice the budget, while the question about it was "
                                                        "open)")
                                             .arg(hardOver)));
    }
    return true;
}

void Watchdog::checkRunBudget()
{
    if (!m_runBudget.isSet() || m_runBudgetHit)
        return;
    qint64 tokens = 0;
    double cost = 0.0;
    m_table.forEach([&tokens, &cost](const AgentRecord &each) {
        if (each.goal.team)
            return; // its members' usage, counted with them
        tokens += each.status.tokens();
        cost += each.status.costUsd;
    });
    const QString runOver = m_runBudget.exceededBy(tokens, cost);
    if (runOver.isEmpty())
        return;
    if (m_askBudget) {
        if (m_runBudgetQuestion.isEmpty()) {
            askRunBudget(tokens, cost);
            return;
        }
        const QString hardOver = scaled(m_runBudget, 2.0).exceededBy(tokens, cost);
        if (hardOver.isEmpty())
            return;
        m_inbox.cancel(m_runBudgetQuestion, QStringLiteral("twice the run budget reached"));
        m_runBudgetQuestion.clear();
        stopForRunBudget(QStringLiteral("run budget exceeded: %1 (twice the budget, while the question about it "
                                        "was open)")
                             .arg(hardOver));
        return;
    }
    stopForRunBudget(QStringLiteral("run budget exceeded: %1").arg(runOver));
}

void Watchdog::stopForRunBudget(const QString &reason)
{
    // The whole run is over budget: stop what runs and end what waits, with the reason.
    m_runBudgetHit = true;
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
    m_hooks.dispatch();
    m_hooks.checkIdle();
}

void Watchdog::askGoalBudget(AgentRecord &r)
{
    const Budget budget = r.goal.budget;
    const qint64 tokens = r.status.tokens();
    const double cost = r.status.costUsd;
    const bool cost_ = costIsOver(budget, cost);
    EscalationInbox::Request request = budgetRequest(QStringLiteral("'%1' has used %2. Raise its budget, or stop it?")
                                                         .arg(r.goal.title, usageText(budget, tokens, cost)),
                                                     budget, cost_);
    request.agentId = r.status.agentId;
    request.goalId = r.status.goalId;
    const QString agentId = r.status.agentId;
    QString error;
    r.budgetQuestion = m_inbox.raise(
        request, m_context,
        [this, agentId, cost_](const Escalation &e) {
            AgentRecord *rec = m_table.record(agentId);
            if (!rec || rec->budgetQuestion != e.id)
                return;
            rec->budgetQuestion.clear();
            if (!mayStopForBudget(*rec))
                return; // it ended meanwhile
            const bool answered = e.state == Escalation::State::Answered;
            const qint64 used = rec->status.tokens();
            const double spent = rec->status.costUsd;
            if (answered && e.answerOption == u"raise50") {
                rec->goal.budget = scaled(rec->goal.budget, 1.5);
            } else if (answered && e.answerOption == u"raise_to") {
                const std::optional<Budget> raised = raisedTo(rec->goal.budget, cost_, e.answerText, used, spent);
                if (!raised) {
                    rec->log->append(QStringLiteral("budget: '%1' is no limit above what it has used; asking again")
                                         .arg(e.answerText));
                    askGoalBudget(*rec);
                    return;
                }
                rec->goal.budget = *raised;
            } else {
                const QString over = rec->goal.budget.exceededBy(used, spent);
                stopForBudget(*rec,
                              budgetReason(*rec, QStringLiteral("%1 (%2)").arg(
                                                     over.isEmpty() ? usageText(rec->goal.budget, used, spent) : over,
                                                     answered ? QStringLiteral("stopped by a human")
                                                              : QStringLiteral("nobody raised it"))));
                return;
            }
            const Budget &b = rec->goal.budget;
            rec->log->append(QStringLiteral("budget raised by a human: now %1")
                                 .arg(b.maxCostUsd > 0.0 ? QStringLiteral("$%1").arg(b.maxCostUsd, 0, 'f', 2)
                                                         : QStringLiteral("%1 tokens").arg(b.maxTokens)));
            checkGoalBudget(*rec); // still over the new limit: asks again
        },
        &error);
    if (r.budgetQuestion.isEmpty()) // the inbox refused it: stop as without asking
        stopForBudget(
            r, budgetReason(r, QStringLiteral("%1 (could not ask: %2)").arg(budget.exceededBy(tokens, cost), error)));
}

void Watchdog::askRunBudget(qint64 tokens, double cost)
{
    // The inbox shows every question under an agent: a running one, else one that waits to start (it waits for
    // this answer too). When that agent ends first, the question is asked again under another.
    QString agentId;
    QString queuedId;
    m_table.forEach([&agentId, &queuedId](const AgentRecord &r) {
        if (r.context && agentId.isEmpty())
            agentId = r.status.agentId;
        if (r.status.state == AgentState::Queued && queuedId.isEmpty())
            queuedId = r.status.agentId;
    });
    if (agentId.isEmpty())
        agentId = queuedId;
    if (agentId.isEmpty()) {
        stopForRunBudget(QStringLiteral("run budget exceeded: %1").arg(m_runBudget.exceededBy(tokens, cost)));
        return;
    }
    const bool cost_ = costIsOver(m_runBudget, cost);
    EscalationInbox::Request request = budgetRequest(
        QStringLiteral("The run has used %1. Raise the run's budget, or stop every agent?")
            .arg(usageText(m_runBudget, tokens, cost).replace(QStringLiteral("its"), QStringLiteral("the"))),
        m_runBudget, cost_);
    request.agentId = agentId;
    request.priority = Priority::Critical;
    m_hooks.withdrawPooled(); // nothing new starts while the human decides (mayStart)
    QString error;
    m_runBudgetQuestion = m_inbox.raise(
        request, m_context,
        [this, cost_](const Escalation &e) {
            if (m_runBudgetQuestion != e.id)
                return;
            m_runBudgetQuestion.clear();
            qint64 used = 0;
            double spent = 0.0;
            m_table.forEach([&used, &spent](const AgentRecord &each) {
                if (each.goal.team)
                    return;
                used += each.status.tokens();
                spent += each.status.costUsd;
            });
            const bool answered = e.state == Escalation::State::Answered;
            if (answered && e.answerOption == u"raise50") {
                m_runBudget = scaled(m_runBudget, 1.5);
            } else if (answered && e.answerOption == u"raise_to") {
                const std::optional<Budget> raised = raisedTo(m_runBudget, cost_, e.answerText, used, spent);
                if (!raised) {
                    askRunBudget(used, spent);
                    return;
                }
                m_runBudget = *raised;
            } else if (!answered && e.answeredBy == QStringLiteral("agent cancelled")) {
                askRunBudget(used, spent); // the agent it was shown under ended: ask again under another
                return;
            } else {
                stopForRunBudget(
                    QStringLiteral("run budget exceeded: %1 (%2)")
                        .arg(m_runBudget.exceededBy(used, spent),
                             answered ? QStringLiteral("stopped by a human") : QStringLiteral("nobody raised it")));
                return;
            }
            // Raised: the run goes on; still over the new limit asks again.
            m_hooks.dispatch();
            m_table.forEach([this](AgentRecord &each) {
                if (each.context && m_runBudgetQuestion.isEmpty())
                    checkBudgets(each);
            });
        },
        &error);
    if (m_runBudgetQuestion.isEmpty())
        stopForRunBudget(QStringLiteral("run budget exceeded: %1 (could not ask: %2)")
                             .arg(m_runBudget.exceededBy(tokens, cost), error));
}

} // namespace switchboard
