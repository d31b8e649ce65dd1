#include "persistence/MetricsCalculator.h"
#include "persistence/ReportWriter.h"
#include "persistence/Store.h"
#include "persistence/StoreReader.h"
#include "persistence/StoreSchema.h"
#include "support/GoalBuilder.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>
#include <vector>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

const auto at = &test::fixedTime;

// A connection of the test's own, separate from every connection of the Store.
class RawDb final
{
    Q_DISABLE_COPY_MOVE(RawDb)

public:
    explicit RawDb(const QString &path)
        : m_name(u"raw-%1"_s.arg(s_next++))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        m_ok = db.open();
    }
    ~RawDb() { QSqlDatabase::removeDatabase(m_name); }

    bool isOpen() const { return m_ok; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }
    bool exec(const QString &sql) const
    {
        QSqlQuery query(db());
        return query.exec(sql);
    }

private:
    static inline int s_next = 1;
    QString m_name;
    bool m_ok = false;
};

AgentStatus statusOf(const QString &agentId, const QString &goalId, AgentState state, int attempt,
                     const QString &profile = u"coder"_s)
{
    AgentStatus s;
    s.agentId = agentId;
    s.goalId = goalId;
    s.state = state;
    s.attempt = attempt;
    s.profile = profile;
    s.name = u"%1-%2"_s.arg(profile, agentId.mid(2));
    return s;
}

LockEvent lockEvent(const QString &resource, const QString &agentId, LockEvent::Action action, quint64 token)
{
    LockEvent e;
    e.resource = resource;
    e.agentId = agentId;
    e.action = action;
    e.token = token;
    return e;
}

// A run r-1 with goal g1 on agent a-1.
bool seedRun(Store &store, const QString &runId = u"r-1"_s, const QString &goalId = u"g1"_s,
             const QString &agentId = u"a-1"_s)
{
    return test::submitAndFlush(store,
                                {StoreWrite::runStarted(runId, u"Run %1"_s.arg(runId), {}, 4, at(0)),
                                 StoreWrite::goalAdded(runId, test::GoalBuilder(goalId).title(u"Goal %1"_s.arg(goalId)),
                                                       agentId, {}, {}, at(1))});
}

} // namespace

class TestStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void defaultPathIsInAppData();
    void createsSchemaOnEmptyDatabase();
    void migratesVersion1Database();
    void migratesVersion2Database();
    void refusesNewerSchema();
    void closesRetriedAttemptAsFailed();
    void foldedAttemptsMatchSeparateCommits();
    void historyIndexMatchesScan();
    void roundTripsEveryKind();
    void reportsOnlyAfterCommit();
    void dropsCallbackOfDestroyedContext();
    void deliversCallbacksInOrderIntoNestedLoops();
    void batchesWritesIntoTransactions();
    void coalescesProgressAndUsage();
    void rejectsOneBadWriteAlone();
    void rejectedLogLinesAreNotSpilled();
    void manyThreadsSubmitConcurrently();
    void secondInstanceIsRefusedAndMayReadOnly();
    void takesOverLockOfDeadProcess();
    void takesOverEmptyLockFile();
    void diskFullStopsWritingWithoutCorruption();
    void marksActiveAgentsInterrupted();
    void boundsLogAndSpillsToFile();
    void samplesLogLinesWhileTheWriterIsBusy();
    void logChurnDoesNotBloatTheFile();
    void bloatedOldDatabaseIsCompacted();
    void keepsAnsweredEscalationClosed();
    void keepsIdsGrowingAcrossRestarts();
    void readsTrickyTextAsWritten();
    void readsRunTotalsWithoutTheirRows();
    void roundTripsTranscript();
    void migratesVersion3DatabaseToTranscripts();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(u"switchboard.db"_s); }
};

void TestStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(u"switchboard-tst-store"_s);
}

void TestStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestStore::cleanup()
{
    m_dir.reset();
}

void TestStore::defaultPathIsInAppData()
{
    const QString path = Store::defaultPath();
    QCOMPARE(QFileInfo(path).fileName(), u"switchboard.db"_s);
    QCOMPARE(QFileInfo(path).absolutePath(),
             QFileInfo(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).absoluteFilePath());
    QCOMPARE(Store::lockFilePath(u"/x/y.db"_s), u"/x/y.db.lock"_s);
}

void TestStore::createsSchemaOnEmptyDatabase()
{
    {
        Store store;
        QString error;
        QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
        QVERIFY(store.isOpen());
        QVERIFY(!store.isReadOnly());
        QVERIFY(QFile::exists(Store::lockFilePath(dbPath())));
    }
    QVERIFY(!QFile::exists(Store::lockFilePath(dbPath()))); // released on close

    RawDb raw(dbPath());
    QVERIFY(raw.isOpen());
    QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), StoreSchema::kLatestVersion);
    QCOMPARE(raw.scalar(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    const QStringList tables = raw.db().tables();
    for (const QString &table : {u"runs"_s, u"goals"_s, u"agents"_s, u"transitions"_s, u"attempts"_s, u"escalations"_s,
                                 u"lock_events"_s, u"agent_log"_s, u"meta"_s, u"notes"_s, u"transcript"_s})
        QVERIFY2(tables.contains(table), qPrintable(table));
    QCOMPARE(raw.scalar(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
}

void TestStore::migratesVersion1Database()
{
    // A file as the first release left it: schema version 1 (no scratchpad), with a run in it.
    {
        RawDb raw(dbPath());
        QVERIFY(raw.isOpen());
        QSqlDatabase db = raw.db();
        QString error;
        QVERIFY2(StoreSchema::migrate(db, 1, &error), qPrintable(error));
        QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), 1);
        QVERIFY(!db.tables().contains(u"notes"_s));
        QVERIFY(raw.exec(u"INSERT INTO runs (id, name, started_at) VALUES ('r-7', 'old run', 1000)"_s));
        QVERIFY(
            raw.exec(u"INSERT INTO goals (run_id, id, title, created_at) VALUES ('r-7', 'g1', 'Old goal', 1000)"_s));
        QVERIFY(raw.exec(u"INSERT INTO agents (id, run_id, goal_id, state, attempt, created_at) "
                         "VALUES ('a-3', 'r-7', 'g1', 'Completed', 1, 1000)"_s));
    }

    Store store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    {
        RawDb raw(dbPath());
        QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), StoreSchema::kLatestVersion);
        QVERIFY(raw.db().tables().contains(u"notes"_s));
    }
    const StoreSnapshot snapshot = store.load();
    QCOMPARE(snapshot.runs.size(), 1);
    QCOMPARE(snapshot.runs.first().id, u"r-7"_s);
    QCOMPARE(snapshot.goals.size(), 1);
    QCOMPARE(snapshot.goals.first().goal.title, u"Old goal"_s);
    QCOMPARE(snapshot.agents.size(), 1);
    QCOMPARE(snapshot.agents.first().state, AgentState::Completed);
    QCOMPARE(snapshot.lastAgentNumber, 3u);
    QCOMPARE(snapshot.lastRunNumber, 7u);

    // The table the migration added works.
    QVERIFY(test::submitAndFlush(store, {StoreWrite::note(u"r-7"_s, u"k"_s, u"v"_s, u"a-3"_s, at(5))}));
    const QList<NoteRecord> notes = store.notes(u"r-7"_s);
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes.first().text, u"v"_s);
}

void TestStore::migratesVersion2Database()
{
    // Schema version 2 had no run settings: an old run reads back with empty settings, a new one keeps them.
    {
        RawDb raw(dbPath());
        QVERIFY(raw.isOpen());
        QSqlDatabase db = raw.db();
        QString error;
        QVERIFY2(StoreSchema::migrate(db, 2, &error), qPrintable(error));
        QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), 2);
        QVERIFY(raw.exec(u"INSERT INTO runs (id, name, started_at) VALUES ('r-2', 'old run', 1000)"_s));
        QVERIFY(!raw.exec(u"SELECT settings_json FROM runs"_s));
    }
    Store store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    {
        RawDb raw(dbPath());
        QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), StoreSchema::kLatestVersion);
        QCOMPARE(raw.scalar(u"SELECT settings_json FROM runs WHERE id = 'r-2'"_s).toString(), u"{}"_s);
        // agents_run stays: it lists a run's agents in rowid (spawn) order without a sort (agents_goal does not).
        QCOMPARE(raw.scalar(u"SELECT count(*) FROM sqlite_master WHERE name = 'agents_run'"_s).toInt(), 1);
        QCOMPARE(raw.scalar(u"SELECT count(*) FROM sqlite_master WHERE name = 'agents_goal'"_s).toInt(), 1);
    }
    QJsonObject settings{{u"workspace"_s, u"/tmp/ws"_s}, {u"max_parallel"_s, 6}};
    QVERIFY(test::submitAndFlush(store, {StoreWrite::runStarted(u"r-3"_s, u"new run"_s, {}, 6, at(0), settings)}));
    const QList<RunRecord> runs = store.runs();
    QCOMPARE(runs.size(), 2);
    QVERIFY(runs.at(0).settings.isEmpty());
    QCOMPARE(runs.at(1).settings, settings);
}

void TestStore::refusesNewerSchema()
{
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(u"PRAGMA user_version = 99"_s));
    }
    Store store;
    QString error;
    QVERIFY(!store.open(dbPath(), &error));
    QVERIFY2(error.contains(u"schema version 99"_s) && error.contains(u"newer"_s), qPrintable(error));
    QVERIFY(!store.isOpen());
    QVERIFY(!QFile::exists(Store::lockFilePath(dbPath()))); // a failed open leaves no lock behind
    QVERIFY(!store.openReadOnly(dbPath(), &error));
    QVERIFY2(error.contains(u"newer"_s), qPrintable(error));
}

