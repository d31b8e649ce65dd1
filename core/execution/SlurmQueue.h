#pragma once

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWaitCondition>

#include <functional>
#include <memory>

class QThread;

namespace switchboard {

// One squeue for every Slurm job this Switchboard watches (issue 19): each SlurmChannel asks about its own job
// at its own pace (every 250 ms until the job id is known, 2 s while it waits in the queue, 15 s once it runs),
// and the jobs that are due are asked about together, in one `squeue --me --name a,b,c` per cycle, on a thread
// of the queue's own. Fifty agents in Slurm's queue were fifty squeue processes every two seconds, each one a
// request to slurmctld; they are now one.
class SlurmQueue final
{
public:
    // What squeue said about one job: its "id|STATE|reason|nodes" line, empty when it lists no job of that name
    // (not registered yet, or gone); ok false with the error when squeue failed.
    struct Answer
    {
        bool ok = true;
        QString error;
        QString line;
    };
    using Receiver = std::function<void(const Answer &)>;

    // How many job names one squeue asks about at most (a command line stays short).
    static constexpr int MaxNamesPerCall = 100;
    // The shortest time between two cycles.
    static constexpr int CycleMs = 250;

    static SlurmQueue &instance();
    ~SlurmQueue();
    SlurmQueue(const SlurmQueue &) = delete;
    SlurmQueue &operator=(const SlurmQueue &) = delete;

    // Asks about jobName every intervalMs, the first time at once; each answer runs receiver on context's thread
    // (queued). Call unwatch() from context's thread before context is destroyed.
    void watch(QObject *context, const QString &jobName, int intervalMs, Receiver receiver);
    void setInterval(const QString &jobName, int intervalMs);
    void unwatch(const QString &jobName);
    // How many squeue commands have run (for the tests).
    qint64 calls() const;

private:
    struct Watch
    {
        QObject *context = nullptr;
        Receiver receiver;
        int intervalMs = 0;
        qint64 dueMs = 0;
    };

    SlurmQueue();
    void run();
    // squeue for these names: each name's answer.
    QHash<QString, Answer> ask(const QStringList &names) const;

    mutable QMutex m_mutex;
    QWaitCondition m_changed;
    QHash<QString, Watch> m_watches;
    std::unique_ptr<QThread> m_thread;
    qint64 m_calls = 0;
    bool m_stopping = false;
};

} // namespace switchboard
