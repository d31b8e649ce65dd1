#include "StartupRestorer.h"

#include "MainWindow.h"
#include "config/RunSettings.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"
#include "session/RunSession.h"

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
    if (m_state != State::Idle || !m_orchestrator || !m_store || !m_store->isOpen())
        return false;
    m_autoResume = autoResume;
    m_orchestrator->setStore(m_store);
    const QList<RunRecord> runs = m_store->runs();
    if (runs.isEmpty() || runs.constLast().isFinished()) {
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
    overrides.maxParallel = maxParallel;
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
    if (m_state == State::Reading) {
        window->setRestoring(true, m_run.name, m_goalCount);
        window->setEndingLeftoverJobs(m_leftoverJobs);
    }
    if (!m_settingsWarning.isEmpty())
        showWarning(QStringLiteral("runSettingsWarningBox"), m_settingsWarning, {});
    if (m_state == State::Failed)
        showFailure();
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
