// Workspaces per attempt: the default provider gives every attempt the run's workspace; a provider set on
// the orchestrator is asked for each attempt (goal, agent, attempt) and its directory is what the backend
// sees; a provider that has none fails the attempt.
#include "agents/AgentContext.h"
#include "agents/BackendRegistry.h"
#include "orchestration/Orchestrator.h"
#include "workspace/SharedWorkspace.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <mutex>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

// What the backend saw: "goal/attempt -> workspace".
struct Seen
{
    void add(const QString &entry)
    {
        const std::lock_guard lock(mutex);
        entries << entry;
    }
    QStringList sorted()
    {
        const std::lock_guard lock(mutex);
        QStringList copy = entries;
        copy.sort();
        return copy;
    }

    std::mutex mutex;
    QStringList entries;
};

// Records its workspace; fails its first attempt when the goal's title says "flaky".
class WorkspaceBackend final : public AgentBackend
{
public:
    explicit WorkspaceBackend(Seen *seen)
        : m_seen(seen)
    {}

    AgentResult run(AgentContext &context) override
    {
        m_seen->add(
            QStringLiteral("%1/%2 -> %3").arg(context.goal().id).arg(context.attempt()).arg(context.workspace()));
        if (context.goal().title == u"flaky" && context.attempt() == 1)
            return AgentResult::failed(u"first attempt fails"_s);
        return AgentResult::completed(u"done"_s);
    }

private:
    Seen *m_seen;
};

// Asked per attempt: a directory per goal and attempt under base, none for goals titled "homeless".
class PerAttemptWorkspaces final : public WorkspaceProvider
{
public:
    explicit PerAttemptWorkspaces(QString base)
        : m_base(std::move(base))
    {}

    QString workspaceFor(const Goal &goal, const QString &agentId, int attempt, QString *error) override
    {
        asked << QStringLiteral("%1 %2 %3").arg(goal.id, agentId).arg(attempt);
        if (goal.title == u"homeless") {
            *error = u"no worktree for "_s + goal.id;
            return {};
        }
        return QStringLiteral("%1/%2-%3").arg(m_base, goal.id).arg(attempt);
    }

    QStringList asked; // on the orchestrator's thread only

private:
    QString m_base;
};

Goal goal(const QString &id, const QString &title = {})
{
    Goal g;
    g.id = id;
    g.title = title.isEmpty() ? id : title;
    return g;
}

void setUp(Orchestrator &o, Seen *seen, int maxRetries = 1)
{
    BackendRegistry registry = BackendRegistry::withBuiltins();
    registry.add(u"ws"_s, [seen](const AgentProfile &) { return std::make_unique<WorkspaceBackend>(seen); });
    o.setBackends(std::move(registry));
    AgentProfile p;
    p.name = u"ws"_s;
    p.backend = u"ws"_s;
    p.retry.maxRetries = maxRetries;
    p.retry.backoffS = {0.0};
    p.retry.jitter = 0.0;
    o.setProfiles({p});
}

} // namespace

class TestWorkspaceProvider final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sharedWorkspaceForEveryAttempt();
    void defaultProviderIsTheRunWorkspace();
    void customProviderAskedPerAttempt();
    void providerWithoutWorkspaceFailsTheAttempt();
    void setWorkspaceGoesBackToTheDefault();
};

void TestWorkspaceProvider::sharedWorkspaceForEveryAttempt()
{
    SharedWorkspace shared(u"/srv/run"_s);
    QString error;
    QCOMPARE(shared.directory(), u"/srv/run"_s);
    QCOMPARE(shared.workspaceFor(goal(u"a"_s), u"a-1"_s, 1, &error), u"/srv/run"_s);
    QCOMPARE(shared.workspaceFor(goal(u"b"_s), u"a-2"_s, 3, &error), u"/srv/run"_s);
    QVERIFY(error.isEmpty());
}

