#include "SlurmQueue.h"

#include "SlurmChannel.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QMetaObject>
#include <QProcess>
#include <QThread>

#include <algorithm>
#include <limits>

namespace switchboard {

using namespace Qt::StringLiterals;

namespace {

qint64 nowMs()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer timer;
        timer.start();
        return timer;
    }();
    return clock.elapsed();
}

} // namespace

SlurmQueue &SlurmQueue::instance()
{
    static SlurmQueue queue;
    return queue;
}

SlurmQueue::SlurmQueue()
    : m_thread(QThread::create([this] { run(); }))
{
    m_thread->setObjectName(u"SlurmQueue"_s);
    m_thread->start();
}

SlurmQueue::~SlurmQueue()
{
    {
        const QMutexLocker locker(&m_mutex);
        m_stopping = true;
        m_changed.wakeAll();
    }
    m_thread->wait();
}

void SlurmQueue::watch(QObject *context, const QString &jobName, int intervalMs, Receiver receiver)
{
    const QMutexLocker locker(&m_mutex);
    m_watches.insert(jobName, Watch{context, std::move(receiver), intervalMs, nowMs()});
    m_changed.wakeAll();
}

void SlurmQueue::setInterval(const QString &jobName, int intervalMs)
{
    const QMutexLocker locker(&m_mutex);
    const auto it = m_watches.find(jobName);
    if (it == m_watches.end() || it->intervalMs == intervalMs)
        return;
    // The next question comes one new interval after the last answer, not after the old interval.
    it->dueMs += intervalMs - it->intervalMs;
    it->intervalMs = intervalMs;
    m_changed.wakeAll();
}

void SlurmQueue::unwatch(const QString &jobName)
{
    // Under the lock that answers are posted under: after this no answer is posted to the watcher's context,
    // and one posted before is dropped with the context when it is destroyed.
    const QMutexLocker locker(&m_mutex);
    m_watches.remove(jobName);
}

qint64 SlurmQueue::calls() const
{
    const QMutexLocker locker(&m_mutex);
    return m_calls;
}

void SlurmQueue::run()
{
    QMutexLocker locker(&m_mutex);
    qint64 lastCycleMs = std::numeric_limits<qint64>::min() / 2;
    while (!m_stopping) {
        const qint64 now = nowMs();
        qint64 nextDue = std::numeric_limits<qint64>::max();
        QStringList due;
        for (auto it = m_watches.cbegin(); it != m_watches.cend(); ++it) {
            if (it->dueMs <= now)
                due << it.key();
            else
                nextDue = std::min(nextDue, it->dueMs);
        }
        const qint64 cycleFree = lastCycleMs + CycleMs;
        if (due.isEmpty() || now < cycleFree) {
            const qint64 wakeAt = due.isEmpty() ? nextDue : cycleFree;
            if (wakeAt == std::numeric_limits<qint64>::max())
                m_changed.wait(&m_mutex);
            else
                m_changed.wait(&m_mutex, QDeadlineTimer(std::max<qint64>(1, wakeAt - now)));
            continue;
        }
        lastCycleMs = now;
        due.sort(); // the same order every time: easier to read in a process list or a shim's log
        locker.unlock();
        QHash<QString, Answer> answers;
        for (qsizetype from = 0; from < due.size(); from += MaxNamesPerCall)
            answers.insert(ask(due.mid(from, MaxNamesPerCall)));
        locker.relock();
        m_calls += (due.size() + MaxNamesPerCall - 1) / MaxNamesPerCall;
        const qint64 answered = nowMs();
        for (const QString &name : std::as_const(due)) {
            const auto it = m_watches.find(name);
            if (it == m_watches.end())
                continue; // unwatched while squeue ran
            it->dueMs = answered + it->intervalMs;
            QMetaObject::invokeMethod(
                it->context, [receiver = it->receiver, answer = answers.value(name)] { receiver(answer); },
                Qt::QueuedConnection);
        }
    }
}

QHash<QString, SlurmQueue::Answer> SlurmQueue::ask(const QStringList &names) const
{
    QHash<QString, Answer> answers;
    QProcess squeue;
    squeue.setProcessEnvironment(SlurmChannel::srunEnvironment(QProcessEnvironment::systemEnvironment()));
    // The name first: it routes each line to its job. Names are Switchboard's own (letters, digits, '-', '_',
    // '.'), so '|' and ',' cannot occur in them.
    squeue.start(u"squeue"_s, {u"-h"_s, u"--me"_s, u"--name"_s, names.join(u','), u"-o"_s, u"%j|%i|%T|%r|%N"_s});
    QString error;
    if (!squeue.waitForStarted(SlurmChannel::CommandTimeoutMs)) {
        error = u"cannot run squeue: %1"_s.arg(squeue.errorString());
    } else if (!squeue.waitForFinished(SlurmChannel::CommandTimeoutMs)) {
        squeue.kill();
        squeue.waitForFinished(1000);
        error = u"squeue did not answer within %1 s"_s.arg(SlurmChannel::CommandTimeoutMs / 1000);
    } else if (squeue.exitStatus() != QProcess::NormalExit || squeue.exitCode() != 0) {
        error = u"squeue failed (exit code %1): %2"_s.arg(squeue.exitCode())
                    .arg(QString::fromLocal8Bit(squeue.readAllStandardError()).trimmed());
    }
    if (!error.isEmpty()) {
        for (const QString &name : names)
            answers.insert(name, Answer{false, error, {}});
        return answers;
    }
    for (const QString &name : names)
        answers.insert(name, Answer{});
    const QList<QByteArray> lines = squeue.readAllStandardOutput().split('\n');
    for (const QByteArray &bytes : lines) {
        const QString line = QString::fromUtf8(bytes).trimmed();
        const qsizetype bar = line.indexOf(u'|');
        if (bar <= 0)
            continue;
        const auto it = answers.find(line.left(bar));
        if (it != answers.end() && it->line.isEmpty())
            it->line = line.mid(bar + 1); // the first job of that name, as squeue lists them
    }
    return answers;
}

} // namespace switchboard
