#pragma once

#include "persistence/StoreWrite.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QThread>
#include <QWaitCondition>

#include <functional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace switchboard {

// The Store's one writer: a thread with its own named connection that drains a queue of writes and commits
// everything queued at that moment in one transaction (the qBittorrent DBResumeDataStorage::Worker
// pattern). Each submission runs inside a savepoint, so one rejected write (a constraint, an unknown run)
// does not take its neighbours down; a storage error (disk full, I/O) rolls the whole batch back and puts
// the writer in a failed state in which everything is refused. Used only through Store.
class StoreWriter final : public QThread
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreWriter)

public:
    // Called on the writer thread once the submission was committed (true) or not (false).
    using Done = std::function<void(bool committed)>;
    // A piece of work on the writer's connection (test hooks); returns an error message or "".
    using Task = std::function<QString(QSqlDatabase &db)>;

    struct Config
    {
        QString databasePath;
        QString connectionName;
        QString logDirectory; // full logs are appended to <logDirectory>/<agent>.log
        int logLinesKept = 500;
        int busyTimeoutMs = 5000;
    };

    struct Stats
    {
        quint64 transactions = 0; // committed batches
        quint64 writes = 0;       // committed StoreWrites
        quint64 coalesced = 0;    // progress/usage writes replaced by a later one before they were written
        quint64 rejected = 0;     // submissions rolled back on their own (constraint, unknown run, ...)
        quint64 folded = 0;       // attempts whose start and end were written as one (planFolds())
        double busyCpuMs = 0.0;   // CPU time of the writer thread spent on batches (for the benchmarks)
        quint64 logSpillErrors = 0;
    };

    explicit StoreWriter(Config config, QObject *parent = nullptr);
    ~StoreWriter() override;

    // After start(): blocks until the connection is open, configured and migrated, or failed.
    bool waitUntilReady(QString *error);

    // Thread-safe. False (done not called) when the writer has failed or is stopping.
    bool enqueue(QList<StoreWrite> writes, Done done);
    bool enqueueTask(Task task, Done done);
    // Blocks until everything enqueued before the call is committed or refused; false if the writer failed.
    bool flush();
    // Drains the queue, then ends the thread (waits for it).
    void stop();
    // Test hook: while held, nothing is written (so a test can queue many writes and see one batch).
    void setHeld(bool held);

    bool isFailed() const;
    QString failure() const;
    Stats stats() const;

    // The file name (in Config::logDirectory) of an agent's full log; safe for any agent id.
    static QString logFileName(const QString &agentId);

Q_SIGNALS:
    // Emitted on the writer thread, once, when a storage error stops all writing.
    void failed(const QString &message);

protected:
    void run() override;

private:
    struct Job
    {
        QList<StoreWrite> writes;
        Task task;
        Done done;
        quint64 seq = 0;
        bool ok = true;
    };
    struct WriteError
    {
        bool storage = false; // disk full, I/O, corruption: stop everything
        QString message;
    };

    bool openConnection(QString *error);
    void closeConnection();
    void processBatch(std::vector<Job> &batch);
    // Applies every job of the batch inside the open transaction. With savepoints each job is its own unit (a
    // rejected one is rolled back alone); without, the first rejected job fails the attempt (false, error not
    // storage) and the caller rolls the transaction back and applies the batch again with savepoints.
    bool applyBatch(std::vector<Job> &batch, bool savepoints, WriteError *error);
    bool applyJob(Job &job, bool savepoint, WriteError *error);
    // Finds the agents whose start (Running) and end (a final state) of the same attempt are both in the batch
    // with nothing else about the agent's row or attempt in between: applyPayload(Transition) then writes the
    // agent row and the attempt once, with both, instead of twice (four statements less per such goal).
    void planFolds(const std::vector<Job> &batch);
    bool apply(const StoreWrite &write, WriteError *error);
    bool applyPayload(const StoreWrite::RunStarted &w, WriteError *error);
    bool applyPayload(const StoreWrite::RunFinished &w, WriteError *error);
    bool applyPayload(const StoreWrite::GoalAdded &w, WriteError *error);
    bool applyPayload(const StoreWrite::Transition &w, WriteError *error);
    bool applyFoldedEnd(const StoreWrite::Transition &start, const StoreWrite::Transition &end, WriteError *error);
    bool applyPayload(const StoreWrite::Progress &w, WriteError *error);
    bool applyPayload(const StoreWrite::Usage &w, WriteError *error);
    bool applyPayload(const StoreWrite::EscalationChanged &w, WriteError *error);
    bool applyPayload(const StoreWrite::LockEventRecorded &w, WriteError *error);
    bool applyPayload(const StoreWrite::LogLines &w, WriteError *error);
    bool applyPayload(const StoreWrite::NoteWritten &w, WriteError *error);
    bool trimLogs(WriteError *error);
    void spillLogs();
    // Runs a statement (prepared once per connection, through the SQLite C API) with positional values.
    bool exec(const QString &sql, const QVariantList &values, WriteError *error, int *rowsAffected = nullptr);
    bool execPlain(const QString &sql, WriteError *error);
    WriteError errorFrom(int code, const QString &text) const;
    void enterFailed(const QString &message);

    const Config m_config;
    QSqlDatabase m_db;           // writer thread only
    sqlite3 *m_handle = nullptr; // m_db's own connection (the QSQLITE driver's handle)
    // Statements are looked up by their text, nearly always the same QStringLiteral: the hash reads the length
    // and the first characters only, and equal data pointers compare equal without reading the text (hashing and
    // comparing whole statements of ~600 characters was a tenth of the writer's time).
    struct SqlHash
    {
        size_t operator()(const QString &sql) const noexcept;
    };
    struct SqlEqual
    {
        bool operator()(const QString &a, const QString &b) const noexcept;
    };
    std::unordered_map<QString, sqlite3_stmt *, SqlHash, SqlEqual> m_prepared;
    std::vector<QByteArray> m_boundText; // UTF-8 of the text values bound to the statement being run
    // planFolds(), for the batch being applied without savepoints (empty otherwise).
    std::unordered_set<const StoreWrite::Transition *> m_foldedStarts;
    std::unordered_map<const StoreWrite::Transition *, const StoreWrite::Transition *> m_foldedEnds; // end -> start
    QStringList m_touchedLogAgents;                   // this batch, for trimming
    std::vector<StoreWrite::LogLines> m_pendingSpill; // this batch, appended to files after commit

    mutable QMutex m_mutex;
    QWaitCondition m_wake;     // the writer waits for work
    QWaitCondition m_progress; // flush() and waitUntilReady() wait for the writer
    std::vector<Job> m_queue;
    std::unordered_map<QString, size_t> m_coalesceIndex; // coalesce key -> index in m_queue
    quint64 m_nextSeq = 1;
    quint64 m_processedSeq = 0;
    bool m_ready = false;
    bool m_openFailed = false;
    QString m_openError;
    bool m_stopping = false;
    bool m_held = false;
    bool m_failed = false;
    QString m_failure;
    Stats m_stats;
};

} // namespace switchboard
