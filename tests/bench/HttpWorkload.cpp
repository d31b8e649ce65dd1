#include "HttpWorkload.h"

#include "BenchStore.h"
#include "ChatServer.h"
#include "HttpChatAgent.h"
#include "ProcessStats.h"
#include "agents/BackendRegistry.h"
#include "llm/ModelClient.h"
#include "orchestration/Orchestrator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>

#include <cmath>
#include <memory>

namespace switchboard::bench {

namespace {
constexpr int kWaitTimeoutMs = 10 * 60 * 1000;

// w3 runs through the `openai` backend users run (LlmAgent on ModelClient). Diagnostics:
// SWITCHBOARD_BENCH_W3_TRANSPORT=bench-client runs the bench's own lean client instead (HttpChatAgent over
// QtNetwork), =socket that client over a plain QTcpSocket, to measure what each layer costs.
bool plainSocketRequested()
{
    return qgetenv("SWITCHBOARD_BENCH_W3_TRANSPORT") == "socket";
}

bool benchClientRequested()
{
    return plainSocketRequested() || qgetenv("SWITCHBOARD_BENCH_W3_TRANSPORT") == "bench-client";
}

// The profile w3's agents run on: the real openai backend, whole replies (the built-in server does not
// stream), one model call per round of its agent loop plus the final answer.
AgentProfile openAiProfile(const HttpWorkloadConfig &config, const QUrl &baseUrl, bool builtInServer)
{
    AgentProfile profile;
    profile.name = QStringLiteral("w3-openai");
    profile.backend = QStringLiteral("openai");
    profile.model = config.model.isEmpty() ? QStringLiteral("bench-model") : config.model;
    profile.llm.baseUrl = baseUrl.toString();
    // SWITCHBOARD_BENCH_W3_STREAM=1 (diagnostic): the replies streamed as server-sent events, one chunk a word.
    profile.llm.stream = qgetenv("SWITCHBOARD_BENCH_W3_STREAM") == "1";
    profile.llm.maxIterations = config.calls + 1;
    // A key only where one is given: a loopback server needs none (resolveEndpoint), a remote one fails
    // at once naming the variable to set.
    if (!builtInServer && qEnvironmentVariableIsSet("SWITCHBOARD_BENCH_API_KEY"))
        profile.llm.apiKeyEnv = QStringLiteral("SWITCHBOARD_BENCH_API_KEY");
    return profile;
}

// On-CPU time of every live thread of this process, in ns, with its name: the first field of
// /proc/self/task/<tid>/schedstat (nanoseconds, unlike the tick-grained stat) and comm.
struct ThreadCpu
{
    QByteArray name;
    qint64 ns = 0;
};

QHash<qint64, ThreadCpu> threadCpuTimes()
{
    QHash<qint64, ThreadCpu> times;
    const QString root = QStringLiteral("/proc/self/task/");
    for (const QString &tid : QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(root + tid + QStringLiteral("/schedstat"));
        QFile comm(root + tid + QStringLiteral("/comm"));
        if (!stat.open(QIODevice::ReadOnly) || !comm.open(QIODevice::ReadOnly))
            continue; // the thread ended meanwhile
        times.insert(tid.toLongLong(), {comm.readAll().trimmed(), stat.readAll().split(' ').value(0).toLongLong()});
    }
    return times;
}

// CPU per kind of thread between two snapshots, in ms: the QNetworkAccessManager threads (Qt names
// them "QNetworkAccessManager thread", comm keeps 15 characters), the orchestrator's pool threads,
// the server and the rest. Threads that ended in between are missing (--nam per-agent).
void addThreadCpu(JsonLine &extras, const QHash<qint64, ThreadCpu> &before, const QHash<qint64, ThreadCpu> &after,
                  const QByteArray &poolName, double calls)
{
    double qnam = 0;
    double pool = 0;
    double other = 0;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const auto earlier = before.constFind(it.key());
        const double ms = static_cast<double>(it->ns - (earlier == before.cend() ? 0 : earlier->ns)) / 1e6;
        if (it->name.startsWith("QNetworkAccessM"))
            qnam += ms;
        else if (poolName.startsWith(it->name))
            pool += ms;
        else if (it->name != "bench-chat-serv")
            other += ms; // the main thread (the orchestrator's), and any other
    }
    extras.add(QStringLiteral("qnam_threads_cpu_per_call_us"), qnam * 1000.0 / calls);
    extras.add(QStringLiteral("pool_threads_cpu_per_call_us"), pool * 1000.0 / calls);
    extras.add(QStringLiteral("other_threads_cpu_per_call_us"), other * 1000.0 / calls);
}
} // namespace

