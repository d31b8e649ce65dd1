// Model agents' transcripts: what a backend records reaches the orchestrator's live copy and the store
// complete and in order (also with many agents and threads recording at once), bounded per entry, per
// attempt; and the fencing check a backend makes before it writes under a lock.

#include "coordination/LockManager.h"
#include "model/TranscriptLimits.h"
#include "orchestration/AgentLog.h"
#include "orchestration/AgentTranscript.h"
#include "orchestration/AttemptContext.h"
#include "orchestration/Orchestrator.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/ScriptedBackend.h"
#include "support/TemporaryStore.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

using Kind = TranscriptEntry::Kind;

// What a test compares: the fields a backend and the context fill in, without the time.
QStringList shown(const QList<TranscriptEntry> &entries)
{
    QStringList out;
    for (const TranscriptEntry &e : entries) {
        out << u"%1 #%2.%3 %4 [%5|%6|%7] %8 %9/%10/%11"_s.arg(e.agentId)
                   .arg(e.attempt)
                   .arg(e.seq)
                   .arg(transcriptKindName(e.kind), e.toolName, e.toolCallId, e.isError ? u"error"_s : QString(),
                        e.text)
                   .arg(e.inputTokens)
                   .arg(e.outputTokens)
                   .arg(e.costUsd);
    }
    return out;
}

// Counts the live-state notices an AttemptContext posts.
class CountingSink final : public AgentEventSink
{
public:
    void agentLiveStateChanged(const QString &) override { ++notices; }
    std::atomic<int> notices{0};
};

std::unique_ptr<AttemptContext> bareContext(AgentEventSink *sink, int attempt = 1)
{
    return std::make_unique<AttemptContext>(u"a-1"_s, test::GoalBuilder(u"g"_s).goal(),
                                            test::ProfileBuilder::scripted(u"p"_s).profile(), attempt, QString(),
                                            std::make_shared<AgentLog>(), sink);
}

} // namespace

class TestTranscript final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contextNumbersStampsAndHandsOverOnce();
    void contextKeepsOrderAcrossThreads();
    void cutMarkerBoundsOneEntry();
    void liveCopyIsBounded();
    void orchestratorKeepsLiveCopyWithoutStore();
    void orchestratorRecordsTranscriptToStore();
    void retryStartsANewAttempt();
    void manyAgentsRecordConcurrently_data();
    void manyAgentsRecordConcurrently();
    void holdsLockFollowsTheGrant();
};

void TestTranscript::contextNumbersStampsAndHandsOverOnce()
{
    CountingSink sink;
    const auto context = bareContext(&sink, 3);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    TranscriptEntry call;
    call.kind = Kind::ToolCall;
    call.agentId = u"someone else"_s; // filled in by the context, whatever the backend says
    call.attempt = 99;
    call.seq = 42;
    call.toolName = u"read_file"_s;
    call.toolCallId = u"c1"_s;
    call.text = u"{\"path\":\"a.txt\"}"_s;
    context->recordTranscript(call);
    TranscriptEntry result;
    result.kind = Kind::ToolResult;
    result.toolCallId = u"c1"_s;
    result.text = u"hello"_s;
    context->recordTranscript(result);
    QVERIFY(sink.notices.load() >= 1);

    const QList<TranscriptEntry> taken = context->takeTranscript();
    QCOMPARE(shown(taken), (QStringList{u"a-1 #3.0 tool_call [read_file|c1|] {\"path\":\"a.txt\"} 0/0/0"_s,
                                        u"a-1 #3.1 tool_result [|c1|] hello 0/0/0"_s}));
    for (const TranscriptEntry &e : taken) {
        QVERIFY(e.at.isValid());
        QCOMPARE(e.at.timeSpec(), Qt::UTC);
        QVERIFY(e.at >= before.addSecs(-1));
    }
    QVERIFY(taken.at(0).at <= taken.at(1).at);
    // Handed out once; the numbering goes on.
    QVERIFY(context->takeTranscript().isEmpty());
    context->recordTranscript(result);
    QCOMPARE(context->takeTranscript().value(0).seq, 2);
}

