#include "coordination/EscalationInbox.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <future>
#include <memory>
#include <vector>

using namespace switchboard;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {

using Outcome = EscalationInbox::Outcome;
using Status = EscalationInbox::Outcome::Status;

EscalationInbox::Request request(const QString &agentId, const QString &goalId, const QString &question,
                                 const QStringList &optionKeys = {})
{
    EscalationInbox::Request r;
    r.agentId = agentId;
    r.goalId = goalId;
    r.question = question;
    r.trigger = Escalation::Trigger::Clarification;
    for (const QString &key : optionKeys)
        r.options.append({key, u"Use "_s + key});
    return r;
}

// A regression must fail the test, not hang it: askers give up after this.
constexpr auto kSafetyTimeout = 30s;

std::future<Outcome> askAsync(EscalationInbox &inbox, EscalationInbox::Request r, EscalationInbox::WaitHooks hooks = {})
{
    if (r.timeout == 0ms)
        r.timeout = kSafetyTimeout;
    return std::async(std::launch::async, [&inbox, r, hooks] { return inbox.ask(r, hooks); });
}

bool isReady(const std::future<Outcome> &future, std::chrono::milliseconds wait = 0ms)
{
    return future.wait_for(wait) == std::future_status::ready;
}

// Waits, spinning the event loop, for a future (the inbox's timers and signals keep running).
bool waitReady(const std::future<Outcome> &future, int timeoutMs = 5000)
{
    return QTest::qWaitFor([&future] { return isReady(future); }, timeoutMs);
}

} // namespace

class TestEscalationInbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void askBlocksUntilAnswered();
    void freeTextAnswer();
    void invalidAnswersAreRejected();
    void invalidRequestsAreRejected();
    void cancelAgentWakesTheAsker();
    void cancelPredicateWakesTheAsker();
    void humanWithdrawsAQuestion();
    void timeoutPolicies_data();
    void timeoutPolicies();
    void raiseCallsBackOnTheInboxThread();
    void raiseTimesOutWithoutAnAsker();
    void raiseCallbackDroppedWithItsContext();
    void repeatedEscalationsFlagTheGoal();
    void effectivePriorityAges();
    void openIsSortedByEffectivePriorityThenAge();
    void answeredQuestionIsNotAskedAgain();
    void preloadedAnswerReturnsAtOnce();
    void historyAndFind();
    void manyAgentsAskAtOnce();
    void jsonRoundTrip();
    void enumStrings();
};

void TestEscalationInbox::askBlocksUntilAnswered()
{
    EscalationInbox inbox;
    QSignalSpy raised(&inbox, &EscalationInbox::escalationRaised);
    QSignalSpy answered(&inbox, &EscalationInbox::escalationAnswered);
    QSignalSpy counts(&inbox, &EscalationInbox::openCountChanged);

    auto begins = std::make_shared<std::atomic<int>>(0);
    auto ends = std::make_shared<std::atomic<int>>(0);
    EscalationInbox::WaitHooks hooks;
    hooks.onWaitBegin = [begins] { ++*begins; };
    hooks.onWaitEnd = [ends] { ++*ends; };

    auto r = request(u"a1"_s, u"g1"_s, u"Which database?"_s, {u"pg"_s, u"sqlite"_s});
    r.context = u"schema.sql is empty"_s;
    r.priority = Priority::High;
    r.trigger = Escalation::Trigger::Architecture;
    auto asking = askAsync(inbox, r, hooks);

    QVERIFY(raised.wait(5000));
    const auto e = raised.at(0).at(0).value<Escalation>();
    QCOMPARE(e.id, u"e-1"_s);
    QCOMPARE(e.agentId, u"a1"_s);
    QCOMPARE(e.goalId, u"g1"_s);
    QCOMPARE(e.trigger, Escalation::Trigger::Architecture);
    QCOMPARE(e.question, u"Which database?"_s);
    QCOMPARE(e.context, u"schema.sql is empty"_s);
    QCOMPARE(e.priority, Priority::High);
    QCOMPARE(e.options.size(), 2);
    QCOMPARE(e.options.at(1).label, u"Use sqlite"_s);
    QVERIFY(e.isOpen());
    QVERIFY(e.createdAt.isValid());
    QTRY_COMPARE(begins->load(), 1);
    QCOMPARE(ends->load(), 0);
    QVERIFY(!isReady(asking, 100ms)); // still blocked
    QCOMPARE(inbox.openCount(), 1);
    QCOMPARE(inbox.open().size(), 1);
    QTRY_COMPARE(counts.count(), 1);
    QCOMPARE(counts.at(0).at(0).toInt(), 1);

    QString error;
    QVERIFY2(inbox.answer(e.id, u"sqlite"_s, u"keep it simple"_s, &error), qPrintable(error));
    QVERIFY(isReady(asking, 5s));
    const Outcome outcome = asking.get();
    QCOMPARE(outcome.status, Status::Answered);
    QVERIFY(outcome.isAnswered());
    QCOMPARE(outcome.option, u"sqlite"_s);
    QCOMPARE(outcome.text, u"keep it simple"_s);
    QVERIFY(!outcome.fromPriorAnswer);
    QVERIFY(!outcome.timedOut);
    QCOMPARE(outcome.escalation.id, e.id);
    QCOMPARE(outcome.escalation.state, Escalation::State::Answered);
    QCOMPARE(outcome.escalation.answeredBy, u"human"_s);
    QVERIFY(outcome.escalation.answeredAt >= outcome.escalation.createdAt);
    QCOMPARE(begins->load(), 1);
    QCOMPARE(ends->load(), 1);

    QVERIFY(answered.wait(2000) || answered.count() == 1);
    QCOMPARE(answered.at(0).at(0).value<Escalation>().answerOption, u"sqlite"_s);
    QCOMPARE(inbox.openCount(), 0);
    QTRY_COMPARE(counts.count(), 2);
    QCOMPARE(counts.at(1).at(0).toInt(), 0);
}

