#include "AgentWorkers.h"

#include <QDeadlineTimer>
#include <QRunnable>
#include <QThread>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <sched.h>
#endif

namespace switchboard {

namespace {
// Like QThreadPool's expiry: a burst of 2,000 agents does not keep 2,000 idle threads for the rest of the run.
constexpr int kExpiryMs = 30000;
} // namespace

struct AgentWorkers::Worker
{
    std::unique_ptr<QThread> thread;
    QWaitCondition wake;
    bool woken = false;   // set by kickLocked() when it takes this worker off m_idle
    bool expired = false; // its thread ended after idling
};

AgentWorkers::AgentWorkers(QString name)
    : m_name(std::move(name))
{}

AgentWorkers::~AgentWorkers()
{
    clear();
    waitForDone();
    {
        const QMutexLocker locker(&m_mutex);
        m_stopping = true;
        for (Worker *w : m_idle) {
            w->woken = true;
            ++m_waking;
            w->wake.wakeOne();
        }
        m_idle.clear();
    }
    for (const std::unique_ptr<Worker> &w : m_workers)
        w->thread->wait();
}

void AgentWorkers::setCap(int cap)
{
    const QMutexLocker locker(&m_mutex);
    m_cap = std::max(1, cap);
    kickLocked();
}

int AgentWorkers::cap() const
{
    const QMutexLocker locker(&m_mutex);
    return m_cap;
}

void AgentWorkers::submit(QRunnable *task)
{
    const QMutexLocker locker(&m_mutex);
    m_queue.push_back(task);
    kickLocked();
}

void AgentWorkers::submit(const std::vector<QRunnable *> &tasks)
{
    if (tasks.empty())
        return;
    const QMutexLocker locker(&m_mutex);
    m_queue.insert(m_queue.end(), tasks.begin(), tasks.end());
    kickLocked();
}

void AgentWorkers::clear()
{
    std::deque<QRunnable *> dropped;
    {
        const QMutexLocker locker(&m_mutex);
        dropped.swap(m_queue);
        if (m_running == 0)
            m_done.wakeAll();
    }
    for (QRunnable *task : dropped) {
        if (task->autoDelete())
            delete task;
    }
}

void AgentWorkers::waitForDone()
{
    QMutexLocker locker(&m_mutex);
    while (!m_queue.empty() || m_running > 0)
        m_done.wait(&m_mutex);
}

void AgentWorkers::releaseSlot()
{
    const QMutexLocker locker(&m_mutex);
    --m_holding;
    kickLocked();
}

void AgentWorkers::reserveSlot()
{
    const QMutexLocker locker(&m_mutex);
    ++m_holding;
}

int AgentWorkers::threadCount() const
{
    const QMutexLocker locker(&m_mutex);
    return static_cast<int>(m_workers.size()) - m_expired;
}

bool AgentWorkers::takeableLocked() const
{
    return !m_queue.empty() && m_holding < m_cap;
}

void AgentWorkers::kickLocked()
{
    // One worker on its way at a time: it wakes the next once it has taken its task, off this thread.
    if (m_waking > 0 || !takeableLocked())
        return;
    ++m_waking;
    if (!m_idle.empty()) {
        Worker *w = m_idle.back();
        m_idle.pop_back();
        w->woken = true;
        w->wake.wakeOne();
        return;
    }
    reapLocked();
    auto worker = std::make_unique<Worker>();
    Worker *w = worker.get();
    w->thread.reset(QThread::create([this, w] { work(w); }));
    w->thread->setObjectName(m_name);
    m_workers.push_back(std::move(worker));
    w->thread->start();
}

void AgentWorkers::reapLocked()
{
    if (m_expired == 0)
        return;
    // Their threads are past the mutex for good (they break out of work() holding it and only release it).
    const auto end = std::remove_if(m_workers.begin(), m_workers.end(), [](const std::unique_ptr<Worker> &w) {
        if (!w->expired)
            return false;
        w->thread->wait();
        return true;
    });
    m_workers.erase(end, m_workers.end());
    m_expired = 0;
}

void AgentWorkers::work(Worker *self)
{
#ifdef Q_OS_LINUX
    // Agents' threads wake often and briefly (10,000 live agents reporting ten times a second are 100,000 wake-ups a
    // second); as SCHED_BATCH (same nice, same CPU share) a waking agent does not preempt the window's thread.
    // Best effort: where it is refused the agents run as before.
    const sched_param param{};
    sched_setscheduler(0, SCHED_BATCH, &param);
#endif
    QMutexLocker locker(&m_mutex);
    --m_waking; // started as the worker on its way
    for (;;) {
        if (takeableLocked()) {
            QRunnable *task = m_queue.front();
            m_queue.pop_front();
            ++m_holding;
            ++m_running;
            kickLocked(); // more takeable: the next worker
            locker.unlock();
            const bool autoDelete = task->autoDelete();
            task->run();
            if (autoDelete)
                delete task;
            locker.relock();
            --m_running;
            --m_holding;
            if (m_running == 0 && m_queue.empty())
                m_done.wakeAll();
            continue; // the next queued one at once, without sleeping
        }
        if (m_stopping)
            break;
        self->woken = false;
        m_idle.push_back(self);
        const bool signalled = self->wake.wait(&m_mutex, QDeadlineTimer(kExpiryMs));
        if (self->woken) {
            --m_waking;
            continue;
        }
        // Timed out or woken spuriously: still listed as idle.
        m_idle.erase(std::find(m_idle.begin(), m_idle.end(), self));
        if (!signalled && !m_stopping && !takeableLocked()) {
            self->expired = true;
            ++m_expired;
            break;
        }
    }
}

} // namespace switchboard