void TestTranscript::contextKeepsOrderAcrossThreads()
{
    // A backend may record from several threads (a streaming reader and its loop): every entry gets its own
    // seq, none is lost or doubled, and each thread's entries keep their order.
    constexpr int kThreads = 8;
    constexpr int kPerThread = 500;
    CountingSink sink;
    const auto context = bareContext(&sink);
    QList<TranscriptEntry> taken;
    std::atomic<bool> done{false};
    // The orchestrator's side drains while the agents write.
    std::unique_ptr<QThread> drainer(QThread::create([&] {
        while (!done.load())
            taken += context->takeTranscript();
        taken += context->takeTranscript();
    }));
    drainer->start();
    std::vector<std::unique_ptr<QThread>> writers;
    for (int t = 0; t < kThreads; ++t) {
        writers.emplace_back(QThread::create([&context, t] {
            for (int i = 0; i < kPerThread; ++i) {
                TranscriptEntry e;
                e.kind = Kind::Assistant;
                e.text = u"%1:%2"_s.arg(t).arg(i);
                context->recordTranscript(e);
            }
        }));
        writers.back()->start();
    }
    for (auto &writer : writers)
        QVERIFY(writer->wait(QDeadlineTimer(60000)));
    done.store(true);
    QVERIFY(drainer->wait(QDeadlineTimer(60000)));

    QCOMPARE(taken.size(), kThreads * kPerThread);
    std::vector<int> next(kThreads, 0);
    for (int i = 0; i < taken.size(); ++i) {
        const TranscriptEntry &e = taken.at(i);
        QCOMPARE(e.seq, i);
        const int thread = e.text.section(u':', 0, 0).toInt();
        const int index = e.text.section(u':', 1).toInt();
        QCOMPARE(index, next[size_t(thread)]);
        ++next[size_t(thread)];
        if (i > 0)
            QVERIFY(taken.at(i - 1).at <= e.at);
    }
}

void TestTranscript::cutMarkerBoundsOneEntry()
{
    constexpr qsizetype kMax = TranscriptLimits::kMaxTextBytes;
    QCOMPARE(kMax, 64 * 1024);
    // Fits: untouched, also exactly at the limit.
    const QString exact(kMax, u'a');
    QCOMPARE(TranscriptLimits::boundText(exact), exact);
    QCOMPARE(TranscriptLimits::boundText(u"short ü"_s), u"short ü"_s);

    // One byte over: the first kMax bytes and a marker that says how much went.
    const QString over = QString(kMax, u'a') + u'b';
    QCOMPARE(TranscriptLimits::boundText(over), QString(kMax, u'a') + u"… [cut 1 bytes]"_s);

    // Multi-byte characters: the cut never splits one, and N counts UTF-8 bytes.
    const QString euros(30000, QChar(0x20AC)); // 3 bytes each: 90,000 bytes
    const QString cut = TranscriptLimits::boundText(euros);
    const QString head = cut.section(u"… [cut "_s, 0, 0);
    QCOMPARE(head, QString(21845, QChar(0x20AC))); // 65,535 bytes: the next one would not fit
    QCOMPARE(cut.mid(head.size()), u"… [cut %1 bytes]"_s.arg(90000 - 21845 * 3));
    // The limit falls inside the first emoji (4 bytes, a surrogate pair): it goes whole.
    const QString emoji = QString(kMax - 2, u'x') + u"😀😀😀"_s;
    QCOMPARE(TranscriptLimits::boundText(emoji), QString(kMax - 2, u'x') + u"… [cut 12 bytes]"_s);

    // Through a context: text, tool name and id are all bounded.
    const auto context = bareContext(nullptr);
    TranscriptEntry big;
    big.kind = Kind::ToolResult;
    big.text = u'<' + QString(200000, u'x') + u'>';
    big.toolName = QString(1000, u'n');
    big.toolCallId = QString(1000, u'i');
    context->recordTranscript(big);
    const TranscriptEntry stored = context->takeTranscript().value(0);
    QCOMPARE(stored.text.toUtf8().size(), kMax + u"… [cut 134466 bytes]"_s.toUtf8().size());
    QVERIFY(stored.text.startsWith(u"<xxx"_s));
    QVERIFY(stored.text.endsWith(u"x… [cut 134466 bytes]"_s)); // 200,002 - 65,536 bytes
    QCOMPARE(stored.toolName.size(), TranscriptLimits::kMaxNameChars);
    QCOMPARE(stored.toolCallId.size(), TranscriptLimits::kMaxNameChars);
}

