// Failure handling with real process agents (scripts written by the test): retries, non-retryable
// errors, exhausted retries, timeouts, deadlines, rate limits, quality stops, budgets, huge output
// and the passing of dependency outputs.
#include "agents/BackendRegistry.h"
#include "orchestration/AgentLog.h"
#include "orchestration/Orchestrator.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {
qint64 residentKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}
} // namespace

class TestProcessFailures final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void failTwiceThenSucceed();
    void nonRetryableErrorKind();
    void exhaustedRetriesAskTheHuman();
    void programThatCannotStartIsNotRetried();
    void attemptTimeout();
    void idleTimeout();
    void deadline();
    void rateLimitPausesOnlyItsProfile();
    void noImprovementStop();
    void budgetAcrossRetries();
    void hugeOutputStaysBounded();
    void dependencyResultReachesDependent();

private:
    AgentProfile profile(const QString &name, const QString &body, int maxRetries = 0, QList<double> backoff = {0.2});
    QTemporaryDir m_dir;
};

void TestProcessFailures::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

AgentProfile TestProcessFailures::profile(const QString &name, const QString &body, int maxRetries,
                                          QList<double> backoff)
{
    const QString script = test::writeScript(m_dir.path(), name + u".sh"_s, u"#!/bin/sh\nread -r goal\n"_s + body);
    return test::ProfileBuilder(name, u"process"_s)
        .command({u"sh"_s, script})
        .retries(maxRetries, backoff)
        .setting(u"kill_grace_ms"_s, 300);
}

void TestProcessFailures::failTwiceThenSucceed()
{
    Orchestrator o;
    o.setWorkspace(m_dir.path());
    o.setProfiles({profile(u"flaky"_s, uR"SH(
if [ "$SWITCHBOARD_ATTEMPT" -lt 3 ]; then echo "attempt $SWITCHBOARD_ATTEMPT broke" >&2; exit 1; fi
echo '{"type":"result","summary":"third time lucky"}'
)SH"_s,
                           3, {0.2, 0.3})});
    QSignalSpy retries(&o, &Orchestrator::agentRetryScheduled);
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).profile(u"flaky"_s));
    QVERIFY(o.waitAll(15000));
    QCOMPARE(o.status(id)->state, AgentState::Completed);
    QCOMPARE(o.status(id)->attempt, 3);
    QCOMPARE(o.status(id)->summary, u"third time lucky"_s);
    QCOMPARE(retries.size(), 2);
    QCOMPARE(retries.at(0).at(2).toLongLong(), 200);
    QCOMPARE(retries.at(1).at(2).toLongLong(), 300);
    QVERIFY(retries.at(0).at(3).toString().contains(u"attempt 1 broke"_s)); // the stderr tail
}

void TestProcessFailures::nonRetryableErrorKind()
{
    Orchestrator o;
    AgentProfile p = profile(u"auth"_s, uR"SH(
echo '{"type":"error","message":"bad credentials","kind":"auth"}'
exit 2
)SH"_s,
                             3);
    p.retry.nonRetryable << u"auth"_s;
    o.setProfiles({p});
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).profile(u"auth"_s));
    QVERIFY(o.waitAll(10000));
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->attempt, 1);
    QCOMPARE(o.status(id)->errorKind, u"auth"_s);
    QCOMPARE(o.status(id)->error, u"bad credentials (exit code 2)"_s);
}

void TestProcessFailures::exhaustedRetriesAskTheHuman()
{
    Orchestrator o;
    o.setProfiles({profile(u"broken"_s, u"exit 5\n"_s, 1, {0.1})});
    QSignalSpy raised(&o.inbox(), &EscalationInbox::escalationRaised);
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).profile(u"broken"_s));
    QVERIFY(raised.wait(10000));
    const Escalation e = raised.first().first().value<Escalation>();
    QCOMPARE(e.trigger, Escalation::Trigger::Failure);
    QStringList keys;
    for (const Escalation::Option &option : e.options)
        keys << option.key;
    QCOMPARE(keys, (QStringList{u"retry"_s, u"skip"_s, u"cancel_dependents"_s}));
    QVERIFY(e.context.contains(u"exit code 5"_s));
    QCOMPARE(o.status(id)->state, AgentState::Escalated);
    QVERIFY(o.inbox().answer(e.id, u"skip"_s, {}));
    QVERIFY(o.waitAll(5000));
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->attempt, 2);
}

