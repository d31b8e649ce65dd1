// The table of agent actions on its own: an unknown verb, wrong arguments, and what each verb does to the
// context and replies, with the run's real locks, inbox and scratchpad behind an AttemptContext.
#include "agents/AgentActions.h"
#include "coordination/EscalationInbox.h"
#include "coordination/LockManager.h"
#include "coordination/Scratchpad.h"
#include "llm/WireErrors.h"
#include "model/RateLimitPause.h"
#include "orchestration/AgentLog.h"
#include "orchestration/AttemptContext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

// One attempt with the run's coordination, plus what its agent got back.
struct Fixture
{
    Q_DISABLE_COPY_MOVE(Fixture)

    explicit Fixture(const QString &agentId = u"a-1"_s, bool coordinated = true, QualityPolicy quality = {})
        : context(agentId, goal(), profile(quality), 1, u"/tmp/ws"_s, log, nullptr)
        , call{context, [this](const QJsonObject &message) { replies.append(message); }, &receiver, u"line 3"_s, {}}
    {
        if (coordinated) {
            context.setCoordination(&locks, &inbox, nullptr);
            context.setScratchpad(&scratchpad);
        }
    }

    ~Fixture() { context.cancelLockRequests(); }

    static Goal goal()
    {
        Goal g;
        g.id = u"g-1"_s;
        g.title = u"Goal"_s;
        g.priority = Priority::High;
        return g;
    }

    static AgentProfile profile(const QualityPolicy &quality)
    {
        AgentProfile p;
        p.name = u"runner"_s;
        p.quality = quality;
        return p;
    }

    QString invoke(const char *message)
    {
        const QJsonObject object = json(message);
        return AgentActions::standard().invoke(object.value(u"type").toString(), object, call);
    }

    LockManager locks;
    EscalationInbox inbox;
    Scratchpad scratchpad;
    QObject receiver;
    std::shared_ptr<AgentLog> log = std::make_shared<AgentLog>();
    AttemptContext context;
    QList<QJsonObject> replies;
    AgentActions::Call call;
};

} // namespace

class TestAgentActions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableDescribesEveryVerb();
    void unknownVerb();
    void malformedArguments_data();
    void malformedArguments();
    void argumentsWithoutType();
    void reports();
    void rateLimitBounds_data();
    void rateLimitBounds();
    void logCutsLongLines();
    void resultAndError();
    void iterationLoopStops();
    void scoreStallStops();
    void lockGrantedDeniedAndUnlocked();
    void lockWaitReplies();
    void lockWithoutLockManager();
    void escalateReplies();
    void escalateWithoutInbox();
    void notes();
    void delegateOnlyFromAPlanner();
};

void TestAgentActions::tableDescribesEveryVerb()
{
    const AgentActions &actions = AgentActions::standard();
    const QStringList verbs{u"progress"_s,     u"log"_s,   u"usage"_s,      u"result"_s,  u"error"_s, u"heartbeat"_s,
                            u"rate_limited"_s, u"score"_s, u"iteration"_s,  u"handoff"_s, u"lock"_s,  u"unlock"_s,
                            u"escalate"_s,     u"note"_s,  u"read_notes"_s, u"delegate"_s};
    QStringList names;
    for (const AgentActions::Action &action : actions.actions()) {
        names << action.name;
        QVERIFY2(!action.description.isEmpty(), qPrintable(action.name));
        QCOMPARE(action.schema.value(u"type").toString(), u"object"_s);
        QVERIFY2(action.schema.value(u"properties").isObject(), qPrintable(action.name));
        for (const QJsonValue &required : action.schema.value(u"required").toArray())
            QVERIFY2(action.schema.value(u"properties").toObject().contains(required.toString()),
                     qPrintable(action.name + u": "_s + required.toString()));
        QCOMPARE(actions.find(action.name), &action);
        QCOMPARE(actions.find(action.kind), &action);
    }
    QCOMPARE(names, verbs);

    const QJsonArray tools = actions.toolDescriptions();
    QCOMPARE(tools.size(), verbs.size());
    const QJsonObject lock = tools.at(verbs.indexOf(u"lock"_s)).toObject();
    QCOMPARE(lock.value(u"name").toString(), u"lock"_s);
    QCOMPARE(lock.value(u"parameters").toObject().value(u"required").toArray(), QJsonArray{u"resources"_s});
}