void TestTranscript::liveCopyIsBounded()
{
    AgentTranscript transcript;
    QList<TranscriptEntry> batch;
    for (int i = 0; i < AgentTranscript::kMaxEntries + 10; ++i) {
        TranscriptEntry e;
        e.seq = i;
        batch << e;
    }
    transcript.append(batch);
    QCOMPARE(transcript.total(), qint64(AgentTranscript::kMaxEntries + 10));
    QCOMPARE(transcript.dropped(), 10);
    QCOMPARE(transcript.since(0).size(), AgentTranscript::kMaxEntries);
    QCOMPARE(transcript.since(0).first().seq, 10);
    QCOMPARE(transcript.since(transcript.total() - 2).size(), 2);
    QCOMPARE(transcript.since(transcript.total() - 2).first().seq, AgentTranscript::kMaxEntries + 8);
    QVERIFY(transcript.since(transcript.total()).isEmpty());

    // By size: 64 KiB entries (128 KiB as UTF-16) drop long before the count is reached.
    AgentTranscript large;
    TranscriptEntry e;
    e.text = QString(TranscriptLimits::kMaxTextBytes, u'x');
    for (int i = 0; i < 200; ++i)
        large.append({e});
    QCOMPARE(large.total(), 200);
    QVERIFY(large.dropped() > 100);
    QVERIFY(qsizetype(large.since(0).size()) * e.text.size() * 2 <= AgentTranscript::kMaxBytes);
}

void TestTranscript::orchestratorKeepsLiveCopyWithoutStore()
{
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::ProfileBuilder::scripted(u"p"_s)});
    const QString id = o.spawn(test::GoalBuilder(u"g1"_s).description(
        u"say user Fix the bug\nreply 10 2 0.5 Looking.\ntool c1 list_files {\"path\":\".\"}\ntool-result c1 a.py"_s));
    QVERIFY(o.waitAll(20000));
    qint64 total = 0;
    qint64 dropped = -1;
    const QList<TranscriptEntry> live = o.agentTranscript(id, 0, &total, &dropped);
    QCOMPARE(total, 4);
    QCOMPARE(dropped, 0);
    QCOMPARE(shown(live), (QStringList{u"%1 #1.0 user [||] Fix the bug 0/0/0"_s.arg(id),
                                       u"%1 #1.1 assistant [||] Looking. 10/2/0.5"_s.arg(id),
                                       u"%1 #1.2 tool_call [list_files|c1|] {\"path\":\".\"} 0/0/0"_s.arg(id),
                                       u"%1 #1.3 tool_result [|c1|] a.py 0/0/0"_s.arg(id)}));
    // Only what is new, from a count the caller saw before.
    QCOMPARE(o.agentTranscript(id, 3), live.mid(3));
    QVERIFY(o.agentTranscript(id, 4).isEmpty());
    QVERIFY(o.agentTranscript(u"a-unknown"_s, 0, &total).isEmpty());
    QCOMPARE(total, 0);
}

