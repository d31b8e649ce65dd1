#pragma once

#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <deque>
#include <memory>
#include <vector>

class QRunnable;
class QThread;

namespace switchboard {

// The agents' threads: long-lived workers that pull queued attempts, at most `cap` running at once (exactly
// max_parallel) plus those whose attempt gave its slot back while it waits for a lock or an answer. A worker that
// ends an attempt takes the next queued one without sleeping; a batch submitted at once wakes one sleeping worker,
// and a worker that takes work while more is takeable wakes the next, so the submitting thread pays at most one
// wake-up per batch (QThreadPool::start paid one per attempt whenever its threads had run dry).
class AgentWorkers final
{
    Q_DISABLE_COPY_MOVE(AgentWorkers)

public:
    explicit AgentWorkers(QString name);
    // Drops what is queued and waits for the running attempts: no worker outlives its owner.
    ~AgentWorkers();

    // How many may run at once; a lower cap lets the running ones finish.
    void setCap(int cap);
    int cap() const;
    // Queued in order; deleted after it ran when autoDelete() (like QThreadPool).
    void submit(QRunnable *task);
    void submit(const std::vector<QRunnable *> &tasks);
    // Drops the queued tasks (deleting those that autoDelete).
    void clear();
    // Until nothing is queued or running.
    void waitForDone();
    // Called by a running task: it waits, and another may run meanwhile (QThreadPool::releaseThread).
    void releaseSlot();
    // It runs again; the cap may be exceeded until one ends (QThreadPool::reserveThread).
    void reserveSlot();
    // Threads alive (for tests and the bench).
    int threadCount() const;

private:
    struct Worker;
    void work(Worker *self);
    // With m_mutex held: wakes or starts one worker when a task is takeable and no worker is on its way to it.
    void kickLocked();
    bool takeableLocked() const;
    void reapLocked();

    const QString m_name;
    mutable QMutex m_mutex;
    QWaitCondition m_done;
    std::deque<QRunnable *> m_queue;
    std::vector<std::unique_ptr<Worker>> m_workers;
    std::vector<Worker *> m_idle; // sleeping, most recent last (woken first: its cache is warm)
    int m_cap = 1;
    int m_holding = 0; // running tasks holding a slot (a task that gave its slot back is not counted)
    int m_running = 0; // tasks taken and not yet returned
    int m_waking = 0;  // workers woken or started that have not looked at the queue yet
    int m_expired = 0; // workers that ended after idling (their threads are joined at the next start)
    bool m_stopping = false;
};

} // namespace switchboard