void TestStore::roundTripsEveryKind()
{
    Store store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));

    Goal goal;
    goal.id = u"build"_s;
    goal.title = u"Build it"_s;
    goal.description = u"All of it"_s;
    goal.priority = Priority::High;
    goal.deadline = at(3600);
    goal.successCriteria = {u"compiles"_s, u"tests pass"_s};
    goal.dependsOn = {u"design"_s};
    goal.capabilities = {u"cpp"_s};
    goal.resources = {u"src/a.cpp"_s, u"db:schema"_s};
    goal.profile = u"coder"_s;
    const Goal design = test::GoalBuilder(u"design"_s).title(u"Design"_s);

    AgentStatus running = statusOf(u"a-1"_s, u"build"_s, AgentState::Running, 1);
    AgentStatus failed = statusOf(u"a-2"_s, u"design"_s, AgentState::Running, 1, u"architect"_s);

    Escalation escalation;
    escalation.id = u"e-4"_s;
    escalation.goalId = u"build"_s;
    escalation.agentId = u"a-1"_s;
    escalation.trigger = Escalation::Trigger::Security;
    escalation.question = u"Use the old API?"_s;
    escalation.context = u"it is deprecated"_s;
    escalation.options = {{u"yes"_s, u"Yes, keep it"_s}, {u"no"_s, u"No"_s}};
    escalation.priority = Priority::High;
    escalation.createdAt = at(20);
    escalation.timeoutMs = 60000;
    escalation.timeoutPolicy = Escalation::TimeoutPolicy::TakeDefault;
    escalation.defaultOption = u"no"_s;
    Escalation answered = escalation;
    answered.state = Escalation::State::Answered;
    answered.answerOption = u"yes"_s;
    answered.answerText = u"for now"_s;
    answered.answeredAt = at(30);
    answered.answeredBy = u"human"_s;

    RunSummary summary;
    summary.wallMs = 5000;
    summary.agentTimeMs = 9000;
    summary.total = 2;
    summary.completed = 1;
    summary.failed = 1;

    AgentStatus completedStatus = running;
    AgentResult ok = AgentResult::completed(u"built"_s);
    AgentResult bad = AgentResult::failed(u"no idea"_s, 3);

    QVERIFY(test::submitAndFlush(
        store, {StoreWrite::runStarted(u"r-1"_s, u"nightly"_s, u"plans/nightly.yaml"_s, 3, at(0)),
                StoreWrite::goalAdded(u"r-1"_s, design, u"a-2"_s, u"architect-2"_s, u"architect"_s, at(1)),
                StoreWrite::goalAdded(u"r-1"_s, goal, u"a-1"_s, {}, {}, at(2)), StoreWrite::transition(running, at(10)),
                StoreWrite::transition(failed, at(11)), StoreWrite::progress(u"a-1"_s, 40, u"compiling"_s),
                StoreWrite::usage(u"a-1"_s, 1, 1000, 200, 0.25), StoreWrite::usage(u"a-2"_s, 1, 10, 20, 0.01),
                StoreWrite::escalation(escalation), StoreWrite::escalation(answered),
                StoreWrite::lockEvent(lockEvent(u"src/a.cpp"_s, u"a-1"_s, LockEvent::Action::Acquired, 41), at(12)),
                StoreWrite::lockEvent(lockEvent(u"src/a.cpp"_s, u"a-2"_s, LockEvent::Action::Denied, 0), at(13)),
                StoreWrite::lockEvent(lockEvent(u"src/a.cpp"_s, u"a-1"_s, LockEvent::Action::Released, 41), at(40)),
                StoreWrite::log(u"a-1"_s, {u"line one"_s, u"line two"_s}, at(14)),
                StoreWrite::note(u"r-1"_s, u"api"_s, u"v2 is live"_s, u"a-1"_s, at(15)),
                StoreWrite::finished(completedStatus, ok, at(50)), StoreWrite::finished(failed, bad, at(51)),
                StoreWrite::runFinished(u"r-1"_s, summary, at(60))}));

    const StoreSnapshot snapshot = store.load(QString(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QCOMPARE(snapshot.runs.size(), 1);
    const RunRecord &run = snapshot.runs.first();
    QCOMPARE(run.id, u"r-1"_s);
    QCOMPARE(run.name, u"nightly"_s);
    QCOMPARE(run.planFile, u"plans/nightly.yaml"_s);
    QCOMPARE(run.maxParallel, 3);
    QCOMPARE(run.startedAt, at(0));
    QCOMPARE(run.finishedAt, at(60));
    QCOMPARE(run.summary, summary.toJson());

    QCOMPARE(snapshot.goals.size(), 2);
    QCOMPARE(snapshot.goals.at(0).goal.id, u"design"_s);
    const GoalRecord &goalRecord = snapshot.goals.at(1);
    QCOMPARE(goalRecord.runId, u"r-1"_s);
    QCOMPARE(goalRecord.agentId, u"a-1"_s);
    QCOMPARE(goalRecord.createdAt, at(2));
    QCOMPARE(goalRecord.goal.toJson(), goal.toJson()); // every Goal field, lists included

    QCOMPARE(snapshot.agents.size(), 2);
    const AgentStatus &a1 = snapshot.agents.at(1);
    QCOMPARE(a1.agentId, u"a-1"_s);
    QCOMPARE(a1.goalId, u"build"_s);
    QCOMPARE(a1.goalTitle, u"Build it"_s);
    QCOMPARE(a1.name, u"coder-1"_s);
    QCOMPARE(a1.profile, u"coder"_s);
    QCOMPARE(a1.priority, Priority::High);
    QCOMPARE(a1.state, AgentState::Completed);
    QCOMPARE(a1.attempt, 1);
    QCOMPARE(a1.progress, 100);
    QCOMPARE(a1.currentStep, u"compiling"_s);
    QCOMPARE(a1.createdAt, at(2));
    QCOMPARE(a1.startedAt, at(10));
    QCOMPARE(a1.completedAt, at(50));
    QCOMPARE(a1.summary, u"built"_s);
    QCOMPARE(a1.error, QString());
    QCOMPARE(a1.inputTokens, 1000);
    QCOMPARE(a1.outputTokens, 200);
    QCOMPARE(a1.costUsd, 0.25);
    const AgentStatus &a2 = snapshot.agents.at(0);
    QCOMPARE(a2.state, AgentState::Failed);
    QCOMPARE(a2.error, u"no idea"_s);
    QCOMPARE(a2.name, u"architect-2"_s);

    QCOMPARE(snapshot.escalations.size(), 1);
    QCOMPARE(snapshot.escalations.first(), answered); // every Escalation field
    QCOMPARE(snapshot.maxFencingToken, 41u);
    QVERIFY(snapshot.activeAgents.isEmpty());

    const RunHistory history = store.history(u"r-1"_s, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(history.attempts.size(), 2);
    const AttemptRecord attempt = history.attemptsOf(u"a-2"_s).value(0);
    QCOMPARE(attempt.runId, u"r-1"_s);
    QCOMPARE(attempt.goalId, u"design"_s);
    QCOMPARE(attempt.profile, u"architect"_s);
    QCOMPARE(attempt.attempt, 1);
    QCOMPARE(attempt.startedAt, at(11));
    QCOMPARE(attempt.finishedAt, at(51));
    QCOMPARE(attempt.outcome, std::optional<AgentState>(AgentState::Failed));
    QCOMPARE(attempt.error, u"no idea"_s);
    QCOMPARE(attempt.exitCode, std::optional<int>(3));
    QCOMPARE(attempt.inputTokens, 10);
    QCOMPARE(attempt.outputTokens, 20);
    QCOMPARE(attempt.costUsd, 0.01);
    QCOMPARE(history.attemptsOf(u"a-1"_s).value(0).summary, u"built"_s);

    QStringList trail;
    for (const TransitionRecord &t : history.transitions)
        trail << u"%1:%2:%3@%4"_s.arg(t.agentId, agentStateToString(t.state)).arg(t.attempt).arg(at(0).secsTo(t.at));
    QCOMPARE(trail, (QStringList{u"a-2:Queued:0@1"_s, u"a-1:Queued:0@2"_s, u"a-1:Running:1@10"_s, u"a-2:Running:1@11"_s,
                                 u"a-1:Completed:1@50"_s, u"a-2:Failed:1@51"_s}));
    QCOMPARE(history.transitions.last().error, u"no idea"_s);

    QCOMPARE(history.lockEvents.size(), 3);
    QCOMPARE(history.lockEvents.at(1).event, lockEvent(u"src/a.cpp"_s, u"a-2"_s, LockEvent::Action::Denied, 0));
    QCOMPARE(history.lockEvents.at(2).at, at(40));
    QCOMPARE(history.notes, (QList<NoteRecord>{{u"r-1"_s, u"api"_s, u"v2 is live"_s, u"a-1"_s, at(15)}}));
    QCOMPARE(store.agentLog(u"a-1"_s), (QStringList{u"line one"_s, u"line two"_s}));
    QCOMPARE(store.maxFencingToken(), 41u);
    QCOMPARE(store.runs().size(), 1);

    // What the store returns is what the metrics and the reports take.
    MetricsCalculator::Options options;
    options.now = at(60);
    const Metrics metrics = MetricsCalculator::compute(history, options);
    QCOMPARE(metrics.overall.assignments, 2);
    QCOMPARE(metrics.overall.completions, 1);
    QCOMPARE(metrics.overall.failures, 1);
    QCOMPARE(metrics.overall.averageDurationMs, 40000.0); // a-1 ran 10..50 s
    QCOMPARE(metrics.overall.escalations, 1);
    QCOMPARE(metrics.lockRequests, 2);
    QCOMPARE(metrics.lockConflicts, 1);
    QCOMPARE(metrics.busyMs, 80000); // 40 s + 40 s
    QCOMPARE(metrics.runSlots, 3);
    QCOMPARE(metrics.wallMs, 60000); // the run finished at 60 s
    const QJsonObject report = ReportWriter::runReportJson(history);
    QCOMPARE(report.value(u"totals").toObject().value(u"cost_usd").toDouble(), 0.26);
    QCOMPARE(report.value(u"goals").toArray().at(1).toObject().value(u"summary").toString(), u"built"_s);
    QCOMPARE(report.value(u"escalations").toArray().at(0).toObject().value(u"answer_label").toString(),
             u"Yes, keep it"_s);
}

void TestStore::reportsOnlyAfterCommit()
{
    Store store;
    QVERIFY(store.open(dbPath()));
    QVERIFY(test::submitAndFlush(store, {StoreWrite::runStarted(u"r-1"_s, {}, {}, 1, at(0))}));

    int calls = 0;
    bool committed = false;
    bool visibleElsewhere = false;
    bool onStoreThread = false;
    store.setWritesHeldForTesting(true); // the writer is slow: nothing may be reported early
    QVERIFY(store.submit(
        StoreWrite::goalAdded(u"r-1"_s, test::GoalBuilder(u"g1"_s).title(u"Goal g1"_s), u"a-1"_s), [&](bool ok) {
            ++calls;
            committed = ok;
            onStoreThread = QThread::currentThread() == store.thread();
            RawDb raw(dbPath());
            visibleElsewhere = raw.scalar(u"SELECT COUNT(*) FROM goals WHERE id = 'g1'"_s).toInt() == 1 &&
                               raw.scalar(u"SELECT state FROM agents WHERE id = 'a-1'"_s).toString() == u"Queued"_s;
        }));
    QTest::qWait(150); // a span in which nothing may be committed while writes are held
    QCOMPARE(calls, 0);
    {
        RawDb raw(dbPath());
        QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM goals"_s).toInt(), 0);
    }
    store.setWritesHeldForTesting(false);
    QTRY_COMPARE(calls, 1);
    QVERIFY(committed);
    QVERIFY(visibleElsewhere);
    QVERIFY(onStoreThread);

    // With a context: called on the context's thread, here the test's.
    QObject context;
    int contextCalls = 0;
    QVERIFY(store.submit(StoreWrite::transition(statusOf(u"a-1"_s, u"g1"_s, AgentState::Running, 1), at(3)), &context,
                         [&](bool ok) {
                             QVERIFY(ok);
                             QCOMPARE(QThread::currentThread(), context.thread());
                             ++contextCalls;
                         }));
    QTRY_COMPARE(contextCalls, 1);
    QTest::qWait(50);   // a span in which no second call may arrive
    QCOMPARE(calls, 1); // exactly once
}

void TestStore::dropsCallbackOfDestroyedContext()
{
    Store store;
    QVERIFY(store.open(dbPath()));
    int calls = 0;
    {
        QObject context;
        store.setWritesHeldForTesting(true);
        store.submit(StoreWrite::runStarted(u"r-1"_s, {}, {}, 1), &context, [&](bool) { ++calls; });
    }
    store.setWritesHeldForTesting(false);
    QVERIFY(store.flush());
    QTest::qWait(50); // a span in which the dropped callback must not run
    QCOMPARE(calls, 0);
    QCOMPARE(store.runs().size(), 1); // written all the same
}

// Callbacks arrive in commit order, one queued call per burst; a callback that waits in a nested event loop for a
// later commit still gets that commit's callback there, after every earlier one.
void TestStore::deliversCallbacksInOrderIntoNestedLoops()
{
    Store store;
    QVERIFY(store.open(dbPath()));
    QVERIFY(test::submitAndFlush(store, {StoreWrite::runStarted(u"r-1"_s, {}, {}, 1, at(0))}));
    QStringList order;
    bool nestedGotB = false;
    store.setWritesHeldForTesting(true);
    store.submit(StoreWrite::note(u"r-1"_s, u"a1"_s, u"x"_s, {}, at(1)), [&](bool) {
        order << u"A1"_s;
        QEventLoop loop;
        store.submit(StoreWrite::note(u"r-1"_s, u"b"_s, u"x"_s, {}, at(2)), [&](bool) {
            order << u"B"_s;
            nestedGotB = loop.isRunning();
            loop.quit();
        });
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        loop.exec();
    });
    store.submit(StoreWrite::note(u"r-1"_s, u"a2"_s, u"x"_s, {}, at(1)), [&](bool) { order << u"A2"_s; });
    store.setWritesHeldForTesting(false);
    QTRY_COMPARE(order.size(), 3);
    QCOMPARE(order, (QStringList{u"A1"_s, u"A2"_s, u"B"_s}));
    QVERIFY(nestedGotB);
}

void TestStore::batchesWritesIntoTransactions()
{
    Store store;
    QVERIFY(store.open(dbPath()));
    QVERIFY(store.flush());
    const Store::Stats before = store.stats();

    store.setWritesHeldForTesting(true);
    for (int i = 1; i <= 1000; ++i)
        store.submit(StoreWrite::lockEvent(lockEvent(u"r%1"_s.arg(i), u"a-1"_s, LockEvent::Action::Acquired, i)));
    store.setWritesHeldForTesting(false);
    QVERIFY(store.flush());
    Store::Stats after = store.stats();
    QCOMPARE(after.transactions - before.transactions, 1u);
    QCOMPARE(after.writes - before.writes, 1000u);

    // Not held: a burst still lands in far fewer transactions than writes.
    for (int i = 1001; i <= 3000; ++i)
        store.submit(StoreWrite::lockEvent(lockEvent(u"r%1"_s.arg(i), u"a-1"_s, LockEvent::Action::Acquired, i)));
    QVERIFY(store.flush());
    const Store::Stats burst = store.stats();
    QCOMPARE(burst.writes - after.writes, 2000u);
    QVERIFY2(burst.transactions - after.transactions < 200,
             qPrintable(u"%1 transactions"_s.arg(burst.transactions - after.transactions)));
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM lock_events"_s).toInt(), 3000);
}

void TestStore::coalescesProgressAndUsage()
{
    Store store;
    QVERIFY(store.open(dbPath()));
    QVERIFY(test::submitAndFlush(
        store,
        {StoreWrite::runStarted(u"r-1"_s, {}, {}, 1, at(0)),
         StoreWrite::goalAdded(u"r-1"_s, test::GoalBuilder(u"g1"_s).title(u"Goal g1"_s), u"a-1"_s, {}, {}, at(0)),
         StoreWrite::goalAdded(u"r-1"_s, test::GoalBuilder(u"g2"_s).title(u"Goal g2"_s), u"a-2"_s, {}, {}, at(0)),
         StoreWrite::transition(statusOf(u"a-1"_s, u"g1"_s, AgentState::Running, 1), at(1)),
         StoreWrite::transition(statusOf(u"a-2"_s, u"g2"_s, AgentState::Running, 1), at(1))}));
    const Store::Stats before = store.stats();

    store.setWritesHeldForTesting(true);
    for (int i = 1; i <= 100; ++i) {
        store.submit(StoreWrite::progress(u"a-1"_s, i, u"step %1"_s.arg(i)));
        store.submit(StoreWrite::progress(u"a-2"_s, i / 2, u"other %1"_s.arg(i)));
        store.submit(StoreWrite::usage(u"a-1"_s, 1, i * 10, i, i * 0.5));
    }
    store.setWritesHeldForTesting(false);
    QVERIFY(store.flush());
    const Store::Stats after = store.stats();
    QCOMPARE(after.coalesced - before.coalesced, 297u);
    QCOMPARE(after.writes - before.writes, 3u);

    const StoreSnapshot snapshot = store.load();
    QCOMPARE(snapshot.agents.at(0).progress, 100);
    QCOMPARE(snapshot.agents.at(0).currentStep, u"step 100"_s);
    QCOMPARE(snapshot.agents.at(1).progress, 50);
    QCOMPARE(snapshot.agents.at(1).currentStep, u"other 100"_s);
    QCOMPARE(snapshot.agents.at(0).inputTokens, 1000);
    QCOMPARE(snapshot.agents.at(0).outputTokens, 100);
    QCOMPARE(snapshot.agents.at(0).costUsd, 50.0);

    // The latest tick wins even when something in between reset progress (a new attempt starts at 0).
    store.setWritesHeldForTesting(true);
    store.submit(StoreWrite::progress(u"a-1"_s, 70, u"old attempt"_s));
    store.submit(StoreWrite::transition(statusOf(u"a-1"_s, u"g1"_s, AgentState::Running, 2), at(5)));
    store.submit(StoreWrite::progress(u"a-1"_s, 5, u"new attempt"_s));
    store.setWritesHeldForTesting(false);
    QVERIFY(store.flush());
    const AgentStatus retried = store.load().agents.at(0);
    QCOMPARE(retried.attempt, 2);
    QCOMPARE(retried.progress, 5);
    QCOMPARE(retried.currentStep, u"new attempt"_s);
}

void TestStore::rejectsOneBadWriteAlone()
{
    Store store;
    QVERIFY(store.open(dbPath()));
    QVERIFY(seedRun(store));
    const Store::Stats before = store.stats();

    int good = -1;
    int bad = -1;
    int unknownRun = -1;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"write rejected: .*state change for unknown agent a-99"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"write rejected: .*run r-404 finished but was never"_s));
    store.setWritesHeldForTesting(true);
    store.submit(StoreWrite::note(u"r-1"_s, u"k"_s, u"kept"_s, {}, at(2)), nullptr, [&](bool ok) { good = ok; });
    // A state change for an agent that was never recorded: a wiring bug, refused on its own.
    store.submitAll({StoreWrite::note(u"r-1"_s, u"k2"_s, u"rolled back with its group"_s, {}, at(2)),
                     StoreWrite::transition(statusOf(u"a-99"_s, u"g9"_s, AgentState::Running, 1), at(3))},
                    nullptr, [&](bool ok) { bad = ok; });
    store.submit(StoreWrite::runFinished(u"r-404"_s, RunSummary{}, at(4)), nullptr, [&](bool ok) { unknownRun = ok; });
    store.setWritesHeldForTesting(false);
    QVERIFY(store.flush()); // the store itself is fine
    QCOMPARE(good, 1);
    QCOMPARE(bad, 0);
    QCOMPARE(unknownRun, 0);
    QVERIFY(!store.isFailed());
    const Store::Stats after = store.stats();
    QCOMPARE(after.rejected - before.rejected, 2u);
    QCOMPARE(after.transactions - before.transactions, 1u);
    const QList<NoteRecord> notes = store.notes(u"r-1"_s);
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes.first().text, u"kept"_s);
}

