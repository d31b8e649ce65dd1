#pragma once

#include "AgentEvent.h"
#include "AgentEventSink.h"

#include <QMutex>

#include <functional>
#include <vector>

namespace switchboard {

// The one door from agent threads to the orchestrator's thread: events are queued in report order and only
// the first event after the owner took its last batch wakes it (one queued call per burst, not one per event).
// A quiet event (news nobody waits for) wakes nobody: it is handled with the next batch, still in order.
// post() is thread-safe; next() is for the owner thread only and keeps the order across nested event loops.
class AgentEventQueue final : public AgentEventSink
{
    Q_DISABLE_COPY_MOVE(AgentEventQueue)

public:
    // wake: called (on the posting thread) when the queue goes from empty to not empty.
    explicit AgentEventQueue(std::function<void()> wake);

    void post(AgentEvent event);
    // Queued without waking the owner: for news that only matters once later events come (a later event from the
    // same thread wakes it, and this one is handled first).
    void postQuietly(AgentEvent event);
    // AgentEventSink, from the agents' contexts: queued like every other event.
    void agentLiveStateChanged(const QString &agentId) override;
    void agentWaitChanged(const QString &agentId, AgentState state) override;
    // The next event to handle, or false when none is left. *batchStarted is set when this event begins a new
    // batch taken from the queue (the caller reads its clock once per batch).
    bool next(AgentEvent *event, bool *batchStarted);

private:
    const std::function<void()> m_wake;
    QMutex m_mutex;
    void append(AgentEvent event, bool wake);

    std::vector<AgentEvent> m_posted; // guarded by m_mutex: reported, not yet taken
    bool m_wakePending = false;       // guarded by m_mutex: the owner was woken and has not taken the batch yet
    std::vector<AgentEvent> m_batch;  // taken, handed out in order from m_position
    size_t m_position = 0;
};

} // namespace switchboard
