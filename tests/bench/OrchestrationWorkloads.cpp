#include "OrchestrationWorkloads.h"

#include "BenchStore.h"
#include "InstantBackend.h"
#include "Mulberry32.h"
#include "ProcessStats.h"
#include "RunProbe.h"
#include "orchestration/Orchestrator.h"

#include <QElapsedTimer>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

namespace switchboard::bench {

namespace {
constexpr int kWaitTimeoutMs = 10 * 60 * 1000;

// Submits the goals, waits for the last completion and checks what every workload on the instant
// backend must satisfy. The clock runs from just before spawnParallel to waitAll's return.
void runThroughOrchestrator(const QList<Goal> &goals, int parallel, bool withStore, RunProbe &probe, RunResult &result)
{
    const int n = static_cast<int>(goals.size());
    result.tasks = n;
    result.parallel = parallel;
    std::unique_ptr<BenchStore> store; // outlives the orchestrator
    if (withStore) {
        store = std::make_unique<BenchStore>();
        QString error;
        if (!store->open(&error)) {
            result.check(false, QStringLiteral("the store did not open: %1").arg(error));
            return;
        }
        result.storeUsed = true;
    }
    auto owned = std::make_unique<Orchestrator>();
    {
        Orchestrator &orchestrator = *owned;
        InstantBackend::install(orchestrator, &probe, parallel);
        if (store)
            store->attach(orchestrator);
        int completedSignals = 0;
        int otherEndings = 0;
        QObject::connect(&orchestrator, &Orchestrator::agentCompleted, &orchestrator,
                         [&completedSignals] { ++completedSignals; });
        const auto countOther = [&otherEndings] { ++otherEndings; };
        QObject::connect(&orchestrator, &Orchestrator::agentFailed, &orchestrator, countOther);
        QObject::connect(&orchestrator, &Orchestrator::agentCancelled, &orchestrator, countOther);
        QObject::connect(&orchestrator, &Orchestrator::agentBlocked, &orchestrator, countOther);

        const double cpuBefore = ProcessStats::cpuMs();
        const double threadCpuBefore = ProcessStats::threadCpuMs();
        QElapsedTimer clock;
        // When the first agent started: with the store, nothing starts before every goal is committed.
        double firstStartMs = -1.0;
        QObject::connect(&orchestrator, &Orchestrator::agentStarted, &orchestrator, [&clock, &firstStartMs] {
            if (firstStartMs < 0.0)
                firstStartMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        });
        clock.start();
        QString error;
        const QStringList ids = orchestrator.spawnParallel(goals, &error);
        const double spawnMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        const bool finished = orchestrator.waitAll(kWaitTimeoutMs);
        result.wallMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        result.cpuMs = ProcessStats::cpuMs() - cpuBefore;
        result.mainThreadCpuMs = ProcessStats::threadCpuMs() - threadCpuBefore;

        result.check(ids.size() == n,
                     QStringLiteral("spawnParallel accepted %1 of %2 goals: %3").arg(ids.size()).arg(n).arg(error));
        result.check(finished, QStringLiteral("waitAll timed out"));
        result.check(completedSignals == n,
                     QStringLiteral("agentCompleted emitted %1 times for %2 goals").arg(completedSignals).arg(n));
        result.check(otherEndings == 0,
                     QStringLiteral("%1 agents failed, were cancelled or blocked").arg(otherEndings));
        result.check(
            orchestrator.progress().completed == n,
            QStringLiteral("progress().completed is %1, expected %2").arg(orchestrator.progress().completed).arg(n));
        result.check(
            orchestrator.maxParallelReached() <= parallel,
            QStringLiteral("orchestrator ran %1 at once, cap %2").arg(orchestrator.maxParallelReached()).arg(parallel));
        result.extras.add(QStringLiteral("spawn_ms"), spawnMs);
        result.extras.add(QStringLiteral("first_start_ms"), firstStartMs);
    }
    QElapsedTimer teardown;
    teardown.start();
    owned.reset(); // outside wall_ms, reported apart: freeing N records and the pool
    const double teardownMs = static_cast<double>(teardown.nsecsElapsed()) / 1e6;
    if (store)
        result.extras.append(store->finish());

    int wrongRuns = 0;
    int firstWrong = -1;
    for (int i = 0; i < n; ++i) {
        if (probe.runs(i) != 1) {
            ++wrongRuns;
            if (firstWrong < 0)
                firstWrong = i;
        }
    }
    result.check(wrongRuns == 0, QStringLiteral("%1 goals did not run exactly once (first: goal %2 ran %3 times)")
                                     .arg(wrongRuns)
                                     .arg(firstWrong)
                                     .arg(firstWrong >= 0 ? probe.runs(firstWrong) : 0));
    result.check(probe.strayRuns() == 0, QStringLiteral("%1 runs of unknown goal ids").arg(probe.strayRuns()));
    result.check(probe.maxConcurrent() <= parallel,
                 QStringLiteral("backend saw %1 running at once, cap %2").arg(probe.maxConcurrent()).arg(parallel));
    result.extras.add(QStringLiteral("max_concurrency"), probe.maxConcurrent());
    result.extras.add(QStringLiteral("teardown_ms"), teardownMs);
}
} // namespace

RunResult runInstantWorkload(int tasks, int parallel, bool withStore)
{
    QList<Goal> goals;
    goals.reserve(tasks);
    for (int i = 0; i < tasks; ++i) {
        Goal goal;
        goal.id = QString::number(i);
        goal.title = goal.id;
        goals << goal;
    }
    RunProbe probe(tasks);
    RunResult result;
    runThroughOrchestrator(goals, parallel, withStore, probe, result);
    return result;
}

RunResult runDagWorkload(int layers, int width, int parallel, bool withStore)
{
    constexpr int kDepsPerGoal = 3;
    const int n = layers * width;
    QList<Goal> goals;
    goals.reserve(n);
    // deps[i] holds goal i's dependency numbers, to check the order after the run.
    std::vector<std::array<int, kDepsPerGoal>> deps(static_cast<size_t>(n));
    Mulberry32 rng(42);
    quint32 checksum = 0;
    int edges = 0;
    for (int l = 0; l < layers; ++l) {
        for (int w = 0; w < width; ++w) {
            const int id = l * width + w;
            Goal goal;
            goal.id = QString::number(id);
            goal.title = goal.id;
            if (l > 0) {
                std::array<int, kDepsPerGoal> &picked = deps[static_cast<size_t>(id)];
                int count = 0;
                while (count < kDepsPerGoal) {
                    const int j = static_cast<int>(rng.below(static_cast<quint32>(width)));
                    if (std::find(picked.begin(), picked.begin() + count, j) != picked.begin() + count)
                        continue;
                    picked[static_cast<size_t>(count++)] = j;
                }
                for (int &j : picked) {
                    j += (l - 1) * width;
                    goal.dependsOn << QString::number(j);
                    checksum += static_cast<quint32>(id) * 7919u + static_cast<quint32>(j);
                    ++edges;
                }
            }
            goals << goal;
        }
    }

    RunProbe probe(n);
    RunResult result;
    runThroughOrchestrator(goals, parallel, withStore, probe, result);

    int violations = 0;
    QString firstViolation;
    for (int id = width; id < n; ++id) {
        for (const int dep : deps[static_cast<size_t>(id)]) {
            if (probe.finishSeq(dep) == 0 || probe.startSeq(id) == 0 || probe.finishSeq(dep) >= probe.startSeq(id)) {
                if (violations++ == 0)
                    firstViolation = QStringLiteral("goal %1 started (seq %2) before dependency %3 finished (seq %4)")
                                         .arg(id)
                                         .arg(probe.startSeq(id))
                                         .arg(dep)
                                         .arg(probe.finishSeq(dep));
            }
        }
    }
    result.check(violations == 0,
                 QStringLiteral("%1 dependency order violations; %2").arg(violations).arg(firstViolation));
    const bool defaults = layers == 50 && width == 100;
    if (defaults)
        result.check(
            checksum == kDefaultDagChecksum,
            QStringLiteral("dag_checksum %1 != %2: not the shared DAG").arg(checksum).arg(kDefaultDagChecksum));
    result.extras.add(QStringLiteral("layers"), layers);
    result.extras.add(QStringLiteral("width"), width);
    result.extras.add(QStringLiteral("edges"), edges);
    result.extras.add(QStringLiteral("dag_checksum"), static_cast<qint64>(checksum));
    if (defaults)
        result.extras.add(QStringLiteral("dag_checksum_expected"), static_cast<qint64>(kDefaultDagChecksum));
    return result;
}

} // namespace switchboard::bench