// A rejected submission's log lines are rolled back with it. The store writes no log file: each agent's AgentLog
// writes its full output once.
void TestStore::rejectedLogLinesAreNotSpilled()
{
    Store store;
    QVERIFY(store.open(dbPath()));
    QVERIFY(seedRun(store));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"write rejected: .*state change for unknown agent a-99"_s));
    store.setWritesHeldForTesting(true);
    store.submit(StoreWrite::log(u"a-1"_s, {u"kept line"_s}));
    int bad = -1;
    store.submitAll({StoreWrite::log(u"a-1"_s, {u"rolled back line"_s}),
                     StoreWrite::transition(statusOf(u"a-99"_s, u"g9"_s, AgentState::Running, 1), at(3))},
                    nullptr, [&](bool ok) { bad = ok; });
    store.submit(StoreWrite::log(u"a-1"_s, {u"also kept"_s}));
    store.setWritesHeldForTesting(false);
    QVERIFY(store.flush());
    QCOMPARE(bad, 0);
    QCOMPARE(store.agentLog(u"a-1"_s), (QStringList{u"kept line"_s, u"also kept"_s}));
    QVERIFY(!QFile::exists(store.logFilePath(u"a-1"_s)));
}

void TestStore::manyThreadsSubmitConcurrently()
{
    Store store;
    QVERIFY(store.open(dbPath()));
    QVERIFY(seedRun(store));
    const int kThreads = 16;
    const int kPerThread = 250;
    std::atomic<int> committed{0};
    std::atomic<int> refused{0};
    std::atomic<int> readsOk{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(QThread::create([&store, &committed, &refused, &readsOk, t] {
            for (int i = 0; i < kPerThread; ++i) {
                const quint64 token = quint64(t * 1000 + i + 1);
                const auto done = [&committed, &refused](bool ok) { (ok ? committed : refused).fetch_add(1); };
                if (i % 2 == 0)
                    store.submit(StoreWrite::lockEvent(
                                     lockEvent(u"res-%1"_s.arg(t), u"a-1"_s, LockEvent::Action::Acquired, token)),
                                 nullptr, done);
                else
                    store.submit(StoreWrite::log(u"a-1"_s, {u"t%1 line %2"_s.arg(t).arg(i)}), nullptr, done);
            }
            // A reader connection of this thread's own, removed when the thread ends.
            if (store.maxFencingToken() > 0 || store.load().goals.size() == 1)
                readsOk.fetch_add(1);
        }));
        threads.back()->start();
    }
    for (const auto &thread : threads)
        QVERIFY(thread->wait(60000));
    QVERIFY(store.flush());
    QCOMPARE(committed.load(), kThreads * kPerThread);
    QCOMPARE(refused.load(), 0);
    QCOMPARE(readsOk.load(), kThreads);

    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM lock_events"_s).toInt(), kThreads * kPerThread / 2);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM agent_log"_s).toInt(),
             qMin(Store::kLogLinesKept, kThreads * kPerThread / 2));
    QCOMPARE(store.maxFencingToken(), quint64((kThreads - 1) * 1000 + (kPerThread - 2) + 1));
    // The full output is the agents' own log files' business, never the store's (it would be written twice).
    QVERIFY(!QFile::exists(store.logFilePath(u"a-1"_s)));

    // The threads' reader connections went with them.
    int readers = 0;
    for (const QString &name : QSqlDatabase::connectionNames())
        readers += name.contains(u"-reader-"_s) ? 1 : 0;
    QVERIFY2(readers <= 1, qPrintable(QSqlDatabase::connectionNames().join(u", "_s)));
}

