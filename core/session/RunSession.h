#pragma once

#include "config/Config.h"
#include "config/ConfigError.h"
#include "config/ConfigRecovery.h"
#include "persistence/Store.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace switchboard {

class Orchestrator;
struct Plan;
struct RunSettings;

// A session's set-up, written once for the dashboard, its start-up restore, the Run plan dialog and the headless
// commands: it owns the config and the database, and puts config, run settings and overrides onto an Orchestrator.
//
// Declare it before the Orchestrator it sets up: the store it owns must outlive the orchestrator that records
// into it. The static appliers need no session (a dialog or the restorer applies to an orchestrator it is given).
class RunSession final
{
    Q_DISABLE_COPY_MOVE(RunSession)

public:
    // How opening the database went.
    enum class StoreOutcome
    {
        Closed,    // not opened
        Opening,   // openStoreInBackground(): being checked on the store's writer thread
        ReadWrite, // open for recording
        ReadOnly,  // open for reading only (status, report, the history of a database in use)
        InUse,     // another Switchboard records into it: storeError() names it; reopenReadOnly() still reads it
        Failed,    // it cannot be opened: storeError() says why
        Damaged,   // its integrity check failed: it is not used; storeError() says so and how to recover it
    };

    // What a command line or a dialog puts over the workflow settings of a config or of a stored run.
    struct Overrides
    {
        int maxParallel = 0;              // > 0 wins over max_parallel
        QString mode;                     // non-empty wins over the execution mode
        std::optional<QString> workspace; // set wins over the workspace (empty: the current directory)
    };

    RunSession();
    ~RunSession();

    // --- config ---
    // Loads overridePath, else the default location (the embedded default is written there when missing; when
    // that fails, the built-in defaults are used and configWarning() says why). False with *error naming
    // file:line:column when the file does not load; config() is then the built-in defaults.
    bool loadConfig(const QString &overridePath, ConfigError *error);
    // The dashboard's start-up: like loadConfig(), but a file that does not load is moved aside and the last
    // good config (or the defaults) used instead (ConfigRecovery); a file that loads is kept as the last good one.
    // The headless commands use loadConfig(): they never move a user's file.
    ConfigRecovery::Result loadConfigRecovering(const QString &overridePath);
    // A config that came from elsewhere: a plan's merged config, or the one a stored run was started with.
    void useConfig(Config config);
    const Config &config() const { return m_config; }
    // "<path>: <reason>; using the built-in defaults" when the default config could not be written.
    QString configWarning() const { return m_configWarning; }

    // --- database (path empty: Store::defaultPath()) ---
    // The check of the database at the next open (default quick_check; Full for `--check`).
    void setIntegrityCheck(StoreIntegrity::Level level) { m_store.setIntegrityCheck(level); }
    // Whether openStore() ends the leftover jobs on other executors itself, or leaves them to the caller.
    enum class LeftoverJobs
    {
        EndNow,   // headless commands: blocking, before openStore() returns
        Deferred, // the dashboard: its start-up restore ends them on a worker thread (endLeftoverJobs())
    };
    // For recording: one owner per database, so InUse when another Switchboard holds it. Once it is open, and
    // before anything can start, the process groups a crashed Switchboard left running are ended
    // (OrphanReaper), and with EndNow so are the Slurm jobs and remote process groups of its open attempts
    // (endLeftoverJobs()). orphanNotes() says what was ended or left alone.
    StoreOutcome openStore(const QString &path, LeftoverJobs leftovers = LeftoverJobs::EndNow);
    // The dashboard's open (LeftoverJobs::Deferred): returns at once with Opening while the store's writer thread
    // checks the file (Store::openInBackground), or with what is known at once (InUse, Failed). When the check ends,
    // store() emits openFinished(): the session has then taken the outcome (ReadWrite with the orphaned process
    // groups ended, Damaged or Failed) before any other receiver of that signal runs, being connected first.
    StoreOutcome openStoreInBackground(const QString &path);
    QStringList orphanNotes() const { return m_orphanNotes; }
    // For reading only, without taking the database (status, report).
    StoreOutcome openStoreReadOnly(const QString &path);
    // The fallback after InUse: the same database, read-only.
    StoreOutcome reopenReadOnly();
    StoreOutcome storeOutcome() const { return m_storeOutcome; }
    // Why the last open failed.
    QString storeError() const { return m_storeError; }
    // The database of the last open, whether it succeeded or not.
    QString databasePath() const { return m_databasePath; }
    Store &store() { return m_store; }
    // The store to record this session into: null unless it is open for recording, or opening for it (then attach it
    // only once store().isOpen()).
    Store *recordingStore();

    // --- the orchestrator ---
    // A dashboard session: the config (maxParallel > 0 wins) with the config recorded as the run's settings, and
    // this session's log directory. The store is attached by the start-up restore.
    void setUpDashboard(Orchestrator &orchestrator, int maxParallel) const;
    // A headless plan run: the plan's merged config with the overrides, the log directory, the store, and the
    // plan recorded as the run's name and settings.
    void setUpPlanRun(Orchestrator &orchestrator, const Plan &plan, const Overrides &overrides);
    // Continuing a stored run: the settings it was started with (they must load) or, when it has none, config();
    // then the overrides, the log directory and the store.
    void setUpResume(Orchestrator &orchestrator, const RunSettings &settings, const Overrides &overrides);

    // Profiles, max_parallel, mode, deadline policy, run budget, lock lease and workspace of a config (or a plan's
    // merged config), the overrides winning. One place, so the GUI, the Run plan dialog and the CLI cannot drift.
    static void applyConfig(Orchestrator &orchestrator, const Config &config, const Overrides &overrides);
    // A stored run's settings before Orchestrator::restore(): its config (applyConfig), then its recorded
    // max_parallel, mode and workspace, the overrides winning, and the settings recorded again with the run.
    // False with *error when the stored text no longer loads (nothing is applied then).
    static bool applyRunSettings(Orchestrator &orchestrator, const RunSettings &settings, const Overrides &overrides,
                                 ConfigError *error = nullptr);
    // Records the plan with the run, so a restart or `resume` continues its goals on its profiles and limits.
    static void recordPlanSettings(Orchestrator &orchestrator, const Plan &plan);

    // Ends the Slurm jobs and remote process groups of the attempts a crashed Switchboard left open (those of the
    // given runs, or all when runIds is empty; by job name, Executors::cancelLeftovers), before any of their goals
    // may run again. An agent whose job could not be asked about or ended is durably failed ("not started again:
    // ...") instead of restarted. Blocking: squeue, scancel and ssh are asked, for up to a minute per job, so the
    // dashboard calls it on a worker thread (the Store calls it makes are safe from any thread). found, when set,
    // is called on the calling thread with the number of jobs before they are asked about. Returns notes on what
    // was ended or left alone.
    static QStringList endLeftoverJobs(Store &store, const QStringList &runIds = {},
                                       const std::function<void(int jobs)> &found = {});

private:
    StoreOutcome finishOpen(bool opened, StoreOutcome success);
    void handleStoreOpened(bool opened);
    void endOrphans();

    Config m_config;
    QString m_configWarning;
    Store m_store;
    QString m_databasePath;
    QString m_storeError;
    QStringList m_orphanNotes;
    StoreOutcome m_storeOutcome = StoreOutcome::Closed;
    QMetaObject::Connection m_opening; // to store().openFinished() while it opens in the background
};

} // namespace switchboard
