// Locks and escalations through the orchestrator: waiting without a run slot, answers delivered,
// cancel while waiting, resource scheduling, lost locks, failure escalations, and the process
// protocol (lock/unlock/escalate, heartbeat, rate_limited, iteration, handoff) end to end.
#include "agents/AgentContext.h"
#include "agents/BackendRegistry.h"
#include "orchestration/Orchestrator.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/ScriptedBackend.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

class TestCoordination final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void escalationDoesNotHoldASlot();
    void cancelWhileEscalated();
    void repeatedEscalationsFlagNeedsHuman();
    void lockWaitDoesNotHoldASlot();
    void declaredResourcesSerialise();
    void forceReleaseFailsAnAgentThatDoesNotRetake();
    void failureEscalation_data();
    void failureEscalation();
    void processLockProtocol();
    void processEscalationProtocol();
    void processCancelWhileEscalated();
    void processEndWithOpenQuestion_data();
    void processEndWithOpenQuestion();
    void processRateLimitHeartbeatAndHandoff();
    void processLoopDetection();

private:
    QString script(const QString &name, const QString &body);
    QTemporaryDir m_dir;
};

void TestCoordination::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestCoordination::script(const QString &name, const QString &body)
{
    return test::writeScript(m_dir.path(), name, u"#!/bin/sh\n"_s + body);
}

void TestCoordination::escalationDoesNotHoldASlot()
{
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::ProfileBuilder::scripted(u"asker"_s)});
    o.setMaxParallel(1);
    QSignalSpy raised(&o.inbox(), &EscalationInbox::escalationRaised);
    const QStringList ids =
        o.spawnParallel({test::GoalBuilder(u"asker"_s).description(u"ask clarification Which database?"_s),
                         test::GoalBuilder(u"worker"_s).description(u"sleep 50"_s)});
    QVERIFY(raised.wait(5000));
    QTRY_COMPARE(o.status(ids[0])->state, AgentState::Escalated);
    // With max_parallel 1, the other goal runs to the end while the first waits for a human.
    QTRY_COMPARE(o.status(ids[1])->state, AgentState::Completed);
    QCOMPARE(o.progress().poolBusy, 0);
    const Escalation e = raised.first().first().value<Escalation>();
    QCOMPARE(e.agentId, ids[0]);
    QCOMPARE(e.goalId, u"asker"_s);
    QCOMPARE(e.trigger, Escalation::Trigger::Clarification);
    QCOMPARE(o.status(ids[0])->openEscalation, e.id);
    QString error;
    QVERIFY2(o.inbox().answer(e.id, u"sqlite"_s, u"keep it simple"_s, &error), qPrintable(error));
    QVERIFY(o.waitAll(5000));
    QCOMPARE(o.status(ids[0])->state, AgentState::Completed);
    QCOMPARE(o.status(ids[0])->summary, u"chose sqlite keep it simple"_s);
    QVERIFY(o.status(ids[0])->openEscalation.isEmpty());
}

void TestCoordination::cancelWhileEscalated()
{
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::ProfileBuilder::scripted(u"asker"_s)});
    QSignalSpy raised(&o.inbox(), &EscalationInbox::escalationRaised);
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).description(u"ask clarification Which database?"_s));
    QVERIFY(raised.wait(5000));
    QTRY_COMPARE(o.status(id)->state, AgentState::Escalated);
    QElapsedTimer t;
    t.start();
    QVERIFY(o.cancel(id));
    QVERIFY(o.waitAll(2000));
    QVERIFY(t.elapsed() < 1000);
    QCOMPARE(o.status(id)->state, AgentState::Cancelled);
    QCOMPARE(o.inbox().openCount(), 0);
}

