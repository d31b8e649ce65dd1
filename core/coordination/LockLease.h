#pragma once

#include <QDateTime>
#include <QString>

namespace switchboard {

// One granted lock: who holds it for which goal, under which fencing token, since when, and until when its
// lease runs (on LockManager's clock). Kept by LockLeases, keyed by the normalised resource.
struct LockLease
{
    QString agentId;
    QString goalId;
    quint64 token = 0;
    QDateTime acquiredAt;   // UTC
    qint64 expiresAtMs = 0; // on the clock; 0 = never
};

} // namespace switchboard