RunResult runHttpWorkload(const HttpWorkloadConfig &config)
{
    RunResult result;
    result.tasks = config.tasks;
    result.parallel = config.parallel;

    std::unique_ptr<ChatServer> server;
    QUrl baseUrl(config.baseUrl);
    if (config.baseUrl.isEmpty()) {
        // The agent loop's model: update_progress for the first calls - 1 rounds, then the answer.
        server = std::make_unique<ChatServer>(config.latencyMs, benchClientRequested() ? 0 : config.calls - 1);
        QString error;
        if (!server->start(&error)) {
            result.check(false, QStringLiteral("built-in chat server did not start: %1").arg(error));
            return result;
        }
        baseUrl = server->baseUrl();
    }
    HttpChatAgent::Config agentConfig;
    QString base = baseUrl.toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    agentConfig.endpoint = QUrl(base + QStringLiteral("/chat/completions"));
    agentConfig.model = config.model;
    agentConfig.calls = config.calls;
    agentConfig.managerPerThread = config.managerPerThread;
    agentConfig.plainSocket = plainSocketRequested();
    agentConfig.directConnection = server != nullptr;
    agentConfig.expectEcho = server != nullptr;
    if (!server) {
        agentConfig.apiKey = qgetenv("SWITCHBOARD_BENCH_API_KEY");
        if (agentConfig.apiKey.isEmpty())
            agentConfig.apiKey = qgetenv("OPENAI_API_KEY");
    }

    std::unique_ptr<BenchStore> store; // outlives the orchestrator
    if (config.withStore) {
        store = std::make_unique<BenchStore>();
        QString error;
        if (!store->open(&error)) {
            result.check(false, QStringLiteral("the store did not open: %1").arg(error));
            return result;
        }
        result.storeUsed = true;
    }
    HttpProbe probe;
    const bool benchClient = benchClientRequested();
    auto orchestrator = std::make_unique<Orchestrator>();
    BackendRegistry registry = BackendRegistry::withBuiltins();
    AgentProfile profile;
    if (benchClient) {
        registry.add(HttpChatAgent::name(), [agentConfig, &probe](const AgentProfile &) {
            return std::make_unique<HttpChatAgent>(agentConfig, &probe);
        });
        profile.name = HttpChatAgent::name();
        profile.backend = HttpChatAgent::name();
    } else {
        profile = openAiProfile(config, QUrl(base), server != nullptr);
    }
    orchestrator->setBackends(std::move(registry));
    orchestrator->setProfiles({profile});
    orchestrator->setMaxParallel(config.parallel);
    if (store)
        store->attach(*orchestrator);

    int completed = 0;
    int unexpectedAnswers = 0;
    QString firstFailure;
    // The built-in server's answer names the conversation's length: system, goal, and a call and its
    // result per round, so 2 * calls when the loop sent every round's result back.
    const QString expectedAnswer = QStringLiteral("ack %1").arg(2 * config.calls);
    QObject::connect(orchestrator.get(), &Orchestrator::agentCompleted, orchestrator.get(),
                     [&, checkAnswer = !benchClient && server != nullptr](const QString &, const QString &summary) {
                         ++completed;
                         if (checkAnswer && summary != expectedAnswer)
                             ++unexpectedAnswers;
                     });
    QObject::connect(orchestrator.get(), &Orchestrator::agentFailed, orchestrator.get(),
                     [&firstFailure](const QString &agentId, const QString &error) {
                         if (firstFailure.isEmpty())
                             firstFailure = agentId + QStringLiteral(": ") + error;
                     });

    // An external server answers without calling tools, so an agent's loop ends after one call: there each
    // agent's `calls` sequential calls are a chain of `calls` goals of one call each (same ideal makespan).
    const bool chains = !benchClient && !server;
    const int goalsPerAgent = chains ? config.calls : 1;
    QList<Goal> goals;
    goals.reserve(config.tasks * goalsPerAgent);
    for (int i = 0; i < config.tasks; ++i) {
        for (int step = 0; step < goalsPerAgent; ++step) {
            Goal goal;
            goal.id = chains ? QStringLiteral("%1.%2").arg(i).arg(step) : QString::number(i);
            goal.title = QStringLiteral("Chat %1").arg(i);
            goal.description = QStringLiteral("Answer in one short sentence: what is %1 + %2?").arg(i).arg(step);
            if (step > 0)
                goal.dependsOn = {QStringLiteral("%1.%2").arg(i).arg(step - 1)};
            goals << goal;
        }
    }

    const double cpuBefore = ProcessStats::cpuMs();
    const double threadCpuBefore = ProcessStats::threadCpuMs();
    const double serverCpuBefore = server ? server->threadCpuMs() : 0.0;
    const QHash<qint64, ThreadCpu> threadsBefore = threadCpuTimes();
    QElapsedTimer clock;
    clock.start();
    const QStringList ids = orchestrator->spawnParallel(goals);
    const bool finished = orchestrator->waitAll(kWaitTimeoutMs);
    result.wallMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    result.cpuMs = ProcessStats::cpuMs() - cpuBefore;
    result.mainThreadCpuMs = ProcessStats::threadCpuMs() - threadCpuBefore;
    const double serverCpuMs = server ? server->threadCpuMs() - serverCpuBefore : 0.0;
    const QHash<qint64, ThreadCpu> threadsAfter = threadCpuTimes();
    const int maxReached = orchestrator->maxParallelReached();
    orchestrator.reset();
    if (store)
        result.extras.append(store->finish());

    const int expectedCalls = config.tasks * config.calls;
    result.check(ids.size() == goals.size(), QStringLiteral("spawnParallel refused the goals"));
    result.check(finished, QStringLiteral("waitAll timed out"));
    result.check(completed == goals.size(), QStringLiteral("%1 of %2 agents completed; first failure: %3")
                                                .arg(completed)
                                                .arg(goals.size())
                                                .arg(firstFailure));
    if (benchClient) {
        result.check(probe.calls() == expectedCalls,
                     QStringLiteral("agents finished %1 calls, expected %2").arg(probe.calls()).arg(expectedCalls));
        result.check(probe.maxConcurrent() <= config.parallel,
                     QStringLiteral("%1 agents ran at once, cap %2").arg(probe.maxConcurrent()).arg(config.parallel));
    }
    result.check(
        unexpectedAnswers == 0,
        QStringLiteral("%1 agents ended with another answer than \"%2\"").arg(unexpectedAnswers).arg(expectedAnswer));
    if (server) {
        result.check(server->calls() == expectedCalls,
                     QStringLiteral("server saw %1 calls, expected %2").arg(server->calls()).arg(expectedCalls));
        result.check(server->badRequests() == 0,
                     QStringLiteral("server rejected %1 requests").arg(server->badRequests()));
        result.check(probe.unexpectedReplies() == 0,
                     QStringLiteral("%1 replies did not match the conversation length (messages not growing?)")
                         .arg(probe.unexpectedReplies()));
    }
    result.check(maxReached <= config.parallel,
                 QStringLiteral("orchestrator ran %1 at once, cap %2").arg(maxReached).arg(config.parallel));

    const QList<double> latencies = probe.callLatenciesMs(); // the bench client's calls only
    const double callP50 = Sample::median(latencies);
    // With an external server the latency is whatever it is: the median call the bench client saw, or for the
    // openai backend (which reports no per-call times) the wall time per call of one agent at a time.
    const double latency =
        server ? static_cast<double>(config.latencyMs)
        : benchClient
            ? callP50
            : result.wallMs / std::ceil(static_cast<double>(config.tasks) / static_cast<double>(config.parallel)) /
                  config.calls;
    const double waves = std::ceil(static_cast<double>(config.tasks) / static_cast<double>(config.parallel));
    const double idealMs = waves * config.calls * latency;

    result.extras.add(QStringLiteral("path"), benchClient ? HttpChatAgent::name() : QStringLiteral("openai backend"));
    result.extras.add(QStringLiteral("nam"), !benchClient              ? QStringLiteral("per-client")
                                             : agentConfig.plainSocket ? QStringLiteral("none")
                                             : config.managerPerThread ? QStringLiteral("per-thread")
                                                                       : QStringLiteral("per-agent"));
    llm::ModelEndpoint backendEndpoint;
    backendEndpoint.baseUrl = baseUrl;
    const bool lean = llm::ModelClient::transportFor(backendEndpoint) == llm::ModelClient::Transport::Lean;
    result.extras.add(QStringLiteral("transport"), agentConfig.plainSocket ? QStringLiteral("socket")
                                                   : benchClient           ? QStringLiteral("qnam")
                                                   : lean                  ? QStringLiteral("lean")
                                                                           : QStringLiteral("qnam"));
    result.extras.add(QStringLiteral("calls_per_agent"), config.calls);
    result.extras.add(QStringLiteral("agent_shape"), chains        ? QStringLiteral("chain of one-call goals")
                                                     : benchClient ? QStringLiteral("bench client, sequential calls")
                                                                   : QStringLiteral("agent loop, tool rounds"));
    result.extras.add(QStringLiteral("latency_ms"), latency);
    result.extras.add(QStringLiteral("latency_source"),
                      server ? QStringLiteral("built-in server") : QStringLiteral("measured median call"));
    result.extras.add(QStringLiteral("ideal_ms"), idealMs);
    result.extras.add(QStringLiteral("efficiency"), result.wallMs > 0 ? idealMs / result.wallMs : 0.0, 4);
    if (server) {
        server->stop(); // the counts and the reply timings are complete once its thread is gone
        result.extras.add(QStringLiteral("server_calls"), server->calls());
        result.extras.add(QStringLiteral("server_connections"), server->connections());
        // The built-in server shares the cores with the client: its thread's CPU, and the client's
        // (everything else in the process), per call.
        const auto calls = static_cast<double>(qMax(1, expectedCalls));
        result.extras.add(QStringLiteral("server_cpu_ms"), serverCpuMs);
        result.extras.add(QStringLiteral("client_cpu_ms"), result.cpuMs - serverCpuMs);
        result.extras.add(QStringLiteral("server_cpu_per_call_us"), serverCpuMs * 1000.0 / calls);
        result.extras.add(QStringLiteral("client_cpu_per_call_us"), (result.cpuMs - serverCpuMs) * 1000.0 / calls);
        addThreadCpu(result.extras, threadsBefore, threadsAfter, QByteArrayLiteral("switchboard-agents"), calls);
        // How late the server's replies left past arrival + latency: its thread waiting for a core.
        const QList<double> lateness = server->replyLatenessMs();
        result.extras.add(QStringLiteral("server_reply_late_p50_ms"), Sample::median(lateness));
        result.extras.add(QStringLiteral("server_reply_late_p99_ms"), Sample::percentile(lateness, 99.0));
    } else {
        result.extras.add(QStringLiteral("base_url"), config.baseUrl);
        result.extras.addNull(QStringLiteral("server_calls"));
        // The server is another process: all of this one's CPU is the client's.
        result.extras.add(QStringLiteral("client_cpu_per_call_us"),
                          result.cpuMs * 1000.0 / static_cast<double>(qMax(1, expectedCalls)));
    }
    result.extras.add(QStringLiteral("max_concurrency"), benchClient ? probe.maxConcurrent() : maxReached);
    if (!benchClient)
        return result;
    result.extras.add(QStringLiteral("call_p50_ms"), callP50);
    result.extras.add(QStringLiteral("call_p99_ms"), Sample::percentile(latencies, 99.0));
    result.extras.add(QStringLiteral("call_max_ms"), Sample::percentile(latencies, 100.0));
    const QList<double> setups = probe.setupTimesMs();
    result.extras.add(QStringLiteral("agent_setup_p50_ms"), Sample::median(setups));
    result.extras.add(QStringLiteral("agent_setup_max_ms"), Sample::percentile(setups, 100.0));
    return result;
}