void TestCoordination::repeatedEscalationsFlagNeedsHuman()
{
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::ProfileBuilder::scripted(u"asker"_s)});
    QSignalSpy raised(&o.inbox(), &EscalationInbox::escalationRaised);
    QSignalSpy flagged(&o.inbox(), &EscalationInbox::goalNeedsHuman);
    Goal g = test::GoalBuilder(u"g"_s).description(
        u"ask clarification Which database?\nask clarification Which database?\nask clarification Which database?"_s);
    const QString id = o.spawn(g);
    for (int i = 0; i < 3; ++i) {
        QTRY_COMPARE(raised.size(), i + 1);
        // Each question differs only by id; answer whatever is open.
        const QList<Escalation> open = o.inbox().open();
        QCOMPARE(open.size(), 1);
        if (i < 2)
            QVERIFY(o.inbox().answer(open.first().id, u"pg"_s, u"round %1"_s.arg(i)));
        else
            QVERIFY(o.inbox().answer(open.first().id, u"pg"_s, {}));
        // The same question is answered from memory after the first time: only one is raised.
        if (i == 0)
            break;
    }
    QVERIFY(o.waitAll(5000));
    QCOMPARE(raised.size(), 1); // answered questions are never asked again
    QCOMPARE(flagged.size(), 0);

    // Three different questions on one goal flag it.
    Orchestrator o2;
    o2.setBackends(test::ScriptedBackend::registry());
    o2.setProfiles({test::ProfileBuilder::scripted(u"asker"_s)});
    QSignalSpy flagged2(&o2.inbox(), &EscalationInbox::goalNeedsHuman);
    QSignalSpy raised2(&o2.inbox(), &EscalationInbox::escalationRaised);
    const QString id2 = o2.spawn(test::GoalBuilder(u"g2"_s).description(u"sleep 1"_s));
    QVERIFY(o2.waitAll(5000));
    for (int i = 0; i < 3; ++i) {
        EscalationInbox::Request r;
        r.agentId = id2;
        r.goalId = u"g2"_s;
        r.question = u"question %1"_s.arg(i);
        QVERIFY(!o2.inbox().raise(r, this, [](const Escalation &) {}).isEmpty());
    }
    QVERIFY(flagged2.wait(2000));
    QCOMPARE(flagged2.first().first().toString(), u"g2"_s);
    QTRY_VERIFY(o2.status(id2)->needsHuman);
    Q_UNUSED(id)
}

void TestCoordination::lockWaitDoesNotHoldASlot()
{
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::ProfileBuilder::scripted(u"asker"_s)});
    o.setMaxParallel(1);
    QVERIFY(o.locks().tryAcquire(u"human"_s, {u"src/a.py"_s}).ok());
    const QStringList ids = o.spawnParallel({test::GoalBuilder(u"waiter"_s).description(u"lock ./src/../src/a.py"_s),
                                             test::GoalBuilder(u"other"_s).description(u"sleep 20"_s)});
    QTRY_COMPARE(o.status(ids[0])->state, AgentState::WaitingForLock);
    QTRY_COMPARE(o.status(ids[1])->state, AgentState::Completed);
    QCOMPARE(o.progress().waiting, 1);
    QVERIFY(o.locks().releaseAll(u"human"_s) == 1);
    QVERIFY(o.waitAll(5000));
    QCOMPARE(o.status(ids[0])->state, AgentState::Completed);
    QVERIFY(o.agentLog(ids[0]).join(u'\n').contains(u"locked ./src/../src/a.py token"_s));
    QVERIFY(!o.locks().isHeld(u"src/a.py"_s)); // released when the attempt ended
}

