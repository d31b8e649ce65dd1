#include "UpdatePublisher.h"

#include "AgentRecord.h"

#include <algorithm>

namespace switchboard {

namespace {
constexpr int kDefaultUpdateIntervalMs = 75;
}

UpdatePublisher::UpdatePublisher(std::function<void(AgentRecord &)> beforePublish,
                                 std::function<void(const QStringList &)> publish, std::function<bool()> wanted)
    : m_beforePublish(std::move(beforePublish))
    , m_publish(std::move(publish))
    , m_wanted(std::move(wanted))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDefaultUpdateIntervalMs);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { this->publish(); });
}

void UpdatePublisher::setInterval(int ms)
{
    m_timer.setInterval(qMax(0, ms));
}

void UpdatePublisher::markDirty(AgentRecord &record)
{
    // A flag in the record instead of a QSet<QString>: no hashing of the id, up to three times per goal.
    if (record.dirty)
        return;
    record.dirty = true;
    m_dirty.push_back(&record);
    if (!m_timer.isActive())
        m_timer.start();
}

void UpdatePublisher::publish()
{
    m_timer.stop();
    if (m_dirty.empty())
        return;
    if (m_wanted && !m_wanted()) {
        // Headless without a store (the CLI's plain runs, the bench): a list of every changed id nobody reads.
        for (AgentRecord *r : std::as_const(m_dirty))
            r->dirty = false;
        m_dirty.clear();
        return;
    }
    QStringList ids;
    ids.reserve(static_cast<qsizetype>(m_dirty.size()));
    for (AgentRecord *r : std::as_const(m_dirty)) {
        r->dirty = false;
        ids << r->status.agentId;
        m_beforePublish(*r);
    }
    m_dirty.clear();
    m_publish(ids);
}

void UpdatePublisher::forget(const QSet<QString> &agentIds)
{
    m_dirty.erase(std::remove_if(m_dirty.begin(), m_dirty.end(),
                                 [&agentIds](const AgentRecord *r) { return agentIds.contains(r->status.agentId); }),
                  m_dirty.end());
}

} // namespace switchboard