void TestTranscript::orchestratorRecordsTranscriptToStore()
{
    test::TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    Orchestrator o;
    o.setStore(&db.store());
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::ProfileBuilder::scripted(u"p"_s)});
    const QString script =
        QStringList{
            u"say system You are a coder.\\nUse the tools."_s,
            u"say user Fix the bug"_s,
            u"reply 1234 56 0.0021 Let me look."_s,
            u"tool call_1 read_file {\"path\": \"src/a.py\"}"_s,
            u"tool-result call_1 print('hi')"_s,
            u"tool call_2 write_file {\"path\":\"../x\",\"content\":\"\"}"_s,
            u"tool-error call_2 path escapes the workspace"_s,
            u"say error HTTP 500 from the server"_s,
            u"big-result call_3 100000"_s,
        }
            .join(u'\n');
    const QString id = o.spawn(test::GoalBuilder(u"g1"_s).description(script));
    QVERIFY(!id.isEmpty());
    QVERIFY(o.waitAll(20000));
    QCOMPARE(o.status(id)->state, AgentState::Completed);
    QVERIFY(db.store().flush());

    const QStringList expected{
        u"%1 #1.0 system [||] You are a coder.\nUse the tools. 0/0/0"_s.arg(id),
        u"%1 #1.1 user [||] Fix the bug 0/0/0"_s.arg(id),
        u"%1 #1.2 assistant [||] Let me look. 1234/56/0.0021"_s.arg(id),
        u"%1 #1.3 tool_call [read_file|call_1|] {\"path\": \"src/a.py\"} 0/0/0"_s.arg(id),
        u"%1 #1.4 tool_result [|call_1|] print('hi') 0/0/0"_s.arg(id),
        u"%1 #1.5 tool_call [write_file|call_2|] {\"path\":\"../x\",\"content\":\"\"} 0/0/0"_s.arg(id),
        u"%1 #1.6 tool_result [|call_2|error] path escapes the workspace 0/0/0"_s.arg(id),
        u"%1 #1.7 error [||] HTTP 500 from the server 0/0/0"_s.arg(id),
    };
    const QList<TranscriptEntry> stored = db.store().transcript(id);
    QCOMPARE(stored.size(), 9);
    QCOMPARE(shown(stored).mid(0, 8), expected);
    // The big result was cut to 64 KiB with its marker.
    const TranscriptEntry &big = stored.at(8);
    QCOMPARE(big.toolCallId, u"call_3"_s);
    QVERIFY(big.text.startsWith(u"<xxx"_s));
    QVERIFY2(big.text.endsWith(u"x… [cut %1 bytes]"_s.arg(100000 - TranscriptLimits::kMaxTextBytes)),
             qPrintable(big.text.right(40)));
    // Usage the reply reported is the attempt's too.
    QCOMPARE(o.status(id)->inputTokens, 1234);
    // Once stored, the finished agent's live copy lets its steps go: it still counts them.
    qint64 total = 0;
    qint64 dropped = -1;
    QTRY_VERIFY((o.agentTranscript(id, 0, &total, &dropped), dropped == 9));
    QCOMPARE(total, 9);
    QVERIFY(o.agentTranscript(id).isEmpty());
    // Agents that record nothing have no transcript.
    const QString quiet = o.spawn(test::GoalBuilder(u"g2"_s).description(u"log hi"_s));
    QVERIFY(o.waitAll(20000));
    o.agentTranscript(quiet, 0, &total);
    QCOMPARE(total, 0);
    QVERIFY(db.store().transcript(quiet).isEmpty());
}

void TestTranscript::retryStartsANewAttempt()
{
    test::TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    Orchestrator o;
    o.setStore(&db.store());
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::ProfileBuilder::scripted(u"p"_s).retries(1, {0.05})});
    const QString id = o.spawn(
        test::GoalBuilder(u"g1"_s).description(u"say user go\nsay error boom\nfail-first boom\nsay assistant ok"_s));
    QVERIFY(o.waitAll(20000));
    QCOMPARE(o.status(id)->state, AgentState::Completed);
    QVERIFY(db.store().flush());
    const QStringList expected{
        u"%1 #1.0 user [||] go 0/0/0"_s.arg(id),      u"%1 #1.1 error [||] boom 0/0/0"_s.arg(id),
        u"%1 #2.0 user [||] go 0/0/0"_s.arg(id),      u"%1 #2.1 error [||] boom 0/0/0"_s.arg(id),
        u"%1 #2.2 assistant [||] ok 0/0/0"_s.arg(id),
    };
    QCOMPARE(shown(db.store().transcript(id)), expected);
    // Each ended attempt's steps left the live copy once stored; the count goes on across attempts.
    qint64 total = 0;
    qint64 dropped = -1;
    QTRY_VERIFY((o.agentTranscript(id, 0, &total, &dropped), dropped == 5));
    QCOMPARE(total, 5);
    QCOMPARE(shown(db.store().transcript(id, 2)), expected.mid(2));
}

