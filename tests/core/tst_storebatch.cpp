// A batch's transitions and folded attempts are written in multi-row statements (StoreBatchApplier defers them
// until a write that touches their tables, or a full statement): whatever mix of agents, retries, progress, usage,
// sessions, logs, escalations and new goals a batch holds, the database ends up exactly as with one commit per write,
// and an unknown agent in such a batch still rejects only its own write.
#include "persistence/RunHistory.h"
#include "persistence/Store.h"
#include "persistence/StoreWrite.h"
#include "support/GoalBuilder.h"
#include "support/TemporaryStore.h"
#include "support/TestSupport.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <vector>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

// Every row of the tables a batch writes, in a stable order (transitions, real and implied, by their sequence: the
// order they were written).
QStringList dumpTables(const QString &path)
{
    return test::dumpRows(path,
                          {u"SELECT * FROM goals ORDER BY run_id, id"_s, u"SELECT * FROM agents ORDER BY id"_s,
                           u"SELECT * FROM attempts ORDER BY agent_id, attempt"_s,
                           u"SELECT agent_id, goal_id, attempt, state, at, error FROM transition_log ORDER BY seq"_s,
                           u"SELECT id, run_id, agent_id, state FROM escalations ORDER BY id"_s,
                           u"SELECT agent_id, line FROM agent_log ORDER BY id"_s});
}

AgentStatus statusOf(int agent, AgentState state, int attempt)
{
    AgentStatus s;
    s.agentId = u"a-"_s + QString::number(agent);
    s.goalId = u"g"_s + QString::number(agent);
    s.state = state;
    s.attempt = attempt;
    s.profile = agent % 4 == 0 ? QString() : u"coder"_s; // an empty profile keeps the one recorded
    s.name = u"coder-"_s + QString::number(agent);
    return s;
}

StoreWrite goalAdded(int agent)
{
    return StoreWrite::goalAdded(u"r-1"_s, test::GoalBuilder(u"g"_s + QString::number(agent)),
                                 u"a-"_s + QString::number(agent), u"coder-"_s + QString::number(agent), u"coder"_s,
                                 test::fixedTime(1));
}

// What one agent does in the batch, in its own order; `clock` stamps the transitions.
QList<StoreWrite> storyOf(int agent, quint32 kind, int &clock)
{
    const auto at = [&clock]() { return test::fixedTime(++clock); };
    const auto finished = [&](AgentState state, int attempt, const AgentResult &result) {
        AgentStatus s = statusOf(agent, state, attempt);
        s.error = result.error;
        return StoreWrite::finished(s, result, at());
    };
    const auto running = [&](int attempt) {
        return StoreWrite::transition(statusOf(agent, AgentState::Running, attempt), at());
    };
    const QString id = u"a-"_s + QString::number(agent);
    switch (kind % 8) {
    case 0: // started and completed: folded
        return {running(1), finished(AgentState::Completed, 1, AgentResult::completed(u"done "_s + id))};
    case 1: // progress in between: not folded
        return {running(1), StoreWrite::progress(id, 40, u"compiling"_s),
                finished(AgentState::Failed, 1, AgentResult::failed(u"tests failed"_s, 2))};
    case 2: { // retried, the second attempt folded, usage of the first after its end
        AgentStatus requeued = statusOf(agent, AgentState::Queued, 1);
        requeued.error = u"exit code 3"_s;
        return {running(1), StoreWrite::transition(requeued, at()), StoreWrite::usage(id, 1, 10, 20, 0.5), running(2),
                finished(AgentState::Completed, 2, AgentResult::completed(u"second try"_s))};
    }
    case 3: // two folded attempts of one agent in the same batch
        return {running(1), StoreWrite::transition(statusOf(agent, AgentState::Interrupted, 1), at()), running(2),
                finished(AgentState::Completed, 2, AgentResult::completed(u"résumé ✓"_s))};
    case 4: // a session recorded while running, a log line after the end
        return {running(1), StoreWrite::agentSession(id, 1, u"session-"_s + id),
                finished(AgentState::Completed, 1, AgentResult::completed({})),
                StoreWrite::log(id, {u"line of "_s + id})};
    case 5: { // a question in the middle, answered
        Escalation e;
        e.id = u"e-"_s + QString::number(agent);
        e.agentId = id;
        e.goalId = u"g"_s + QString::number(agent);
        e.question = u"Which way?"_s;
        e.createdAt = test::fixedTime(clock);
        return {running(1), StoreWrite::escalation(e), finished(AgentState::Cancelled, 1, AgentResult::cancelled())};
    }
    case 6: // the session reported after the end: it updates the folded attempt's row, which must exist by then
        return {running(1), finished(AgentState::Completed, 1, AgentResult::completed(u"late"_s)),
                StoreWrite::agentSession(id, 1, u"late-session-"_s + id), StoreWrite::usage(id, 1, 5, 6, 0.25)};
    default: // only started
        return {running(1)};
    }
}

} // namespace

