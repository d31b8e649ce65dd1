#include "CodingMemory.h"

namespace switchboard {

void CodingMemory::allowTool(const QString &goalId, const QString &tool)
{
    const QMutexLocker locker(&m_mutex);
    m_allowedTools[goalId].insert(tool);
}

bool CodingMemory::isToolAllowed(const QString &goalId, const QString &tool) const
{
    const QMutexLocker locker(&m_mutex);
    const auto it = m_allowedTools.constFind(goalId);
    return it != m_allowedTools.cend() && it->contains(tool);
}

void CodingMemory::setSession(const QString &goalId, const QString &sessionId)
{
    if (sessionId.isEmpty())
        return;
    const QMutexLocker locker(&m_mutex);
    m_sessions.insert(goalId, sessionId);
}

QString CodingMemory::session(const QString &goalId) const
{
    const QMutexLocker locker(&m_mutex);
    return m_sessions.value(goalId);
}

} // namespace switchboard
