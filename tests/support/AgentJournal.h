#pragma once

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <atomic>

namespace switchboard::test {

// What the ScriptedBackend's agents did, for a test to check afterwards: "start:<goal>:<attempt>" and
// "end:<goal>" in the order they happened, the inputs each goal received, and how many run right now.
// Thread-safe: the agents write from pool threads.
class AgentJournal final
{
    Q_DISABLE_COPY_MOVE(AgentJournal)

public:
    AgentJournal() = default;

    void started(const QString &goalId, int attempt, const QJsonObject &inputs);
    void ended(const QString &goalId);

    QStringList events() const;
    // The goals in the order their attempts started (a goal once per attempt).
    QStringList starts() const;
    QJsonObject inputsOf(const QString &goalId) const;
    int running() const { return m_running.load(); }

private:
    mutable QMutex m_mutex;
    QStringList m_events;
    QHash<QString, QJsonObject> m_inputs; // goal -> the inputs of its latest attempt
    std::atomic<int> m_running{0};
};

} // namespace switchboard::test
