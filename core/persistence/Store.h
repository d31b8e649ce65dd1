#pragma once

#include "model/NoteRecord.h"
#include "persistence/RunHistory.h"
#include "persistence/RunRecord.h"
#include "persistence/RunTotals.h"
#include "persistence/StoreIntegrity.h"
#include "persistence/StoreSnapshot.h"
#include "persistence/StoreWrite.h"
#include "persistence/StoreWriter.h"

#include <QAtomicInteger>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>

class QThread;

namespace switchboard {

class DatabaseGuard;

// The durable record of everything Switchboard does, in one SQLite file (Qt Sql, QSQLITE, WAL): runs, goals,
// every agent state change, attempts with results and usage, escalations and answers, lock events, the
// agent log and the shared scratchpad. The source of truth after a crash.
//
// Threads: the Store is a QObject on its owner's thread (the orchestrator's). Writes go to one writer thread
// that commits whatever is queued in one transaction; submit() and flush() may be called from any thread.
// Reads use one named connection per calling thread (created on first use, removed when that thread
// finishes or the Store closes) and see committed data only.
//
// Durable before reported: a caller that must not report something before it is on disk passes a callback
// to submit() and reports from it. The callback runs once, committed = true after the transaction that holds
// the write is committed (the row is then readable from any connection), false if the write was refused
// (read-only, storage failed, closed) or rejected on its own (unknown run or agent: a wiring bug, logged;
// the rest of the batch still commits). It is invoked queued on the Store's thread, or on `context`'s
// thread with the overloads that take one; it is dropped if that object (or the Store) is destroyed before
// it runs. context = nullptr runs it on the writer thread, for threads without an event loop: keep it short
// and thread-safe, and never call flush() from it. Progress and usage need no callback and are coalesced:
// the latest per agent (and attempt) wins, after everything submitted before it.
//
// open(), openReadOnly() and close() belong to the owner's thread and must not race with submit() or reads
// on other threads (stop the agents first).
//
// Orchestrator integration (the lead wires this):
//  - start:   Store store; if (!store.open(path, &err)) { if (store.openFailedInUse()) offer openReadOnly(); }
//             snapshot = store.load(); markInterrupted() -> those agents become Interrupted (then retried as a
//             new attempt, or offered to the user); LockManager::setTokenFloor(snapshot.maxFencingToken);
//             EscalationInbox::setIdFloor(snapshot.lastEscalationNumber) + preload(closed escalations);
//             agent/goal numbering continues above snapshot.lastAgentNumber / lastGoalNumber.
//  - a run:   runId = nextRunId(); submit(StoreWrite::runStarted(runId, name, planFile, maxParallel)).
//  - spawn:   submitAll({goalAdded(runId, goal, agentId, name, profile), ...}, this, [..](bool ok) {
//             if (ok) emit agentSpawned and schedule; }) -- all or nothing, one callback for a parallel spawn.
//  - state:   submit(StoreWrite::transition(status)) on every setState(); for Running/WaitingForLock/
//             Escalated/Interrupted no callback is needed (they are written in order before anything later).
//  - finish:  submit(StoreWrite::finished(status, result), this, [..](bool ok) { emit agentCompleted/
//             agentFailed/agentCancelled; }) -- the final state and the result in one write.
//  - progress/usage: submit(StoreWrite::progress(..)) / submit(StoreWrite::usage(agent, attempt, totals..)).
//  - escalation: submit(StoreWrite::escalation(e)) on escalationRaised; on an answer from the human, submit
//             the answered escalation with a callback and hand the answer to the agent from the callback.
//  - locks:   submit(StoreWrite::lockEvent(event)) on LockManager::lockEvent.
//  - log:     submit(StoreWrite::log(agent, lines)) with the lines of AgentLog::takeNew() on the update tick;
//             without a callback they are sampled (the newest per agent, bounded in all), not queued.
//  - notes:   submit(StoreWrite::note(runId, key, text, agent)); notes(runId) reads them back.
//  - transcript: submit(StoreWrite::transcript(entries)) with what model agents recorded; transcript(agent).
//  - run end: submit(StoreWrite::runFinished(runId, summary())); at quit: flush(), then destroy.
//  - storageFailed(message): stop dispatching, show the message as a banner; reads keep working.
class Store final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Store)

