#pragma once

#include "coordination/LockManager.h"

namespace switchboard {

// Holds the locks of one grant and gives them back when it goes out of scope, so an agent's early
// return or exception never leaks a lock. Movable, not copyable; the LockManager must outlive it.
//
//     LockGuard guard(locks, ctx.agentId(), {"src/a.py"}, options);
//     if (!guard)
//         return AgentResult::failed(guard.error());
//     write(..., guard.token());
class LockGuard final
{
    Q_DISABLE_COPY(LockGuard)

public:
    LockGuard() = default;
    // Waits per options (see LockManager::acquire).
    LockGuard(LockManager &manager, const QString &agentId, const QStringList &resources,
              const LockManager::WaitOptions &options = {});
    LockGuard(LockGuard &&other) noexcept;
    LockGuard &operator=(LockGuard &&other) noexcept;
    ~LockGuard();

    // Never waits (LockManager::tryAcquire).
    static LockGuard tryLock(LockManager &manager, const QString &agentId, const QStringList &resources,
                             const QString &goalId = {});
    // Takes over the release of a grant obtained directly from the manager.
    static LockGuard adopt(LockManager &manager, const QString &agentId, const LockManager::Result &result);

    bool isLocked() const { return m_manager && m_result.ok(); }
    explicit operator bool() const { return isLocked(); }
    const LockManager::Result &result() const { return m_result; }
    LockManager::Status status() const { return m_result.status; }
    QString error() const { return m_result.error; }
    quint64 token() const { return m_result.token; }
    // What this guard will release: only what the grant newly acquired.
    QStringList resources() const { return m_result.resources; }

    // Releases now (idempotent); afterwards isLocked() is false.
    void release();

private:
    LockManager *m_manager = nullptr;
    QString m_agentId;
    LockManager::Result m_result;
};

} // namespace switchboard
