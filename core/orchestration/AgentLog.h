#pragma once

#include <QFile>
#include <QMutex>
#include <QStringList>

#include <memory>

namespace switchboard {

// The recent output of one agent: a bounded ring of lines shared by the agent's thread (writer)
// and the orchestrator/UI (readers). Old lines fall off; how many did is counted, so views can say so.
// Every line also goes to the agent's log file (when one is set), which is capped too: past half of
// kMaxFileBytes it is rotated to "<file>.1" and the new file starts with a line saying so.
class AgentLog final
{
    Q_DISABLE_COPY_MOVE(AgentLog)

public:
    // Lines kept in memory per agent, and at most this much text (UTF-16 bytes) however long the lines are.
    static constexpr int kDefaultCapacity = 2000;
    static constexpr qsizetype kMaxTextBytes = 2 * 1024 * 1024;
    // A longer line is cut (AgentActions::logText: its first 8 KiB and "… [line truncated: N more bytes]");
    // the room above 8 KiB is for a prefix such as "stderr: " and the marker of a line cut before.
    static constexpr qsizetype kMaxLineBytes = 8 * 1024 + 64;
    // The log file and its one rotated predecessor together stay below this.
    static constexpr qint64 kMaxFileBytes = 32 * 1024 * 1024;

    explicit AgentLog(int capacity = kDefaultCapacity);

    void append(const QString &text); // API keys (Secrets) redacted, cut to kMaxLineBytes
    QStringList lines() const;
    // Lines appended since the last call (bounded by what is kept); for live tails.
    QStringList takeNew();
    qint64 totalLines() const;
    qint64 droppedLines() const;
    int capacity() const { return m_capacity; }
    // Every line is also appended to this file (created on the first line), so nothing recent is lost when
    // the ring drops old lines. Empty = memory only.
    void setSpillFile(const QString &path);
    QString spillFile() const;
    // Where the file's older part goes when it is rotated.
    static QString rotatedFile(const QString &path) { return path + QStringLiteral(".1"); }
    void flush();

private:
    // The i-th oldest line kept (0 <= i < m_count); call with m_mutex held.
    const QString &at(qsizetype i) const { return m_lines.at((m_head + i) % m_lines.size()); }
    // Puts a line in the ring (the oldest falls off when it is full); call with m_mutex held.
    void keep(const QString &line);
    void dropOldest();
    void writeToFile(const QString &line);
    bool openFile(bool truncate);
    void rotateFile();

    mutable QMutex m_mutex;
    const int m_capacity;
    // A ring that grows on demand up to m_capacity, then overwrites its oldest line (at m_head); m_count lines
    // of it are in use (fewer than its size once the text limit dropped some). Nothing is allocated until the
    // first line: most agents of a big run never log, and an eager std::deque cost ~600 bytes per agent.
    QStringList m_lines;
    qsizetype m_head = 0;
    qsizetype m_count = 0;
    qsizetype m_textBytes = 0;
    qint64 m_total = 0;
    qint64 m_taken = 0;
    QString m_spillPath;
    std::unique_ptr<QFile> m_spill;
    qint64 m_spillBytes = 0; // the current file's size
    bool m_spillFailed = false;
    QString m_spillError; // why the file cannot be written, for the ring once the line is kept
};

} // namespace switchboard
