#pragma once

#include "coordination/LockLease.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace switchboard {

// The locks LockManager has granted, by normalised resource, and their leases: a monotonic clock (injectable
// for tests), the lease length, renewals and expiry. Not thread-safe: LockManager calls it under its mutex.
class LockLeases final
{
    Q_DISABLE_COPY_MOVE(LockLeases)

public:
    // Monotonic milliseconds.
    using Clock = std::function<qint64()>;

    LockLeases();

    // A null clock restores the steady clock.
    void setClock(Clock clock);
    qint64 now() const { return m_clock(); }
    // 0 = locks never expire.
    void setTtlMs(qint64 ttlMs);
    qint64 ttlMs() const { return m_ttlMs; }
    // When a lease granted or renewed now runs out; 0 when leases never expire.
    qint64 expiryFromNow() const;
    // The earliest expiry of a held lock; 0 when none expires.
    qint64 nextExpiry() const;

    const QMap<QString, LockLease> &held() const { return m_held; }
    void insert(const QString &resource, const LockLease &lease);
    // Removes the lock on resource and returns it; nothing when nobody held it.
    std::optional<LockLease> take(const QString &resource);

    bool holdsAny(const QString &agentId) const;
    // Whether a lock agentId holds covers resource.
    bool coveredByOwn(const QString &agentId, const QString &resource) const;
    // The token of agentId's lock covering resource (the highest when several do); 0 when none does.
    quint64 coveringToken(const QString &agentId, const QString &resource) const;
    // Whether another agent holds anything overlapping needed.
    bool blockedByOthers(const QString &agentId, const QStringList &needed) const;
    QStringList heldBy(const QString &agentId) const;

    // Extends every lock agentId holds to now + ttl; returns how many.
    int renew(const QString &agentId);
    // The resources whose lease has run out. The locks of an agent for which isWaiting() is true are renewed
    // instead: it is alive, just blocked on others.
    QStringList expired(const std::function<bool(const QString &agentId)> &isWaiting);

private:
    QMap<QString, LockLease> m_held;
    qint64 m_ttlMs = 30 * 60 * 1000;
    Clock m_clock;
};

} // namespace switchboard
