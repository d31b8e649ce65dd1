// Budgets ask before they stop (issue 17): with asking on (the dashboard), a goal or the run crossing its budget
// raises a question in the inbox (Raise by 50 % / Raise to ... / Stop) instead of stopping at once; the agent goes on
// meanwhile, up to twice its budget; a team's budget asks the same way. Real process agents report their usage; the
// test answers as a human would.
#include "orchestration/Orchestrator.h"
#include "support/GoalBuilder.h"
#include "support/TestSupport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace switchboard;

namespace {
// Reports $0.60, waits for gate 1, reports $0.30 more, waits for gate 2, finishes. A goal id starting with "burst"
// reports $0.60 and then $0.50 at once (past twice a $0.50 budget without waiting).
constexpr auto kScript = "#!/bin/sh\n"
                         "read -r goal\n"
                         "usage() { echo \"{\\\"type\\\":\\\"usage\\\",\\\"cost_usd\\\":$1}\"; }\n"
                         "usage 0.6\n"
                         "case \"$SWITCHBOARD_GOAL_ID\" in\n"
                         "  burst*) sleep 0.3; usage 0.5; sleep 5 ;;\n"
                         "esac\n"
                         "while [ ! -e \"%1.1\" ]; do sleep 0.05; done\n"
                         "usage 0.3\n"
                         "while [ ! -e \"%1.2\" ]; do sleep 0.05; done\n"
                         "echo '{\"type\":\"result\",\"summary\":\"done\"}'\n";
} // namespace

class TestBudgetAsk final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void raiseByHalfThenRaiseTo();
    void stopAnswerStops();
    void twiceTheBudgetStopsWhileAsking();
    void unattendedStopsAtOnce();
    void runBudgetHoldsNewGoalsUntilRaised();
    void teamBudgetAsksThenStopsItsMembers();

private:
    void setUp(Orchestrator &o, bool ask) const;
    Goal goal(const QString &id, double budget) const;
    // The one open question, once there is one.
    std::optional<Escalation> waitForQuestion(Orchestrator &o, int count = 1) const;
    void openGate(int n) const;
    AgentStatus statusOf(const Orchestrator &o, const QString &goalId) const
    {
        return o.status(o.agentForGoal(goalId)).value_or(AgentStatus{});
    }

    QTemporaryDir m_dir;
    QString m_script;
    QString m_gate;
    int m_runs = 0;
};

void TestBudgetAsk::init()
{
    QVERIFY(m_dir.isValid());
    m_gate = m_dir.filePath(u"gate-%1"_s.arg(++m_runs));
    m_script = test::writeScript(m_dir.path(), u"agent-%1.sh"_s.arg(m_runs), QString::fromUtf8(kScript).arg(m_gate));
    QVERIFY(!m_script.isEmpty());
}

void TestBudgetAsk::setUp(Orchestrator &o, bool ask) const
{
    o.setProfiles({test::processProfile(u"proc"_s, m_script)});
    o.setMaxParallel(2);
    o.setEscalateExhaustedRetries(false);
    o.setAskBeforeBudgetStop(ask);
}

Goal TestBudgetAsk::goal(const QString &id, double budget) const
{
    Goal g = test::GoalBuilder(id).profile(u"proc"_s);
    g.title = u"Goal %1"_s.arg(id);
    g.budget.maxCostUsd = budget;
    return g;
}

std::optional<Escalation> TestBudgetAsk::waitForQuestion(Orchestrator &o, int count) const
{
    // Not QTRY_*: they return void on failure; the caller's QVERIFY on the result fails instead.
    QDeadlineTimer deadline(15000);
    while (o.inbox().history().size() + o.inbox().open().size() < count && !deadline.hasExpired())
        QTest::qWait(20);
    const QList<Escalation> open = o.inbox().open();
    if (open.size() != 1)
        return std::nullopt;
    return open.first();
}

void TestBudgetAsk::openGate(int n) const
{
    QFile file(m_gate + u'.' + QString::number(n));
    QVERIFY(file.open(QIODevice::WriteOnly));
}

