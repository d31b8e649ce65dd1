#include "LockLeases.h"

#include "coordination/LockResource.h"

#include <algorithm>
#include <chrono>

namespace switchboard {

namespace {
qint64 steadyNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace

LockLeases::LockLeases()
    : m_clock(&steadyNowMs)
{}

void LockLeases::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock(&steadyNowMs);
}

void LockLeases::setTtlMs(qint64 ttlMs)
{
    m_ttlMs = qMax<qint64>(0, ttlMs);
}

qint64 LockLeases::expiryFromNow() const
{
    return m_ttlMs > 0 ? m_clock() + m_ttlMs : 0;
}

qint64 LockLeases::nextExpiry() const
{
    qint64 next = 0;
    for (const LockLease &held : m_held) {
        if (held.expiresAtMs != 0 && (next == 0 || held.expiresAtMs < next))
            next = held.expiresAtMs;
    }
    return next;
}

void LockLeases::insert(const QString &resource, const LockLease &lease)
{
    m_held.insert(resource, lease);
}

std::optional<LockLease> LockLeases::take(const QString &resource)
{
    const auto it = m_held.find(resource);
    if (it == m_held.end())
        return std::nullopt;
    LockLease lease = *it;
    m_held.erase(it);
    return lease;
}

bool LockLeases::holdsAny(const QString &agentId) const
{
    return std::any_of(m_held.cbegin(), m_held.cend(),
                       [&agentId](const LockLease &held) { return held.agentId == agentId; });
}

bool LockLeases::coveredByOwn(const QString &agentId, const QString &resource) const
{
    for (auto it = m_held.cbegin(); it != m_held.cend(); ++it) {
        if (it->agentId == agentId && LockResource::covers(it.key(), resource))
            return true;
    }
    return false;
}

quint64 LockLeases::coveringToken(const QString &agentId, const QString &resource) const
{
    quint64 token = 0;
    for (auto it = m_held.cbegin(); it != m_held.cend(); ++it) {
        if (it->agentId == agentId && LockResource::covers(it.key(), resource))
            token = qMax(token, it->token);
    }
    return token;
}

bool LockLeases::blockedByOthers(const QString &agentId, const QStringList &needed) const
{
    for (auto it = m_held.cbegin(); it != m_held.cend(); ++it) {
        if (it->agentId == agentId)
            continue;
        for (const QString &resource : needed) {
            if (LockResource::overlaps(it.key(), resource))
                return true;
        }
    }
    return false;
}

QStringList LockLeases::heldBy(const QString &agentId) const
{
    QStringList resources;
    for (auto it = m_held.cbegin(); it != m_held.cend(); ++it) {
        if (it->agentId == agentId)
            resources.append(it.key());
    }
    return resources;
}

int LockLeases::renew(const QString &agentId)
{
    const qint64 expiresAtMs = expiryFromNow();
    int renewed = 0;
    for (LockLease &held : m_held) {
        if (held.agentId == agentId) {
            held.expiresAtMs = expiresAtMs;
            ++renewed;
        }
    }
    return renewed;
}

QStringList LockLeases::expired(const std::function<bool(const QString &agentId)> &isWaiting)
{
    const qint64 now = m_clock();
    QStringList expired;
    for (auto it = m_held.begin(); it != m_held.end(); ++it) {
        if (it->expiresAtMs == 0 || it->expiresAtMs > now)
            continue;
        if (isWaiting(it->agentId))
            it->expiresAtMs = expiryFromNow();
        else
            expired.append(it.key());
    }
    return expired;
}

} // namespace switchboard
