#pragma once

#include <QFile>
#include <QMutex>
#include <QStringList>

#include <memory>

namespace switchboard {

// The recent output of one agent: a bounded ring of lines shared by the agent's thread (writer)
// and the orchestrator/UI (readers). Old lines fall off; how many did is counted, so views can say so.
class AgentLog final
{
    Q_DISABLE_COPY_MOVE(AgentLog)

public:
    explicit AgentLog(int capacity = 2000);

    void append(const QString &text); // API keys (Secrets) redacted
    QStringList lines() const;
    // Lines appended since the last call (bounded by capacity); for live tails.
    QStringList takeNew();
    qint64 totalLines() const;
    qint64 droppedLines() const;
    int capacity() const { return m_capacity; }
    // Every line is also appended to this file (created on the first line), so nothing is lost when
    // the ring drops old lines. Empty = memory only.
    void setSpillFile(const QString &path);
    QString spillFile() const;
    void flush();

private:
    // The i-th oldest line kept (0 <= i < m_lines.size()); call with m_mutex held.
    const QString &at(qsizetype i) const { return m_lines.at((m_head + i) % m_lines.size()); }

    mutable QMutex m_mutex;
    const int m_capacity;
    // A ring that grows on demand up to m_capacity, then overwrites its oldest line (at m_head).
    // Nothing is allocated until the first line: most agents of a big run never log, and an eager
    // std::deque cost ~600 bytes and two allocations per agent.
    QStringList m_lines;
    qsizetype m_head = 0;
    qint64 m_total = 0;
    qint64 m_taken = 0;
    QString m_spillPath;
    std::unique_ptr<QFile> m_spill;
    bool m_spillFailed = false;
};

} // namespace switchboard