void TestBudgetAsk::raiseByHalfThenRaiseTo()
{
    Orchestrator o;
    setUp(o, true);
    QVERIFY(!o.spawn(goal(u"a"_s, 0.5)).isEmpty());
    std::optional<Escalation> q = waitForQuestion(o);
    QVERIFY(q);
    QCOMPARE(q->question, u"'Goal a' has used $0.60 of its $0.50 budget. Raise its budget, or stop it?"_s);
    QCOMPARE(q->options.size(), 3);
    QCOMPARE(q->options.at(0).label, u"Raise by 50 % (to $0.75)"_s);
    QCOMPARE(q->options.at(1).key, u"raise_to"_s);
    QCOMPARE(q->options.at(2).key, u"stop"_s);
    QCOMPARE(statusOf(o, u"a"_s).state, AgentState::Running); // it goes on while the human decides
    QString error;
    QVERIFY2(o.answer(q->id, u"raise50"_s, {}, &error), qPrintable(error));
    openGate(1); // now $0.90: over the raised $0.75, asked again
    q = waitForQuestion(o, 2);
    QVERIFY(q);
    QCOMPARE(q->question, u"'Goal a' has used $0.90 of its $0.75 budget. Raise its budget, or stop it?"_s);
    QVERIFY(o.answer(q->id, u"raise_to"_s, u"not a number"_s, &error));
    q = waitForQuestion(o, 3); // a limit that is no number is asked again
    QVERIFY(q);
    QVERIFY(o.answer(q->id, u"raise_to"_s, u"$5"_s, &error));
    openGate(2);
    QVERIFY(o.waitAll(15000));
    const AgentStatus a = statusOf(o, u"a"_s);
    QCOMPARE(a.state, AgentState::Completed);
    const QString log = o.agentLog(a.agentId).join(u'\n');
    QVERIFY2(log.contains(u"budget raised by a human: now $0.75"_s), qPrintable(log));
    QVERIFY(log.contains(u"budget: 'not a number' is no limit above what it has used; asking again"_s));
    QVERIFY(log.contains(u"budget raised by a human: now $5.00"_s));
    QCOMPARE(o.goal(u"a"_s)->budget.maxCostUsd, 5.0);
}

void TestBudgetAsk::stopAnswerStops()
{
    Orchestrator o;
    setUp(o, true);
    QVERIFY(!o.spawn(goal(u"a"_s, 0.5)).isEmpty());
    const std::optional<Escalation> q = waitForQuestion(o);
    QVERIFY(q);
    QVERIFY(o.answer(q->id, u"stop"_s, {}));
    QVERIFY(o.waitAll(15000));
    const AgentStatus a = statusOf(o, u"a"_s);
    QCOMPARE(a.state, AgentState::Failed);
    QCOMPARE(a.errorKind, u"budget"_s);
    QCOMPARE(a.error, u"budget exceeded: $0.6000 > budget $0.5000 (stopped by a human)"_s);
}

void TestBudgetAsk::twiceTheBudgetStopsWhileAsking()
{
    Orchestrator o;
    setUp(o, true);
    QVERIFY(!o.spawn(goal(u"burst"_s, 0.5)).isEmpty());
    QVERIFY(o.waitAll(15000));
    const AgentStatus a = statusOf(o, u"burst"_s);
    QCOMPARE(a.state, AgentState::Failed);
    QVERIFY2(a.error.startsWith(u"budget exceeded: $1.1000 > budget $1.0000 (twice the budget"_s), qPrintable(a.error));
    QCOMPARE(o.inbox().open().size(), 0); // the question went with it
}

void TestBudgetAsk::unattendedStopsAtOnce()
{
    Orchestrator o;
    setUp(o, false);
    QVERIFY(!o.spawn(goal(u"a"_s, 0.5)).isEmpty());
    QVERIFY(o.waitAll(15000));
    QCOMPARE(statusOf(o, u"a"_s).error, u"budget exceeded: $0.6000 > budget $0.5000"_s);
    QCOMPARE(o.inbox().history().size() + o.inbox().open().size(), 0);
}