class TestStoreBatch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void multiRowBatchMatchesOneCommitEach_data();
    void multiRowBatchMatchesOneCommitEach();
    void unknownAgentRejectsOnlyItsWrite();
};

void TestStoreBatch::multiRowBatchMatchesOneCommitEach_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("agents");
    for (const quint32 seed : {1u, 2u, 3u})
        QTest::addRow("seed %u, 120 agents", seed) << seed << 120;
    QTest::addRow("one agent") << 7u << 1;
}

void TestStoreBatch::multiRowBatchMatchesOneCommitEach()
{
    QFETCH(quint32, seed);
    QFETCH(int, agents);
    // The agents' stories interleaved at random (each in its own order), and new goals spawned in the middle of
    // the batch with their agents' transitions after them: more than a statement's 32 rows of each kind.
    QRandomGenerator random(seed);
    std::vector<QList<StoreWrite>> stories;
    int clock = 100;
    for (int agent = 1; agent <= agents; ++agent) {
        QList<StoreWrite> story = storyOf(agent, random.bounded(8u), clock);
        if (agent > agents * 3 / 4)
            story.prepend(goalAdded(agent)); // spawned during the batch
        stories.push_back(std::move(story));
    }
    QList<StoreWrite> batch;
    std::vector<qsizetype> next(stories.size(), 0);
    for (qsizetype left = 0;;) {
        left = 0;
        for (size_t i = 0; i < stories.size(); ++i)
            left += stories[i].size() - next[i];
        if (left == 0)
            break;
        size_t pick = random.bounded(quint32(stories.size()));
        while (next[pick] == stories[pick].size())
            pick = (pick + 1) % stories.size();
        batch << stories[pick].at(next[pick]++);
    }

    QStringList results;
    for (const bool together : {true, false}) {
        test::TemporaryStore db;
        QVERIFY2(db.isOpen(), qPrintable(db.error()));
        Store &store = db.store();
        QList<StoreWrite> spawn{StoreWrite::runStarted(u"r-1"_s, u"Run"_s, {}, 4, test::fixedTime(0))};
        for (int agent = 1; agent <= agents * 3 / 4; ++agent)
            spawn << goalAdded(agent);
        QVERIFY(test::submitAndFlush(store, spawn));
        if (together) {
            store.setWritesHeldForTesting(true);
            for (const StoreWrite &write : std::as_const(batch))
                store.submit(write);
            const quint64 before = store.stats().transactions;
            store.setWritesHeldForTesting(false);
            QVERIFY(store.flush());
            QCOMPARE(store.stats().transactions - before, 1u);
            QVERIFY(agents < 10 || store.stats().folded > 32);
        } else {
            for (const StoreWrite &write : std::as_const(batch))
                QVERIFY(test::submitAndFlush(store, {write}));
        }
        QCOMPARE(store.stats().rejected, 0u);
        store.close();
        const QStringList rows = dumpTables(db.path());
        QVERIFY(rows.size() > agents * 3);
        results << rows.join(u'\n');
    }
    QCOMPARE(results.at(0), results.at(1));
}

void TestStoreBatch::unknownAgentRejectsOnlyItsWrite()
{
    test::TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    Store &store = db.store();
    QVERIFY(test::submitAndFlush(
        store, {StoreWrite::runStarted(u"r-1"_s, u"Run"_s, {}, 4, test::fixedTime(0)), goalAdded(1), goalAdded(2)}));
    int clock = 10;
    QList<StoreWrite> batch = storyOf(1, 0, clock);
    const QList<StoreWrite> unknown = storyOf(99, 0, clock); // a-99 was never added
    batch << unknown << storyOf(2, 0, clock);
    QList<bool> committed;
    store.setWritesHeldForTesting(true);
    for (const StoreWrite &write : std::as_const(batch))
        store.submit(write, this, [&committed](bool ok) { committed << ok; });
    store.setWritesHeldForTesting(false);
    QVERIFY(store.flush());
    QTRY_COMPARE(committed.size(), batch.size());
    QCOMPARE(committed, (QList<bool>{true, true, false, false, true, true}));
    QCOMPARE(store.stats().rejected, 2u);
    const RunHistory history = store.history(u"r-1"_s);
    QCOMPARE(history.agents.size(), 2);
    for (const AgentStatus &agent : history.agents)
        QCOMPARE(agent.state, AgentState::Completed);
    QCOMPARE(history.attempts.size(), 2);
    QCOMPARE(history.transitions.size(), 2 + 4); // the Queued ones and a-1's and a-2's start and end
}

QTEST_GUILESS_MAIN(TestStoreBatch)
#include "tst_storebatch.moc"
