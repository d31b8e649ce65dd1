#include "AgentStatus.h"

namespace switchboard {

qint64 AgentStatus::elapsedMs(const QDateTime &now) const
{
    if (!startedAt.isValid())
        return 0;
    const QDateTime end = completedAt.isValid() ? completedAt : now;
    return qMax<qint64>(0, startedAt.msecsTo(end));
}

} // namespace switchboard