public:
    using CommitCallback = std::function<void(bool committed)>;
    using Stats = StoreWriter::Stats;

    // Lines of each agent's log kept in the database; the whole log is in logFilePath(agent).
    static constexpr int kLogLinesKept = 500;
    // Log text (all agents together) waiting for the writer; beyond it the oldest waiting lines are dropped from
    // the table (never from the log files), so memory does not follow the agents' output rate.
    static constexpr qsizetype kMaxPendingLogBytes = 4 * 1024 * 1024;
    // Free pages the database may hold for reuse; past that many the writer returns them (incremental vacuum).
    static constexpr int kFreePagesKept = 1024;
    static constexpr int kBusyTimeoutMs = 5000;

    explicit Store(QObject *parent = nullptr);
    ~Store() override; // close()

    // QStandardPaths::AppDataLocation/switchboard.db (callers pass --db PATH instead when given).
    static QString defaultPath();
    // <database>.lock: held by the one Switchboard that writes to the database (beside the file itself, symlinks
    // followed).
    static QString lockFilePath(const QString &databasePath);

    // Opens (creating or migrating) the database for writing, taking its one-writer guard (DatabaseGuard: the
    // lock file and a lock on the file's identity, so a symlink or hard link to a database another Switchboard
    // writes is refused too). path() is then the file itself, links followed. Fails with a clear message when
    // another Switchboard holds it ("database X is in use by another Switchboard (pid N on host H)";
    // openFailedInUse() is then true), when it cannot be opened or is newer than this build.
    bool open(const QString &path, QString *error = nullptr);
    // open() without blocking the caller, for the dashboard's start-up: what is known at once fails here as in
    // open() (no path, the directory, another Switchboard holding the file: openFailedInUse()); otherwise it returns
    // true with the store opening (isOpening()) while the writer thread checks the file (integrityCheck(), seconds
    // for a big one), switches it to WAL and migrates it. openFinished() then says how that went, on this thread;
    // until then every write is refused and nothing can be read (readConnection() is invalid).
    bool openInBackground(const QString &path, QString *error = nullptr);
    // Opens an existing, up-to-date database for reading only, without the lock: for a second instance
    // or `switchboard status`. Every write is refused with lastError() saying so.
    // Both opens check the file first (integrityCheck()): a damaged one is refused (openFailedDamaged()) with a
    // message that says so and how to recover what can be read, never opened as an empty or partial run.
    bool openReadOnly(const QString &path, QString *error = nullptr);
    // The check at the next open: quick_check (default) or the full integrity_check (`--check`).
    void setIntegrityCheck(StoreIntegrity::Level level) { m_integrityCheck = level; }
    StoreIntegrity::Level integrityCheck() const { return m_integrityCheck; }
    // Commits what is queued, stops the writer, removes every connection and releases the lock.
    void close();

    bool isOpen() const { return m_mode == Mode::ReadWrite || m_mode == Mode::ReadOnly; }
    // openInBackground() has not finished yet.
    bool isOpening() const { return m_mode == Mode::Opening; }
    bool isReadOnly() const { return m_mode == Mode::ReadOnly; }
    // A storage error (disk full, I/O) stopped all writing; lastError() says what. Reads still work.
    bool isFailed() const;
    bool openFailedInUse() const { return m_openFailedInUse; }
    // The last open failed because the file is damaged (its check failed, or SQLite called it corrupt).
    bool openFailedDamaged() const { return m_openFailedDamaged; }
    // The storage failure, the refusal of the last write, or why open failed.
    QString lastError() const;
    QString path() const { return m_path; }
    // <database directory>/logs: each agent's full output, written by its AgentLog as it comes (the table keeps
    // only the newest kLogLinesKept lines).
    QString logDirectory() const;
    QString logFilePath(const QString &agentId) const;
    // The file name of an agent's full log in logDirectory(); safe for any agent id.
    static QString logFileName(const QString &agentId);

    // --- writes (any thread) ---
    // False (and the callback gets false) when the write is refused at once: closed, read-only or failed.
    bool submit(StoreWrite write, CommitCallback onCommitted = {});
    bool submit(StoreWrite write, QObject *context, CommitCallback onCommitted);
    // All or nothing: every write commits in the same transaction, or none does; one callback.
    bool submitAll(QList<StoreWrite> writes, CommitCallback onCommitted = {});
    bool submitAll(QList<StoreWrite> writes, QObject *context, CommitCallback onCommitted);
    // Blocks until everything submitted before the call is committed (or refused). True when all of it was
    // written; false after a storage failure or when not open for writing. Callbacks still arrive queued.
    bool flush();
    // "r-N", above every run id in the database. Thread-safe.
    QString nextRunId();

    // --- recovery (the calling thread's connection) ---
    // Everything to rebuild the board; runId limits runs/goals/agents/escalations to one run (counters and the
    // fencing token are always global).
    StoreSnapshot load(const QString &runId = {}, QString *error = nullptr) const;
    // Moves every agent that was Running, WaitingForLock, Escalated or Paused to Interrupted (a transition and
    // the end of its attempt, error "interrupted: ..."), durably, before returning. Returns their ids; empty
    // with *error when it could not be written. Call it right after open(), before anything runs.
    QStringList markInterrupted(QString *error = nullptr);

    // --- process groups of attempts (see ProcessGroupRecord) ---
    // Records the group an attempt started (queued: committed with the writer's next batch, not waited for);
    // false when the write is refused (storage failed). Any thread; true without a database open for writing
    // (nothing to record into).
    bool recordProcessGroup(const ProcessGroupRecord &record);
    // The groups not known to be gone: those of a Switchboard that stopped (crashed) while they ran.
    QList<ProcessGroupRecord> openProcessGroups(QString *error = nullptr) const;
    // Durably marks them gone (after OrphanReaper ended them); false with *error when it could not be written.
    bool markProcessGroupsEnded(const QList<ProcessGroupRecord> &records, QString *error = nullptr);

    // --- jobs of attempts on other executors (issue 19, see ExecutorRecord) ---
    // Records where an attempt's program runs. With waitForCommit, returns once it is committed (false when it was
    // not): a job must not be submitted while a crash could still forget its name. Any thread; true without a
    // database open for writing.
    bool recordExecutor(const ExecutorRecord &record, bool waitForCommit);
    // The jobs of attempts that never ended: those of a Switchboard that stopped (crashed) while they ran; only
    // those of the given runs unless runIds is empty. Any thread (the calling thread's read connection).
    QList<ExecutorRecord> openExecutorJobs(QString *error = nullptr, const QStringList &runIds = {}) const;
    // Moves these agents (id -> why) to Failed with error kind "executor", durably: the job of their last attempt
    // could not be ended, so they must not start again on their own. False with *error when it was not written.
    // Any thread (it reads with the calling thread's connection and waits for the writer with flush()).
    bool failAgents(const QHash<QString, QString> &reasons, QString *error = nullptr);

    // --- history (the calling thread's connection) ---
    // Empty with *error when they cannot be read (never "no runs" for a file that fails to read).
    QList<RunRecord> runs(QString *error = nullptr) const;
    RunHistory history(const QString &runId = {}, QString *error = nullptr) const;
    // The last kLogLinesKept lines of the agent's log.
    QStringList agentLog(const QString &agentId) const;
    // The agent's model transcript (every attempt, or only `attempt` when > 0), oldest step first.
    QList<TranscriptEntry> transcript(const QString &agentId, int attempt = 0) const;
    // How many goals the run has, cheaply (before load() reads them all); -1 when it cannot be read.
    int goalCount(const QString &runId) const;
    // Every run's goal counts by state, attempts, tokens and cost, in the order of runs(), without reading a
    // run's rows (a run list of a database with 100,000 goals).
    QList<RunTotals> runTotals(QString *error = nullptr) const;
    QList<NoteRecord> notes(const QString &runId) const;
    // The goals' git worktrees of a run (every run when empty).
    QList<WorktreeRecord> worktrees(const QString &runId = {}) const;
    quint64 maxFencingToken() const;
    // The calling thread's read connection (query_only; read-only open flag for openReadOnly()). Do not keep
    // copies beyond the current function: the Store removes the connection when the thread or it ends.
    QSqlDatabase readConnection() const;

    Stats stats() const;

    // --- test hooks ---
    // PRAGMA max_page_count on the writer's connection (disk-full simulation); returns the new limit, or -1.
    int setMaxPageCountForTesting(int pages);
    // While held, the writer writes nothing; release before flush().
    void setWritesHeldForTesting(bool held);
    // While held, an openInBackground() whose check has ended is not taken up: the store stays isOpening(), as
    // during a long check. Releasing it takes it up (openFinished() follows, on a later turn of the event loop).
    void setOpenHeldForTesting(bool held);