void TestAgentActions::unknownVerb()
{
    Fixture f;
    QCOMPARE(f.invoke(R"({"type":"bogus","x":1})"), u"unknown message type \"bogus\""_s);
    QVERIFY(f.replies.isEmpty());
    QVERIFY(f.log->lines().isEmpty());
    QCOMPARE(f.context.liveState().activity, quint64(0));
}

void TestAgentActions::malformedArguments_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("error");

    QTest::newRow("progress as string") << QByteArray(R"({"type":"progress","progress":"forty"})")
                                        << u"progress must be a number"_s;
    QTest::newRow("empty progress") << QByteArray(R"({"type":"progress"})")
                                    << u"progress message needs \"progress\" or \"step\""_s;
    QTest::newRow("usage negative") << QByteArray(R"({"type":"usage","input_tokens":-5})")
                                    << u"input_tokens must be a non-negative integer"_s;
    QTest::newRow("score without value") << QByteArray(R"({"type":"score"})") << u"score message needs \"value\""_s;
    QTest::newRow("lock without resources")
        << QByteArray(R"({"type":"lock"})") << u"lock message needs \"resources\""_s;
    QTest::newRow("lock empty resources")
        << QByteArray(R"({"type":"lock","resources":[]})") << u"resources must not be empty"_s;
    QTest::newRow("lock timeout as string")
        << QByteArray(R"({"type":"lock","resources":["a"],"timeout_s":"x"})") << u"timeout_s must be a number"_s;
    QTest::newRow("unlock resources not a list")
        << QByteArray(R"({"type":"unlock","resources":"a"})") << u"resources must be a list of strings"_s;
    QTest::newRow("escalate without question")
        << QByteArray(R"({"type":"escalate","id":"q1"})") << u"escalate message needs \"question\" (a string)"_s;
    QTest::newRow("escalate options not a list")
        << QByteArray(R"({"type":"escalate","question":"?","options":"a"})") << u"options must be a list"_s;
    QTest::newRow("note blank key") << QByteArray(R"({"type":"note","key":" ","text":"x"})")
                                    << u"note message needs \"key\" (a non-empty string)"_s;
    QTest::newRow("read_notes keys not strings")
        << QByteArray(R"({"type":"read_notes","keys":[1]})") << u"read_notes: keys must be a list of strings"_s;
    QTest::newRow("handoff without data") << QByteArray(R"({"type":"handoff"})") << u"handoff message needs \"data\""_s;
    QTest::newRow("error without message")
        << QByteArray(R"({"type":"error","kind":"x"})") << u"error message needs \"message\" (a string)"_s;
}

void TestAgentActions::malformedArguments()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, error);
    Fixture f;
    QCOMPARE(f.invoke(message.constData()), error);
    // Nothing was done: no reply, no report, no lock.
    QVERIFY(f.replies.isEmpty());
    QCOMPARE(f.context.liveState().activity, quint64(0));
    QVERIFY(f.locks.heldBy(u"a-1"_s).isEmpty());
    QCOMPARE(f.inbox.openCount(), 0);
    QVERIFY(!f.call.outcome.hasResult);
}

void TestAgentActions::argumentsWithoutType()
{
    // A model's tool call names the action apart from its arguments: errors still name the verb.
    Fixture f;
    QCOMPARE(AgentActions::standard().invoke(u"score"_s, {}, f.call), u"score message needs \"value\""_s);
    QCOMPARE(AgentActions::standard().invoke(u"progress"_s, json(R"({"progress":30})"), f.call), QString());
    QCOMPARE(f.context.liveState().progress, 30);
}

