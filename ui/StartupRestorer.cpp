#include "StartupRestorer.h"

#include "MainWindow.h"
#include "config/RunSettings.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"
#include "session/RunSession.h"
#include "widgets/StorageBanner.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QtConcurrent/QtConcurrentRun>

namespace switchboard {

namespace {
Q_LOGGING_CATEGORY(lcStartup, "switchboard.startup")

// How long one slice of the restore may hold the GUI thread.
constexpr int kRestoreSliceMs = 15;

double msSince(const QElapsedTimer &clock)
{
    return static_cast<double>(clock.nsecsElapsed()) / 1e6;
}
} // namespace

StartupRestorer::StartupRestorer(Orchestrator *orchestrator, Store *store, QObject *parent)
    : QObject(parent)
    , m_orchestrator(orchestrator)
    , m_store(store)
{
    // One read at a time, and its thread ends when idle: the thread's read connection goes with it.
    m_pool.setObjectName(QStringLiteral("startupRestorer"));
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(0);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &StartupRestorer::handleRead);
    m_slice.setSingleShot(true);
    m_slice.setInterval(0);
    connect(&m_slice, &QTimer::timeout, this, &StartupRestorer::continueRestore);
}

StartupRestorer::~StartupRestorer()
{
    // The store must not close under the read; a result that arrives now is dropped with this object. A restore
    // still in slices is finished first: the orchestrator must not keep a half-restored run.
    m_slice.stop();
    if (m_snapshot) {
        while (!m_orchestrator->continueRestore(QDeadlineTimer(QDeadlineTimer::Forever))) {
        }
        m_snapshot.reset();
    }
    m_pool.waitForDone();
}

void StartupRestorer::setBeforeReadForTesting(std::function<QString()> hook)
{
    m_beforeRead = std::move(hook);
}

bool StartupRestorer::start(int maxParallel, bool autoResume)
{
    if (m_state != State::Idle || !m_orchestrator || !m_store)
        return false;
    m_maxParallel = maxParallel;
    m_autoResume = autoResume;
    if (m_store->isOpening()) {
        // Nothing is read or attached before the check has passed: a damaged file is never used.
        m_state = State::Checking;
        connect(m_store, &Store::openFinished, this, &StartupRestorer::handleStoreOpened, Qt::UniqueConnection);
        return true;
    }
    return startReading();
}

void StartupRestorer::handleStoreOpened(bool opened)
{
    if (m_state != State::Checking)
        return;
    if (!opened) {
        m_state = State::DatabaseFailed;
        m_error = m_store->lastError();
        m_databaseDamaged = m_store->openFailedDamaged();
        qCWarning(lcStartup).noquote() << m_error;
        if (m_window) {
            m_window->setCheckingDatabase(false);
            showDatabaseFailure();
        }
        Q_EMIT finished(false);
        return;
    }
    m_state = State::Idle;
    const bool reading = startReading();
    if (m_window) {
        // Restoring before the check's notice goes, so the window never offers a spawn in between.
        if (reading)
            m_window->setRestoring(true, m_run.name, m_goalCount);
        m_window->setCheckingDatabase(false);
        if (!m_settingsWarning.isEmpty())
            showWarning(QStringLiteral("runSettingsWarningBox"), m_settingsWarning, {});
    }
    if (!reading)
        Q_EMIT finished(false);
}