RunResult runHttpCancelWorkload(const HttpWorkloadConfig &config)
{
    constexpr int kServerLatencyMs = 60000;
    constexpr int kPromptMs = 10000; // far below the server's latency: the calls were aborted
    RunResult result;
    result.tasks = config.tasks;
    result.parallel = config.tasks;
    ChatServer server(kServerLatencyMs);
    QString error;
    if (!server.start(&error)) {
        result.check(false, QStringLiteral("built-in chat server did not start: %1").arg(error));
        return result;
    }
    HttpChatAgent::Config agentConfig;
    agentConfig.endpoint = QUrl(server.baseUrl().toString() + QStringLiteral("/chat/completions"));
    agentConfig.model = config.model;
    agentConfig.calls = config.calls;
    agentConfig.directConnection = true;
    agentConfig.managerPerThread = config.managerPerThread;
    agentConfig.plainSocket = plainSocketRequested();
    HttpProbe probe;
    const bool benchClient = benchClientRequested();
    auto orchestrator = std::make_unique<Orchestrator>();
    BackendRegistry registry = BackendRegistry::withBuiltins();
    AgentProfile profile;
    if (benchClient) {
        registry.add(HttpChatAgent::name(), [agentConfig, &probe](const AgentProfile &) {
            return std::make_unique<HttpChatAgent>(agentConfig, &probe);
        });
        profile.name = HttpChatAgent::name();
        profile.backend = HttpChatAgent::name();
    } else {
        profile = openAiProfile(config, server.baseUrl(), true);
        profile.llm.connectTimeoutS = 2 * kServerLatencyMs / 1000; // the call must be aborted, not time out
    }
    orchestrator->setBackends(std::move(registry));
    orchestrator->setProfiles({profile});
    orchestrator->setMaxParallel(config.tasks);
    int cancelled = 0;
    int otherEndings = 0;
    QObject::connect(orchestrator.get(), &Orchestrator::agentCancelled, orchestrator.get(),
                     [&cancelled] { ++cancelled; });
    const auto other = [&otherEndings] { ++otherEndings; };
    QObject::connect(orchestrator.get(), &Orchestrator::agentCompleted, orchestrator.get(), other);
    QObject::connect(orchestrator.get(), &Orchestrator::agentFailed, orchestrator.get(), other);

    QList<Goal> goals;
    for (int i = 0; i < config.tasks; ++i) {
        Goal goal;
        goal.id = QString::number(i);
        goal.title = QStringLiteral("Cancel me %1").arg(i);
        goals << goal;
    }
    orchestrator->spawnParallel(goals);
    QElapsedTimer waiting;
    waiting.start();
    while (server.calls() < config.tasks && waiting.elapsed() < kPromptMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    result.check(server.calls() == config.tasks,
                 QStringLiteral("only %1 of %2 requests reached the server").arg(server.calls()).arg(config.tasks));

    const double cpuBefore = ProcessStats::cpuMs();
    const double threadCpuBefore = ProcessStats::threadCpuMs();
    QElapsedTimer clock;
    clock.start();
    orchestrator->cancelAll();
    const bool finished = orchestrator->waitAll(kPromptMs);
    result.wallMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    result.cpuMs = ProcessStats::cpuMs() - cpuBefore;
    result.mainThreadCpuMs = ProcessStats::threadCpuMs() - threadCpuBefore;
    orchestrator.reset();

    result.check(finished, QStringLiteral("agents were still running %1 ms after cancelAll()").arg(kPromptMs));
    result.check(cancelled == config.tasks,
                 QStringLiteral("%1 of %2 agents ended Cancelled").arg(cancelled).arg(config.tasks));
    result.check(otherEndings == 0, QStringLiteral("%1 agents completed or failed instead").arg(otherEndings));
    result.check(probe.calls() == 0, QStringLiteral("%1 calls completed").arg(probe.calls()));
    result.extras.add(QStringLiteral("path"), benchClient ? HttpChatAgent::name() : QStringLiteral("openai backend"));
    result.extras.add(QStringLiteral("cancel_ms"), result.wallMs);
    result.extras.add(QStringLiteral("server_latency_ms"), kServerLatencyMs);
    return result;
}

} // namespace switchboard::bench