void TestAgentActions::reports()
{
    Fixture f;
    QCOMPARE(f.invoke(R"({"type":"progress","progress":40,"step":"Writing"})"), QString());
    QCOMPARE(f.context.liveState().progress, 40);
    QCOMPARE(f.context.liveState().step, u"Writing"_s);
    f.invoke(R"({"type":"progress","progress":55})");
    QCOMPARE(f.context.liveState().step, u"Writing"_s);
    f.invoke(R"({"type":"progress","step":"Testing"})");
    QCOMPARE(f.context.liveState().progress, 55);
    QCOMPARE(f.context.liveState().step, u"Testing"_s);

    f.invoke(R"({"type":"usage","input_tokens":100,"output_tokens":20,"cost_usd":0.5})");
    f.invoke(R"({"type":"usage","output_tokens":1})");
    QCOMPARE(f.context.liveState().inputTokens, qint64(100));
    QCOMPARE(f.context.liveState().outputTokens, qint64(21));
    QCOMPARE(f.context.liveState().costUsd, 0.5);

    f.invoke(R"({"type":"log","text":"compiling"})");
    QCOMPARE(f.log->lines(), QStringList{u"compiling"_s});
    QCOMPARE(f.call.outcome.lastOutput, u"compiling"_s);

    const quint64 before = f.context.liveState().activity;
    f.invoke(R"({"type":"heartbeat"})");
    QCOMPARE(f.context.liveState().activity, before + 1);

    f.invoke(R"({"type":"rate_limited"})");
    QCOMPARE(f.context.takeLiveState().rateLimitedForS, 60);
    f.invoke(R"({"type":"rate_limited","retry_after_s":0.2})");
    QCOMPARE(f.context.takeLiveState().rateLimitedForS, 1);

    f.invoke(R"({"type":"handoff","data":{"schema":"users"}})");
    QVERIFY(f.context.liveState().handedOff);
    QCOMPARE(f.context.liveState().handoffData, uR"({"schema":"users"})"_s);
    QVERIFY(f.replies.isEmpty()); // none of these is answered
}

void TestAgentActions::rateLimitBounds_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<int>("pausedS");     // 0: nothing paused
    QTest::addColumn<QString>("refusal"); // what invoke() says of a malformed message
    QTest::addColumn<QString>("logged");  // the line in the agent's log ("" = none)

    const QString cut = u"[a-7] rate limit: retry_after_s %1 is longer than the maximum of 600 s; pausing 600 s"_s;
    QTest::newRow("3000") << QByteArray("3000") << 600 << QString() << cut.arg(u"3000"_s);
    QTest::newRow("2^31") << QByteArray("2147483648") << 600 << QString() << cut.arg(u"2147483648"_s);
    QTest::newRow("1e12") << QByteArray("1e12") << 600 << QString() << cut.arg(u"1e+12"_s);
    QTest::newRow("1e300") << QByteArray("1e300") << 600 << QString() << cut.arg(u"1e+300"_s);
    QTest::newRow("-5") << QByteArray("-5") << 0 << QString()
                        << u"[a-7] rate limit ignored: retry_after_s -5 is negative"_s;
    QTest::newRow("abc") << QByteArray("\"abc\"") << 0 << u"retry_after_s must be a number"_s << QString();
    QTest::newRow("the maximum") << QByteArray("600") << 600 << QString() << QString();
    QTest::newRow("0") << QByteArray("0") << 1 << QString() << QString();
    QTest::newRow("2.5") << QByteArray("2.5") << 3 << QString() << QString();
}

// A rate limit pauses for at most RateLimitPause::MaxS: a longer hint is cut (and said so), nonsense is refused
// with a line naming the agent, and nothing overflows into a short pause.
void TestAgentActions::rateLimitBounds()
{
    QFETCH(QByteArray, message);
    QFETCH(int, pausedS);
    QFETCH(QString, refusal);
    QFETCH(QString, logged);
    QCOMPARE(RateLimitPause::MaxS, 600);
    Fixture f(u"a-7"_s);
    const QByteArray line = R"({"type":"rate_limited","retry_after_s":)" + message + '}';
    QCOMPARE(f.invoke(line.constData()), refusal);
    QCOMPARE(f.context.takeLiveState().rateLimitedForS, pausedS);
    QCOMPARE(f.log->lines(), logged.isEmpty() ? QStringList() : QStringList{logged});

    // A model server's Retry-After header goes the same way, in whole seconds that never overflow.
    bool numeric = false;
    const double seconds = message.toDouble(&numeric);
    if (numeric && seconds >= 0) {
        Fixture model(u"a-8"_s);
        model.context.reportRateLimit(llm::wire::parseRetryAfter(message, {}, QDateTime::currentDateTimeUtc()));
        QCOMPARE(model.context.takeLiveState().rateLimitedForS, pausedS);
    }
}

