#pragma once

#include "persistence/SqliteStatementCache.h"
#include "persistence/StoreBatchApplier.h"
#include "persistence/StoreIntegrity.h"
#include "persistence/StoreLogSampler.h"
#include "persistence/StoreWrite.h"
#include "persistence/StoreWriteJob.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QThread>
#include <QWaitCondition>

#include <unordered_map>
#include <vector>

namespace switchboard {

// The Store's one writer: a thread with its own named connection that drains a queue of writes and commits
// everything queued at that moment in one transaction (the qBittorrent DBResumeDataStorage::Worker
// pattern). Each submission runs inside a savepoint, so one rejected write (a constraint, an unknown run)
// does not take its neighbours down; a storage error (disk full, I/O) rolls the whole batch back and puts
// the writer in a failed state in which everything is refused. Log lines without a callback do not queue: they
// wait in a StoreLogSampler (bounded per agent and in all) and go into the next batch, so a flood of output costs
// the writer at most the newest lines per agent per transaction. Used only through Store.
class StoreWriter final : public QThread
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreWriter)

public:
    // Called on the writer thread once the submission was committed (true) or not (false).
    using Done = StoreWriteJob::Done;
    // A piece of work on the writer's connection (test hooks); returns an error message or "".
    using Task = StoreWriteJob::Task;

    struct Config
    {
        QString databasePath;
        QString connectionName;
        int logLinesKept = 500;                         // the newest lines per agent in agent_log
        qsizetype maxPendingLogBytes = 4 * 1024 * 1024; // log text waiting for the writer, all agents together
        int busyTimeoutMs = 5000;
        // Free pages left for reuse; past that many the writer gives them back (incremental vacuum).
        int freePagesKept = 1024;
        StoreIntegrity::Level integrityCheck = StoreIntegrity::Level::Quick; // at open, before any write
    };

    struct Stats
    {
        quint64 transactions = 0;       // committed batches
        quint64 writes = 0;             // committed StoreWrites
        quint64 coalesced = 0;          // progress/usage writes replaced by a later one before they were written
        quint64 rejected = 0;           // submissions rolled back on their own (constraint, unknown run, ...)
        quint64 folded = 0;             // attempts whose start and end were written as one (planFolds())
        double busyCpuMs = 0.0;         // CPU time of the writer thread spent on batches (for the benchmarks)
        quint64 logLinesSampledOut = 0; // log lines never written to agent_log (newer ones replaced them)
        quint64 vacuumedPages = 0;      // free pages given back to the file system
    };

    explicit StoreWriter(Config config, QObject *parent = nullptr);
    ~StoreWriter() override;

    // After start(): blocks until the connection is open, configured and migrated, or failed.
    bool waitUntilReady(QString *error);

    // Thread-safe. False (done not called, and left to the caller) when the writer has failed or is stopping; done
    // is moved from only when the writes were taken (copying a callback and its captures was a visible part of
    // submitting a goal's final state).
    bool enqueue(QList<StoreWrite> writes, Done &done);
    bool enqueue(QList<StoreWrite> writes, Done &&done) { return enqueue(std::move(writes), done); }
    bool enqueueTask(Task task, Done done);
    // Blocks until everything enqueued before the call is committed or refused; false if the writer failed.
    bool flush();
    // Drains the queue, then ends the thread (waits for it).
    void stop();
    // Test hook: while held, nothing is written (so a test can queue many writes and see one batch).
    void setHeld(bool held);

    bool isFailed() const;
    QString failure() const;
    // After waitUntilReady() failed: the file is damaged (its check failed, or SQLite called it corrupt).
    bool openDamaged() const { return m_openDamaged; }
    Stats stats() const;

Q_SIGNALS:
    // Emitted on the writer thread, once, when a storage error stops all writing.
    void failed(const QString &message);
    // Emitted on the writer thread, once, when the connection is open, checked and migrated, or has failed to be:
    // waitUntilReady() then returns at once (Store::openInBackground waits for this instead of blocking).
    void openFinished();

protected:
    void run() override;

private:
    bool openConnection(QString *error);
    // auto_vacuum = INCREMENTAL for a new database; an old one that carries many free pages is converted (VACUUM).
    void setUpVacuum(QSqlQuery &query);
    void closeConnection();
    void processInSlices(std::vector<StoreWriteJob> &batch);
    void processBatch(std::vector<StoreWriteJob> &batch);
    // After a commit: gives the free pages back to the file system when there are more than Config::freePagesKept.
    void vacuumIfNeeded();
    void enterFailed(const QString &message);

    const Config m_config;
    QSqlDatabase m_db; // writer thread only
    SqliteStatementCache m_statements;
    StoreBatchApplier m_applier;

    mutable QMutex m_mutex;
    QWaitCondition m_wake;     // the writer waits for work
    QWaitCondition m_progress; // flush() and waitUntilReady() wait for the writer
    std::vector<StoreWriteJob> m_queue;
    std::unordered_map<QString, size_t> m_coalesceIndex; // coalesce key -> index in m_queue
    StoreLogSampler m_logs;                              // log lines without a callback, for the next batch
    quint64 m_logsSeq = 0;                               // the sequence number of the latest of them
    bool m_incrementalVacuum = false;                    // writer thread only
    quint64 m_nextSeq = 1;
    quint64 m_processedSeq = 0;
    bool m_ready = false;
    bool m_openFailed = false;
    bool m_openDamaged = false; // set on the writer thread before m_openFailed, read after waitUntilReady()
    QString m_openError;
    bool m_stopping = false;
    bool m_held = false;
    bool m_failed = false;
    QString m_failure;
    Stats m_stats;
};

} // namespace switchboard
