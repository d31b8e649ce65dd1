#include "RunProbe.h"

namespace switchboard::bench {

RunProbe::RunProbe(int size)
    : m_size(size)
    , m_runs(new std::atomic<int>[static_cast<size_t>(size)])
    , m_start(new std::atomic<quint64>[static_cast<size_t>(size)])
    , m_finish(new std::atomic<quint64>[static_cast<size_t>(size)])
{
    for (int i = 0; i < size; ++i) {
        m_runs[i].store(0, std::memory_order_relaxed);
        m_start[i].store(0, std::memory_order_relaxed);
        m_finish[i].store(0, std::memory_order_relaxed);
    }
}

int RunProbe::begin(const QString &goalId)
{
    const int now = m_running.fetch_add(1) + 1;
    int seen = m_maxRunning.load();
    while (now > seen && !m_maxRunning.compare_exchange_weak(seen, now)) {
    }
    bool ok = false;
    const int index = goalId.toInt(&ok);
    if (!ok || index < 0 || index >= m_size) {
        m_stray.fetch_add(1);
        return -1;
    }
    m_runs[index].fetch_add(1, std::memory_order_relaxed);
    m_start[index].store(m_seq.fetch_add(1), std::memory_order_relaxed);
    return index;
}

void RunProbe::end(int index)
{
    if (index >= 0)
        m_finish[index].store(m_seq.fetch_add(1), std::memory_order_relaxed);
    m_running.fetch_sub(1);
}

} // namespace switchboard::bench