void TestAgentActions::logCutsLongLines()
{
    Fixture f;
    const QString text(AgentActions::MaxLogLineBytes + 10, u'x');
    QCOMPARE(AgentActions::standard().invoke(u"log"_s, QJsonObject{{u"text"_s, text}}, f.call), QString());
    const QString expected = QString(AgentActions::MaxLogLineBytes, u'x') + u" … [line truncated: 10 more bytes]"_s;
    QCOMPARE(f.log->lines(), QStringList{expected});
    QCOMPARE(f.call.outcome.lastOutput, expected);
}

void TestAgentActions::resultAndError()
{
    Fixture f;
    f.invoke(R"({"type":"error","message":"quota exhausted"})");
    QCOMPARE(f.call.outcome.errorMessage, u"quota exhausted"_s);
    QCOMPARE(f.call.outcome.errorKind, u"exit"_s);
    f.invoke(R"({"type":"error","message":"slow down","kind":"rate_limit"})");
    QCOMPARE(f.call.outcome.errorKind, u"rate_limit"_s);
    QVERIFY(!f.call.outcome.hasResult);
    f.invoke(R"({"type":"result","summary":"All done"})");
    QVERIFY(f.call.outcome.hasResult);
    QCOMPARE(f.call.outcome.summary, u"All done"_s);
    QVERIFY(!f.context.isCancelled());
}

void TestAgentActions::iterationLoopStops()
{
    Fixture f;
    f.invoke(R"({"type":"iteration","output":"same"})");
    QVERIFY(!f.context.isCancelled());
    f.invoke(R"({"type":"iteration","output":"same","score":1})");
    QVERIFY(f.context.isCancelled());
    QCOMPARE(f.context.stopKind(), u"loop"_s);
    QVERIFY2(f.context.stopReason().startsWith(u"loop detected"_s), qPrintable(f.context.stopReason()));
}

void TestAgentActions::scoreStallStops()
{
    QualityPolicy quality;
    quality.maxIterationsWithoutImprovement = 2;
    Fixture f(u"a-1"_s, true, quality);
    f.invoke(R"({"type":"score","value":1})");
    f.invoke(R"({"type":"score","value":1})");
    QVERIFY(!f.context.isCancelled());
    f.invoke(R"({"type":"score","value":1.001})");
    QVERIFY(f.context.isCancelled());
    QCOMPARE(f.context.stopKind(), u"no_improvement"_s);
}

void TestAgentActions::lockGrantedDeniedAndUnlocked()
{
    Fixture a;
    Fixture b(u"a-2"_s);
    b.context.setCoordination(&a.locks, &a.inbox, nullptr); // one run: the same lock manager

    QCOMPARE(a.invoke(R"({"type":"lock","resources":["src/a.py","db:schema"],"timeout_s":0})"), QString());
    QCOMPARE(a.replies.size(), 1); // answered at once
    const QJsonObject granted = a.replies.takeFirst();
    QCOMPARE(granted.value(u"type").toString(), u"lock_granted"_s);
    QCOMPARE(granted.value(u"resources").toArray(), (QJsonArray{u"src/a.py"_s, u"db:schema"_s}));
    QVERIFY(granted.value(u"token").toInteger() > 0);
    QVERIFY(a.locks.isHeld(u"db:schema"_s));
    const qint64 token = granted.value(u"token").toInteger();
    QCOMPARE(granted.value(u"tokens").toObject(), (QJsonObject{{u"src/a.py"_s, token}, {u"db:schema"_s, token}}));

    // Asking again for what it holds: granted with the holder's current token, never 0.
    a.invoke(R"({"type":"lock","resources":["./src/a.py"],"timeout_s":0})");
    QCOMPARE(a.replies.size(), 1);
    const QJsonObject again = a.replies.takeFirst();
    QCOMPARE(again.value(u"type").toString(), u"lock_granted"_s);
    QCOMPARE(again.value(u"token").toInteger(), token);
    QCOMPARE(again.value(u"tokens").toObject(), (QJsonObject{{u"src/a.py"_s, token}}));

    b.invoke(R"({"type":"lock","resources":["db:schema"],"timeout_s":0})");
    QCOMPARE(b.replies.size(), 1);
    QCOMPARE(b.replies.first(), json(R"({"type":"lock_denied","resources":["db:schema"],
                                         "reason":"held: db:schema by a-1"})"));

    a.invoke(R"({"type":"unlock","resources":["db:schema"]})");
    QVERIFY(!a.locks.isHeld(u"db:schema"_s));
    QVERIFY(a.locks.isHeld(u"src/a.py"_s));
    a.invoke(R"({"type":"lock","resources":["db:main"],"timeout_s":0})");
    a.invoke(R"({"type":"unlock"})"); // no resources: everything it holds
    QVERIFY(a.locks.heldBy(u"a-1"_s).isEmpty());
    QCOMPARE(a.replies.size(), 1); // the db:main grant; unlock is not answered
}