void TestCoordination::declaredResourcesSerialise()
{
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::ProfileBuilder::scripted(u"asker"_s)});
    o.setMaxParallel(4);
    QSignalSpy started(&o, &Orchestrator::agentStarted);
    const QStringList ids =
        o.spawnParallel({test::GoalBuilder(u"a"_s).description(u"sleep 300"_s).resources({u"db:schema"_s}),
                         test::GoalBuilder(u"b"_s).description(u"sleep 50"_s).resources({u"db:schema"_s, u"src/x"_s}),
                         test::GoalBuilder(u"c"_s).description(u"sleep 50"_s).resources({u"src/y"_s})});
    QTRY_COMPARE(o.status(ids[2])->state, AgentState::Completed);
    // b waits for a's lock; c, which touches nothing a holds, went ahead.
    QCOMPARE(o.status(ids[1])->state, AgentState::Queued);
    QCOMPARE(o.status(ids[1])->waitingFor, QStringList{u"db:schema"_s});
    QVERIFY(o.waitAll(5000));
    QCOMPARE(started.size(), 3);
    QCOMPARE(o.status(started.at(2).first().toString())->goalId, u"b"_s);
    QVERIFY(o.status(ids[0])->completedAt <= o.status(ids[1])->startedAt);
    QCOMPARE(o.lockConflicts(), 1);
}

void TestCoordination::forceReleaseFailsAnAgentThatDoesNotRetake()
{
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::ProfileBuilder::scripted(u"asker"_s)});
    QSignalSpy forced(&o.locks(), &LockManager::lockForced);
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).description(u"lock db:main\nsleep 400"_s));
    QTRY_VERIFY(o.locks().isHeld(u"db:main"_s));
    QVERIFY(o.locks().forceRelease(u"db:main"_s));
    QVERIFY(forced.wait(2000));
    QVERIFY(o.waitAll(5000));
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->errorKind, u"lock_lost"_s);
    QCOMPARE(o.status(id)->error, u"lock lost: db:main"_s);
}

void TestCoordination::failureEscalation_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<int>("expectedState");
    QTest::addColumn<int>("dependentState");
    QTest::newRow("retry") << u"retry"_s << int(AgentState::Failed) << int(AgentState::Blocked);
    QTest::newRow("skip") << u"skip"_s << int(AgentState::Failed) << int(AgentState::Blocked);
    QTest::newRow("cancel dependents") << u"cancel_dependents"_s << int(AgentState::Failed)
                                       << int(AgentState::Cancelled);
}

void TestCoordination::failureEscalation()
{
    QFETCH(QString, answer);
    QFETCH(int, expectedState);
    QFETCH(int, dependentState);
    Orchestrator o;
    AgentProfile p = test::ProfileBuilder::scripted(u"asker"_s);
    p.retry.maxRetries = 1;
    p.retry.backoffS = {0.05};
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({p});
    QSignalSpy raised(&o.inbox(), &EscalationInbox::escalationRaised);
    Goal dependent = test::GoalBuilder(u"after"_s);
    dependent.dependsOn = {u"g"_s};
    const QStringList ids = o.spawnParallel({test::GoalBuilder(u"g"_s).description(u"fail broken"_s), dependent});
    QVERIFY(raised.wait(5000));
    Escalation e = raised.first().first().value<Escalation>();
    QCOMPARE(e.trigger, Escalation::Trigger::Failure);
    QCOMPARE(e.options.size(), 3);
    QCOMPARE(e.options.at(0).key, u"retry"_s);
    QCOMPARE(o.status(ids[0])->state, AgentState::Escalated);
    QCOMPARE(o.status(ids[0])->attempt, 2);
    QCOMPARE(o.progress().poolBusy, 0);
    QVERIFY(o.inbox().answer(e.id, answer, {}));
    if (answer == u"retry") {
        // A fresh round (2 more attempts), then the human is asked again: skip this time.
        QVERIFY(raised.wait(5000));
        QCOMPARE(o.status(ids[0])->attempt, 4);
        e = raised.last().first().value<Escalation>();
        QVERIFY(o.inbox().answer(e.id, u"skip"_s, {}));
    }
    QVERIFY(o.waitAll(5000));
    QCOMPARE(int(o.status(ids[0])->state), expectedState);
    QCOMPARE(int(o.status(ids[1])->state), dependentState);
}

