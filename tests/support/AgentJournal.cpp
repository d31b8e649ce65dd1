#include "AgentJournal.h"

#include <QMutexLocker>

namespace switchboard::test {

void AgentJournal::started(const QString &goalId, int attempt, const QJsonObject &inputs)
{
    ++m_running;
    const QMutexLocker locker(&m_mutex);
    m_events << QStringLiteral("start:%1:%2").arg(goalId).arg(attempt);
    m_inputs.insert(goalId, inputs);
}

void AgentJournal::ended(const QString &goalId)
{
    {
        const QMutexLocker locker(&m_mutex);
        m_events << QStringLiteral("end:") + goalId;
    }
    --m_running;
}

QStringList AgentJournal::events() const
{
    const QMutexLocker locker(&m_mutex);
    return m_events;
}

QStringList AgentJournal::starts() const
{
    QStringList goals;
    for (const QString &event : events()) {
        if (event.startsWith(QStringLiteral("start:")))
            goals << event.section(QLatin1Char(':'), 1, 1);
    }
    return goals;
}

QJsonObject AgentJournal::inputsOf(const QString &goalId) const
{
    const QMutexLocker locker(&m_mutex);
    return m_inputs.value(goalId);
}

} // namespace switchboard::test