void TestStore::secondInstanceIsRefusedAndMayReadOnly()
{
    Store owner;
    QVERIFY(owner.open(dbPath()));
    QVERIFY(seedRun(owner));

    Store second;
    QString error;
    QVERIFY(!second.open(dbPath(), &error));
    QVERIFY(second.openFailedInUse());
    QVERIFY(!second.isOpen());
    QCOMPARE(error, u"database %1 is in use by another Switchboard (pid %2 on host %3)"_s
                        .arg(QFileInfo(dbPath()).absoluteFilePath())
                        .arg(QCoreApplication::applicationPid())
                        .arg(QSysInfo::machineHostName()));
    QCOMPARE(second.lastError(), error);

    QVERIFY2(second.openReadOnly(dbPath(), &error), qPrintable(error));
    QVERIFY(second.isReadOnly());
    QCOMPARE(second.load().goals.size(), 1); // reads the owner's committed data

    int callback = -1;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"write refused: the database .* is open read-only"_s));
    QVERIFY(!second.submit(StoreWrite::note(u"r-1"_s, u"k"_s, u"v"_s, {}), [&](bool ok) { callback = ok; }));
    QVERIFY2(second.lastError().contains(u"read-only"_s) && second.lastError().contains(dbPath()),
             qPrintable(second.lastError()));
    QTRY_COMPARE(callback, 0);
    QVERIFY(!second.flush());
    QVERIFY(second.notes(u"r-1"_s).isEmpty());

    // The owner keeps writing; the reader sees it.
    QVERIFY(test::submitAndFlush(owner, {StoreWrite::note(u"r-1"_s, u"k"_s, u"from owner"_s, {}, at(9))}));
    QCOMPARE(second.notes(u"r-1"_s).value(0).text, u"from owner"_s);

    owner.close();
    second.close();
    // A database nobody has open (no -wal/-shm files) opens read-only too: `switchboard status`.
    Store viewer;
    QVERIFY2(viewer.openReadOnly(dbPath(), &error), qPrintable(error));
    QCOMPARE(viewer.notes(u"r-1"_s).value(0).text, u"from owner"_s);
    viewer.close();

    Store third;
    QVERIFY2(third.open(dbPath(), &error), qPrintable(error)); // free again once the owner is gone
}

void TestStore::takesOverLockOfDeadProcess()
{
    // A lock file left by a Switchboard that was killed: its pid no longer runs.
    QProcess process;
    process.start(u"true"_s, QStringList());
    QVERIFY(process.waitForFinished());
    const qint64 deadPid = process.processId() > 0 ? process.processId() : 999999;
    {
        QFile lock(Store::lockFilePath(dbPath()));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(QByteArray::number(deadPid) + "\nswitchboard\n" + QSysInfo::machineHostName().toUtf8() + "\n");
    }
    Store store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
}

void TestStore::takesOverEmptyLockFile()
{
    // A Switchboard killed between creating its lock file and writing its pid into it leaves the file empty (or
    // half written). No live Switchboard stays in that state for more than an instant: it is taken over, or the
    // database could never be opened again without deleting the file by hand.
    for (const QByteArray &content : {QByteArray(), QByteArray("12")}) {
        {
            QFile lock(Store::lockFilePath(dbPath()));
            QVERIFY(lock.open(QIODevice::WriteOnly | QIODevice::Truncate));
            lock.write(content);
        }
        Store store;
        QString error;
        QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
        store.close();
    }
}

void TestStore::diskFullStopsWritingWithoutCorruption()
{
    Store store;
    QVERIFY(store.open(dbPath()));
    QVERIFY(seedRun(store));
    QVERIFY(test::submitAndFlush(store, {StoreWrite::note(u"r-1"_s, u"before"_s, u"committed"_s, {}, at(2))}));
    QSignalSpy failed(&store, &Store::storageFailed);

    int pages = 0;
    {
        RawDb raw(dbPath());
        pages = raw.scalar(u"PRAGMA page_count"_s).toInt();
    }
    QVERIFY(pages > 0);
    QCOMPARE(store.setMaxPageCountForTesting(pages + 2), pages + 2);

    std::atomic<int> refused{0};
    const QString big(8000, u'x');
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(u"database or disk is full"_s));
    for (int i = 0; i < 200 && !store.isFailed(); ++i) {
        store.submit(StoreWrite::log(u"a-1"_s, {big, big, big}), nullptr, [&refused](bool ok) {
            if (!ok)
                refused.fetch_add(1);
        });
        store.flush();
    }
    QVERIFY(store.isFailed());
    QTRY_COMPARE(failed.size(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(u"database or disk is full"_s), qPrintable(message));
    QVERIFY2(message.contains(QFileInfo(dbPath()).absoluteFilePath()), qPrintable(message));
    QVERIFY(refused.load() >= 1);

    // Refused from now on, with the same message.
    int callback = -1;
    QVERIFY(!store.submit(StoreWrite::note(u"r-1"_s, u"after"_s, u"x"_s, {}), [&](bool ok) { callback = ok; }));
    QCOMPARE(store.lastError(), message);
    QTRY_COMPARE(callback, 0);
    QVERIFY(!store.flush());
    // Reads still work.
    QCOMPARE(store.load().goals.size(), 1);
    QTest::qWait(20);           // a span in which no second failure may be reported
    QCOMPARE(failed.size(), 1); // once

    store.close();
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
    QCOMPARE(raw.scalar(u"SELECT text FROM notes WHERE key = 'before'"_s).toString(), u"committed"_s);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM notes WHERE key = 'after'"_s).toInt(), 0);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM goals"_s).toInt(), 1);

    // The limit was the connection's: a new Store writes again.
    Store reopened;
    QVERIFY(reopened.open(dbPath()));
    QVERIFY(test::submitAndFlush(reopened, {StoreWrite::note(u"r-1"_s, u"after"_s, u"x"_s, {}, at(5))}));
}

void TestStore::closesRetriedAttemptAsFailed()
{
    // Attempt 1 fails and the goal goes back to the queue: attempt 1 is a closed, failed attempt; attempt 2
    // completes. Both count.
    Store store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QVERIFY(seedRun(store));
    AgentStatus requeued = statusOf(u"a-1"_s, u"g1"_s, AgentState::Queued, 1);
    requeued.error = u"exit code 3"_s;
    QVERIFY(test::submitAndFlush(
        store, {StoreWrite::transition(statusOf(u"a-1"_s, u"g1"_s, AgentState::Running, 1), at(2)),
                StoreWrite::transition(requeued, at(4)),
                StoreWrite::transition(statusOf(u"a-1"_s, u"g1"_s, AgentState::Running, 2), at(9)),
                StoreWrite::transition(statusOf(u"a-1"_s, u"g1"_s, AgentState::Completed, 2), at(12))}));
    const QList<AttemptRecord> attempts = store.history(u"r-1"_s).attemptsOf(u"a-1"_s);
    QCOMPARE(attempts.size(), 2);
    QCOMPARE(attempts.at(0).outcome, std::optional<AgentState>(AgentState::Failed));
    QCOMPARE(attempts.at(0).error, u"exit code 3"_s);
    QCOMPARE(attempts.at(0).startedAt, at(2));
    QCOMPARE(attempts.at(0).finishedAt, at(4));
    QCOMPARE(attempts.at(1).outcome, std::optional<AgentState>(AgentState::Completed));
    QCOMPARE(attempts.at(1).finishedAt, at(12));
    // A queued state before any attempt closes nothing.
    QCOMPARE(store.history(u"r-1"_s).transitions.first().state, AgentState::Queued);
    // The dashboard's start-up counts a run's goals before it reads them.
    QCOMPARE(store.goalCount(u"r-1"_s), 1);
    QCOMPARE(store.goalCount(u"r-404"_s), 0);
}

