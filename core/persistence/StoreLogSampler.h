#pragma once

#include "persistence/StoreWrite.h"

#include <QString>

#include <deque>
#include <unordered_map>
#include <vector>

namespace switchboard {

// The log lines waiting for the Store's writer, sampled so that what waits is bounded whatever the agents print
// and however many they are: per agent the newest `linesPerAgent` lines (the table keeps no more), and in all at
// most `maxBytes` of text (past that the oldest lines of the agent that has the most go first). What is dropped
// here is only missing from the log table: the agent's full output is in its log file. Not thread-safe: the
// StoreWriter guards it with its own mutex.
class StoreLogSampler final
{
    Q_DISABLE_COPY_MOVE(StoreLogSampler)

public:
    StoreLogSampler(int linesPerAgent, qsizetype maxBytes);

    // Adds an agent's lines after those it added before; returns how many lines (of any agent) were dropped.
    qint64 add(StoreWrite::LogLines lines);
    bool isEmpty() const { return m_agents.empty(); }
    // The text waiting, in bytes (what the limit counts).
    qsizetype bytes() const { return m_bytes; }
    qsizetype lineCount() const;
    // Everything waiting, per agent in the order they first logged, each agent's lines in order; empties it.
    std::vector<StoreWrite::LogLines> take();

    static qsizetype lineBytes(const QString &line) { return line.size() * qsizetype(sizeof(QChar)); }

private:
    struct Pending
    {
        QString agentId;
        std::deque<StoreWrite::LogLines> chunks; // as added, each with its time; the oldest line first
        qsizetype lines = 0;
        qsizetype bytes = 0;
    };

    // Drops the oldest line of p; false when it has none.
    bool dropOldest(Pending &p);

    const int m_linesPerAgent;
    const qsizetype m_maxBytes;
    std::vector<Pending> m_agents;               // in the order they first logged since the last take()
    std::unordered_map<QString, size_t> m_index; // agent id -> index in m_agents
    qsizetype m_bytes = 0;
};

} // namespace switchboard