void TestAgentActions::lockWaitReplies()
{
    Fixture a;
    Fixture b(u"a-2"_s);
    b.context.setCoordination(&a.locks, &a.inbox, nullptr);
    a.invoke(R"({"type":"lock","resources":["db:schema"]})");
    QCOMPARE(a.replies.size(), 1);

    // Busy and willing to wait: no answer yet, the agent waits without a run slot.
    b.invoke(R"({"type":"lock","resources":["db:schema"]})");
    QVERIFY(b.replies.isEmpty());
    QTRY_COMPARE(a.locks.waitingCount(), 1);
    a.invoke(R"({"type":"unlock"})");
    QTRY_COMPARE(b.replies.size(), 1);
    QCOMPARE(b.replies.first().value(u"type").toString(), u"lock_granted"_s);
    QCOMPARE(a.locks.heldBy(u"a-2"_s), QStringList{u"db:schema"_s});

    // A wait with a timeout ends with lock_denied "timed out ..."; one still waiting when the agent is done ends
    // without an answer.
    a.invoke(R"({"type":"lock","resources":["db:schema"],"timeout_s":0.05})");
    QTRY_COMPARE(a.replies.size(), 2);
    QVERIFY(a.replies.last().value(u"reason").toString().startsWith(u"timed out"_s));
    a.invoke(R"({"type":"lock","resources":["db:schema"]})");
    QTRY_COMPARE(a.locks.waitingCount(), 1);
    a.context.cancelLockRequests();
    QCOMPARE(a.locks.waitingCount(), 0);
    QTest::qWait(20);
    QCOMPARE(a.replies.size(), 2);
}

void TestAgentActions::lockWithoutLockManager()
{
    Fixture f(u"a-1"_s, false);
    f.invoke(R"({"type":"lock","resources":["db:x"]})");
    QCOMPARE(f.replies, QList<QJsonObject>{json(R"({"type":"lock_denied","resources":["db:x"],
                                                     "reason":"locks are not available"})")});
    f.invoke(R"({"type":"unlock"})");
    QCOMPARE(f.replies.size(), 1);
}

void TestAgentActions::escalateReplies()
{
    Fixture f;
    QSignalSpy raised(&f.inbox, &EscalationInbox::escalationRaised);
    QCOMPARE(f.invoke(R"({"type":"escalate","id":"q1","trigger":"architecture","question":"REST or gRPC?",
                          "context":"Both fit.","options":["REST",{"key":"grpc","label":"gRPC"}]})"),
             QString());
    QTRY_COMPARE(raised.size(), 1);
    const Escalation e = raised.first().first().value<Escalation>();
    QCOMPARE(e.agentId, u"a-1"_s);
    QCOMPARE(e.goalId, u"g-1"_s);
    QCOMPARE(e.priority, Priority::High);
    QCOMPARE(e.trigger, Escalation::Trigger::Architecture);
    QCOMPARE(e.options.size(), 2);
    QCOMPARE(e.options.at(1).key, u"grpc"_s);
    QVERIFY(f.replies.isEmpty());

    QVERIFY(f.inbox.answer(e.id, u"grpc"_s, u"we need streaming"_s));
    QTRY_COMPARE(f.replies.size(), 1);
    QCOMPARE(f.replies.first(), (QJsonObject{{u"type"_s, u"answer"_s},
                                             {u"id"_s, u"q1"_s},
                                             {u"escalation"_s, e.id},
                                             {u"option"_s, u"grpc"_s},
                                             {u"text"_s, u"we need streaming"_s}}));

    // Refused by the inbox (an option key twice): answered with the error at once, and logged.
    f.invoke(R"({"type":"escalate","id":"q2","question":"Which?","options":["a","a"]})");
    QCOMPARE(f.replies.size(), 2);
    QCOMPARE(f.replies.last().value(u"id").toString(), u"q2"_s);
    const QString error = f.replies.last().value(u"error").toString();
    QVERIFY(!error.isEmpty());
    QVERIFY(f.log->lines().contains(u"[a-1] escalation refused: "_s + error));
}