// The writer writes an attempt's start and end as one when both are in the same batch: the database must end up
// exactly as if each write had been committed on its own.
void TestStore::foldedAttemptsMatchSeparateCommits()
{
    AgentStatus failed = statusOf(u"a-2"_s, u"g2"_s, AgentState::Failed, 1);
    failed.error = u"tests failed"_s;
    AgentStatus requeued = statusOf(u"a-3"_s, u"g3"_s, AgentState::Queued, 1);
    requeued.error = u"exit code 3"_s;
    AgentStatus completed = statusOf(u"a-1"_s, u"g1"_s, AgentState::Completed, 1);
    const QList<StoreWrite> writes{
        // a-1: started and completed (folded).
        StoreWrite::transition(statusOf(u"a-1"_s, u"g1"_s, AgentState::Running, 1), at(10)),
        StoreWrite::finished(completed, AgentResult::completed(u"all done"_s), at(12)),
        // a-2: progress between start and end (not folded), then failed with an exit code.
        StoreWrite::transition(statusOf(u"a-2"_s, u"g2"_s, AgentState::Running, 1), at(11)),
        StoreWrite::progress(u"a-2"_s, 40, u"compiling"_s),
        StoreWrite::finished(failed, AgentResult::failed(u"tests failed"_s, 2), at(14)),
        // a-3: attempt 1 retried, attempt 2 folded, with usage reported before it started.
        StoreWrite::transition(statusOf(u"a-3"_s, u"g3"_s, AgentState::Running, 1), at(11)),
        StoreWrite::transition(requeued, at(13)),
        StoreWrite::usage(u"a-3"_s, 2, 10, 20, 0.5),
        StoreWrite::transition(statusOf(u"a-3"_s, u"g3"_s, AgentState::Running, 2), at(15)),
        StoreWrite::transition(statusOf(u"a-3"_s, u"g3"_s, AgentState::Interrupted, 2), at(16)),
    };
    const auto dump = [](const QString &path) {
        RawDb raw(path);
        QStringList rows;
        for (const QString &sql :
             {u"SELECT * FROM agents ORDER BY id"_s, u"SELECT * FROM attempts ORDER BY agent_id, attempt"_s,
              u"SELECT agent_id, goal_id, attempt, state, at, error FROM transition_log ORDER BY seq"_s}) {
            QSqlQuery query(raw.db());
            if (!query.exec(sql))
                return QStringList{query.lastError().text()};
            while (query.next()) {
                QStringList values;
                for (int i = 0; i < query.record().count(); ++i)
                    values << (query.isNull(i) ? u"NULL"_s : query.value(i).toString());
                rows << values.join(u'|');
            }
        }
        return rows;
    };
    QStringList results;
    for (const bool together : {true, false}) {
        const QString path = m_dir->filePath(together ? u"folded.db"_s : u"separate.db"_s);
        Store store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QVERIFY(test::submitAndFlush(
            store,
            {StoreWrite::runStarted(u"r-1"_s, u"Run"_s, {}, 4, at(0)),
             StoreWrite::goalAdded(u"r-1"_s, test::GoalBuilder(u"g1"_s).title(u"Goal g1"_s), u"a-1"_s, {}, {}, at(1)),
             StoreWrite::goalAdded(u"r-1"_s, test::GoalBuilder(u"g2"_s).title(u"Goal g2"_s), u"a-2"_s, {}, {}, at(1)),
             StoreWrite::goalAdded(u"r-1"_s, test::GoalBuilder(u"g3"_s).title(u"Goal g3"_s), u"a-3"_s, {}, {},
                                   at(1))}));
        if (together) {
            store.setWritesHeldForTesting(true);
            for (const StoreWrite &write : writes)
                store.submit(write);
            store.setWritesHeldForTesting(false);
            QVERIFY(store.flush());
            QCOMPARE(store.stats().folded, 2u); // a-1 and attempt 2 of a-3
        } else {
            for (const StoreWrite &write : writes)
                QVERIFY(test::submitAndFlush(store, {write}));
            QCOMPARE(store.stats().folded, 0u);
        }
        store.close();
        const QStringList rows = dump(path);
        QCOMPARE(rows.size(), 3 + 4 + 3 + 8); // agents, attempts, transitions (3 queued + 8)
        results << rows.join(u'\n');
    }
    QCOMPARE(results.at(0), results.at(1));
}

void TestStore::historyIndexMatchesScan()
{
    RunHistory h;
    for (int i = 1; i <= 50; ++i) {
        const QString agent = u"a-%1"_s.arg(i);
        h.agents << statusOf(agent, u"g%1"_s.arg(i), AgentState::Completed, 2);
        h.goals << GoalRecord{u"r-1"_s, test::GoalBuilder(u"g%1"_s.arg(i)).title(u"Goal g%1"_s.arg(i)), agent, at(i)};
        for (int attempt = 1; attempt <= i % 3 + 1; ++attempt) {
            AttemptRecord record;
            record.agentId = agent;
            record.attempt = attempt;
            h.attempts << record;
        }
        if (i % 7 == 0) {
            Escalation e;
            e.id = u"e-%1"_s.arg(i);
            e.agentId = agent;
            h.escalations << e;
        }
    }
    const RunHistory scanned = h;
    QVERIFY(!h.isIndexed());
    h.index();
    QVERIFY(h.isIndexed());
    for (const QString &agent : {u"a-1"_s, u"a-7"_s, u"a-50"_s, u"a-99"_s}) {
        QCOMPARE(h.agent(agent).has_value(), scanned.agent(agent).has_value());
        QCOMPARE(h.goalOfAgent(agent).has_value(), scanned.goalOfAgent(agent).has_value());
        QCOMPARE(h.attemptsOf(agent).size(), scanned.attemptsOf(agent).size());
        QCOMPARE(h.escalationsOf(agent).size(), scanned.escalationsOf(agent).size());
    }
    QCOMPARE(h.attemptsOf(u"a-2"_s).size(), 3);
    QCOMPARE(h.attemptsOf(u"a-2"_s).last().attempt, 3);
    QCOMPARE(h.escalationsOf(u"a-14"_s).first().id, u"e-14"_s);
    // A list changed after indexing: scanned again, never a stale answer.
    AttemptRecord late;
    late.agentId = u"a-2"_s;
    late.attempt = 4;
    h.attempts << late;
    QVERIFY(!h.isIndexed());
    QCOMPARE(h.attemptsOf(u"a-2"_s).size(), 4);
    // What the store returns is indexed.
    Store store;
    QVERIFY(store.open(dbPath()));
    QVERIFY(seedRun(store));
    QVERIFY(store.history(u"r-1"_s).isIndexed());
}

void TestStore::marksActiveAgentsInterrupted()
{
    {
        Store store;
        QVERIFY(store.open(dbPath()));
        QList<StoreWrite> writes{StoreWrite::runStarted(u"r-1"_s, {}, {}, 4, at(0))};
        const QList<AgentState> states{AgentState::Running, AgentState::WaitingForLock, AgentState::Escalated,
                                       AgentState::Completed, AgentState::Queued};
        for (int i = 0; i < states.size(); ++i) {
            const QString agent = u"a-%1"_s.arg(i + 1);
            const QString goal = u"g%1"_s.arg(i + 1);
            writes << StoreWrite::goalAdded(u"r-1"_s, test::GoalBuilder(goal).title(u"Goal %1"_s.arg(goal)), agent, {},
                                            {}, at(1));
            if (states.at(i) == AgentState::Queued)
                continue;
            writes << StoreWrite::transition(statusOf(agent, goal, AgentState::Running, 2), at(2));
            if (states.at(i) != AgentState::Running)
                writes << StoreWrite::transition(statusOf(agent, goal, states.at(i), 2), at(3));
        }
        Escalation open;
        open.id = u"e-1"_s;
        open.agentId = u"a-3"_s;
        open.goalId = u"g3"_s;
        open.question = u"Which one?"_s;
        open.createdAt = at(3);
        writes << StoreWrite::escalation(open);
        QVERIFY(test::submitAndFlush(store, writes));
        // The app dies here: nothing more is written.
    }

    Store store;
    QVERIFY(store.open(dbPath()));
    StoreSnapshot before = store.load();
    QCOMPARE(before.activeAgents, (QStringList{u"a-1"_s, u"a-2"_s, u"a-3"_s}));

    QString error;
    const QStringList interrupted = store.markInterrupted(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(interrupted, (QStringList{u"a-1"_s, u"a-2"_s, u"a-3"_s}));

    const StoreSnapshot after = store.load();
    QVERIFY(after.activeAgents.isEmpty());
    QCOMPARE(after.agents.at(0).state, AgentState::Interrupted);
    QCOMPARE(after.agents.at(0).error, u"interrupted: Switchboard stopped while the agent was Running"_s);
    QCOMPARE(after.agents.at(1).error, u"interrupted: Switchboard stopped while the agent was WaitingForLock"_s);
    QCOMPARE(after.agents.at(2).state, AgentState::Interrupted);
    QCOMPARE(after.agents.at(2).attempt, 2);
    QCOMPARE(after.agents.at(3).state, AgentState::Completed);
    QCOMPARE(after.agents.at(4).state, AgentState::Queued);
    QCOMPARE(after.escalations.value(0).state, Escalation::State::Open); // still waiting for the human

    const RunHistory history = store.history();
    const AttemptRecord attempt = history.attemptsOf(u"a-2"_s).value(0);
    QCOMPARE(attempt.attempt, 2);
    QCOMPARE(attempt.outcome, std::optional<AgentState>(AgentState::Interrupted));
    QVERIFY(attempt.finishedAt.isValid());
    QCOMPARE(history.transitions.last().state, AgentState::Interrupted);

    // Idempotent: nothing left to interrupt.
    QVERIFY(store.markInterrupted().isEmpty());

    // A retry is a new attempt of the same agent.
    QVERIFY(test::submitAndFlush(
        store, {StoreWrite::transition(statusOf(u"a-1"_s, u"g1"_s, AgentState::Running, 3), at(100))}));
    const AgentStatus retried = store.load().agents.at(0);
    QCOMPARE(retried.state, AgentState::Running);
    QCOMPARE(retried.attempt, 3);
    QCOMPARE(retried.startedAt, at(100));
    QVERIFY(!retried.completedAt.isValid());
    QCOMPARE(store.history().attemptsOf(u"a-1"_s).size(), 2);
}

void TestStore::boundsLogAndSpillsToFile()
{
    Store store;
    QVERIFY(store.open(dbPath()));
    for (int chunk = 0; chunk < 6; ++chunk) {
        QStringList lines;
        for (int i = 0; i < 100; ++i)
            lines << u"line %1"_s.arg(chunk * 100 + i);
        store.submit(StoreWrite::log(u"a-1"_s, lines));
    }
    store.submit(StoreWrite::log(u"../evil"_s, {u"stays inside"_s}));
    QVERIFY(store.flush());

    const QStringList kept = store.agentLog(u"a-1"_s);
    QCOMPARE(kept.size(), Store::kLogLinesKept);
    QCOMPARE(kept.first(), u"line 100"_s);
    QCOMPARE(kept.last(), u"line 599"_s);

    // Where the agents' full logs go (the orchestrator's AgentLogs write them): inside logs/ whatever the id.
    QCOMPARE(store.logFilePath(u"a-1"_s), m_dir->filePath(u"logs/a-1.log"_s));
    QVERIFY(QFileInfo(store.logFilePath(u"../evil"_s)).absolutePath() == m_dir->filePath(u"logs"_s));
    QCOMPARE(store.agentLog(u"../evil"_s), QStringList{u"stays inside"_s});
}

// Log lines nobody waits for are sampled while the writer is busy: the newest kLogLinesKept per agent are written,
// the older ones never reach the table (or memory), and a quiet agent's lines are not pushed out by a loud one.
void TestStore::samplesLogLinesWhileTheWriterIsBusy()
{
    Store store;
    QVERIFY(store.open(dbPath()));
    store.setWritesHeldForTesting(true);
    constexpr int kWrites = 100;
    constexpr int kPerWrite = 100;
    store.submit(StoreWrite::log(u"a-2"_s, {u"quiet line"_s}));
    for (int w = 0; w < kWrites; ++w) {
        QStringList lines;
        for (int i = 0; i < kPerWrite; ++i)
            lines << u"line %1"_s.arg(w * kPerWrite + i);
        store.submit(StoreWrite::log(u"a-1"_s, lines));
    }
    store.setWritesHeldForTesting(false);
    QVERIFY(store.flush());
    const QStringList kept = store.agentLog(u"a-1"_s);
    QCOMPARE(kept.size(), Store::kLogLinesKept);
    QCOMPARE(kept.first(), u"line %1"_s.arg(kWrites * kPerWrite - Store::kLogLinesKept));
    QCOMPARE(kept.last(), u"line %1"_s.arg(kWrites * kPerWrite - 1));
    QCOMPARE(store.agentLog(u"a-2"_s), QStringList{u"quiet line"_s});
    QCOMPARE(store.stats().logLinesSampledOut, quint64(kWrites * kPerWrite - Store::kLogLinesKept));
}

// A new database returns the log table's churn to the file system (auto_vacuum = INCREMENTAL): after many rounds of
// lines replacing each other the file holds few free pages, and its size follows what is kept, not what was written.
void TestStore::logChurnDoesNotBloatTheFile()
{
    Store store;
    QVERIFY(store.open(dbPath()));
    {
        RawDb raw(dbPath());
        QCOMPARE(raw.scalar(u"PRAGMA auto_vacuum"_s).toInt(), 2);
    }
    const QString text(4000, u'x');
    constexpr int kAgents = 4;
    constexpr int kRounds = 10;
    for (int round = 0; round < kRounds; ++round) {
        for (int agent = 0; agent < kAgents; ++agent) {
            // With a callback: queued whole, not sampled, so every round replaces every kept line.
            store.submit(StoreWrite::log(u"a-%1"_s.arg(agent), QStringList(Store::kLogLinesKept, text)), nullptr,
                         [](bool) {});
        }
        QVERIFY(store.flush());
    }
    // The writer vacuums after a commit's callbacks: one more (empty) commit is the barrier.
    QVERIFY(store.submitAll({}, nullptr, [](bool) {}));
    QVERIFY(store.flush());
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM agent_log"_s).toInt(), kAgents * Store::kLogLinesKept);
    // Each round deleted 2,000 lines of 4 KB: without the vacuum, ~2,000 free pages stay in the file.
    const int freePages = raw.scalar(u"PRAGMA freelist_count"_s).toInt();
    QVERIFY2(freePages <= Store::kFreePagesKept, qPrintable(QString::number(freePages)));
    QVERIFY(store.stats().vacuumedPages > 0);
}

// A database made before auto_vacuum was set, bloated by the old log churn, is converted and compacted at open.
void TestStore::bloatedOldDatabaseIsCompacted()
{
    {
        Store store;
        QVERIFY(store.open(dbPath()));
    }
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(u"PRAGMA auto_vacuum = NONE"_s));
        QVERIFY(raw.exec(u"VACUUM"_s));
        QCOMPARE(raw.scalar(u"PRAGMA auto_vacuum"_s).toInt(), 0);
        QVERIFY(
            raw.exec(u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
                     "INSERT INTO agent_log (agent_id, line, at) SELECT 'a-1', printf('%.2000c', 'x'), i FROM n"_s));
        QVERIFY(raw.exec(u"DELETE FROM agent_log"_s));
        QVERIFY(raw.scalar(u"PRAGMA freelist_count"_s).toInt() > 2 * Store::kFreePagesKept);
    }
    Store store;
    QVERIFY(store.open(dbPath()));
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(u"PRAGMA auto_vacuum"_s).toInt(), 2);
    QVERIFY(raw.scalar(u"PRAGMA freelist_count"_s).toInt() <= Store::kFreePagesKept);
}