bool StartupRestorer::startReading()
{
    if (!m_store->isOpen())
        return false;
    const QList<RunRecord> runs = m_store->runs();
    if (runs.isEmpty() || runs.constLast().isFinished()) {
        // Goals may be spawned at once: the store goes to the orchestrator with its counters now (a restore reads
        // them on the worker instead, and attaches the store once they are there, before the run comes back).
        m_orchestrator->setStore(m_store);
        if (m_endLeftoverJobs && !runs.isEmpty()) {
            // Nothing comes back on the board, so nothing waits for them: ended off this thread while goals may
            // already be spawned. Only those of the runs there are now: a new goal's job is no leftover.
            QStringList runIds;
            for (const RunRecord &run : runs)
                runIds.append(run.id);
            m_pool.start([store = m_store, runIds] {
                for (const QString &note : RunSession::endLeftoverJobs(*store, runIds))
                    qCInfo(lcStartup).noquote() << note;
            });
        }
        return false;
    }
    m_run = runs.constLast();

    // The run comes back with the profiles and limits it was started with, before anything can be spawned.
    const RunSettings settings = RunSettings::fromJson(m_run.settings);
    ConfigError settingsError;
    RunSession::Overrides overrides;
    overrides.maxParallel = m_maxParallel;
    if (!settings.isEmpty() && !RunSession::applyRunSettings(*m_orchestrator, settings, overrides, &settingsError)) {
        m_settingsWarning = tr("The unfinished run's own settings no longer load:\n\n%1\n\nIt continues with the "
                               "current configuration.")
                                .arg(settingsError.toString());
    }

    m_state = State::Reading;
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [this, runId = m_run.id, end = m_endLeftoverJobs,
                                                    hook = m_beforeRead] { return read(runId, end, hook); }));
    return true;
}

StartupRestorer::ReadResult StartupRestorer::read(const QString &runId, bool endLeftovers,
                                                  const std::function<QString()> &hook)
{
    QElapsedTimer clock;
    clock.start();
    ReadResult result;
    // A cheap count first, so the board can say how much is coming.
    if (const int goals = m_store->goalCount(runId); goals >= 0)
        QMetaObject::invokeMethod(
            this, [this, goals] { handleGoalCount(goals); }, Qt::QueuedConnection);
    // Then the id counters and the fencing token, which the orchestrator needs with the store (scans of the whole
    // goals and agents tables: ~0.5 s at 1,000,000 goals, off the GUI thread). Posted before the result, so the
    // store is attached before the run is restored.
    auto counters = std::make_shared<StoreSnapshot>(m_store->load(QStringLiteral("\x01no-run")));
    QMetaObject::invokeMethod(
        this, [this, counters] { attachStore(counters.get()); }, Qt::QueuedConnection);
    if (endLeftovers) {
        // Before the run is read: an agent whose job could not be ended is failed in the store by then, so the
        // restore never starts it again.
        const auto tell = [this](int jobs) {
            QMetaObject::invokeMethod(
                this, [this, jobs] { handleLeftoverJobs(jobs); }, Qt::QueuedConnection);
        };
        result.leftoverNotes = RunSession::endLeftoverJobs(*m_store, {}, [&tell](int jobs) {
            if (jobs > 0)
                tell(jobs);
        });
        tell(0);
    }
    if (hook) {
        result.error = hook();
        if (!result.error.isEmpty())
            return result;
    }
    result.snapshot = m_store->load(runId, &result.error);
    result.ms = msSince(clock);
    return result;
}

void StartupRestorer::attach(MainWindow *window)
{
    m_window = window;
    if (!window)
        return;
    if (m_state == State::Checking)
        window->setCheckingDatabase(true, m_store->path());
    if (m_state == State::Reading) {
        window->setRestoring(true, m_run.name, m_goalCount);
        window->setEndingLeftoverJobs(m_leftoverJobs);
    }
    if (!m_settingsWarning.isEmpty())
        showWarning(QStringLiteral("runSettingsWarningBox"), m_settingsWarning, {});
    if (m_state == State::Failed)
        showFailure();
    if (m_state == State::DatabaseFailed)
        showDatabaseFailure();
}

void StartupRestorer::attachStore(const StoreSnapshot *counters)
{
    if (m_orchestrator->store() == m_store)
        return;
    if (counters)
        m_orchestrator->setStore(m_store, *counters);
    else
        m_orchestrator->setStore(m_store); // reads them here
}

void StartupRestorer::handleGoalCount(int goals)
{
    if (m_state != State::Reading)
        return;
    m_goalCount = goals;
    if (m_window)
        m_window->setRestoring(true, m_run.name, goals);
    Q_EMIT goalCountKnown(goals);
}