void TestEscalationInbox::freeTextAnswer()
{
    EscalationInbox inbox;
    QSignalSpy raised(&inbox, &EscalationInbox::escalationRaised);
    auto asking = askAsync(inbox, request(u"a1"_s, u"g1"_s, u"What should the button say?"_s));
    QVERIFY(raised.wait(5000));
    const QString id = raised.at(0).at(0).value<Escalation>().id;
    const QString answer = u"Submit ✓ — \"quoted\"\nsecond line"_s;
    QVERIFY(inbox.answer(id, {}, answer, nullptr, u"cli"_s));
    QVERIFY(isReady(asking, 5s));
    const Outcome outcome = asking.get();
    QCOMPARE(outcome.status, Status::Answered);
    QCOMPARE(outcome.text, answer);
    QVERIFY(outcome.option.isEmpty());
    QCOMPARE(outcome.escalation.answeredBy, u"cli"_s);
}

void TestEscalationInbox::invalidAnswersAreRejected()
{
    EscalationInbox inbox;
    QString error;
    const QString choice = inbox.raise(request(u"a1"_s, u"g1"_s, u"Pick"_s, {u"a"_s, u"b"_s}), nullptr, {}, &error);
    QCOMPARE(choice, u"e-1"_s);
    const QString freeText = inbox.raise(request(u"a1"_s, u"g1"_s, u"Say"_s), nullptr, {});

    QVERIFY(!inbox.answer(u"e-99"_s, u"a"_s, {}, &error));
    QVERIFY2(error.contains(u"unknown escalation"), qPrintable(error));
    QVERIFY(!inbox.answer(choice, u"c"_s, {}, &error));
    QVERIFY2(error.contains(u"\"c\" is not an option") && error.contains(u"a, b"), qPrintable(error));
    QVERIFY(!inbox.answer(choice, {}, u"either"_s, &error));
    QVERIFY2(error.contains(u"needs one of its options"), qPrintable(error));
    QVERIFY(!inbox.answer(freeText, u"a"_s, u"text"_s, &error));
    QVERIFY2(error.contains(u"free-text"), qPrintable(error));
    QVERIFY(!inbox.answer(freeText, {}, u"   "_s, &error));
    QVERIFY2(error.contains(u"empty"), qPrintable(error));
    QCOMPARE(inbox.openCount(), 2); // nothing was closed by a rejected answer

    QVERIFY(inbox.answer(choice, u"b"_s, {}, &error));
    QVERIFY(!inbox.answer(choice, u"a"_s, {}, &error));
    QVERIFY2(error.contains(u"already answered"), qPrintable(error));
    QCOMPARE(inbox.find(choice)->answerOption, u"b"_s); // the first answer stands
    QVERIFY(inbox.cancel(freeText));
    QVERIFY(!inbox.answer(freeText, {}, u"late"_s, &error));
    QVERIFY2(error.contains(u"cancelled"), qPrintable(error));
}

