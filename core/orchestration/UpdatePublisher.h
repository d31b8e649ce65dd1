#pragma once

#include <QSet>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <vector>

namespace switchboard {

struct AgentRecord;

// Collects the agents whose status changed and publishes their ids as one batch on a coarse timer (views
// get one agentsUpdated() per interval, never a signal per tick). Owns the dirty list and the timer.
class UpdatePublisher final
{
    Q_DISABLE_COPY_MOVE(UpdatePublisher)

public:
    // beforePublish: called for each record of a batch before it goes out (the log lines go to the store);
    // publish: gets the batch's agent ids.
    // wanted: whether anyone takes the batches now (a store or a listener); when not, a batch only clears the flags.
    UpdatePublisher(std::function<void(AgentRecord &)> beforePublish, std::function<void(const QStringList &)> publish,
                    std::function<bool()> wanted = {});

    void setInterval(int ms);
    void markDirty(AgentRecord &record);
    // Publishes what is dirty now (also stops the timer).
    void publish();
    // These agents are about to be removed: never published.
    void forget(const QSet<QString> &agentIds);

private:
    const std::function<void(AgentRecord &)> m_beforePublish;
    const std::function<void(const QStringList &)> m_publish;
    const std::function<bool()> m_wanted;
    QTimer m_timer;
    std::vector<AgentRecord *> m_dirty; // records are stable (owned by AgentTable)
};

} // namespace switchboard