void TestCoordination::processLockProtocol()
{
    // Two process agents want the same file; the second waits (no slot held) and then gets a bigger token.
    const QString path = script(u"locker.sh"_s, uR"SH(read goal
echo '{"type":"lock","resources":["./shared/../shared/file.txt"],"timeout_s":10}'
read reply
echo "reply: $reply"
case "$reply" in *lock_granted*) ;; *) exit 3;; esac
sleep 0.3
echo '{"type":"unlock","resources":["shared/file.txt"]}'
echo '{"type":"result","summary":"'"$reply"'"}'
)SH"_s);
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::processProfile(u"p"_s, path)});
    o.setMaxParallel(1);
    const QStringList ids = o.spawnParallel({test::GoalBuilder(u"one"_s), test::GoalBuilder(u"two"_s)});
    QVERIFY(o.waitAll(20000));
    QCOMPARE(o.status(ids[0])->state, AgentState::Completed);
    QCOMPARE(o.status(ids[1])->state, AgentState::Completed);
    auto token = [&](const QString &id) {
        const QString summary = o.status(id)->summary;
        const qsizetype at = summary.indexOf(u"\"token\":"_s);
        return summary.mid(at + 8).section(u'}', 0, 0).section(u',', 0, 0).toLongLong();
    };
    QVERIFY2(o.status(ids[0])->summary.contains(u"\"type\":\"lock_granted\""_s), qPrintable(o.status(ids[0])->summary));
    QVERIFY(token(ids[1]) > token(ids[0]));

    // Held by someone else with timeout 0: denied at once with a reason.
    const QString denied = script(u"denied.sh"_s, uR"SH(read goal
echo '{"type":"lock","resources":["db:x"],"timeout_s":0}'
read reply
reply=$(echo "$reply" | tr -d '"')
echo "{\"type\":\"result\",\"summary\":\"$reply\"}"
)SH"_s);
    Orchestrator o2;
    o2.setBackends(test::ScriptedBackend::registry());
    o2.setProfiles({test::processProfile(u"d"_s, denied)});
    QVERIFY(o2.locks().tryAcquire(u"human"_s, {u"db:x"_s}).ok());
    const QString id = o2.spawn(test::GoalBuilder(u"g"_s));
    QVERIFY(o2.waitAll(10000));
    QVERIFY2(o2.status(id)->summary.contains(u"type:lock_denied"_s), qPrintable(o2.status(id)->summary));
    QVERIFY2(o2.status(id)->summary.contains(u"reason:"_s), qPrintable(o2.status(id)->summary));
}

void TestCoordination::processEscalationProtocol()
{
    const QString path = script(u"asker.sh"_s, uR"SH(read goal
echo '{"type":"escalate","id":"q1","trigger":"architecture","question":"REST or gRPC?","context":"Both fit.","options":["REST","gRPC"]}'
read answer
echo "$answer" > answer.json
echo '{"type":"result","summary":"answered"}'
)SH"_s);
    Orchestrator o;
    o.setWorkspace(m_dir.path());
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::processProfile(u"p"_s, path), test::ProfileBuilder::scripted(u"other"_s)});
    o.setMaxParallel(1);
    QSignalSpy raised(&o.inbox(), &EscalationInbox::escalationRaised);
    Goal second = test::GoalBuilder(u"other"_s).description(u"sleep 10"_s).profile(u"other"_s);
    const QStringList ids = o.spawnParallel({test::GoalBuilder(u"api"_s).profile(u"p"_s), second});
    QVERIFY(raised.wait(10000));
    const Escalation e = raised.first().first().value<Escalation>();
    QCOMPARE(e.question, u"REST or gRPC?"_s);
    QCOMPARE(e.context, u"Both fit."_s);
    QCOMPARE(e.trigger, Escalation::Trigger::Architecture);
    QCOMPARE(e.options.size(), 2);
    QTRY_COMPARE(o.status(ids[0])->state, AgentState::Escalated);
    QTRY_COMPARE(o.status(ids[1])->state, AgentState::Completed); // ran while the process waited
    QVERIFY(o.inbox().answer(e.id, u"gRPC"_s, u"we need streaming"_s));
    QVERIFY(o.waitAll(10000));
    QFile answerFile(m_dir.filePath(u"answer.json"_s));
    QVERIFY(answerFile.open(QIODevice::ReadOnly));
    const QString summary = QString::fromUtf8(answerFile.readAll());
    QVERIFY2(summary.contains(u"\"type\":\"answer\""_s) && summary.contains(u"\"id\":\"q1\""_s) &&
                 summary.contains(u"\"option\":\"gRPC\""_s) && summary.contains(u"\"text\":\"we need streaming\""_s),
             qPrintable(summary));
}

