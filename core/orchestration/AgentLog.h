#pragma once

#include <QMutex>
#include <QStringList>

#include <deque>

namespace switchboard {

// The recent output of one agent: a bounded ring of lines shared by the agent's thread (writer)
// and the orchestrator/UI (readers). Old lines fall off; how many did is counted, so views can say so.
class AgentLog final
{
    Q_DISABLE_COPY_MOVE(AgentLog)

public:
    explicit AgentLog(int capacity = 2000);

    void append(const QString &line);
    QStringList lines() const;
    // Lines appended since the last call (bounded by capacity); for live tails.
    QStringList takeNew();
    qint64 totalLines() const;
    qint64 droppedLines() const;
    int capacity() const { return m_capacity; }

private:
    mutable QMutex m_mutex;
    const int m_capacity;
    std::deque<QString> m_lines;
    qint64 m_total = 0;
    qint64 m_taken = 0;
};

} // namespace switchboard