void TestStore::keepsAnsweredEscalationClosed()
{
    Store store;
    QVERIFY(store.open(dbPath()));
    QVERIFY(seedRun(store));
    Escalation e;
    e.id = u"e-1"_s;
    e.agentId = u"a-1"_s;
    e.goalId = u"g1"_s;
    e.question = u"Go?"_s;
    e.createdAt = at(5);
    Escalation answered = e;
    answered.state = Escalation::State::Answered;
    answered.answerText = u"yes"_s;
    answered.answeredAt = at(6);
    answered.answeredBy = u"cli"_s;
    // A late copy of the open question must not undo the answer.
    QVERIFY(test::submitAndFlush(
        store, {StoreWrite::escalation(e), StoreWrite::escalation(answered), StoreWrite::escalation(e)}));
    const QList<Escalation> escalations = store.load().escalations;
    QCOMPARE(escalations.size(), 1);
    QCOMPARE(escalations.first(), answered);
    QCOMPARE(store.history(u"r-1"_s).escalations.size(), 1); // run_id taken from the agent
}

void TestStore::keepsIdsGrowingAcrossRestarts()
{
    {
        Store store;
        QVERIFY(store.open(dbPath()));
        QCOMPARE(store.nextRunId(), u"r-1"_s);
        QCOMPARE(store.nextRunId(), u"r-2"_s);
        QVERIFY(seedRun(store, u"r-2"_s, u"g-12"_s, u"a-40"_s));
        Escalation e;
        e.id = u"e-9"_s;
        e.agentId = u"a-40"_s;
        e.question = u"?"_s;
        QVERIFY(test::submitAndFlush(
            store, {StoreWrite::escalation(e),
                    StoreWrite::lockEvent(lockEvent(u"x"_s, u"a-40"_s, LockEvent::Action::Acquired, 77)),
                    StoreWrite::lockEvent(lockEvent(u"x"_s, u"a-40"_s, LockEvent::Action::Released, 77))}));
    }
    Store store;
    QVERIFY(store.open(dbPath()));
    QCOMPARE(store.nextRunId(), u"r-3"_s);
    const StoreSnapshot snapshot = store.load();
    QCOMPARE(snapshot.lastRunNumber, 2u);
    QCOMPARE(snapshot.lastGoalNumber, 12u);
    QCOMPARE(snapshot.lastAgentNumber, 40u);
    QCOMPARE(snapshot.lastEscalationNumber, 9u);
    QCOMPARE(snapshot.maxFencingToken, 77u);
    QCOMPARE(snapshot.runOfAgent(u"a-40"_s), u"r-2"_s);
}

namespace {
// Every field of what a read gives, strings marked null or not, so two reads compare exactly.
QString shown(const QString &text)
{
    return text.isNull() ? u"<null>"_s : u"'%1'"_s.arg(text);
}

QString shown(const QDateTime &time)
{
    return time.isValid() ? QString::number(time.toMSecsSinceEpoch()) + (time.timeSpec() == Qt::UTC ? u"Z"_s : u"?"_s)
                          : u"<none>"_s;
}

QString shown(const QStringList &list)
{
    QStringList items;
    for (const QString &item : list)
        items << shown(item);
    return u"[%1]"_s.arg(items.join(u','));
}

QStringList shownAgents(const QList<AgentStatus> &agents)
{
    QStringList lines;
    for (const AgentStatus &s : agents) {
        lines << QStringList{shown(s.agentId),
                             shown(s.name),
                             shown(s.goalId),
                             shown(s.goalTitle),
                             shown(s.profile),
                             priorityToString(s.priority),
                             agentStateToString(s.state),
                             shown(s.currentStep),
                             QString::number(s.progress),
                             shown(s.createdAt),
                             shown(s.startedAt),
                             shown(s.completedAt),
                             shown(s.error),
                             shown(s.summary),
                             QString::number(s.attempt),
                             QString::number(s.inputTokens),
                             QString::number(s.outputTokens),
                             QString::number(s.costUsd, 'g', 17)}
                     .join(u'|');
    }
    return lines;
}

QStringList shownGoals(const QList<GoalRecord> &goals)
{
    QStringList lines;
    for (const GoalRecord &r : goals) {
        const Goal &g = r.goal;
        lines << QStringList{shown(r.runId),
                             shown(g.id),
                             shown(g.title),
                             shown(g.description),
                             priorityToString(g.priority),
                             shown(g.deadline),
                             shown(g.successCriteria),
                             shown(g.dependsOn),
                             shown(g.capabilities),
                             shown(g.resources),
                             shown(g.profile),
                             shown(r.createdAt),
                             shown(r.agentId)}
                     .join(u'|');
    }
    return lines;
}

QStringList shownRest(const QList<RunRecord> &runs, const QList<Escalation> &escalations,
                      const QList<NoteRecord> &notes)
{
    QStringList lines;
    for (const RunRecord &r : runs) {
        lines << QStringList{shown(r.id),
                             shown(r.name),
                             shown(r.planFile),
                             QString::number(r.maxParallel),
                             shown(r.startedAt),
                             shown(r.finishedAt),
                             QString::fromUtf8(QJsonDocument(r.summary).toJson(QJsonDocument::Compact)),
                             QString::fromUtf8(QJsonDocument(r.settings).toJson(QJsonDocument::Compact))}
                     .join(u'|');
    }
    for (const Escalation &e : escalations) {
        QStringList options;
        for (const Escalation::Option &o : e.options)
            options << shown(o.key) + u'=' + shown(o.label);
        lines << QStringList{shown(e.id),
                             shown(e.goalId),
                             shown(e.agentId),
                             shown(e.question),
                             shown(e.context),
                             options.join(u','),
                             priorityToString(e.priority),
                             shown(e.createdAt),
                             QString::number(e.timeoutMs),
                             shown(e.defaultOption),
                             shown(e.answerOption),
                             shown(e.answerText),
                             shown(e.answeredAt),
                             shown(e.answeredBy)}
                     .join(u'|');
    }
    for (const NoteRecord &n : notes)
        lines << QStringList{shown(n.runId), shown(n.key), shown(n.text), shown(n.authorAgentId), shown(n.at)}.join(
            u'|');
    return lines;
}

QStringList shownSnapshot(const StoreSnapshot &s)
{
    return shownGoals(s.goals) + shownAgents(s.agents) + shownRest(s.runs, s.escalations, s.notes) +
           QStringList{s.activeAgents.join(u','),
                       QString::number(s.maxFencingToken),
                       QString::number(s.lastAgentNumber),
                       QString::number(s.lastGoalNumber),
                       QString::number(s.lastEscalationNumber),
                       QString::number(s.lastRunNumber)};
}

QStringList shownHistory(const RunHistory &h)
{
    QStringList lines = shownGoals(h.goals) + shownAgents(h.agents) + shownRest(h.runs, h.escalations, h.notes);
    for (const AttemptRecord &a : h.attempts) {
        lines << QStringList{shown(a.agentId),
                             shown(a.goalId),
                             shown(a.runId),
                             shown(a.profile),
                             QString::number(a.attempt),
                             shown(a.startedAt),
                             shown(a.finishedAt),
                             a.outcome ? agentStateToString(*a.outcome) : u"<none>"_s,
                             shown(a.summary),
                             shown(a.error),
                             a.exitCode ? QString::number(*a.exitCode) : u"<none>"_s,
                             QString::number(a.inputTokens),
                             QString::number(a.outputTokens),
                             QString::number(a.costUsd, 'g', 17)}
                     .join(u'|');
    }
    for (const TransitionRecord &t : h.transitions) {
        lines << QStringList{shown(t.agentId), shown(t.goalId), QString::number(t.attempt), agentStateToString(t.state),
                             shown(t.at),      shown(t.error)}
                     .join(u'|');
    }
    for (const LockEventRecord &l : h.lockEvents) {
        lines << QStringList{shown(l.event.resource), shown(l.event.agentId), QString::number(l.event.token),
                             shown(l.event.reason), shown(l.at)}
                     .join(u'|');
    }
    return lines;
}
} // namespace