void TestEscalationInbox::invalidRequestsAreRejected()
{
    EscalationInbox inbox;
    auto noQuestion = request(u"a1"_s, u"g1"_s, u"  "_s);
    Outcome outcome = inbox.ask(noQuestion);
    QCOMPARE(outcome.status, Status::Rejected);
    QVERIFY2(outcome.error.contains(u"question"), qPrintable(outcome.error));

    auto noAgent = request({}, u"g1"_s, u"Why?"_s);
    QCOMPARE(inbox.ask(noAgent).status, Status::Rejected);

    auto duplicate = request(u"a1"_s, u"g1"_s, u"Pick"_s, {u"a"_s, u"a"_s});
    outcome = inbox.ask(duplicate);
    QCOMPARE(outcome.status, Status::Rejected);
    QVERIFY2(outcome.error.contains(u"twice"), qPrintable(outcome.error));

    auto badDefault = request(u"a1"_s, u"g1"_s, u"Pick"_s, {u"a"_s, u"b"_s});
    badDefault.timeout = 100ms;
    badDefault.timeoutPolicy = Escalation::TimeoutPolicy::TakeDefault;
    badDefault.defaultOption = u"c"_s;
    outcome = inbox.ask(badDefault);
    QCOMPARE(outcome.status, Status::Rejected);
    QVERIFY2(outcome.error.contains(u"default option"), qPrintable(outcome.error));

    QString error;
    QVERIFY(inbox.raise(noQuestion, nullptr, {}, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    QCOMPARE(inbox.openCount(), 0);
    QVERIFY(inbox.history().isEmpty());
}

void TestEscalationInbox::cancelAgentWakesTheAsker()
{
    EscalationInbox inbox;
    QSignalSpy cancelled(&inbox, &EscalationInbox::escalationCancelled);
    auto ends = std::make_shared<std::atomic<int>>(0);
    EscalationInbox::WaitHooks hooks;
    hooks.onWaitEnd = [ends] { ++*ends; };
    auto asking = askAsync(inbox, request(u"a1"_s, u"g1"_s, u"Proceed?"_s, {u"yes"_s, u"no"_s}), hooks);
    auto other = askAsync(inbox, request(u"a2"_s, u"g2"_s, u"Proceed?"_s, {u"yes"_s, u"no"_s}));
    QTRY_COMPARE(inbox.openCount(), 2);

    QElapsedTimer timer;
    timer.start();
    QCOMPARE(inbox.cancelAgent(u"a1"_s), 1);
    QVERIFY(isReady(asking, 2s));
    QVERIFY(timer.elapsed() < 500);
    const Outcome outcome = asking.get();
    QCOMPARE(outcome.status, Status::Cancelled);
    QCOMPARE(outcome.escalation.state, Escalation::State::Cancelled);
    QCOMPARE(ends->load(), 1);
    QVERIFY(cancelled.wait(2000));
    QCOMPARE(cancelled.at(0).at(0).value<Escalation>().agentId, u"a1"_s);

    QVERIFY(!isReady(other, 50ms)); // another agent's question is untouched
    QCOMPARE(inbox.openCount(), 1);
    QCOMPARE(inbox.cancelAgent(u"a2"_s), 1);
    QVERIFY(isReady(other, 2s));
    QCOMPARE(other.get().status, Status::Cancelled);
}

void TestEscalationInbox::cancelPredicateWakesTheAsker()
{
    EscalationInbox inbox;
    auto flag = std::make_shared<std::atomic<bool>>(false);
    EscalationInbox::WaitHooks hooks;
    hooks.isCancelled = [flag] { return flag->load(); };
    auto asking = askAsync(inbox, request(u"a1"_s, u"g1"_s, u"Proceed?"_s), hooks);
    QTRY_COMPARE(inbox.openCount(), 1);
    QVERIFY(!isReady(asking, 100ms));

    QElapsedTimer timer;
    timer.start();
    flag->store(true);
    QVERIFY(isReady(asking, 2s));
    QVERIFY(timer.elapsed() < 500);
    const Outcome outcome = asking.get();
    QCOMPARE(outcome.status, Status::Cancelled);
    QCOMPARE(inbox.openCount(), 0);
    QCOMPARE(inbox.find(outcome.escalation.id)->state, Escalation::State::Cancelled);

    // Cancelled before asking: nothing is registered.
    QCOMPARE(inbox.ask(request(u"a1"_s, u"g1"_s, u"Another?"_s), hooks).status, Status::Cancelled);
    QCOMPARE(inbox.history().size(), 1);
}

void TestEscalationInbox::humanWithdrawsAQuestion()
{
    EscalationInbox inbox;
    QSignalSpy raised(&inbox, &EscalationInbox::escalationRaised);
    auto asking = askAsync(inbox, request(u"a1"_s, u"g1"_s, u"Proceed?"_s));
    QVERIFY(raised.wait(5000));
    const QString id = raised.at(0).at(0).value<Escalation>().id;
    QVERIFY(inbox.cancel(id, u"not needed"_s));
    QVERIFY(isReady(asking, 2s));
    const Outcome outcome = asking.get();
    QCOMPARE(outcome.status, Status::Cancelled);
    QCOMPARE(outcome.escalation.answeredBy, u"not needed"_s);
    QString error;
    QVERIFY(!inbox.cancel(id, {}, &error));
    QVERIFY(!inbox.cancel(u"e-42"_s, {}, &error));
}

void TestEscalationInbox::timeoutPolicies_data()
{
    QTest::addColumn<Escalation::TimeoutPolicy>("policy");
    QTest::addColumn<Outcome::Status>("expected");
    QTest::addColumn<QString>("option");

    QTest::newRow("fail") << Escalation::TimeoutPolicy::Fail << Status::TimedOut << QString();
    QTest::newRow("take default") << Escalation::TimeoutPolicy::TakeDefault << Status::Answered << u"safe"_s;
    QTest::newRow("cancel") << Escalation::TimeoutPolicy::Cancel << Status::Cancelled << QString();
}

void TestEscalationInbox::timeoutPolicies()
{
    QFETCH(Escalation::TimeoutPolicy, policy);
    QFETCH(Outcome::Status, expected);
    QFETCH(QString, option);

    EscalationInbox inbox;
    QSignalSpy timedOut(&inbox, &EscalationInbox::escalationTimedOut);
    auto r = request(u"a1"_s, u"g1"_s, u"Deploy?"_s, {u"risky"_s, u"safe"_s});
    r.timeout = 200ms;
    r.timeoutPolicy = policy;
    r.defaultOption = u"safe"_s;

    QElapsedTimer timer;
    timer.start();
    const Outcome outcome = inbox.ask(r); // no event loop needed: the asker watches its own deadline
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed >= 190 && elapsed < 3000, qPrintable(QString::number(elapsed)));
    QCOMPARE(outcome.status, expected);
    QVERIFY(outcome.timedOut);
    QCOMPARE(outcome.option, option);
    QCOMPARE(outcome.escalation.state, Escalation::State::TimedOut);
    QCOMPARE(outcome.escalation.answerOption, option);
    QCOMPARE(outcome.escalation.answeredBy, u"timeout"_s);
    if (expected != Status::Answered)
        QVERIFY2(outcome.error.contains(u"no answer"), qPrintable(outcome.error));
    QCOMPARE(inbox.openCount(), 0);
    QVERIFY(timedOut.wait(2000));

    QString error;
    QVERIFY(!inbox.answer(outcome.escalation.id, u"risky"_s, {}, &error));
    QVERIFY2(error.contains(u"timed out"), qPrintable(error));
    // A default taken on timeout is not a human answer: the question is asked again next time.
    r.timeout = 0ms;
    QVERIFY(!inbox.raise(r, nullptr, {}).isEmpty());
    QCOMPARE(inbox.openCount(), 1);
}

void TestEscalationInbox::raiseCallsBackOnTheInboxThread()
{
    EscalationInbox inbox;
    QList<Escalation> calls;
    QThread *callbackThread = nullptr;
    QObject receiver;
    const QString id = inbox.raise(request(u"p1"_s, u"g1"_s, u"Overwrite?"_s, {u"yes"_s, u"no"_s}), &receiver,
                                   [&](const Escalation &e) {
                                       calls.append(e);
                                       callbackThread = QThread::currentThread();
                                   });
    QCOMPARE(id, u"e-1"_s);
    QCOMPARE(inbox.openCount(), 1);

    // Answered from another thread (say a CLI reader); the callback still runs on the receiver's thread.
    std::async(std::launch::async, [&inbox, id] { return inbox.answer(id, u"no"_s, u"keep it"_s); }).get();
    QVERIFY(calls.isEmpty()); // queued, never run inside answer()
    QTRY_COMPARE(calls.size(), 1);
    QCOMPARE(callbackThread, inbox.thread());
    QCOMPARE(calls.at(0).state, Escalation::State::Answered);
    QCOMPARE(calls.at(0).answerOption, u"no"_s);
    QCOMPARE(calls.at(0).answerText, u"keep it"_s);
    QTest::qWait(20);          // a span in which no second call may arrive
    QCOMPARE(calls.size(), 1); // once

    // Without a context it runs on the inbox's thread; cancelAgent reaches raised questions too.
    int cancelledCalls = 0;
    inbox.raise(request(u"p1"_s, u"g1"_s, u"Delete?"_s), nullptr, [&](const Escalation &e) {
        if (e.state == Escalation::State::Cancelled && QThread::currentThread() == inbox.thread())
            ++cancelledCalls;
    });
    QCOMPARE(inbox.cancelAgent(u"p1"_s), 1);
    QTRY_COMPARE(cancelledCalls, 1);
}

void TestEscalationInbox::raiseTimesOutWithoutAnAsker()
{
    EscalationInbox inbox;
    QList<Escalation> calls;
    auto r = request(u"p1"_s, u"g1"_s, u"Continue?"_s, {u"go"_s, u"stop"_s});
    r.timeout = 150ms;
    r.timeoutPolicy = Escalation::TimeoutPolicy::TakeDefault;
    r.defaultOption = u"stop"_s;
    QElapsedTimer timer;
    timer.start();
    inbox.raise(r, nullptr, [&calls](const Escalation &e) { calls.append(e); });
    QTRY_COMPARE_WITH_TIMEOUT(calls.size(), 1, 3000); // the inbox's own timer closes it
    QVERIFY2(timer.elapsed() >= 140, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(calls.at(0).state, Escalation::State::TimedOut);
    QCOMPARE(calls.at(0).answerOption, u"stop"_s);
    QCOMPARE(inbox.openCount(), 0);
}

void TestEscalationInbox::raiseCallbackDroppedWithItsContext()
{
    EscalationInbox inbox;
    int calls = 0;
    auto receiver = std::make_unique<QObject>();
    const QString id = inbox.raise(request(u"p1"_s, u"g1"_s, u"Continue?"_s), receiver.get(),
                                   [&calls](const Escalation &) { ++calls; });
    receiver.reset();
    QVERIFY(inbox.answer(id, {}, u"yes"_s));
    QTest::qWait(50); // a span in which the dropped callback must not run
    QCOMPARE(calls, 0);
}

void TestEscalationInbox::repeatedEscalationsFlagTheGoal()
{
    EscalationInbox inbox;
    QCOMPARE(inbox.repeatThreshold(), 3);
    QSignalSpy flagged(&inbox, &EscalationInbox::goalNeedsHuman);
    inbox.raise(request(u"a1"_s, u"g1"_s, u"q1"_s), nullptr, {});
    inbox.raise(request(u"a1"_s, u"g1"_s, u"q2"_s), nullptr, {});
    inbox.raise(request(u"a2"_s, u"g2"_s, u"q1"_s), nullptr, {});
    QTest::qWait(20); // a span in which nothing may be flagged yet
    QCOMPARE(flagged.count(), 0);
    QVERIFY(!inbox.needsHuman(u"g1"_s));
    QCOMPARE(inbox.escalationCount(u"g1"_s), 2);

    inbox.raise(request(u"a1"_s, u"g1"_s, u"q3"_s), nullptr, {});
    QVERIFY(inbox.needsHuman(u"g1"_s));
    QVERIFY(!inbox.needsHuman(u"g2"_s));
    QCOMPARE(inbox.goalsNeedingHuman(), QStringList{u"g1"_s});
    QVERIFY(flagged.wait(2000));
    QCOMPARE(flagged.at(0).at(0).toString(), u"g1"_s);

    inbox.raise(request(u"a1"_s, u"g1"_s, u"q4"_s), nullptr, {});
    QTest::qWait(20);             // a span in which no second flag may arrive
    QCOMPARE(flagged.count(), 1); // once per goal until a human clears it

    inbox.clearNeedsHuman(u"g1"_s);
    QVERIFY(!inbox.needsHuman(u"g1"_s));
    QCOMPARE(inbox.escalationCount(u"g1"_s), 0);
    inbox.setRepeatThreshold(1);
    inbox.raise(request(u"a1"_s, u"g1"_s, u"q5"_s), nullptr, {});
    QVERIFY(inbox.needsHuman(u"g1"_s));
    QTRY_COMPARE(flagged.count(), 2);
}

void TestEscalationInbox::effectivePriorityAges()
{
    Escalation e;
    e.priority = Priority::Low;
    e.createdAt = QDateTime(QDate(2024, 1, 1), QTime(12, 0), Qt::UTC);
    QCOMPARE(e.effectivePriority(e.createdAt), Priority::Low);
    QCOMPARE(e.effectivePriority(e.createdAt.addSecs(15 * 60 - 1)), Priority::Low);
    QCOMPARE(e.effectivePriority(e.createdAt.addSecs(15 * 60)), Priority::Medium);
    QCOMPARE(e.effectivePriority(e.createdAt.addSecs(30 * 60)), Priority::High);
    QCOMPARE(e.effectivePriority(e.createdAt.addSecs(45 * 60)), Priority::Critical);
    QCOMPARE(e.effectivePriority(e.createdAt.addSecs(5 * 3600)), Priority::Critical); // capped

    // Once closed it stops ageing.
    e.state = Escalation::State::Answered;
    e.answeredAt = e.createdAt.addSecs(16 * 60);
    QCOMPARE(e.effectivePriority(e.createdAt.addSecs(5 * 3600)), Priority::Medium);
}

void TestEscalationInbox::openIsSortedByEffectivePriorityThenAge()
{
    EscalationInbox inbox;
    const QDateTime t0(QDate(2024, 1, 1), QTime(12, 0), Qt::UTC);
    auto now = std::make_shared<QDateTime>(t0);
    inbox.setClock([now] { return *now; });

    auto raiseAt = [&](int minute, const QString &question, Priority priority) {
        *now = t0.addSecs(minute * 60);
        auto r = request(u"a-"_s + question, u"g-"_s + question, question);
        r.priority = priority;
        return inbox.raise(r, nullptr, {});
    };
    raiseAt(0, u"L1"_s, Priority::Low);
    raiseAt(1, u"H1"_s, Priority::High);
    raiseAt(2, u"M1"_s, Priority::Medium);
    raiseAt(3, u"H2"_s, Priority::High);

    auto questions = [](const QList<Escalation> &list) {
        QStringList out;
        for (const Escalation &e : list)
            out.append(e.question);
        return out;
    };
    QCOMPARE(questions(inbox.open(t0.addSecs(3 * 60))), (QStringList{u"H1"_s, u"H2"_s, u"M1"_s, u"L1"_s}));
    // 31 min: L1 waited 31 (low+2 = high), H1 30 (critical), M1 29 (medium+1 = high), H2 28 (high+1 = critical).
    QCOMPARE(questions(inbox.open(t0.addSecs(31 * 60))), (QStringList{u"H1"_s, u"H2"_s, u"L1"_s, u"M1"_s}));
    // 46 min: all critical, so oldest first.
    *now = t0.addSecs(46 * 60);
    QCOMPARE(questions(inbox.open()), (QStringList{u"L1"_s, u"H1"_s, u"M1"_s, u"H2"_s}));
}

void TestEscalationInbox::answeredQuestionIsNotAskedAgain()
{
    EscalationInbox inbox;
    QSignalSpy raised(&inbox, &EscalationInbox::escalationRaised);
    const auto r = request(u"a1"_s, u"g1"_s, u"Which  license?"_s, {u"mit"_s, u"gpl"_s});
    auto first = askAsync(inbox, r);
    QVERIFY(raised.wait(5000));
    QVERIFY(inbox.answer(raised.at(0).at(0).value<Escalation>().id, u"mit"_s, {}));
    QVERIFY(isReady(first, 5s));
    QCOMPARE(first.get().option, u"mit"_s);

    int begins = 0;
    EscalationInbox::WaitHooks hooks;
    hooks.onWaitBegin = [&begins] { ++begins; };
    auto again = r;
    again.question = u" Which license? "_s; // whitespace does not matter
    again.timeout = kSafetyTimeout;
    const Outcome outcome = inbox.ask(again, hooks);
    QCOMPARE(outcome.status, Status::Answered);
    QVERIFY(outcome.fromPriorAnswer);
    QCOMPARE(outcome.option, u"mit"_s);
    QCOMPARE(outcome.escalation.id, u"e-1"_s);
    QCOMPARE(begins, 0);
    QTest::qWait(20); // a span in which no escalation may be raised
    QCOMPARE(raised.count(), 1);

    // Another goal asking the same is a different question; so is one whose options no longer fit.
    auto otherGoal = r;
    otherGoal.goalId = u"g2"_s;
    QCOMPARE(inbox.raise(otherGoal, nullptr, {}), u"e-2"_s);
    auto otherOptions = r;
    otherOptions.options = {{u"apache"_s, {}}, {u"bsd"_s, {}}};
    QCOMPARE(inbox.raise(otherOptions, nullptr, {}), u"e-3"_s);
    auto otherWording = r;
    otherWording.question = u"Which license? (final)"_s;
    QCOMPARE(inbox.raise(otherWording, nullptr, {}), u"e-4"_s);

    // raise() of an answered question returns the earlier id and calls back with its answer.
    QList<Escalation> calls;
    QCOMPARE(inbox.raise(r, nullptr, [&calls](const Escalation &e) { calls.append(e); }), u"e-1"_s);
    QTRY_COMPARE(calls.size(), 1);
    QCOMPARE(calls.at(0).answerOption, u"mit"_s);
}

void TestEscalationInbox::preloadedAnswerReturnsAtOnce()
{
    EscalationInbox inbox;
    Escalation answered;
    answered.id = u"e-7"_s;
    answered.goalId = u"g1"_s;
    answered.agentId = u"a-old"_s; // a retried agent may carry a new id
    answered.question = u"Which DB?"_s;
    answered.options = {{u"pg"_s, u"PostgreSQL"_s}, {u"sqlite"_s, u"SQLite"_s}};
    answered.createdAt = QDateTime::currentDateTimeUtc().addSecs(-600);
    answered.state = Escalation::State::Answered;
    answered.answerOption = u"pg"_s;
    answered.answerText = u"prod parity"_s;
    answered.answeredAt = QDateTime::currentDateTimeUtc().addSecs(-500);
    answered.answeredBy = u"human"_s;
    Escalation stillOpen = answered;
    stillOpen.id = u"e-9"_s;
    stillOpen.question = u"Unanswered?"_s;
    stillOpen.state = Escalation::State::Open;

    QSignalSpy raised(&inbox, &EscalationInbox::escalationRaised);
    QCOMPARE(inbox.preload({answered, stillOpen}), 1);
    QCOMPARE(inbox.openCount(), 0);
    QCOMPARE(inbox.history().size(), 1);

    QElapsedTimer timer;
    timer.start();
    auto sameQuestion = request(u"a-new"_s, u"g1"_s, u"Which DB?"_s, {u"pg"_s, u"sqlite"_s});
    sameQuestion.timeout = kSafetyTimeout;
    const Outcome outcome = inbox.ask(sameQuestion);
    QVERIFY(timer.elapsed() < 500);
    QCOMPARE(outcome.status, Status::Answered);
    QVERIFY(outcome.fromPriorAnswer);
    QCOMPARE(outcome.option, u"pg"_s);
    QCOMPARE(outcome.text, u"prod parity"_s);
    QCOMPARE(outcome.escalation.id, u"e-7"_s);
    QTest::qWait(20); // a span in which no escalation may be raised
    QCOMPARE(raised.count(), 0);
    QCOMPARE(inbox.escalationCount(u"g1"_s), 0);

    // Ids continue after the highest preloaded one (including skipped open ones).
    QCOMPARE(inbox.raise(request(u"a-new"_s, u"g1"_s, u"Something new?"_s), nullptr, {}), u"e-10"_s);
    inbox.setIdFloor(100);
    QCOMPARE(inbox.raise(request(u"a-new"_s, u"g1"_s, u"Newer?"_s), nullptr, {}), u"e-101"_s);
    inbox.setIdFloor(3);
    QCOMPARE(inbox.raise(request(u"a-new"_s, u"g1"_s, u"Newest?"_s), nullptr, {}), u"e-102"_s);
}

void TestEscalationInbox::historyAndFind()
{
    EscalationInbox inbox;
    const QString a = inbox.raise(request(u"a1"_s, u"g1"_s, u"A?"_s), nullptr, {});
    const QString b = inbox.raise(request(u"a1"_s, u"g1"_s, u"B?"_s), nullptr, {});
    const QString c = inbox.raise(request(u"a2"_s, u"g2"_s, u"C?"_s), nullptr, {});
    QVERIFY(inbox.answer(b, {}, u"bee"_s));
    QVERIFY(inbox.cancel(a));
    const QList<Escalation> history = inbox.history();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).id, b); // in the order they closed
    QCOMPARE(history.at(0).state, Escalation::State::Answered);
    QCOMPARE(history.at(1).id, a);
    QCOMPARE(history.at(1).state, Escalation::State::Cancelled);
    QVERIFY(inbox.find(c)->isOpen());
    QVERIFY(!inbox.find(u"e-404"_s));
    QCOMPARE(inbox.forGoal(u"g1"_s).size(), 2);
    QCOMPARE(inbox.open().size(), 1);
}