void TestCoordination::processCancelWhileEscalated()
{
    const QString path = script(u"waiter.sh"_s, uR"SH(read goal
echo '{"type":"escalate","id":"q","question":"Proceed?"}'
read answer
sleep 30
)SH"_s);
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::processProfile(u"p"_s, path)});
    QSignalSpy raised(&o.inbox(), &EscalationInbox::escalationRaised);
    const QString id = o.spawn(test::GoalBuilder(u"g"_s));
    QVERIFY(raised.wait(10000));
    QTRY_COMPARE(o.status(id)->state, AgentState::Escalated);
    QElapsedTimer t;
    t.start();
    o.cancel(id);
    QVERIFY(o.waitAll(5000));
    QVERIFY(t.elapsed() < 2000);
    QCOMPARE(o.status(id)->state, AgentState::Cancelled);
    QCOMPARE(o.inbox().openCount(), 0);
}

void TestCoordination::processEndWithOpenQuestion_data()
{
    QTest::addColumn<QString>("end"); // how the attempt ends while its question is open
    QTest::addColumn<int>("endState");
    QTest::newRow("exits") << u"exit"_s << int(AgentState::Completed);
    QTest::newRow("killed on timeout") << u"timeout"_s << int(AgentState::Failed);
    QTest::newRow("cancelled") << u"cancel"_s << int(AgentState::Cancelled);
}

void TestCoordination::processEndWithOpenQuestion()
{
    // A process agent whose attempt ends while its question is still open (it exits without reading the
    // answer, is killed, or is cancelled): the question is withdrawn and the run slot it gave back is taken
    // again, so max_parallel 1 still means one agent at a time for the goals that follow.
    QFETCH(QString, end);
    QFETCH(int, endState);
    const QString go = m_dir.filePath(u"go-"_s + end);
    // Exits only when told, so that it ends while nothing else runs (an agent that stops waiting runs
    // alongside the others for a moment, which maxParallelReached would rightly count).
    const QString path = script(u"open-question-"_s + end + u".sh"_s, uR"SH(read goal
echo '{"type":"escalate","id":"q","question":"Proceed?"}'
while [ ! -e "$1" ]; do sleep 0.05; done
exit 0
)SH"_s);
    AgentProfile asker = test::processProfile(u"asker"_s, path);
    asker.command.append(go);
    asker.timeoutS = end == u"timeout" ? 2 : 0;
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({asker, test::ProfileBuilder::scripted(u"quick"_s)});
    o.setMaxParallel(1);
    QSignalSpy raised(&o.inbox(), &EscalationInbox::escalationRaised);
    // Enough quick goals that the dispatcher hands the pool more than it may run at once (its look-ahead):
    // only the pool's thread cap then keeps them one at a time.
    const auto quickGoals = [](const QString &prefix, int count) {
        QList<Goal> goals;
        for (int i = 0; i < count; ++i)
            goals.append(test::GoalBuilder(prefix + QString::number(i)).profile(u"quick"_s));
        return goals;
    };
    QStringList ids =
        o.spawnParallel(QList<Goal>{test::GoalBuilder(u"asker"_s).profile(u"asker"_s)} + quickGoals(u"queued-"_s, 20));
    QVERIFY(raised.wait(10000));
    const Escalation question = raised.first().first().value<Escalation>();
    QTRY_COMPARE(o.status(ids[0])->state, AgentState::Escalated);
    for (qsizetype i = 1; i < ids.size(); ++i)
        QTRY_COMPARE(o.status(ids[i])->state, AgentState::Completed); // ran while it waited
    if (end == u"exit")
        QVERIFY(QFile(go).open(QIODevice::WriteOnly));
    else if (end == u"cancel")
        QVERIFY(o.cancel(ids[0]));
    QTRY_VERIFY_WITH_TIMEOUT(isFinalState(o.status(ids[0])->state), 10000);
    QCOMPARE(int(o.status(ids[0])->state), endState);
    QTRY_COMPARE(o.inbox().find(question.id)->state, Escalation::State::Cancelled);
    QCOMPARE(o.inbox().openCount(), 0);
    QVERIFY(o.inbox().open().isEmpty());
    QCOMPARE(o.maxParallelReached(), 1);

    ids += o.spawnParallel(quickGoals(u"later-"_s, 1000));
    QVERIFY(o.waitAll(30000));
    for (qsizetype i = 1; i < ids.size(); ++i)
        QCOMPARE(o.status(ids[i])->state, AgentState::Completed);
    QCOMPARE(int(o.status(ids[0])->state), endState);
    QCOMPARE(o.maxParallelReached(), 1);
    QCOMPARE(o.progress().poolBusy, 0);
}

