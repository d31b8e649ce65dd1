#include "AgentStatus.h"

namespace switchboard {

qint64 AgentStatus::elapsedMs(const QDateTime &now) const
{
    if (!startedAt.isValid())
        return 0;
    const QDateTime end = completedAt.isValid() ? completedAt : now;
    return qMax<qint64>(0, startedAt.msecsTo(end));
}

qint64 AgentStatus::queueMs(const QDateTime &now) const
{
    if (!queuedSince.isValid())
        return queuedMs;
    const QDateTime end = completedAt.isValid() ? completedAt : now;
    return queuedMs + qMax<qint64>(0, queuedSince.msecsTo(end));
}

qint64 AgentStatus::runMs(const QDateTime &now) const
{
    return qMax<qint64>(0, elapsedMs(now) - queueMs(now));
}

} // namespace switchboard
