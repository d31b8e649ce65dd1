#include "StoreLogSampler.h"

#include <algorithm>

namespace switchboard {

StoreLogSampler::StoreLogSampler(int linesPerAgent, qsizetype maxBytes)
    : m_linesPerAgent(qMax(1, linesPerAgent))
    , m_maxBytes(qMax<qsizetype>(1, maxBytes))
{}

qint64 StoreLogSampler::add(StoreWrite::LogLines lines)
{
    if (lines.lines.isEmpty())
        return 0;
    qint64 dropped = 0;
    // Lines the table would delete at once are not even kept.
    if (lines.lines.size() > m_linesPerAgent) {
        dropped += lines.lines.size() - m_linesPerAgent;
        lines.lines = lines.lines.mid(lines.lines.size() - m_linesPerAgent);
    }
    auto [it, inserted] = m_index.try_emplace(lines.agentId, m_agents.size());
    if (inserted)
        m_agents.push_back(Pending{lines.agentId, {}, 0, 0});
    Pending &p = m_agents[it->second];
    qsizetype added = 0;
    for (const QString &line : std::as_const(lines.lines))
        added += lineBytes(line);
    p.lines += lines.lines.size();
    p.bytes += added;
    m_bytes += added;
    p.chunks.push_back(std::move(lines));
    while (p.lines > m_linesPerAgent && dropOldest(p))
        ++dropped;
    // Over the budget: the agent with the most text waiting gives up its oldest lines first, so a flood from
    // one agent never pushes out a quiet agent's few lines.
    while (m_bytes > m_maxBytes) {
        const auto largest = std::max_element(m_agents.begin(), m_agents.end(),
                                              [](const Pending &a, const Pending &b) { return a.bytes < b.bytes; });
        if (largest == m_agents.end() || !dropOldest(*largest))
            break;
        ++dropped;
    }
    return dropped;
}

bool StoreLogSampler::dropOldest(Pending &p)
{
    while (!p.chunks.empty() && p.chunks.front().lines.isEmpty())
        p.chunks.pop_front();
    if (p.chunks.empty())
        return false;
    QStringList &oldest = p.chunks.front().lines;
    const qsizetype bytes = lineBytes(oldest.constFirst());
    oldest.removeFirst();
    if (oldest.isEmpty())
        p.chunks.pop_front();
    --p.lines;
    p.bytes -= bytes;
    m_bytes -= bytes;
    return true;
}

qsizetype StoreLogSampler::lineCount() const
{
    qsizetype count = 0;
    for (const Pending &p : m_agents)
        count += p.lines;
    return count;
}

std::vector<StoreWrite::LogLines> StoreLogSampler::take()
{
    std::vector<StoreWrite::LogLines> out;
    for (Pending &p : m_agents) {
        for (StoreWrite::LogLines &chunk : p.chunks) {
            if (!chunk.lines.isEmpty())
                out.push_back(std::move(chunk));
        }
    }
    m_agents.clear();
    m_index.clear();
    m_bytes = 0;
    return out;
}

} // namespace switchboard