void TestCoordination::processRateLimitHeartbeatAndHandoff()
{
    const QString limited = script(u"limited.sh"_s, uR"SH(read goal
echo '{"type":"rate_limited","retry_after_s":1}'
echo '{"type":"heartbeat"}'
echo '{"type":"handoff","data":{"rows":3}}'
sleep 0.5
echo '{"type":"result","summary":"ok"}'
)SH"_s);
    const QString reader = script(u"reader.sh"_s, uR"SH(read -r goal
echo "$goal" > consumer-goal.json
echo '{"type":"result","summary":"read"}'
)SH"_s);
    Orchestrator o;
    o.setWorkspace(m_dir.path());
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::processProfile(u"lim"_s, limited), test::processProfile(u"rd"_s, reader)});
    o.setMode(Scheduler::Mode::Pipeline);
    o.setMaxParallel(4);
    QSignalSpy rateLimited(&o, &Orchestrator::profileRateLimited);
    Goal consumer = test::GoalBuilder(u"consumer"_s).profile(u"rd"_s);
    consumer.dependsOn = {u"producer"_s};
    const QStringList ids = o.spawnParallel({test::GoalBuilder(u"producer"_s).profile(u"lim"_s), consumer});
    QVERIFY(rateLimited.wait(10000));
    QCOMPARE(rateLimited.first().first().toString(), u"lim"_s);
    QVERIFY(o.waitAll(10000));
    // The consumer started on the handoff, before the producer finished, and got the data.
    QVERIFY(o.status(ids[1])->startedAt < o.status(ids[0])->completedAt);
    QFile goalFile(m_dir.filePath(u"consumer-goal.json"_s));
    QVERIFY(goalFile.open(QIODevice::ReadOnly));
    const QByteArray goalJson = goalFile.readAll();
    const QJsonObject message = QJsonDocument::fromJson(goalJson).object();
    QCOMPARE(message.value(u"inputs"_s).toObject().value(u"producer"_s).toObject().value(u"output"_s).toString(),
             u"{\"rows\":3}"_s);
}

void TestCoordination::processLoopDetection()
{
    const QString looper = script(u"looper.sh"_s, uR"SH(read goal
for i in 1 2 3 4 5 6 7 8 9; do
  echo '{"type":"iteration","output":"same answer"}'
  sleep 0.1
done
echo '{"type":"result","summary":"never"}'
)SH"_s);
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::processProfile(u"p"_s, looper)});
    const QString id = o.spawn(test::GoalBuilder(u"g"_s));
    QVERIFY(o.waitAll(10000));
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->errorKind, u"loop"_s);
    QCOMPARE(o.status(id)->error, u"loop detected: iteration 2 repeated the previous output"_s);
}

QTEST_GUILESS_MAIN(TestCoordination)
#include "tst_coordination.moc"