void TestEscalationInbox::manyAgentsAskAtOnce()
{
    constexpr int kAgents = 32;
    EscalationInbox inbox;
    // The human answers each question as it shows up, from the inbox's thread.
    QString answerError;
    connect(&inbox, &EscalationInbox::escalationRaised, this, [&inbox, &answerError](const Escalation &e) {
        const QString option = e.options.isEmpty() ? QString() : e.options.at(1).key;
        QString error;
        if (!inbox.answer(e.id, option, u"answer for "_s + e.question, &error))
            answerError = error;
    });
    auto slotsHeld = std::make_shared<std::atomic<int>>(0);
    EscalationInbox::WaitHooks hooks;
    hooks.onWaitBegin = [slotsHeld] { --*slotsHeld; };
    hooks.onWaitEnd = [slotsHeld] { ++*slotsHeld; };

    std::vector<std::future<Outcome>> askers;
    for (int i = 0; i < kAgents; ++i) {
        const QStringList options = i % 2 ? QStringList{u"x%1"_s.arg(i), u"y%1"_s.arg(i)} : QStringList{};
        askers.push_back(askAsync(inbox, request(u"a%1"_s.arg(i), u"g%1"_s.arg(i), u"q%1"_s.arg(i), options), hooks));
    }
    QSet<QString> ids;
    for (int i = 0; i < kAgents; ++i) {
        QVERIFY2(waitReady(askers[i], 20000), qPrintable(u"asker %1 never got an answer"_s.arg(i)));
        const Outcome outcome = askers[i].get();
        QCOMPARE(outcome.status, Status::Answered);
        QCOMPARE(outcome.text, u"answer for q%1"_s.arg(i));
        QCOMPARE(outcome.option, i % 2 ? u"y%1"_s.arg(i) : QString());
        QCOMPARE(outcome.escalation.agentId, u"a%1"_s.arg(i));
        ids.insert(outcome.escalation.id);
    }
    QVERIFY2(answerError.isEmpty(), qPrintable(answerError));
    QCOMPARE(ids.size(), kAgents);
    QCOMPARE(slotsHeld->load(), 0); // every wait begin was matched by an end
    QCOMPARE(inbox.openCount(), 0);
    QCOMPARE(inbox.history().size(), kAgents);
}

