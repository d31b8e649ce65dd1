#pragma once

#include "coordination/LockWaiter.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <list>

namespace switchboard {

class LockLeases;

// The acquire() calls waiting for locks, in arrival order, and the rules between them: first come, first
// served where requests overlap, and no wait that would close a cycle of agents waiting for each other.
// Not thread-safe: LockManager calls it under its mutex. It does not own the waiters (see LockWaiter).
class LockWaitQueue final
{
    Q_DISABLE_COPY_MOVE(LockWaitQueue)

public:
    LockWaitQueue() = default;

    void enqueue(LockWaiter *waiter);
    void remove(LockWaiter *waiter);
    const std::list<LockWaiter *> &waiters() const { return m_waiters; }
    int size() const { return static_cast<int>(m_waiters.size()); }
    bool isWaiting(const QString &agentId) const;

    // Marks agentId's waiters cancelled, wakes them and drops them; returns how many.
    int cancel(const QString &agentId);
    void cancelAll();

    // Whether a waiting request of another agent that overlaps needed came before (all of them for a new
    // request, self == nullptr).
    bool blockedByEarlier(const QString &agentId, const QStringList &needed, const LockWaiter *self = nullptr) const;
    // Whether agentId waiting for needed would close a cycle in the wait-for graph between agents.
    bool wouldDeadlock(const QString &agentId, const QStringList &needed, const LockLeases &leases) const;
    // Grants, in arrival order, every waiter that may go now: nothing another agent holds is in its way and no
    // earlier waiter of another agent, still waiting, overlaps it. grant() records the grant (in leases) and
    // returns its token; the waiter is then marked granted, leaves the queue and is woken.
    void grantReady(const LockLeases &leases, const std::function<quint64(const LockWaiter &)> &grant);

private:
    std::list<LockWaiter *> m_waiters; // arrival order
};

} // namespace switchboard
