#include "style/AgentStatusText.h"

#include "style/AgentStateStyle.h"
#include "style/DisplayFormat.h"

namespace switchboard {

int AgentStatusText::shownAttempt(const AgentStatus &status)
{
    const bool backingOff = status.nextAttemptAt.isValid() && !isFinalState(status.state);
    return qMax(1, backingOff ? status.attempt + 1 : status.attempt);
}

QString AgentStatusText::attempt(const AgentStatus &status)
{
    const int shown = shownAttempt(status);
    if (shown <= 1)
        return {};
    const QString attempt = status.maxAttempts >= shown
                                ? tr("attempt %1/%2").arg(shown).arg(status.maxAttempts)
                                : tr("attempt %1").arg(shown); // a human said "retry" after the attempts ran out
    // Not while it waits to be resumed (its card says so), nor for a retry about to start.
    const bool backingOff = status.nextAttemptAt.isValid() && !isFinalState(status.state);
    if (!status.resumedAfterInterruption || status.state == AgentState::Interrupted || backingOff)
        return attempt;
    //: Card of an agent whose attempt started over after Switchboard stopped: "attempt 2/5 · resumed after an
    //: interruption" (the interrupted attempt spent no retry)
    return tr("%1 · resumed after an interruption").arg(attempt);
}

QString AgentStatusText::nextTry(const AgentStatus &status, const QDateTime &now)
{
    if (!status.nextAttemptAt.isValid() || isFinalState(status.state))
        return {};
    return tr("next try in %1").arg(DisplayFormat::clock(qMax<qint64>(0, now.msecsTo(status.nextAttemptAt))));
}

QString AgentStatusText::rateLimit(const AgentStatus &status, const QDateTime &now)
{
    if (!status.rateLimitedUntil.isValid() || isFinalState(status.state))
        return {};
    return tr("rate limited · resumes in %1")
        .arg(DisplayFormat::clock(qMax<qint64>(0, now.msecsTo(status.rateLimitedUntil))));
}

QString AgentStatusText::lockWait(const AgentStatus &status)
{
    if (status.waitingFor.isEmpty())
        return {};
    return tr("Waiting for lock: %1").arg(status.waitingFor.join(QStringLiteral(", ")));
}

QString AgentStatusText::failure(const AgentStatus &status)
{
    const QString error = status.error.isEmpty() ? AgentStateStyle::description(status.state) : status.error;
    const QString kind = AgentStateStyle::errorKindLabel(status.errorKind);
    if (kind.isEmpty() || error.contains(kind, Qt::CaseInsensitive))
        return error;
    //: A failure's kind, then its message: "timed out: no result after 30 s"
    return tr("%1: %2").arg(kind, error);
}

QString AgentStatusText::place(const AgentStatus &s)
{
    QStringList parts;
    if (!s.repository.isEmpty())
        //: Card subtitle of a goal working in a git repository, after agent · profile; %1 is the repository name
        parts << tr("in %1").arg(s.repository);
    if (!s.executor.isEmpty() && s.externalId.isEmpty()) {
        parts << s.executor;
    } else if (!s.executor.isEmpty()) {
        //: Card subtitle of an agent running as a cluster job: "slurm (debug) · job 123"
        parts << tr("%1 · job %2").arg(s.executor, s.externalId);
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace switchboard