void TestEscalationInbox::jsonRoundTrip()
{
    Escalation e;
    e.id = u"e-3"_s;
    e.goalId = u"g1"_s;
    e.agentId = u"a1"_s;
    e.trigger = Escalation::Trigger::Security;
    e.question = u"Store the token?"_s;
    e.context = u"found in .env"_s;
    e.options = {{u"yes"_s, u"Yes, encrypted"_s}, {u"no"_s, u"No"_s}};
    e.priority = Priority::Critical;
    e.createdAt = QDateTime(QDate(2024, 5, 1), QTime(8, 30, 15, 120), Qt::UTC);
    e.timeoutMs = 60000;
    e.timeoutPolicy = Escalation::TimeoutPolicy::TakeDefault;
    e.defaultOption = u"no"_s;
    e.state = Escalation::State::Answered;
    e.answerOption = u"yes"_s;
    e.answerText = u"use the keyring"_s;
    e.answeredAt = e.createdAt.addSecs(90);
    e.answeredBy = u"human"_s;

    const QJsonObject json = e.toJson();
    QCOMPARE(json.value(u"trigger").toString(), u"security"_s);
    QCOMPARE(json.value(u"state").toString(), u"answered"_s);
    QString error;
    const auto back = Escalation::fromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object(), &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(*back, e);

    // What a process agent sends: plain string options, a trigger, no ids.
    const auto fromAgent = Escalation::fromJson(
        QJsonDocument::fromJson(R"({"question":"Go?","trigger":"permission","options":["go","stop"]})").object());
    QVERIFY(fromAgent);
    QCOMPARE(fromAgent->trigger, Escalation::Trigger::Permission);
    QCOMPARE(fromAgent->options.size(), 2);
    QCOMPARE(fromAgent->optionLabel(u"stop"_s), u"stop"_s);

    QVERIFY(!Escalation::fromJson(QJsonDocument::fromJson(R"({"question":"Go?","trigger":"vibes"})").object(), &error));
    QVERIFY2(error.contains(u"vibes"), qPrintable(error));
    QVERIFY(!Escalation::fromJson(QJsonDocument::fromJson(R"({"trigger":"data"})").object(), &error));
    QVERIFY2(error.contains(u"question"), qPrintable(error));
    QVERIFY(!Escalation::fromJson(QJsonDocument::fromJson(R"({"question":"Go?","options":"a,b"})").object()));
}

