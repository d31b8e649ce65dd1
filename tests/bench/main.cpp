// switchboard-bench: measures the real orchestration paths (Orchestrator, Scheduler, the agent
// pool, QtNetwork) and prints one JSON line per workload. See docs/BENCHMARKS.md.
#include "BenchOptions.h"
#include "BenchReport.h"
#include "FloodWorkload.h"
#include "FloorWorkload.h"
#include "HttpWorkload.h"
#include "OrchestrationWorkloads.h"
#include "RunResult.h"
#include "SoakWorkload.h"

#include <QCoreApplication>

using namespace switchboard::bench;

namespace {

int orDefault(int value, int fallback)
{
    return value > 0 ? value : fallback;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("switchboard-bench"));
    BenchOptions options;
    int exitCode = 0;
    if (!BenchOptions::parse(QCoreApplication::arguments(), &options, &exitCode))
        return exitCode;

    bool allOk = true;
    const bool store = options.storeRequested;
    for (const QString &workload : std::as_const(options.workloads)) {
        if (workload == u"w1") {
            const int tasks = orDefault(options.tasks, 10000);
            const int parallel = orDefault(options.parallel, 8);
            if (options.soakSeconds > 0) {
                bool soakOk = false;
                runSoak(
                    options.soakSeconds, store, [=] { return runInstantWorkload(tasks, parallel, store); }, &soakOk)
                    .print();
                allOk &= soakOk;
                continue;
            }
            allOk &=
                BenchReport::runRepeated(workload, options, [=] { return runInstantWorkload(tasks, parallel, store); });
        } else if (workload.startsWith(u"w1-floor")) {
            const int tasks = orDefault(options.tasks, 10000);
            const int parallel = orDefault(options.parallel, 8);
            const FloorMode mode = workload == u"w1-floor-batched"     ? FloorMode::Batched
                                   : workload == u"w1-floor-pull"      ? FloorMode::Pull
                                   : workload == u"w1-floor-lookahead" ? FloorMode::Lookahead
                                                                       : FloorMode::QueuedPerTask;
            allOk &=
                BenchReport::runRepeated(workload, options, [=] { return runFloorWorkload(tasks, parallel, mode); });
        } else if (workload == u"w2") {
            const int width = orDefault(options.width, 100);
            const int layers = orDefault(options.layers, options.tasks > 0 ? qMax(1, options.tasks / width) : 50);
            const int parallel = orDefault(options.parallel, 8);
            allOk &= BenchReport::runRepeated(workload, options,
                                              [=] { return runDagWorkload(layers, width, parallel, store); });
        } else if (workload == u"w3") {
            HttpWorkloadConfig config;
            config.tasks = orDefault(options.tasks, 500);
            config.parallel = orDefault(options.parallel, 64);
            config.calls = orDefault(options.calls, 4);
            config.latencyMs = options.latencyMs >= 0 ? options.latencyMs : 20;
            config.baseUrl = options.baseUrl;
            config.model = options.model;
            config.managerPerThread = options.managerPerThread;
            config.withStore = store;
            allOk &= BenchReport::runRepeated(workload, options, [=] { return runHttpWorkload(config); });
        } else if (workload == u"w3-cancel") {
            HttpWorkloadConfig config;
            config.tasks = orDefault(options.tasks, 32);
            config.calls = orDefault(options.calls, 4);
            config.model = options.model;
            config.managerPerThread = options.managerPerThread;
            allOk &= BenchReport::runRepeated(workload, options, [=] { return runHttpCancelWorkload(config); });
        } else if (workload == u"flood") {
            const int agents = options.floodAgents;
            const int seconds = options.floodSeconds;
            allOk &= BenchReport::runRepeated(workload, options, [=] { return runFloodWorkload(agents, seconds); });
        } else if (workload == u"ui") {
            BenchReport::header(workload)
                .add(QStringLiteral("skipped"),
                     QStringLiteral("the ui workload is the separate switchboard-bench-ui executable (built when "
                                    "switchboard-ui builds); scripts/bench runs it"))
                .print();
        } else if (workload == u"scale") {
            BenchReport::header(workload)
                .add(QStringLiteral("skipped"),
                     QStringLiteral("the scale workload is the separate switchboard-bench-ui executable (it shows "
                                    "the dashboard; built when switchboard-ui builds); scripts/bench runs it"))
                .print();
        }
    }
    return allOk ? 0 : 1;
}