void TestTranscript::manyAgentsRecordConcurrently_data()
{
    QTest::addColumn<bool>("withStore");
    QTest::newRow("live copy") << false;
    QTest::newRow("store") << true;
}

void TestTranscript::manyAgentsRecordConcurrently()
{
    QFETCH(bool, withStore);
    constexpr int kAgents = 12;
    constexpr int kSteps = 250;
    test::TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    Orchestrator o;
    if (withStore)
        o.setStore(&db.store());
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::ProfileBuilder::scripted(u"p"_s)});
    o.setMaxParallel(kAgents);
    QList<Goal> goals;
    for (int i = 0; i < kAgents; ++i) {
        // Steps interleaved with log lines and progress, so the live-state notices coalesce in every way.
        goals << test::GoalBuilder(u"g%1"_s.arg(i))
                     .description(u"steps %1\nprogress 50\nlog half\nsteps %1\nspam 20\nsteps %1"_s.arg(kSteps / 3))
                     .goal();
    }
    const QStringList ids = o.spawnParallel(goals);
    QCOMPARE(ids.size(), kAgents);
    QVERIFY(o.waitAll(60000));
    if (withStore)
        QVERIFY(db.store().flush());
    const int perAgent = 3 * (kSteps / 3);
    for (const QString &id : ids) {
        const QList<TranscriptEntry> steps = withStore ? db.store().transcript(id) : o.agentTranscript(id);
        QCOMPARE(steps.size(), perAgent);
        for (int i = 0; i < steps.size(); ++i) {
            QCOMPARE(steps.at(i).agentId, id);
            QCOMPARE(steps.at(i).attempt, 1);
            QCOMPARE(steps.at(i).seq, i);
            QCOMPARE(steps.at(i).text, u"step %1"_s.arg(i % (kSteps / 3)));
        }
    }
}

void TestTranscript::holdsLockFollowsTheGrant()
{
    LockManager locks;
    const auto context = bareContext(nullptr);
    // Without a LockManager nothing can be held; only "any grant" is answered yes: nobody to conflict with.
    QVERIFY(context->holdsLock(u"a.txt"_s, 0));
    QVERIFY(!context->holdsLock(u"a.txt"_s, 7));

    context->setCoordination(&locks, nullptr, nullptr);
    QVERIFY(!context->holdsLock(u"src/a.txt"_s, 0));
    const LockManager::Result grant = context->acquireLocks({u"src"_s}, std::chrono::milliseconds(0));
    QVERIFY(grant.ok());
    QVERIFY(context->holdsLock(u"src/a.txt"_s, grant.token));
    QVERIFY(context->holdsLock(u"./src/a.txt"_s, 0));
    QVERIFY(!context->holdsLock(u"lib/a.txt"_s, grant.token));
    QVERIFY(locks.forceRelease(u"src"_s));
    QVERIFY(!context->holdsLock(u"src/a.txt"_s, grant.token));
    QVERIFY(context->hasLostLock());
    const LockManager::Result again = context->acquireLocks({u"src/a.txt"_s}, std::chrono::milliseconds(0));
    QVERIFY(again.ok());
    QVERIFY(context->holdsLock(u"src/a.txt"_s, again.token));
    QVERIFY(!context->holdsLock(u"src/a.txt"_s, grant.token)); // a write fenced by the lost grant is refused
}

QTEST_GUILESS_MAIN(TestTranscript)
#include "tst_transcript.moc"