void TestBudgetAsk::runBudgetHoldsNewGoalsUntilRaised()
{
    Orchestrator o;
    setUp(o, true);
    o.setMaxParallel(1);
    Budget run;
    run.maxCostUsd = 0.5;
    o.setRunBudget(run);
    QCOMPARE(o.spawnParallel({goal(u"a"_s, 0.0), goal(u"b"_s, 0.0)}).size(), 2);
    const std::optional<Escalation> q = waitForQuestion(o);
    QVERIFY(q);
    QCOMPARE(q->question,
             u"The run has used $0.60 of the $0.50 budget. Raise the run's budget, or stop every agent?"_s);
    openGate(1);
    openGate(2);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(o, u"a"_s).state, AgentState::Completed, 15000);
    // a ended: the question is asked again under b, which waits for the answer without starting.
    const std::optional<Escalation> again = waitForQuestion(o, 2);
    QVERIFY(again);
    QCOMPARE(again->agentId, o.agentForGoal(u"b"_s));
    QTest::qWait(300); // a span in which b must not start: the run is over budget and nobody said go on
    QCOMPARE(statusOf(o, u"b"_s).state, AgentState::Queued);
    QString error;
    QVERIFY2(o.answer(again->id, u"raise_to"_s, u"5"_s, &error), qPrintable(error));
    QVERIFY(o.waitAll(15000));
    QCOMPARE(statusOf(o, u"b"_s).state, AgentState::Completed);
    QCOMPARE(o.summary().costUsd, 1.8);
    Q_UNUSED(q)
}

// A team's budget (its members' summed usage) asks like a goal's: under the team's card, Raise lets the members go
// on, Stop stops every member with the reason.
void TestBudgetAsk::teamBudgetAsksThenStopsItsMembers()
{
    Orchestrator o;
    setUp(o, true);
    Goal t = test::GoalBuilder(u"t"_s);
    t.title = u"Team t"_s;
    TeamPattern pattern;
    pattern.kind = TeamKind::Parallel;
    pattern.profiles = {u"proc"_s, u"proc"_s};
    t.team = pattern;
    t.budget.maxCostUsd = 1.0;
    QCOMPARE(o.spawnParallel({t}).size(), 1);

    std::optional<Escalation> q = waitForQuestion(o); // both members report $0.60: $1.20 of $1.00
    QVERIFY(q);
    QCOMPARE(q->agentId, statusOf(o, u"t"_s).agentId);
    QCOMPARE(q->question, u"'Team t' has used $1.20 of its $1.00 budget. Raise its budget, or stop it?"_s);
    QCOMPARE(statusOf(o, u"t.proc"_s).state, AgentState::Running); // the members go on while the human decides
    QString error;
    QVERIFY2(o.answer(q->id, u"raise50"_s, {}, &error), qPrintable(error));
    openGate(1); // each reports $0.30 more: $1.80 of $1.50
    q = waitForQuestion(o, 2);
    QVERIFY(q);
    QCOMPARE(q->question, u"'Team t' has used $1.80 of its $1.50 budget. Raise its budget, or stop it?"_s);
    QVERIFY(o.answer(q->id, u"stop"_s, {}, &error));
    QVERIFY(o.waitAll(15000));

    const AgentStatus team = statusOf(o, u"t"_s);
    QCOMPARE(team.state, AgentState::Failed);
    QCOMPARE(team.errorKind, u"budget"_s);
    QVERIFY2(team.error.startsWith(u"team budget exceeded: "_s), qPrintable(team.error));
    QVERIFY2(team.error.contains(u"stopped by a human"_s), qPrintable(team.error));
    for (const QString &member : {u"t.proc"_s, u"t.proc-2"_s}) {
        const AgentStatus m = statusOf(o, member);
        QCOMPARE(m.state, AgentState::Failed);
        QCOMPARE(m.errorKind, u"budget"_s);
    }
    QCOMPARE(o.inbox().open().size(), 0);
}

QTEST_GUILESS_MAIN(TestBudgetAsk)
#include "tst_budgetask.moc"
