#pragma once

#include <QString>

#include <atomic>
#include <memory>

namespace switchboard::bench {

// What the bench's in-process backends observe, written lock-free from the pool threads: how many
// times each goal ran, when each started and finished (one global sequence), and how many ran at once.
// Goal ids are the decimal numbers 0..size-1, so they index the arrays directly.
class RunProbe final
{
    Q_DISABLE_COPY_MOVE(RunProbe)

public:
    explicit RunProbe(int size);

    int size() const { return m_size; }
    // Returns the goal's index, or -1 when the id is not a number in range (counted as a stray run).
    int begin(const QString &goalId);
    void end(int index);

    int runs(int index) const { return m_runs[index].load(std::memory_order_relaxed); }
    quint64 startSeq(int index) const { return m_start[index].load(std::memory_order_relaxed); }
    quint64 finishSeq(int index) const { return m_finish[index].load(std::memory_order_relaxed); }
    int maxConcurrent() const { return m_maxRunning.load(); }
    int strayRuns() const { return m_stray.load(); }

private:
    const int m_size;
    std::unique_ptr<std::atomic<int>[]> m_runs;
    std::unique_ptr<std::atomic<quint64>[]> m_start;
    std::unique_ptr<std::atomic<quint64>[]> m_finish;
    std::atomic<quint64> m_seq{1};
    std::atomic<int> m_running{0};
    std::atomic<int> m_maxRunning{0};
    std::atomic<int> m_stray{0};
};

} // namespace switchboard::bench