void TestProcessFailures::programThatCannotStartIsNotRetried()
{
    // It fails the same way every time (ENOENT, E2BIG): retrying only delays the error, for ~20 minutes with the
    // default backoff. Not even a retry list that leaves "spawn" out brings it back.
    Orchestrator o;
    AgentProfile p = test::ProfileBuilder(u"ghost"_s, u"process"_s)
                         .command({m_dir.filePath(u"no-such-program"_s)})
                         .retries(3, {0.1});
    p.retry.nonRetryable.clear();
    o.setProfiles({p});
    QSignalSpy retries(&o, &Orchestrator::agentRetryScheduled);
    QSignalSpy raised(&o.inbox(), &EscalationInbox::escalationRaised);
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).profile(u"ghost"_s));
    QVERIFY(o.waitAll(10000));
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->attempt, 1);
    QCOMPARE(o.status(id)->errorKind, u"spawn"_s);
    QVERIFY2(o.status(id)->error.contains(u"no-such-program"_s), qPrintable(o.status(id)->error));
    QCOMPARE(retries.size(), 0);
    QCOMPARE(raised.size(), 0);
}

void TestProcessFailures::attemptTimeout()
{
    Orchestrator o;
    AgentProfile p = profile(u"slow"_s, u"sleep 30\n"_s);
    p.timeoutS = 1;
    o.setProfiles({p});
    QElapsedTimer t;
    t.start();
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).profile(u"slow"_s));
    QVERIFY(o.waitAll(10000));
    QVERIFY(t.elapsed() < 5000);
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->errorKind, u"timeout"_s);
    QVERIFY(o.status(id)->error.startsWith(u"timed out after 1 s"_s));
}

void TestProcessFailures::idleTimeout()
{
    Orchestrator o;
    AgentProfile p = profile(u"hung"_s, uR"SH(
echo '{"type":"heartbeat"}'
sleep 0.6
echo '{"type":"heartbeat"}'
sleep 0.6
echo '{"type":"progress","progress":10,"step":"then silence"}'
sleep 30
)SH"_s);
    p.idleTimeoutS = 1;
    o.setProfiles({p});
    QElapsedTimer t;
    t.start();
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).profile(u"hung"_s));
    QVERIFY(o.waitAll(15000));
    QVERIFY(t.elapsed() >= 2000); // the heartbeats kept it alive past 1 s
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->errorKind, u"idle_timeout"_s);
}

void TestProcessFailures::deadline()
{
    Orchestrator o;
    o.setProfiles({profile(u"slow"_s, u"sleep 30\n"_s, 3)});
    Goal g = test::GoalBuilder(u"g"_s).profile(u"slow"_s);
    g.deadline = QDateTime::currentDateTimeUtc().addMSecs(700);
    const QString id = o.spawn(g);
    QVERIFY(o.waitAll(10000));
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->errorKind, u"deadline"_s);
    QCOMPARE(o.status(id)->attempt, 1);
}

void TestProcessFailures::rateLimitPausesOnlyItsProfile()
{
    Orchestrator o;
    o.setProfiles({profile(u"api"_s, uR"SH(
echo '{"type":"rate_limited","retry_after_s":2}'
echo '{"type":"result","summary":"ok"}'
)SH"_s),
                   profile(u"local"_s, u"echo '{\"type\":\"result\",\"summary\":\"ok\"}'\n"_s)});
    o.setMaxParallel(4);
    QSignalSpy limited(&o, &Orchestrator::profileRateLimited);
    const QString first = o.spawn(test::GoalBuilder(u"first"_s).profile(u"api"_s));
    QVERIFY(limited.wait(10000));
    QTRY_COMPARE(o.status(first)->state, AgentState::Completed);
    QElapsedTimer t;
    t.start();
    const QStringList more = o.spawnParallel(
        {test::GoalBuilder(u"second"_s).profile(u"api"_s), test::GoalBuilder(u"other"_s).profile(u"local"_s)});
    QTRY_COMPARE(o.status(more[1])->state, AgentState::Completed);
    QCOMPARE(o.status(more[0])->state, AgentState::Queued); // its profile waits out the limit
    QCOMPARE(o.progress().rateLimitedProfiles, QStringList{u"api"_s});
    QVERIFY(o.waitAll(10000));
    QCOMPARE(o.status(more[0])->state, AgentState::Completed);
    QVERIFY(o.status(more[0])->startedAt > o.status(more[1])->completedAt);
}