void StartupRestorer::handleLeftoverJobs(int jobs)
{
    if (m_state != State::Reading || jobs == m_leftoverJobs)
        return;
    m_leftoverJobs = jobs;
    if (m_window)
        m_window->setEndingLeftoverJobs(jobs);
    Q_EMIT leftoverJobsChanged(jobs);
}

void StartupRestorer::handleRead()
{
    if (m_state != State::Reading)
        return;
    ReadResult result = m_watcher.future().takeResult();
    m_readMs = result.ms;
    attachStore(nullptr); // the counters came first; whatever happens next, the session records into the store
    m_leftoverNotes = result.leftoverNotes;
    for (const QString &note : std::as_const(m_leftoverNotes))
        qCInfo(lcStartup).noquote() << note;
    if (!result.error.isEmpty()) {
        fail(tr("Reading the run “%1” from the database failed: %2").arg(m_run.name, result.error));
        return;
    }
    QElapsedTimer clock;
    clock.start();
    QString error;
    // Put back in slices across turns of the event loop (a run of 1,000,000 goals takes seconds): the window
    // keeps reacting meanwhile, still saying it restores and offering nothing that spawns.
    m_snapshot = std::make_shared<StoreSnapshot>(std::move(result.snapshot));
    if (!m_orchestrator->beginRestore(*m_snapshot, m_autoResume, &error)) {
        m_restoreMs = msSince(clock);
        releaseSnapshot();
        fail(tr("Restoring the run “%1” failed: %2").arg(m_run.name, error));
        return;
    }
    m_restoreMs = msSince(clock);
    continueRestore();
}

void StartupRestorer::continueRestore()
{
    QElapsedTimer clock;
    clock.start();
    const bool done = m_orchestrator->continueRestore(QDeadlineTimer(kRestoreSliceMs));
    m_restoreMs += msSince(clock);
    if (!done) {
        // A timer, not a queued call: input, paints and other timers get their turn before the next slice.
        m_slice.start();
        return;
    }
    releaseSnapshot();
    m_state = State::Restored;
    m_goalCount = static_cast<int>(m_orchestrator->agentIds().size());
    if (m_window)
        m_window->setRestoring(false);
    Q_EMIT finished(true);
}

void StartupRestorer::releaseSnapshot()
{
    // The snapshot is a copy of the whole run (1,000,000 goals: gigabytes): freed off this thread.
    if (m_snapshot)
        m_pool.start([snapshot = std::move(m_snapshot)] { Q_UNUSED(snapshot) });
    m_snapshot.reset();
}

void StartupRestorer::fail(const QString &message)
{
    m_state = State::Failed;
    m_error = message;
    qCWarning(lcStartup).noquote() << message;
    if (m_window) {
        m_window->setRestoring(false);
        showFailure();
    }
    Q_EMIT finished(false);
}

void StartupRestorer::showFailure()
{
    showWarning(QStringLiteral("restoreFailedBox"), tr("The unfinished run could not be restored."),
                tr("%1\n\nSwitchboard goes on without it: the board starts empty, and the run stays in the "
                   "database as it is.")
                    .arg(m_error));
}

void StartupRestorer::showDatabaseFailure()
{
    if (!m_window)
        return;
    // As when the check fails before the window: a damaged file gets the banner that names the way to recover it
    // for as long as the window is open; any other failure a message. Either way nothing of this session is
    // recorded.
    if (m_databaseDamaged) {
        m_window->storageBanner()->showDamaged(m_error);
        return;
    }
    showWarning(QStringLiteral("databaseFailedBox"), tr("The database cannot be used."),
                tr("%1\n\nSwitchboard goes on without recording this session.").arg(m_error));
}

void StartupRestorer::showWarning(const QString &objectName, const QString &text, const QString &details)
{
    if (!m_window)
        return;
    // Non-blocking, on the window: the dashboard stays usable behind it.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Switchboard"), text, QMessageBox::Ok, m_window);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!details.isEmpty())
        box->setInformativeText(details);
    box->open();
}

} // namespace switchboard
