#pragma once

#include <QString>
#include <QStringList>
#include <QWaitCondition>

namespace switchboard {

// A blocked LockManager::acquire() call: what it needs and how its wait ended. Lives on the waiting thread's
// stack and sits in a LockWaitQueue while it waits; the thread that frees its resources grants it (hand-off),
// so no later request can slip in between.
struct LockWaiter final
{
    Q_DISABLE_COPY_MOVE(LockWaiter)

    LockWaiter() = default;

    QString agentId;
    QString goalId;
    QStringList needed; // normalised, sorted
    bool granted = false;
    bool cancelled = false;
    quint64 token = 0; // of the grant, once granted
    QWaitCondition wake;
};

} // namespace switchboard
