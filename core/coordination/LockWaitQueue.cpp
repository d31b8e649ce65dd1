#include "LockWaitQueue.h"

#include "coordination/LockLeases.h"
#include "coordination/LockResource.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <algorithm>

namespace switchboard {

void LockWaitQueue::enqueue(LockWaiter *waiter)
{
    m_waiters.push_back(waiter);
}

void LockWaitQueue::remove(LockWaiter *waiter)
{
    m_waiters.remove(waiter);
}

bool LockWaitQueue::isWaiting(const QString &agentId) const
{
    return std::any_of(m_waiters.cbegin(), m_waiters.cend(),
                       [&agentId](const LockWaiter *waiter) { return waiter->agentId == agentId; });
}

int LockWaitQueue::cancel(const QString &agentId)
{
    int woken = 0;
    for (auto it = m_waiters.begin(); it != m_waiters.end();) {
        if ((*it)->agentId != agentId) {
            ++it;
            continue;
        }
        (*it)->cancelled = true;
        (*it)->wake.wakeOne();
        it = m_waiters.erase(it);
        ++woken;
    }
    return woken;
}

void LockWaitQueue::cancelAll()
{
    for (LockWaiter *waiter : m_waiters) {
        waiter->cancelled = true;
        waiter->wake.wakeOne();
    }
    m_waiters.clear();
}

bool LockWaitQueue::blockedByEarlier(const QString &agentId, const QStringList &needed, const LockWaiter *self) const
{
    for (const LockWaiter *waiter : m_waiters) {
        if (waiter == self)
            break;
        if (waiter->agentId != agentId && LockResource::overlapsAny(waiter->needed, needed))
            return true;
    }
    return false;
}

bool LockWaitQueue::wouldDeadlock(const QString &agentId, const QStringList &needed, const LockLeases &leases) const
{
    // Wait-for graph between agents: a waiting request waits for the holders of what it needs and for the
    // earlier waiting requests that overlap it (they go first). Holders that are not waiting are sinks.
    // Nobody can be waiting for an agent that holds nothing and has nothing queued: no cycle through it.
    if (!leases.holdsAny(agentId) && !isWaiting(agentId))
        return false;

    const QMap<QString, LockLease> &held = leases.held();
    auto targetsOf = [this, &held](const QString &agent, const QStringList &wants, const LockWaiter *before) {
        QSet<QString> targets;
        for (auto it = held.cbegin(); it != held.cend(); ++it) {
            if (it->agentId != agent && LockResource::overlapsAny({it.key()}, wants))
                targets.insert(it->agentId);
        }
        for (const LockWaiter *waiter : m_waiters) {
            if (waiter == before)
                break;
            if (waiter->agentId != agent && LockResource::overlapsAny(waiter->needed, wants))
                targets.insert(waiter->agentId);
        }
        return targets;
    };

    QHash<QString, QSet<QString>> graph;
    for (const LockWaiter *waiter : m_waiters)
        graph[waiter->agentId].unite(targetsOf(waiter->agentId, waiter->needed, waiter));

    QSet<QString> seen;
    QList<QString> stack = targetsOf(agentId, needed, nullptr).values();
    while (!stack.isEmpty()) {
        const QString agent = stack.takeLast();
        if (agent == agentId)
            return true;
        if (seen.contains(agent))
            continue;
        seen.insert(agent);
        const auto edges = graph.constFind(agent);
        if (edges != graph.cend()) {
            for (const QString &next : *edges)
                stack.append(next);
        }
    }
    return false;
}

void LockWaitQueue::grantReady(const LockLeases &leases, const std::function<quint64(const LockWaiter &)> &grant)
{
    QList<const LockWaiter *> stillWaiting;
    for (auto it = m_waiters.begin(); it != m_waiters.end();) {
        LockWaiter *waiter = *it;
        bool blocked = leases.blockedByOthers(waiter->agentId, waiter->needed);
        for (qsizetype i = 0; !blocked && i < stillWaiting.size(); ++i) {
            blocked = stillWaiting.at(i)->agentId != waiter->agentId &&
                      LockResource::overlapsAny(stillWaiting.at(i)->needed, waiter->needed);
        }
        if (blocked) {
            stillWaiting.append(waiter);
            ++it;
            continue;
        }
        waiter->token = grant(*waiter);
        waiter->granted = true;
        it = m_waiters.erase(it);
        waiter->wake.wakeOne();
    }
}

} // namespace switchboard
