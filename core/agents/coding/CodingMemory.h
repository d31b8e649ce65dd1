#pragma once

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>

namespace switchboard {

// What the coding backends of one registry (one orchestrator) remember across the attempts of a goal, since a
// backend object lives for one attempt only: the tools a human allowed for the whole goal ("Always allow") and the
// last agent session each goal recorded (a retry resumes it). Thread-safe.
class CodingMemory final
{
    Q_DISABLE_COPY_MOVE(CodingMemory)

public:
    CodingMemory() = default;

    void allowTool(const QString &goalId, const QString &tool);
    bool isToolAllowed(const QString &goalId, const QString &tool) const;

    void setSession(const QString &goalId, const QString &sessionId);
    // Empty when the goal recorded none.
    QString session(const QString &goalId) const;

private:
    mutable QMutex m_mutex;
    QHash<QString, QSet<QString>> m_allowedTools; // goal id -> tool names
    QHash<QString, QString> m_sessions;           // goal id -> session id
};

} // namespace switchboard