void TestStore::readsTrickyTextAsWritten()
{
    // Values that differ between a UTF-8 and a UTF-16 reading, or between NULL and "": what load() and
    // history() give must be what was written, and the SQLite C API reading must match QtSql's exactly.
    Store store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));

    const QString umlauts = u"Größe prüfen – “quoted” ½"_s;
    const QString emoji = u"ship it 🚀👩‍💻 done ✅"_s;
    QString longText;
    for (int i = 0; i < 5000; ++i)
        longText += u"line %1: Ünïcödé 漢字 😀 \"q\" \\ '\n"_s.arg(i);
    QCOMPARE_GT(longText.toUtf8().size(), 100000);

    Goal tricky;
    tricky.id = u"gö-1"_s;
    tricky.title = emoji;
    tricky.description = longText;
    tricky.priority = Priority::Critical;
    tricky.deadline = at(7200);
    tricky.successCriteria = {umlauts, emoji, QString(), u"[]"_s};
    tricky.dependsOn = {u"plain"_s};
    tricky.capabilities = {u"日本語"_s};
    tricky.profile = u"cödér"_s;
    // No deadline, empty lists, empty description and profile.
    const Goal plain = test::GoalBuilder(u"plain"_s).title(u"x"_s).description(QString());
    const Goal untitled = test::GoalBuilder(u"untitled"_s).title(QString());

    AgentStatus a1 = statusOf(u"a-1"_s, tricky.id, AgentState::Running, 1, tricky.profile);
    a1.name = umlauts;
    AgentStatus a2 = statusOf(u"a-2"_s, plain.id, AgentState::Running, 1);
    a2.name = QString();

    Escalation escalation;
    escalation.id = u"e-1"_s;
    escalation.goalId = tricky.id;
    escalation.agentId = a1.agentId;
    escalation.question = emoji;
    escalation.context = longText;
    escalation.options = {{u"ja"_s, umlauts}, {u"nö"_s, emoji}};
    escalation.createdAt = at(20);
    escalation.timeoutMs = 0; // unanswered: no answer, no answered_at

    QVERIFY(test::submitAndFlush(
        store, {StoreWrite::runStarted(u"r-1"_s, emoji, QString(), 2, at(0)),
                StoreWrite::goalAdded(u"r-1"_s, tricky, a1.agentId, a1.name, a1.profile, at(1)),
                StoreWrite::goalAdded(u"r-1"_s, plain, a2.agentId, {}, {}, at(2)), StoreWrite::transition(a1, at(10)),
                StoreWrite::transition(a2, at(11)), StoreWrite::progress(a1.agentId, 55, umlauts),
                StoreWrite::usage(a1.agentId, 1, 7, 9, 0.125, 3), StoreWrite::escalation(escalation),
                StoreWrite::lockEvent(lockEvent(u"dätei/ü.cpp"_s, a1.agentId, LockEvent::Action::Acquired, 3), at(12)),
                StoreWrite::log(a1.agentId, {emoji, QString(), longText}, at(13)),
                StoreWrite::note(u"r-1"_s, u"schlüssel"_s, emoji, QString(), at(14)),
                StoreWrite::finished(a2, AgentResult::failed(emoji, 2), at(30))}));
    QVERIFY(test::submitAndFlush(store, {StoreWrite::runStarted(u"r-2"_s, u"second"_s, u"plans/zwei.yaml"_s, 1, at(40)),
                                         StoreWrite::goalAdded(u"r-2"_s, untitled, u"a-3"_s, {}, {}, at(41))}));
    {
        // A goal without an agent (its latest agent is NULL), and an agent whose goal row is missing (its goal
        // title and priority come from a NULL join).
        RawDb raw(dbPath());
        QVERIFY(raw.isOpen());
        QVERIFY(raw.exec(u"INSERT INTO goals (run_id, id, created_at) VALUES ('r-2', 'lonely', 0)"_s));
        QVERIFY(raw.exec(u"INSERT INTO agents (id, run_id, goal_id, name, state, created_at) "
                         u"VALUES ('a-9', 'r-2', 'gone', 'orphan', 'Queued', 0)"_s));
    }

    const StoreSnapshot snapshot = store.load(u"r-1"_s, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(snapshot.runs.size(), 1);
    QCOMPARE(snapshot.runs.first().name, emoji);
    QVERIFY(snapshot.runs.first().planFile.isEmpty());
    QVERIFY(!snapshot.runs.first().finishedAt.isValid());
    QCOMPARE(snapshot.goals.size(), 2);
    const GoalRecord &first = snapshot.goals.at(0);
    QCOMPARE(first.goal.id, tricky.id);
    QCOMPARE(first.goal.title, emoji);
    QCOMPARE(first.goal.description, longText);
    QCOMPARE(first.goal.priority, Priority::Critical);
    QCOMPARE(first.goal.deadline, at(7200));
    QCOMPARE(first.goal.deadline.timeSpec(), Qt::UTC);
    QCOMPARE(first.goal.successCriteria, tricky.successCriteria);
    QCOMPARE(first.goal.capabilities, tricky.capabilities);
    QCOMPARE(first.goal.profile, tricky.profile);
    QCOMPARE(first.agentId, a1.agentId);
    QCOMPARE(first.goal.toJson(), tricky.toJson());
    const GoalRecord &second = snapshot.goals.at(1);
    QVERIFY(!second.goal.deadline.isValid());
    QVERIFY(second.goal.description.isEmpty());
    QVERIFY(second.goal.successCriteria.isEmpty());
    QCOMPARE(second.goal.toJson(), plain.toJson());
    QCOMPARE(snapshot.agents.size(), 2);
    QCOMPARE(snapshot.agents.at(0).name, umlauts);
    QCOMPARE(snapshot.agents.at(0).goalTitle, emoji);
    QCOMPARE(snapshot.agents.at(0).currentStep, umlauts);
    QCOMPARE(snapshot.agents.at(0).priority, Priority::Critical);
    QCOMPARE(snapshot.agents.at(0).inputTokens, 7);
    QCOMPARE(snapshot.agents.at(0).costUsd, 0.125);
    QCOMPARE(snapshot.agents.at(0).turns, 3); // a coding agent's turns come back after a restart
    QCOMPARE(snapshot.agents.at(0).createdAt, at(1));
    QVERIFY(!snapshot.agents.at(0).completedAt.isValid());
    QCOMPARE(snapshot.agents.at(1).state, AgentState::Failed);
    QCOMPARE(snapshot.agents.at(1).error, emoji);
    QCOMPARE(snapshot.activeAgents, QStringList{a1.agentId});
    QCOMPARE(snapshot.escalations.size(), 1);
    QCOMPARE(snapshot.escalations.first(), escalation);
    QVERIFY(!snapshot.escalations.first().answeredAt.isValid());
    QCOMPARE(snapshot.notes, (QList<NoteRecord>{{u"r-1"_s, u"schlüssel"_s, emoji, QString(), at(14)}}));
    QCOMPARE(store.agentLog(a1.agentId), (QStringList{emoji, QString(), longText}));

    const RunHistory history = store.history(u"r-1"_s, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(shownGoals(history.goals), shownGoals(snapshot.goals));
    QCOMPARE(shownAgents(history.agents), shownAgents(snapshot.agents));
    const AttemptRecord attempt = history.attemptsOf(a2.agentId).value(0);
    QCOMPARE(attempt.error, emoji);
    QCOMPARE(attempt.exitCode, std::optional<int>(2));
    QCOMPARE(attempt.outcome, std::optional<AgentState>(AgentState::Failed));
    const AttemptRecord running = history.attemptsOf(a1.agentId).value(0);
    QVERIFY(!running.finishedAt.isValid());
    QVERIFY(!running.outcome.has_value());
    QVERIFY(!running.exitCode.has_value());
    QCOMPARE(history.transitions.last().error, emoji);
    QCOMPARE(history.lockEvents.size(), 1);
    QCOMPARE(history.lockEvents.first().event.resource, u"dätei/ü.cpp"_s);

    // Every run, with the goal that has no agent and the agent whose goal is gone: NULLs from the queries.
    const StoreSnapshot all = store.load(QString(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(all.goals.size(), 4);
    QCOMPARE(all.goals.at(2).goal.id, untitled.id);
    QCOMPARE(all.goals.at(2).agentId, u"a-3"_s);
    QVERIFY(all.goals.at(2).goal.title.isEmpty());
    QVERIFY(!all.goals.at(2).goal.title.isNull()); // "" as written, not NULL
    QCOMPARE(all.goals.at(3).goal.id, u"lonely"_s);
    QVERIFY(all.goals.at(3).agentId.isNull());
    QVERIFY(!all.goals.at(3).goal.deadline.isValid());
    QCOMPARE(all.goals.at(3).createdAt, QDateTime::fromMSecsSinceEpoch(0, Qt::UTC));
    QCOMPARE(all.agents.size(), 4);
    QCOMPARE(all.agents.at(3).agentId, u"a-9"_s);
    QVERIFY(all.agents.at(3).goalTitle.isNull());
    QCOMPARE(all.agents.at(3).priority, Priority::Medium);

    // The same reads through the SQLite C API and through QtSql, on a connection of the test's own.
    RawDb raw(dbPath());
    QVERIFY(raw.isOpen());
    StoreReader direct(raw.db());
    StoreReader qtSql(raw.db(), StoreReader::Access::QtSql);
    QVERIFY(direct.usesSqliteApi());
    QVERIFY(!qtSql.usesSqliteApi());
    for (const QString &runId : {u"r-1"_s, u"r-2"_s, QString()}) {
        const QStringList fast = shownSnapshot(direct.snapshot(runId));
        QCOMPARE(fast, shownSnapshot(qtSql.snapshot(runId)));
        QCOMPARE(shownHistory(direct.history(runId)), shownHistory(qtSql.history(runId)));
    }
    QCOMPARE(shownSnapshot(direct.snapshot(u"r-1"_s)), shownSnapshot(snapshot));
    QCOMPARE(direct.agentLog(a1.agentId), qtSql.agentLog(a1.agentId));
    QCOMPARE(direct.agentLog(a1.agentId).at(1).isNull(), qtSql.agentLog(a1.agentId).at(1).isNull());
    QCOMPARE(direct.lastNumber(u"agents"_s, u"a-"_s), 9u);
    QCOMPARE(direct.maxFencingToken(), qtSql.maxFencingToken());
    QVERIFY2(direct.ok(), qPrintable(direct.error()));
    QVERIFY2(qtSql.ok(), qPrintable(qtSql.error()));
}

void TestStore::readsRunTotalsWithoutTheirRows()
{
    // The History window's run list: per run, goals by their latest agent's state, attempts, tokens and cost.
    Store store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QVERIFY(test::submitAndFlush(
        store, {StoreWrite::runStarted(u"r-1"_s, u"First"_s, {}, 4, at(0)),
                StoreWrite::goalAdded(u"r-1"_s, test::GoalBuilder(u"g1"_s), u"a-1"_s, {}, {}, at(1)),
                StoreWrite::goalAdded(u"r-1"_s, test::GoalBuilder(u"g2"_s), u"a-2"_s, {}, {}, at(1)),
                StoreWrite::goalAdded(u"r-1"_s, test::GoalBuilder(u"g3"_s), u"a-3"_s, {}, {}, at(1)),
                StoreWrite::transition(statusOf(u"a-1"_s, u"g1"_s, AgentState::Running, 1), at(2)),
                StoreWrite::usage(u"a-1"_s, 1, 100, 50, 0.25),
                StoreWrite::transition(statusOf(u"a-1"_s, u"g1"_s, AgentState::Completed, 1), at(3)),
                StoreWrite::transition(statusOf(u"a-2"_s, u"g2"_s, AgentState::Running, 1), at(2)),
                StoreWrite::usage(u"a-2"_s, 1, 10, 5, 0.05),
                StoreWrite::transition(statusOf(u"a-2"_s, u"g2"_s, AgentState::Failed, 1), at(4)),
                // g2 again on a new agent, still at work: the goal counts as running, not failed.
                StoreWrite::goalAdded(u"r-1"_s, test::GoalBuilder(u"g2"_s), u"a-4"_s, {}, {}, at(5)),
                StoreWrite::transition(statusOf(u"a-4"_s, u"g2"_s, AgentState::Running, 1), at(6)),
                StoreWrite::runStarted(u"r-2"_s, u"Empty"_s, {}, 4, at(10)),
                StoreWrite::runStarted(u"r-3"_s, u"Third"_s, {}, 4, at(20)),
                StoreWrite::goalAdded(u"r-3"_s, test::GoalBuilder(u"g1"_s), u"a-5"_s, {}, {}, at(21)),
                StoreWrite::transition(statusOf(u"a-5"_s, u"g1"_s, AgentState::Running, 1), at(22)),
                StoreWrite::transition(statusOf(u"a-5"_s, u"g1"_s, AgentState::Cancelled, 1), at(23))}));

    const QList<RunTotals> totals = store.runTotals(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(totals.size(), 3);
    const RunTotals &first = totals.at(0);
    QCOMPARE(first.runId, u"r-1"_s);
    QCOMPARE(first.goals, 3);
    QCOMPARE(first.goalsByState,
             (QMap<AgentState, int>{{AgentState::Queued, 1}, {AgentState::Running, 1}, {AgentState::Completed, 1}}));
    QCOMPARE(first.attempts, int(store.history(u"r-1"_s).attempts.size()));
    QVERIFY(first.attempts >= 2);
    QCOMPARE(first.tokens, qint64(165));
    QCOMPARE(first.costUsd, 0.30);
    // A run without goals is listed, with nothing in it.
    QCOMPARE(totals.at(1), RunTotals{.runId = u"r-2"_s});
    QCOMPARE(totals.at(2).runId, u"r-3"_s);
    QCOMPARE(totals.at(2).goals, 1);
    QCOMPARE(totals.at(2).goalsByState, (QMap<AgentState, int>{{AgentState::Cancelled, 1}}));

    // The same through QtSql, on a connection of the test's own.
    RawDb raw(dbPath());
    QVERIFY(raw.isOpen());
    StoreReader qtSql(raw.db(), StoreReader::Access::QtSql);
    QCOMPARE(qtSql.runTotals(), totals);
    QVERIFY2(qtSql.ok(), qPrintable(qtSql.error()));
}

void TestStore::roundTripsTranscript()
{
    Store store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QVERIFY(seedRun(store));

    const auto entry = [](int attempt, int seq, TranscriptEntry::Kind kind, const QString &text) {
        TranscriptEntry e;
        e.agentId = u"a-1"_s;
        e.attempt = attempt;
        e.seq = seq;
        e.kind = kind;
        e.text = text;
        e.at = at(100 + seq);
        return e;
    };
    QList<TranscriptEntry> first{entry(1, 0, TranscriptEntry::Kind::System, u"You are a careful coder.\nBe brief."_s),
                                 entry(1, 1, TranscriptEntry::Kind::User, u"Fix the bug in ü.py 🚀"_s)};
    TranscriptEntry reply = entry(1, 2, TranscriptEntry::Kind::Assistant, QString());
    reply.inputTokens = 1234;
    reply.outputTokens = 56;
    reply.costUsd = 0.0021;
    TranscriptEntry call = entry(1, 3, TranscriptEntry::Kind::ToolCall, u"{\"path\":\"src/a.py\"}"_s);
    call.toolName = u"read_file"_s;
    call.toolCallId = u"call_1"_s;
    TranscriptEntry result = entry(1, 4, TranscriptEntry::Kind::ToolResult, u"no such file"_s);
    result.toolCallId = u"call_1"_s;
    result.isError = true;
    QList<TranscriptEntry> second{reply, call, result};
    QList<TranscriptEntry> retry{entry(2, 0, TranscriptEntry::Kind::Error, u"HTTP 500: overloaded"_s)};
    // Another agent's steps in the same batch stay apart.
    TranscriptEntry other = entry(1, 0, TranscriptEntry::Kind::User, u"other agent"_s);
    other.agentId = u"a-2"_s;
    QVERIFY(test::submitAndFlush(store, {StoreWrite::transcript(first), StoreWrite::transcript(second + QList{other}),
                                         StoreWrite::transcript(retry)}));

    const QList<TranscriptEntry> all = first + second + retry;
    QCOMPARE(store.transcript(u"a-1"_s), all);
    QCOMPARE(store.transcript(u"a-1"_s, 1), first + second);
    QCOMPARE(store.transcript(u"a-1"_s, 2), retry);
    QCOMPARE(store.transcript(u"a-2"_s), QList<TranscriptEntry>{other});
    QVERIFY(store.transcript(u"a-3"_s).isEmpty());
    QCOMPARE(store.transcript(u"a-1"_s).at(0).at.timeSpec(), Qt::UTC);

    // Written again (a replayed batch), a step replaces itself instead of failing the batch.
    QVERIFY(test::submitAndFlush(store, {StoreWrite::transcript(retry)}));
    QCOMPARE(store.transcript(u"a-1"_s).size(), all.size());

    // The SQLite C API and QtSql read the same.
    RawDb raw(dbPath());
    QVERIFY(raw.isOpen());
    StoreReader direct(raw.db());
    StoreReader qtSql(raw.db(), StoreReader::Access::QtSql);
    QCOMPARE(direct.transcript(u"a-1"_s), all);
    QCOMPARE(qtSql.transcript(u"a-1"_s), all);
    QVERIFY2(direct.ok(), qPrintable(direct.error()));
    QVERIFY2(qtSql.ok(), qPrintable(qtSql.error()));
}

void TestStore::migratesVersion3DatabaseToTranscripts()
{
    {
        RawDb raw(dbPath());
        QVERIFY(raw.isOpen());
        QSqlDatabase db = raw.db();
        QString error;
        QVERIFY2(StoreSchema::migrate(db, 3, &error), qPrintable(error));
        QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), 3);
        QVERIFY(!raw.exec(u"SELECT seq FROM transcript"_s));
    }
    Store store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    {
        RawDb raw(dbPath());
        QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), StoreSchema::kLatestVersion);
        QVERIFY(raw.exec(u"SELECT agent_id, attempt, seq, kind, text, tool_name, tool_call_id, is_error, "
                         u"input_tokens, output_tokens, cost_usd, at FROM transcript"_s));
        // And on to version 5: the process groups of attempts.
        QVERIFY(raw.exec(u"SELECT agent_id, attempt, pgid, leader_start, boot_id, mark, started_at, ended "
                         u"FROM process_groups"_s));
    }
    TranscriptEntry e;
    e.agentId = u"a-1"_s;
    e.attempt = 1;
    e.kind = TranscriptEntry::Kind::Assistant;
    e.text = u"hello"_s;
    e.at = at(5);
    QVERIFY(test::submitAndFlush(store, {StoreWrite::transcript({e})}));
    QCOMPARE(store.transcript(u"a-1"_s), QList<TranscriptEntry>{e});
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