void TestProcessFailures::noImprovementStop()
{
    Orchestrator o;
    AgentProfile p = profile(u"stuck"_s, uR"SH(
for s in 0.50 0.51 0.50 0.52; do echo "{\"type\":\"score\",\"value\":$s}"; sleep 0.05; done
sleep 30
)SH"_s);
    p.quality.minImprovement = 0.05;
    p.quality.maxIterationsWithoutImprovement = 3;
    o.setProfiles({p});
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).profile(u"stuck"_s));
    QVERIFY(o.waitAll(10000));
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->errorKind, u"no_improvement"_s);
    QVERIFY(o.status(id)->error.startsWith(u"no improvement for 3 iterations"_s));
}

void TestProcessFailures::budgetAcrossRetries()
{
    Orchestrator o;
    o.setProfiles({profile(u"spender"_s, uR"SH(
echo '{"type":"usage","input_tokens":500,"output_tokens":100,"cost_usd":0.03}'
sleep 0.3
exit 1
)SH"_s,
                           5, {0.1})});
    Goal g = test::GoalBuilder(u"g"_s).profile(u"spender"_s);
    g.budget.maxCostUsd = 0.05;
    const QString id = o.spawn(g);
    QVERIFY(o.waitAll(15000));
    const AgentStatus s = *o.status(id);
    QCOMPARE(s.state, AgentState::Failed);
    QCOMPARE(s.errorKind, u"budget"_s);
    QCOMPARE(s.attempt, 2);
    QCOMPARE(s.error, u"budget exceeded: $0.0600 > budget $0.0500"_s);
    QCOMPARE(s.inputTokens, 1000);
    QCOMPARE(s.outputTokens, 200);
}

void TestProcessFailures::hugeOutputStaysBounded()
{
    // 200 MB of output in 1,000-character lines: memory stays flat, the log keeps only the newest lines.
    Orchestrator o;
    o.setLogDirectory(m_dir.filePath(u"logs"_s));
    o.setProfiles({profile(u"loud"_s, u"head -c 200000000 /dev/zero | tr '\\0' 'x' | fold -w 1000\n"_s)});
    const qint64 before = residentKb();
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).profile(u"loud"_s));
    QVERIFY(o.waitAll(120000));
    const qint64 grown = residentKb() - before;
    QCOMPARE(o.status(id)->state, AgentState::Completed);
    const QStringList log = o.agentLog(id);
    QVERIFY(log.size() <= 2000);
    QVERIFY(o.agentLogDropped(id) >= 200000 - 2000);
    // The newest output lines are kept (the last few lines are the agent's exit notes).
    QVERIFY(std::any_of(log.cend() - 10, log.cend(), [](const QString &line) { return line.startsWith(u"xxxx"_s); }));
    QVERIFY2(grown < 100 * 1024, qPrintable(u"resident memory grew by %1 kB"_s.arg(grown)));
    // ...and the newest output is in the log file, capped: the older part rotated once more than it holds.
    const QFileInfo spill(o.agentLogFile(id));
    QCOMPARE(spill.absoluteFilePath(), QFileInfo(m_dir.filePath(u"logs/a-1.log"_s)).absoluteFilePath());
    const QFileInfo older(AgentLog::rotatedFile(spill.absoluteFilePath()));
    QVERIFY2(spill.size() + older.size() <= AgentLog::kMaxFileBytes,
             qPrintable(QString::number(spill.size() + older.size())));
    QVERIFY2(spill.size() + older.size() >= AgentLog::kMaxFileBytes / 2, qPrintable(QString::number(spill.size())));
    QFile file(spill.absoluteFilePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readLine().startsWith("[switchboard] log rotated at "));
}

void TestProcessFailures::dependencyResultReachesDependent()
{
    Orchestrator o;
    o.setWorkspace(m_dir.path());
    o.setProfiles({profile(u"producer"_s, u"echo '{\"type\":\"result\",\"summary\":\"schema v2 ready\"}'\n"_s),
                   profile(u"consumer"_s, u"echo \"$goal\" > consumer-input.json\n"_s)});
    Goal consumer = test::GoalBuilder(u"use"_s).profile(u"consumer"_s);
    consumer.dependsOn = {u"make"_s};
    o.spawnParallel({test::GoalBuilder(u"make"_s).profile(u"producer"_s), consumer});
    QVERIFY(o.waitAll(10000));
    QFile input(m_dir.filePath(u"consumer-input.json"_s));
    QVERIFY(input.open(QIODevice::ReadOnly));
    const QJsonObject message = QJsonDocument::fromJson(input.readAll()).object();
    QCOMPARE(message.value(u"inputs"_s).toObject().value(u"make"_s).toObject().value(u"summary"_s).toString(),
             u"schema v2 ready"_s);
}

QTEST_GUILESS_MAIN(TestProcessFailures)
#include "tst_processfailures.moc"
