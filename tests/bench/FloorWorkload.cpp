#include "FloorWorkload.h"

#include "ProcessStats.h"
#include "RunProbe.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QMutex>
#include <QThreadPool>
#include <QTimer>
#include <QWaitCondition>

#include <deque>

namespace switchboard::bench {

namespace {
constexpr int kWaitTimeoutMs = 10 * 60 * 1000;

class FloorHarness final : public QObject
{
public:
    FloorHarness(int tasks, int parallel, FloorMode mode)
        : m_tasks(tasks)
        , m_parallel(parallel)
        , m_mode(mode)
        , m_probe(tasks)
    {
        m_pool.setMaxThreadCount(parallel);
    }

    ~FloorHarness() override
    {
        {
            const QMutexLocker locker(&m_mutex);
            m_done = true;
            m_queueChanged.wakeAll();
        }
        m_pool.waitForDone();
    }

    RunResult run()
    {
        RunResult result;
        result.tasks = m_tasks;
        result.parallel = m_parallel;
        QEventLoop loop;
        m_loop = &loop;
        QTimer::singleShot(kWaitTimeoutMs, &loop, &QEventLoop::quit);
        const double cpuBefore = ProcessStats::cpuMs();
        const double threadCpuBefore = ProcessStats::threadCpuMs();
        QElapsedTimer clock;
        clock.start();
        if (m_mode == FloorMode::Pull) {
            for (int w = 0; w < m_parallel; ++w)
                m_pool.start([this] { pullLoop(); });
        }
        handleFinished(0);
        if (m_completed < m_tasks)
            loop.exec();
        result.wallMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        result.cpuMs = ProcessStats::cpuMs() - cpuBefore;
        result.mainThreadCpuMs = ProcessStats::threadCpuMs() - threadCpuBefore;
        m_loop = nullptr;

        result.check(m_completed == m_tasks, QStringLiteral("%1 of %2 tasks completed").arg(m_completed).arg(m_tasks));
        int wrong = 0;
        for (int i = 0; i < m_tasks; ++i)
            wrong += m_probe.runs(i) == 1 ? 0 : 1;
        result.check(wrong == 0, QStringLiteral("%1 tasks did not run exactly once").arg(wrong));
        result.check(m_probe.maxConcurrent() <= m_parallel,
                     QStringLiteral("%1 ran at once, cap %2").arg(m_probe.maxConcurrent()).arg(m_parallel));
        const char *path = m_mode == FloorMode::QueuedPerTask ? "qthreadpool+queued-call-per-task"
                           : m_mode == FloorMode::Batched     ? "qthreadpool+batched-queued-calls"
                           : m_mode == FloorMode::Pull        ? "long-lived-workers+pull-queue+batched-calls"
                                                              : "qthreadpool+2C-submitted-ahead+batched-calls";
        result.extras.add(QStringLiteral("path"), path);
        result.extras.add(QStringLiteral("max_concurrency"), m_probe.maxConcurrent());
        result.extras.add(QStringLiteral("main_thread_wakeups"), m_wakeups);
        return result;
    }

private:
    void runTask(const QString &id) { m_probe.end(m_probe.begin(id)); }

    // Counts a completion; the first of a burst posts the call that hands the tally to the main thread.
    void reportBatched()
    {
        bool post = false;
        {
            const QMutexLocker locker(&m_mutex);
            ++m_finishedUnseen;
            post = !m_posted;
            m_posted = true;
        }
        if (post)
            QMetaObject::invokeMethod(
                this, [this] { drain(); }, Qt::QueuedConnection);
    }

    void pullLoop()
    {
        for (;;) {
            QString id;
            {
                QMutexLocker locker(&m_mutex);
                while (m_queue.empty() && !m_done)
                    m_queueChanged.wait(&m_mutex);
                if (m_queue.empty())
                    return;
                id = std::move(m_queue.front());
                m_queue.pop_front();
            }
            runTask(id);
            reportBatched();
        }
    }

    void launch()
    {
        const QString id = QString::number(m_started++);
        ++m_running;
        if (m_mode == FloorMode::Pull) {
            m_queue.push_back(id); // under m_mutex, held by the caller
            return;
        }
        m_pool.start([this, id] {
            runTask(id);
            if (m_mode == FloorMode::Batched || m_mode == FloorMode::Lookahead)
                reportBatched();
            else
                QMetaObject::invokeMethod(
                    this, [this] { handleFinished(1); }, Qt::QueuedConnection);
        });
    }

    void drain()
    {
        int count = 0;
        {
            const QMutexLocker locker(&m_mutex);
            count = m_finishedUnseen;
            m_finishedUnseen = 0;
            m_posted = false;
        }
        handleFinished(count);
    }

    void handleFinished(int count)
    {
        ++m_wakeups;
        m_completed += count;
        m_running -= count;
        if (m_mode == FloorMode::Pull) {
            // "Running" here is queued or running: keep 2C ahead so no worker waits for the main thread.
            const QMutexLocker locker(&m_mutex);
            const bool wasEmpty = m_queue.empty();
            while (m_running < 2 * m_parallel && m_started < m_tasks)
                launch();
            if (wasEmpty && !m_queue.empty())
                m_queueChanged.wakeAll();
        } else {
            const int ahead = m_mode == FloorMode::Lookahead ? 2 * m_parallel : m_parallel;
            while (m_running < ahead && m_started < m_tasks)
                launch();
        }
        if (m_completed == m_tasks && m_loop)
            m_loop->quit();
    }

    const int m_tasks;
    const int m_parallel;
    const FloorMode m_mode;
    RunProbe m_probe;
    QThreadPool m_pool;
    QEventLoop *m_loop = nullptr;
    int m_started = 0;
    int m_running = 0;
    int m_completed = 0;
    int m_wakeups = 0;
    QMutex m_mutex;
    QWaitCondition m_queueChanged;
    std::deque<QString> m_queue; // guarded by m_mutex
    int m_finishedUnseen = 0;    // guarded by m_mutex
    bool m_posted = false;       // guarded by m_mutex
    bool m_done = false;         // guarded by m_mutex
};
} // namespace

RunResult runFloorWorkload(int tasks, int parallel, FloorMode mode)
{
    FloorHarness harness(tasks, parallel, mode);
    return harness.run();
}

} // namespace switchboard::bench
