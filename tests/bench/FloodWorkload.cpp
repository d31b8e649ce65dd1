#include "FloodWorkload.h"

#include "ProcessStats.h"
#include "model/AgentProfile.h"
#include "model/Goal.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

namespace switchboard::bench {

namespace {
constexpr int kLineChars = 300;
constexpr int kRssSampleMs = 250;

qint64 filesBytes(const QString &directory, const QStringList &nameFilters)
{
    qint64 bytes = 0;
    QDirIterator files(directory, nameFilters, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext())
        bytes += QFileInfo(files.next()).size();
    return bytes;
}

double mb(qint64 bytes)
{
    return static_cast<double>(bytes) / (1024.0 * 1024.0);
}
} // namespace

RunResult runFloodWorkload(int agents, int seconds)
{
    RunResult result;
    result.tasks = agents;
    result.parallel = agents;
    QTemporaryDir dir(QDir::temp().filePath(QStringLiteral("switchboard-flood-XXXXXX")));
    if (!dir.isValid()) {
        result.check(false, QStringLiteral("cannot create a temporary directory: %1").arg(dir.errorString()));
        return result;
    }
    auto store = std::make_unique<Store>(); // outlives the orchestrator
    QString error;
    const QString databasePath = dir.filePath(QStringLiteral("flood.db"));
    if (!store->open(databasePath, &error)) {
        result.check(false, QStringLiteral("the store did not open: %1").arg(error));
        return result;
    }
    result.storeUsed = true;

    // `yes` prints as fast as the pipe takes it: the worst case of a chatty agent. timeout ends it after the
    // flood; exit 0 so the attempt completes.
    const QString line(kLineChars, u'x');
    AgentProfile profile;
    profile.name = QStringLiteral("flood");
    profile.backend = QStringLiteral("process");
    profile.command = {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                       QStringLiteral("timeout %1 yes %2; exit 0").arg(seconds).arg(line)};

    const double rssBefore = ProcessStats::currentRssMb();
    const double cpuBefore = ProcessStats::cpuMs();
    const double threadCpuBefore = ProcessStats::threadCpuMs();
    double rssPeak = rssBefore;
    QElapsedTimer clock;
    double runEndMs = 0.0;
    int completed = 0;
    {
        Orchestrator orchestrator;
        orchestrator.setProfiles({profile});
        orchestrator.setMaxParallel(agents);
        orchestrator.setStore(store.get());
        QObject::connect(&orchestrator, &Orchestrator::agentCompleted, &orchestrator, [&completed] { ++completed; });
        QTimer sampler;
        QObject::connect(&sampler, &QTimer::timeout, &sampler,
                         [&rssPeak] { rssPeak = qMax(rssPeak, ProcessStats::currentRssMb()); });
        sampler.start(kRssSampleMs);

        QList<Goal> goals;
        for (int i = 0; i < agents; ++i) {
            Goal goal;
            goal.id = QStringLiteral("flood-%1").arg(i);
            goal.title = goal.id;
            goal.profile = profile.name;
            goals << goal;
        }
        clock.start();
        const QStringList ids = orchestrator.spawnParallel(goals, &error);
        result.check(
            ids.size() == agents,
            QStringLiteral("spawnParallel accepted %1 of %2 goals: %3").arg(ids.size()).arg(agents).arg(error));
        const bool finished = orchestrator.waitAll((seconds + 600) * 1000);
        runEndMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        result.wallMs = runEndMs;
        result.cpuMs = ProcessStats::cpuMs() - cpuBefore;
        result.mainThreadCpuMs = ProcessStats::threadCpuMs() - threadCpuBefore;
        rssPeak = qMax(rssPeak, ProcessStats::currentRssMb());
        result.check(finished, QStringLiteral("waitAll timed out"));
        result.check(completed == agents, QStringLiteral("%1 of %2 agents completed").arg(completed).arg(agents));

        qint64 linesInMemory = 0;
        qint64 droppedInMemory = 0;
        for (const QString &id : ids) {
            linesInMemory += orchestrator.agentLog(id).size();
            droppedInMemory += orchestrator.agentLogDropped(id);
        }
        result.extras.add(QStringLiteral("lines_printed"), linesInMemory + droppedInMemory);
    }
    const double rssEnd = ProcessStats::currentRssMb();
    const bool flushed = store->flush();
    result.check(flushed, QStringLiteral("the store did not commit everything: %1").arg(store->lastError()));

    int maxRowsPerAgent = 0;
    {
        QSqlQuery query(store->readConnection());
        if (query.exec(QStringLiteral("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM agent_log GROUP BY agent_id)")) &&
            query.next())
            maxRowsPerAgent = query.value(0).toInt();
    }
    const qint64 databaseBytesOpen = filesBytes(dir.path(), {QStringLiteral("flood.db*")});
    store->close();
    const qint64 databaseBytes = filesBytes(dir.path(), {QStringLiteral("flood.db*")});
    const qint64 logBytes = filesBytes(dir.path(), {QStringLiteral("*.log"), QStringLiteral("*.log.*")});

    result.extras.add(QStringLiteral("agents"), agents);
    result.extras.add(QStringLiteral("flood_seconds"), seconds);
    result.extras.add(QStringLiteral("run_end_lag_ms"), runEndMs - seconds * 1000.0);
    result.extras.add(QStringLiteral("rss_before_mb"), rssBefore, 1);
    result.extras.add(QStringLiteral("rss_peak_mb"), rssPeak, 1);
    result.extras.add(QStringLiteral("rss_end_mb"), rssEnd, 1);
    result.extras.add(QStringLiteral("db_mb_open"), mb(databaseBytesOpen), 2);
    result.extras.add(QStringLiteral("db_mb"), mb(databaseBytes), 2);
    result.extras.add(QStringLiteral("log_rows_max_per_agent"), maxRowsPerAgent);
    result.extras.add(QStringLiteral("log_files_mb"), mb(logBytes), 2);
    return result;
}

} // namespace switchboard::bench
