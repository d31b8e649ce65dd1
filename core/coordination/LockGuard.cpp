#include "LockGuard.h"

#include <utility>

namespace switchboard {

LockGuard::LockGuard(LockManager &manager, const QString &agentId, const QStringList &resources,
                     const LockManager::WaitOptions &options)
    : m_manager(&manager)
    , m_agentId(agentId)
    , m_result(manager.acquire(agentId, resources, options))
{}

LockGuard::LockGuard(LockGuard &&other) noexcept
    : m_manager(std::exchange(other.m_manager, nullptr))
    , m_agentId(std::move(other.m_agentId))
    , m_result(std::move(other.m_result))
{}

LockGuard &LockGuard::operator=(LockGuard &&other) noexcept
{
    if (this != &other) {
        release();
        m_manager = std::exchange(other.m_manager, nullptr);
        m_agentId = std::move(other.m_agentId);
        m_result = std::move(other.m_result);
    }
    return *this;
}

LockGuard::~LockGuard()
{
    release();
}

LockGuard LockGuard::tryLock(LockManager &manager, const QString &agentId, const QStringList &resources,
                             const QString &goalId)
{
    return adopt(manager, agentId, manager.tryAcquire(agentId, resources, goalId));
}

LockGuard LockGuard::adopt(LockManager &manager, const QString &agentId, const LockManager::Result &result)
{
    LockGuard guard;
    guard.m_manager = &manager;
    guard.m_agentId = agentId;
    guard.m_result = result;
    return guard;
}

void LockGuard::release()
{
    LockManager *manager = std::exchange(m_manager, nullptr);
    if (manager && m_result.ok() && !m_result.resources.isEmpty())
        manager->release(m_agentId, m_result.resources, m_result.token);
}

} // namespace switchboard