Q_SIGNALS:
    // An openInBackground() has ended: opened, or not (lastError() says why; openFailedDamaged() when the file is
    // damaged). Not emitted by open(), nor for an open that close() ended first.
    void openFinished(bool opened);
    // A commit failed for a storage reason; every later write is refused. Emitted once, on the Store's thread.
    void storageFailed(const QString &message);

private:
    enum class Mode
    {
        Closed,
        Opening, // openInBackground(): the writer checks and migrates the file
        ReadWrite,
        ReadOnly,
    };

    // open()'s first part (the guard, the writer started); background: openFinished() will follow.
    bool startOpen(const QString &path, bool background, QString *error);
    // Its second part, once the writer is ready or has failed (waitUntilReady()).
    bool finishOpen(QString *error);
    void handleWriterOpened(quint64 generation);
    bool failOpen(const QString &message, QString *error);
    bool refuse(const QString &why, CommitCallback &onCommitted, QObject *context, bool hasContext);
    bool enqueue(QList<StoreWrite> writes, QObject *context, bool hasContext, CommitCallback onCommitted);
    void handleWriterFailed(const QString &message);
    // Called on the writer thread for each committed (or failed) submission that has a callback: queues it
    // for deliverCallbacks(), posting one event per burst rather than one per callback.
    void queueCallback(const QPointer<QObject> &target, const CommitCallback &callback, bool committed);
    void deliverCallbacks();
    void removeReaders();
    void setLastError(const QString &message);

    const quint64 m_instance;
    quint64 m_generation = 0;               // per open(), so connection names never clash with a closed one's
    std::atomic<Mode> m_mode{Mode::Closed}; // read by submit() on any thread
    QString m_path;
    std::unique_ptr<DatabaseGuard> m_guard;
    std::unique_ptr<StoreWriter> m_writer;
    bool m_openFailedInUse = false;
    bool m_openFailedDamaged = false;
    StoreIntegrity::Level m_integrityCheck = StoreIntegrity::Level::Quick;
    bool m_openHeld = false;       // setOpenHeldForTesting()
    bool m_openWaitsForUs = false; // the writer has finished opening while held
    QAtomicInteger<quint64> m_lastRunNumber = 0;

    mutable QMutex m_mutex; // guards the members below
    QString m_lastError;
    struct Reader
    {
        QString connectionName;
        QMetaObject::Connection threadFinished;
    };
    mutable QHash<QThread *, Reader> m_readers;

    struct Delivery
    {
        QPointer<QObject> target;
        CommitCallback callback;
        bool committed = false;
    };
    QMutex m_deliveryMutex; // guards the three below (the writer adds, the Store's thread takes)
    std::deque<Delivery> m_deliveries;
    bool m_deliveryPosted = false; // a deliverCallbacks() call is queued and has not started yet
    int m_delivering = 0;          // callbacks running now (more than one: a nested event loop)
};

} // namespace switchboard