void TestWorkspaceProvider::defaultProviderIsTheRunWorkspace()
{
    Seen seen;
    Orchestrator o;
    setUp(o, &seen);
    QVERIFY(!o.spawn(goal(u"cwd"_s)).isEmpty());
    QVERIFY(o.waitAll(10000));
    QCOMPARE(seen.sorted(), QStringList{u"cwd/1 -> "_s + QDir::currentPath()});

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    o.setWorkspace(dir.path() + u"/."_s);
    const QString absolute = QDir(dir.path()).absolutePath();
    QCOMPARE(o.workspace(), absolute);
    o.spawnParallel({goal(u"a"_s), goal(u"b"_s), goal(u"f"_s, u"flaky"_s)});
    QVERIFY(o.waitAll(10000));
    QCOMPARE(seen.sorted(),
             (QStringList{u"a/1 -> "_s + absolute, u"b/1 -> "_s + absolute, u"cwd/1 -> "_s + QDir::currentPath(),
                          u"f/1 -> "_s + absolute, u"f/2 -> "_s + absolute}));
}

void TestWorkspaceProvider::customProviderAskedPerAttempt()
{
    Seen seen;
    Orchestrator o;
    setUp(o, &seen);
    o.setWorkspace(u"/unused"_s);
    auto provider = std::make_unique<PerAttemptWorkspaces>(u"/wt"_s);
    PerAttemptWorkspaces *workspaces = provider.get();
    o.setWorkspaceProvider(std::move(provider));

    const QString a = o.spawn(goal(u"a"_s));
    const QString f = o.spawn(goal(u"f"_s, u"flaky"_s));
    QVERIFY(o.waitAll(10000));
    QCOMPARE(o.status(f)->state, AgentState::Completed);
    QCOMPARE(o.status(f)->attempt, 2);
    // Once per attempt, with the attempt's number; the backend works where the provider said.
    QStringList asked = workspaces->asked;
    asked.sort();
    QCOMPARE(asked, (QStringList{u"a "_s + a + u" 1"_s, u"f "_s + f + u" 1"_s, u"f "_s + f + u" 2"_s}));
    QCOMPARE(seen.sorted(), (QStringList{u"a/1 -> /wt/a-1"_s, u"f/1 -> /wt/f-1"_s, u"f/2 -> /wt/f-2"_s}));
    QCOMPARE(o.workspace(), u"/unused"_s); // the run's workspace is still what was set
}

void TestWorkspaceProvider::providerWithoutWorkspaceFailsTheAttempt()
{
    Seen seen;
    Orchestrator o;
    setUp(o, &seen, 0); // with retries left, it would be retried like any failure
    o.setWorkspaceProvider(std::make_unique<PerAttemptWorkspaces>(u"/wt"_s));
    const QString id = o.spawn(goal(u"h"_s, u"homeless"_s));
    QVERIFY(o.waitAll(10000));
    const std::optional<AgentStatus> status = o.status(id);
    QCOMPARE(status->state, AgentState::Failed);
    QCOMPARE(status->error, u"no workspace: no worktree for h"_s);
    QCOMPARE(status->errorKind, u"workspace"_s);
    QVERIFY(seen.sorted().isEmpty()); // the backend never ran
}

void TestWorkspaceProvider::setWorkspaceGoesBackToTheDefault()
{
    Seen seen;
    Orchestrator o;
    setUp(o, &seen);
    o.setWorkspaceProvider(std::make_unique<PerAttemptWorkspaces>(u"/wt"_s));
    o.setWorkspace(u"/srv/run"_s);
    o.spawn(goal(u"a"_s));
    QVERIFY(o.waitAll(10000));
    o.setWorkspaceProvider(std::make_unique<PerAttemptWorkspaces>(u"/wt"_s));
    o.setWorkspaceProvider(nullptr); // null: the run's workspace again
    o.spawn(goal(u"b"_s));
    QVERIFY(o.waitAll(10000));
    QCOMPARE(seen.sorted(), (QStringList{u"a/1 -> /srv/run"_s, u"b/1 -> /srv/run"_s}));
}

QTEST_GUILESS_MAIN(TestWorkspaceProvider)
#include "tst_workspaceprovider.moc"