void TestAgentActions::escalateWithoutInbox()
{
    Fixture f(u"a-1"_s, false);
    f.invoke(R"({"type":"escalate","id":7,"question":"Which?"})");
    QCOMPARE(f.replies, QList<QJsonObject>{json(R"({"type":"answer","id":"7",
                                                     "error":"no escalation inbox is available"})")});
    QVERIFY(f.log->lines().isEmpty());
}

void TestAgentActions::delegateOnlyFromAPlanner()
{
    Fixture f;
    // Wrong arguments are malformed (nothing done); a well-formed step from an agent that is no planner is refused.
    QCOMPARE(f.invoke(R"({"type":"delegate","worker":"writer"})"),
             u"delegate message needs \"task\" (a non-empty string)"_s);
    QCOMPARE(f.invoke(R"({"type":"delegate","task":"x"})"),
             u"delegate message needs \"worker\" (a non-empty string)"_s);
    QVERIFY(f.replies.isEmpty());
    QCOMPARE(f.invoke(R"({"type":"delegate","worker":"writer","task":"draft"})"), QString());
    QCOMPARE(f.replies.size(), 1);
    const QJsonObject refused = f.replies.first();
    QCOMPARE(refused.value(u"type").toString(), u"delegate_refused"_s);
    QCOMPARE(refused.value(u"worker").toString(), u"writer"_s);
    QCOMPARE(refused.value(u"reason").toString(),
             u"this agent is not a team's planner: it has no workers to delegate to"_s);
    QCOMPARE(f.log->lines().last(), u"[a-1] delegation refused on line 3: "_s + refused.value(u"reason").toString());
    QVERIFY(f.context.delegations().isEmpty());
}

void TestAgentActions::notes()
{
    Fixture f;
    QCOMPARE(f.invoke(R"({"type":"note","key":"db","text":"PostgreSQL 15"})"), QString());
    QVERIFY(f.replies.isEmpty()); // a written note is not answered
    QVERIFY(f.scratchpad.write(u"api"_s, u"REST"_s, QString()));

    f.invoke(R"({"type":"read_notes","keys":["db","api","missing"]})");
    QCOMPARE(f.replies.size(), 1);
    const QJsonObject reply = f.replies.takeFirst();
    QCOMPARE(reply.value(u"type").toString(), u"notes"_s);
    const QJsonArray notes = reply.value(u"notes").toArray();
    QCOMPARE(notes.size(), 2);
    QCOMPARE(notes.at(0).toObject().value(u"key").toString(), u"db"_s);
    QCOMPARE(notes.at(0).toObject().value(u"text").toString(), u"PostgreSQL 15"_s);
    QCOMPARE(notes.at(0).toObject().value(u"author").toString(), u"a-1"_s);
    QVERIFY(QDateTime::fromString(notes.at(0).toObject().value(u"at").toString(), Qt::ISODateWithMs).isValid());
    QCOMPARE(notes.at(1).toObject().value(u"author").toString(), u"human"_s);

    const QString longKey(Scratchpad::kMaxKeyLength + 1, u'k');
    QCOMPARE(AgentActions::standard().invoke(u"note"_s, QJsonObject{{u"key"_s, longKey}, {u"text"_s, u"x"_s}}, f.call),
             QString());
    QCOMPARE(f.replies.size(), 1);
    const QJsonObject refused = f.replies.first();
    QCOMPARE(refused.value(u"type").toString(), u"note_refused"_s);
    QCOMPARE(refused.value(u"key").toString(), longKey);
    const QString why = refused.value(u"reason").toString();
    QVERIFY(!why.isEmpty());
    QCOMPARE(f.log->lines().last(), u"[a-1] note refused on line 3: "_s + why);

    Fixture bare(u"a-2"_s, false);
    bare.invoke(R"({"type":"read_notes"})");
    QCOMPARE(bare.replies, QList<QJsonObject>{json(R"({"type":"notes","notes":[]})")});
}

QTEST_GUILESS_MAIN(TestAgentActions)
#include "tst_agentactions.moc"
