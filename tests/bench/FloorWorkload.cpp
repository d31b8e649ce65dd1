#include "FloorWorkload.h"

#include "ProcessStats.h"
#include "RunProbe.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QMutex>
#include <QThreadPool>
#include <QTimer>

namespace switchboard::bench {

namespace {
constexpr int kWaitTimeoutMs = 10 * 60 * 1000;

class FloorHarness final : public QObject
{
public:
    FloorHarness(int tasks, int parallel, bool batched)
        : m_tasks(tasks)
        , m_parallel(parallel)
        , m_batched(batched)
        , m_probe(tasks)
    {
        m_pool.setMaxThreadCount(parallel);
    }

    ~FloorHarness() override { m_pool.waitForDone(); }

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
        result.extras.add(QStringLiteral("path"), m_batched ? QStringLiteral("qthreadpool+batched-queued-calls")
                                                            : QStringLiteral("qthreadpool+queued-call-per-task"));
        result.extras.add(QStringLiteral("max_concurrency"), m_probe.maxConcurrent());
        result.extras.add(QStringLiteral("main_thread_wakeups"), m_wakeups);
        return result;
    }

private:
    void launch()
    {
        const QString id = QString::number(m_started++);
        ++m_running;
        m_pool.start([this, id] {
            m_probe.end(m_probe.begin(id));
            if (!m_batched) {
                QMetaObject::invokeMethod(
                    this, [this] { handleFinished(1); }, Qt::QueuedConnection);
                return;
            }
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
        while (m_running < m_parallel && m_started < m_tasks)
            launch();
        if (m_completed == m_tasks && m_loop)
            m_loop->quit();
    }

    const int m_tasks;
    const int m_parallel;
    const bool m_batched;
    RunProbe m_probe;
    QThreadPool m_pool;
    QEventLoop *m_loop = nullptr;
    int m_started = 0;
    int m_running = 0;
    int m_completed = 0;
    int m_wakeups = 0;
    QMutex m_mutex;
    int m_finishedUnseen = 0; // guarded by m_mutex
    bool m_posted = false;    // guarded by m_mutex
};
} // namespace

RunResult runFloorWorkload(int tasks, int parallel, bool batched)
{
    FloorHarness harness(tasks, parallel, batched);
    return harness.run();
}

} // namespace switchboard::bench