void TestEscalationInbox::enumStrings()
{
    const QList<Escalation::Trigger> triggers{Escalation::Trigger::Architecture, Escalation::Trigger::Security,
                                              Escalation::Trigger::Data,         Escalation::Trigger::Clarification,
                                              Escalation::Trigger::Permission,   Escalation::Trigger::Failure,
                                              Escalation::Trigger::Other};
    QSet<QString> names;
    for (const auto trigger : triggers) {
        const QString name = escalationTriggerToString(trigger);
        names.insert(name);
        QCOMPARE(escalationTriggerFromString(name), trigger);
        QCOMPARE(escalationTriggerFromString(name.toUpper()), trigger);
    }
    QCOMPARE(names.size(), triggers.size());
    QVERIFY(!escalationTriggerFromString(u"nope"_s));
    QCOMPARE(escalationStateFromString(u"timed-out"_s), Escalation::State::TimedOut);
    QCOMPARE(escalationStateToString(Escalation::State::TimedOut), u"timed_out"_s);
    QCOMPARE(escalationTimeoutPolicyFromString(u"take_default"_s), Escalation::TimeoutPolicy::TakeDefault);
    QCOMPARE(escalationTimeoutPolicyFromString(u"default"_s), Escalation::TimeoutPolicy::TakeDefault);
    QCOMPARE(escalationTimeoutPolicyToString(Escalation::TimeoutPolicy::Cancel), u"cancel"_s);
}

QTEST_GUILESS_MAIN(TestEscalationInbox)
#include "tst_escalationinbox.moc"
