#pragma once

#include "persistence/RunRecord.h"
#include "persistence/StoreSnapshot.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>

namespace switchboard {

class MainWindow;
class Orchestrator;
class Store;

// The dashboard's start-up with a database, shared by app/main.cpp and the scale benchmark: the window comes
// up at once while the last run, when it was left unfinished, is read on a worker thread; then the run is put
// back on the orchestrator (restore()) on this thread and the board fills in. Until then the attached window
// says it is restoring and offers nothing that would spawn a goal (restore() needs an empty board).
//
// With setEndLeftoverJobs(), the worker first ends the Slurm jobs and remote process groups a crashed Switchboard
// left (RunSession::endLeftoverJobs: squeue, scancel and ssh, which may take minutes when a controller or host does
// not answer), so the window never freezes on them and the run is read only once they are ended.
//
// With a store opened in the background (Store::openInBackground: its integrity check takes seconds for a big file),
// the window comes up while the check runs and says so, with nothing that writes enabled; once the check has passed
// the store goes to the orchestrator and the restore starts. A store that fails its check is not used: the window
// says why (the damaged-database banner, or a message) and the app goes on without recording, as it does when the
// check fails before the window.
//
// The read uses the worker's own Store read connection. The worker thread belongs to a private pool whose
// threads end as soon as they are idle, so that connection is closed on the thread that opened it, right
// after the read, and never lingers in a shared pool thread until the Store closes.
class StartupRestorer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartupRestorer)

public:
    enum class State
    {
        Idle,           // start() not called, or nothing to restore
        Checking,       // the store is opening in the background (its check runs); a restore may follow
        Reading,        // the run is read on the worker thread
        Restored,       // the run is on the orchestrator
        Failed,         // it could not be read or restored: error() says why; the app goes on without it
        DatabaseFailed, // the store failed its check or could not be opened: error() says why; nothing is recorded
    };
    Q_ENUM(State)

    // store may be null or closed (the app then starts without one), or opening in the background. Both must outlive
    // this object.
    StartupRestorer(Orchestrator *orchestrator, Store *store, QObject *parent = nullptr);
    ~StartupRestorer() override; // waits for a read still in flight

    // Call on the GUI thread before the window is built. Attaches an open store to the orchestrator and looks
    // at the last run: when it is unfinished, applies the settings it was started with (maxParallel > 0
    // overrides theirs, as --max-parallel does; a warning if they no longer load) and starts reading it.
    // Interrupted agents start again once restored when autoResume (workflow.auto_resume). Returns whether a
    // run is being restored, or may be (the store is still being checked: State::Checking); finished() follows.
    bool start(int maxParallel, bool autoResume);
    // Call before start(), for a store opened with RunSession::LeftoverJobs::Deferred: the leftover jobs are
    // ended on the worker thread before the run is read (or, with no run to restore, in the background).
    void setEndLeftoverJobs(bool end) { m_endLeftoverJobs = end; }
    // What ending the leftover jobs did (RunSession::endLeftoverJobs), once the read is done.
    QStringList leftoverNotes() const { return m_leftoverNotes; }
    // The window that shows the restore: it says so on its board until the run is there, and shows the
    // settings warning and a read error (non-blocking message boxes on it).
    void attach(MainWindow *window);

    State state() const { return m_state; }
    bool isRestoring() const { return m_state == State::Reading; }
    bool isChecking() const { return m_state == State::Checking; }
    // The run being (or that was) restored; empty id when there is none.
    const RunRecord &run() const { return m_run; }
    // Goals of the run, once counted on the worker thread (-1 before).
    int goalCount() const { return m_goalCount; }
    // Why the run's own settings were not applied; empty when they were (or it had none).
    QString settingsWarning() const { return m_settingsWarning; }
    // Why the run is not on the board (State::Failed), or why the database is not used (State::DatabaseFailed).
    QString error() const { return m_error; }
    // Where the time went (ms): the read on the worker thread, and restore() on this one (its slices summed).
    double readMs() const { return m_readMs; }
    double restoreMs() const { return m_restoreMs; }

    // Runs on the worker thread after the goals are counted and before the run is read: lets tests hold the
    // read back, or make it fail with an error (a non-empty return value).
    void setBeforeReadForTesting(std::function<QString()> hook);

Q_SIGNALS:
    void goalCountKnown(int goals);
    // The worker is ending this many leftover jobs before it reads the run (0 once they are ended).
    void leftoverJobsChanged(int jobs);
    // The run is on the orchestrator (restored = true; the board inserts its cards on its next batch), or it
    // could not be read or restored (false; error() says why, and the window has said so). After State::Checking
    // also when there was nothing to restore, or the database could not be used (false).
    void finished(bool restored);

private:
    struct ReadResult
    {
        StoreSnapshot snapshot;
        QStringList leftoverNotes;
        QString error;
        double ms = 0.0;
    };

    bool startReading();
    void handleStoreOpened(bool opened);
    ReadResult read(const QString &runId, bool endLeftovers, const std::function<QString()> &hook);
    // Gives the store to the orchestrator with these counters (null: read now), unless it has it already.
    void attachStore(const StoreSnapshot *counters);
    void handleGoalCount(int goals);
    void handleLeftoverJobs(int jobs);
    void handleRead();
    void continueRestore();
    void releaseSnapshot();
    void fail(const QString &message);
    void showFailure();
    void showDatabaseFailure();
    void showWarning(const QString &objectName, const QString &text, const QString &details);

    Orchestrator *const m_orchestrator;
    Store *const m_store;
    QPointer<MainWindow> m_window;
    State m_state = State::Idle;
    RunRecord m_run;
    int m_maxParallel = 0;
    bool m_autoResume = true;
    bool m_databaseDamaged = false;
    bool m_endLeftoverJobs = false;
    int m_leftoverJobs = 0;
    QStringList m_leftoverNotes;
    int m_goalCount = -1;
    QString m_settingsWarning;
    QString m_error;
    double m_readMs = 0.0;
    double m_restoreMs = 0.0;
    std::function<QString()> m_beforeRead;
    QThreadPool m_pool;
    QFutureWatcher<ReadResult> m_watcher;
    std::shared_ptr<StoreSnapshot> m_snapshot; // while restore() goes on in slices
    QTimer m_slice;
};

} // namespace switchboard
