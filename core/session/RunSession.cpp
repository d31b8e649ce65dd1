#include "RunSession.h"

#include "agents/OrphanReaper.h"
#include "config/ConfigLoader.h"
#include "config/Plan.h"
#include "config/RunSettings.h"
#include "execution/Executors.h"
#include "execution/SshRemote.h"
#include "orchestration/Orchestrator.h"
#include "orchestration/Scheduler.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>

namespace switchboard {

namespace {
Q_LOGGING_CATEGORY(lcSession, "switchboard.session")
} // namespace

RunSession::RunSession() = default;

RunSession::~RunSession() = default;

bool RunSession::loadConfig(const QString &overridePath, ConfigError *error)
{
    m_configWarning.clear();
    std::optional<Config> config;
    if (!overridePath.isEmpty()) {
        config = ConfigLoader::loadFile(overridePath, error);
    } else {
        const QString path = ConfigLoader::defaultConfigPath();
        QString writeError;
        if (ConfigLoader::writeDefaultIfMissing(path, &writeError)) {
            config = ConfigLoader::loadFile(path, error);
        } else {
            // A read-only home must not stop the app: run on the embedded defaults and say so.
            m_configWarning = QStringLiteral("%1: %2; using the built-in defaults").arg(path, writeError);
            config = ConfigLoader::defaults();
        }
    }
    m_config = config ? std::move(*config) : ConfigLoader::defaults();
    return config.has_value();
}

ConfigRecovery::Result RunSession::loadConfigRecovering(const QString &overridePath)
{
    m_configWarning.clear();
    QString path = overridePath;
    if (path.isEmpty()) {
        path = ConfigLoader::defaultConfigPath();
        QString writeError;
        if (!ConfigLoader::writeDefaultIfMissing(path, &writeError)) {
            m_configWarning = QStringLiteral("%1: %2; using the built-in defaults").arg(path, writeError);
            ConfigRecovery::Result result;
            result.config = ConfigLoader::defaults();
            result.loaded = true;
            m_config = result.config;
            return result;
        }
    }
    ConfigRecovery::Result result = ConfigRecovery::load(path);
    m_config = result.config;
    return result;
}

void RunSession::useConfig(Config config)
{
    m_config = std::move(config);
}

RunSession::StoreOutcome RunSession::openStore(const QString &path, LeftoverJobs leftovers)
{
    m_databasePath = path.isEmpty() ? Store::defaultPath() : path;
    const bool opened = m_store.open(m_databasePath, &m_storeError);
    m_orphanNotes.clear();
    if (opened) {
        endOrphans();
        if (leftovers == LeftoverJobs::EndNow)
            m_orphanNotes.append(endLeftoverJobs(m_store));
    }
    return finishOpen(opened, StoreOutcome::ReadWrite);
}

RunSession::StoreOutcome RunSession::openStoreInBackground(const QString &path)
{
    m_databasePath = path.isEmpty() ? Store::defaultPath() : path;
    m_orphanNotes.clear();
    QObject::disconnect(m_opening);
    if (!m_store.openInBackground(m_databasePath, &m_storeError))
        return finishOpen(false, StoreOutcome::ReadWrite);
    m_storeError.clear();
    // Connected before the caller can connect anything: the session's part runs first.
    m_opening = QObject::connect(&m_store, &Store::openFinished, &m_store, [this](bool opened) {
        QObject::disconnect(m_opening);
        handleStoreOpened(opened);
    });
    m_storeOutcome = StoreOutcome::Opening;
    return m_storeOutcome;
}

void RunSession::handleStoreOpened(bool opened)
{
    if (opened) {
        endOrphans();
        for (const QString &note : std::as_const(m_orphanNotes))
            qCInfo(lcSession).noquote() << note;
    } else {
        m_storeError = m_store.lastError();
    }
    finishOpen(opened, StoreOutcome::ReadWrite);
}

void RunSession::endOrphans()
{
    // This session owns the database now, so every group it lists as running belongs to a Switchboard that is
    // gone: ended here, before a restore or a run can start anything that would duplicate their work.
    QString error;
    const QList<ProcessGroupRecord> groups = m_store.openProcessGroups(&error);
    if (!error.isEmpty()) {
        m_orphanNotes.append(error);
    } else if (!groups.isEmpty()) {
        const OrphanReaper::Outcome outcome = OrphanReaper::endGroups(groups);
        m_orphanNotes.append(outcome.notes);
        if (!m_store.markProcessGroupsEnded(outcome.done, &error))
            m_orphanNotes.append(error);
    }
}

QStringList RunSession::endLeftoverJobs(Store &store, const QStringList &runIds,
                                        const std::function<void(int jobs)> &found)
{
    // Jobs on a cluster or an SSH host outlive the local srun/ssh the reaper ended (a pending Slurm job stays
    // queued without its srun): found by the attempt's job name and ended before the goal may run again. The
    // attempts themselves become Interrupted with the restore (Store::markInterrupted()).
    QStringList notes;
    QString error;
    const QList<ExecutorRecord> jobs = store.openExecutorJobs(&error, runIds);
    if (!error.isEmpty()) {
        notes.append(error);
        return notes;
    }
    if (found)
        found(int(jobs.size()));
    QHash<QString, QString> unconfirmed;
    for (const ExecutorRecord &job : jobs) {
        QString why;
        const int ended = Executors::cancelLeftovers(job.spec, job.jobName, &why);
        if (ended < 0) {
            // Not knowing whether the job still runs, the goal must not start again on its own: it could run twice.
            const QString byHand =
                job.spec.kind == ExecutorSpec::Kind::Ssh
                    ? QStringLiteral("the processes on %1 whose environment has %2=%3")
                          .arg(job.spec.ssh.host, QLatin1String(SshRemote::kJobVariable), job.jobName)
                    : QStringLiteral("e.g. scancel --name %1").arg(job.jobName);
            const QString reason =
                QStringLiteral("not started again: the %1 job %2 of attempt %3 may still run and could not be ended "
                               "(%4); end it by hand (%5) and retry the goal")
                    .arg(job.spec.describe(), job.jobName)
                    .arg(job.attempt)
                    .arg(why, byHand);
            notes.append(QStringLiteral("%1: %2").arg(job.agentId, reason));
            unconfirmed.insert(job.agentId, reason);
        } else if (ended > 0) {
            notes.append(QStringLiteral("%1: cancelled %2 leftover %3 job(s) named %4 (attempt %5)")
                             .arg(job.agentId)
                             .arg(ended)
                             .arg(job.spec.describe(), job.jobName)
                             .arg(job.attempt));
        }
    }
    if (!store.failAgents(unconfirmed, &error))
        notes.append(error);
    return notes;
}

RunSession::StoreOutcome RunSession::openStoreReadOnly(const QString &path)
{
    m_databasePath = path.isEmpty() ? Store::defaultPath() : path;
    return reopenReadOnly();
}

RunSession::StoreOutcome RunSession::reopenReadOnly()
{
    const bool opened = m_store.openReadOnly(m_databasePath, &m_storeError);
    return finishOpen(opened, StoreOutcome::ReadOnly);
}

RunSession::StoreOutcome RunSession::finishOpen(bool opened, StoreOutcome success)
{
    if (opened)
        m_storeError.clear();
    m_storeOutcome = opened                        ? success
                     : m_store.openFailedInUse()   ? StoreOutcome::InUse
                     : m_store.openFailedDamaged() ? StoreOutcome::Damaged
                                                   : StoreOutcome::Failed;
    return m_storeOutcome;
}

Store *RunSession::recordingStore()
{
    return m_storeOutcome == StoreOutcome::ReadWrite || m_storeOutcome == StoreOutcome::Opening ? &m_store : nullptr;
}

void RunSession::setUpDashboard(Orchestrator &orchestrator, int maxParallel) const
{
    Overrides overrides;
    overrides.maxParallel = maxParallel;
    applyConfig(orchestrator, m_config, overrides);
    orchestrator.setRunSettings(RunSettings::fromConfig(m_config).toJson());
}

void RunSession::setUpPlanRun(Orchestrator &orchestrator, const Plan &plan, const Overrides &overrides)
{
    applyConfig(orchestrator, plan.config, overrides);
    orchestrator.setStore(&m_store);
    orchestrator.setRunName(plan.name, QFileInfo(plan.file).absoluteFilePath());
    recordPlanSettings(orchestrator, plan);
}

void RunSession::setUpResume(Orchestrator &orchestrator, const RunSettings &settings, const Overrides &overrides)
{
    if (!settings.isEmpty())
        applyRunSettings(orchestrator, settings, overrides); // the caller has loaded them: cannot fail here
    else
        applyConfig(orchestrator, m_config, overrides);
    orchestrator.setStore(&m_store);
}

void RunSession::applyConfig(Orchestrator &orchestrator, const Config &config, const Overrides &overrides)
{
    orchestrator.setProfiles(config.profiles);
    orchestrator.setMaxParallel(overrides.maxParallel > 0 ? overrides.maxParallel : config.workflow.maxParallel);
    const QString mode = overrides.mode.isEmpty() ? config.workflow.mode : overrides.mode;
    orchestrator.setMode(Scheduler::modeFromString(mode).value_or(Scheduler::Mode::Dependency));
    orchestrator.setDeadlinePolicy(config.workflow.onDeadline);
    orchestrator.setRunBudget(config.workflow.budget);
    orchestrator.locks().setLeaseTtl(std::chrono::seconds(config.workflow.lockTtlS));
    if (!config.workflow.workspace.isEmpty())
        orchestrator.setWorkspace(config.workflow.workspace);
    if (overrides.workspace)
        orchestrator.setWorkspace(*overrides.workspace);
}

bool RunSession::applyRunSettings(Orchestrator &orchestrator, const RunSettings &settings, const Overrides &overrides,
                                  ConfigError *error)
{
    const std::optional<Config> config = settings.effectiveConfig(error);
    if (!config)
        return false;
    // What the run recorded wins over its config, and the overrides over both: applied in that order.
    Overrides recorded;
    recorded.maxParallel = overrides.maxParallel > 0 ? overrides.maxParallel : settings.maxParallel;
    recorded.mode = overrides.mode.isEmpty() ? settings.mode : overrides.mode;
    applyConfig(orchestrator, *config, recorded);
    if (!settings.workspace.isEmpty())
        orchestrator.setWorkspace(settings.workspace);
    if (overrides.workspace)
        orchestrator.setWorkspace(*overrides.workspace);
    orchestrator.setRunSettings(settings.toJson());
    return true;
}

void RunSession::recordPlanSettings(Orchestrator &orchestrator, const Plan &plan)
{
    orchestrator.setRunSettings(RunSettings::fromPlan(plan).toJson());
}

} // namespace switchboard
