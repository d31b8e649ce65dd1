// Schema version 11 writes no row for the transitions an agent's or an attempt's row already says (the Queued at
// spawn, an attempt's Running and its end). Readers must still get back every transition one row per transition gave:
// the same states, times, errors and attempts, in the same order across agents, whatever mix of retries, failures,
// cancellations, questions, reviews and reruns was written, however it was batched, across restarts, and from a
// database written by version 10 and migrated.
#include "persistence/MetricsCalculator.h"
#include "persistence/ReportWriter.h"
#include "persistence/RunHistory.h"
#include "persistence/Store.h"
#include "persistence/StoreRecovery.h"
#include "persistence/StoreSchema.h"
#include "persistence/StoreWrite.h"
#include "support/GoalBuilder.h"
#include "support/TemporaryStore.h"
#include "support/TestSupport.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

#include <map>
#include <vector>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

QString agentIdOf(int agent)
{
    return u"a-"_s + QString::number(agent);
}

QString goalIdOf(int agent)
{
    return u"g"_s + QString::number(agent);
}

AgentStatus statusOf(const QString &agentId, const QString &goalId, AgentState state, int attempt,
                     const QString &error = {})
{
    AgentStatus s;
    s.agentId = agentId;
    s.goalId = goalId;
    s.state = state;
    s.attempt = attempt;
    s.error = error;
    s.profile = u"coder"_s;
    s.name = u"coder-"_s + agentId;
    return s;
}

StoreWrite goalAdded(const QString &goalId, const QString &agentId, const QDateTime &at)
{
    return StoreWrite::goalAdded(u"r-1"_s, test::GoalBuilder(goalId).title(u"Goal "_s + goalId), agentId,
                                 u"coder-"_s + agentId, u"coder"_s, at);
}

// One agent's writes in its own order; `clock` stamps them (so times do not follow the order of the batch).
QList<StoreWrite> storyOf(int agent, int kind, int &clock)
{
    const QString id = agentIdOf(agent);
    const QString goal = goalIdOf(agent);
    const auto at = [&clock]() { return test::fixedTime(++clock); };
    const auto to = [&](AgentState state, int attempt, const QString &error = {}) {
        return StoreWrite::transition(statusOf(id, goal, state, attempt, error), at());
    };
    const auto finished = [&](int attempt, const AgentResult &result) {
        return StoreWrite::finished(statusOf(id, goal, AgentState::Running, attempt, result.error), result, at());
    };
    switch (kind) {
    case 0: // completed
        return {to(AgentState::Running, 1), finished(1, AgentResult::completed(u"done"_s))};
    case 1: // failed with an exit code, progress in between
        return {to(AgentState::Running, 1), StoreWrite::progress(id, 40, u"compiling"_s),
                finished(1, AgentResult::failed(u"tests failed"_s, 2))};
    case 2: // retried: the second start still carries the first error (a row of its own); usage in between
        return {to(AgentState::Running, 1), to(AgentState::Queued, 1, u"exit code 3"_s),
                StoreWrite::usage(id, 2, 10, 20, 0.5), to(AgentState::Running, 2, u"exit code 3"_s),
                finished(2, AgentResult::completed(u"second try"_s))};
    case 3: { // a question: waiting for the human, then running again in the same attempt
        Escalation e;
        e.id = u"e-"_s + QString::number(agent);
        e.agentId = id;
        e.goalId = goal;
        e.question = u"Which way?"_s;
        e.createdAt = test::fixedTime(clock);
        return {to(AgentState::Running, 1), StoreWrite::escalation(e), to(AgentState::Escalated, 1),
                to(AgentState::Running, 1), finished(1, AgentResult::completed({}))};
    }
    case 4: // waiting for a lock, then failed
        return {to(AgentState::Running, 1), to(AgentState::WaitingForLock, 1), to(AgentState::Running, 1),
                finished(1, AgentResult::failed(u"lock lost"_s))};
    case 5: // cancelled while queued
        return {to(AgentState::Cancelled, 0, u"cancelled by the user"_s)};
    case 6: // blocked by a dependency, then skipped
        return {to(AgentState::Blocked, 0), to(AgentState::Skipped, 0, u"dependency failed"_s)};
    case 7: // review, then merged: the end of the attempt is written twice
        return {to(AgentState::Running, 1), to(AgentState::Review, 1), to(AgentState::Completed, 1)};
    case 8: // interrupted, retried, cancelled; the job recorded before the start
        return {to(AgentState::Running, 1), to(AgentState::Interrupted, 1, u"Switchboard stopped"_s),
                StoreWrite::executor({id, 2, {}, u"job-"_s + id, {}}), to(AgentState::Running, 2),
                finished(2, AgentResult::cancelled())};
    case 9: // paused and resumed, then interrupted
        return {to(AgentState::Running, 1), to(AgentState::Paused, 1), to(AgentState::Running, 1),
                to(AgentState::Interrupted, 1, u"Switchboard stopped"_s)};
    case 10: // review, then discarded
        return {to(AgentState::Running, 1), to(AgentState::Review, 1), to(AgentState::Cancelled, 1, u"discarded"_s)};
    case 11: { // failed, then rerun on a new agent for the same goal
        const QString rerun = id + u"r"_s;
        const auto again = [&](AgentState state, int attempt) {
            return StoreWrite::transition(statusOf(rerun, goal, state, attempt), at());
        };
        return {to(AgentState::Running, 1), finished(1, AgentResult::failed(u"flaky"_s)), goalAdded(goal, rerun, at()),
                again(AgentState::Running, 1), again(AgentState::Completed, 1)};
    }
    default: // still running, a session recorded
        return {to(AgentState::Running, 1), StoreWrite::agentSession(id, 1, u"session-"_s + id)};
    }
}
constexpr int kKinds = 13;

// What one row per transition recorded for these writes: every transition in the order written, and each new
// agent's Queued (attempt 0).
QList<TransitionRecord> transitionsOf(const QList<StoreWrite> &writes)
{
    QList<TransitionRecord> result;
    for (const StoreWrite &write : writes) {
        if (const auto *g = std::get_if<StoreWrite::GoalAdded>(&write.payload())) {
            result.append({g->agentId, g->goal.id, 0, AgentState::Queued, g->at, {}});
        } else if (const auto *t = std::get_if<StoreWrite::Transition>(&write.payload())) {
            result.append({t->agentId, t->goalId, t->attempt, t->state, t->at, t->error});
        }
    }
    return result;
}

QStringList lines(const QList<TransitionRecord> &transitions)
{
    QStringList result;
    for (const TransitionRecord &t : transitions)
        result << u"%1|%2|%3|%4|%5|%6"_s.arg(t.agentId, t.goalId)
                      .arg(t.attempt)
                      .arg(agentStateToString(t.state), t.at.toString(Qt::ISODateWithMs), t.error);
    return result;
}

// The agents' stories interleaved at random, each in its own order, after the spawn of three quarters of them
// (the others are spawned in the middle).
QList<StoreWrite> workload(quint32 seed, int agents)
{
    QRandomGenerator random(seed);
    int clock = 100;
    QList<StoreWrite> writes{StoreWrite::runStarted(u"r-1"_s, u"Run"_s, {}, 4, test::fixedTime(0))};
    std::vector<QList<StoreWrite>> stories;
    for (int agent = 1; agent <= agents; ++agent) {
        QList<StoreWrite> story = storyOf(agent, (agent - 1) % kKinds, clock);
        const StoreWrite spawn = goalAdded(goalIdOf(agent), agentIdOf(agent), test::fixedTime(1 + agent % 7));
        if (agent > agents * 3 / 4)
            story.prepend(spawn);
        else
            writes << spawn;
        stories.push_back(std::move(story));
    }
    std::vector<qsizetype> next(stories.size(), 0);
    for (;;) {
        qsizetype left = 0;
        for (size_t i = 0; i < stories.size(); ++i)
            left += stories[i].size() - next[i];
        if (left == 0)
            break;
        size_t pick = random.bounded(quint32(stories.size()));
        while (next[pick] == stories[pick].size())
            pick = (pick + 1) % stories.size();
        writes << stories[pick].at(next[pick]++);
    }
    return writes;
}

enum class Batching
{
    OneBatch,
    OneCommitEach,
    ChunksAcrossRestarts
};

// Writes them as asked; false with a message on failure.
bool write(test::TemporaryStore &db, const QList<StoreWrite> &writes, Batching batching, quint32 seed, QString *error)
{
    Store &store = db.store();
    switch (batching) {
    case Batching::OneBatch:
        store.setWritesHeldForTesting(true);
        for (const StoreWrite &w : writes)
            store.submit(w);
        store.setWritesHeldForTesting(false);
        if (!store.flush()) {
            *error = u"flush failed"_s;
            return false;
        }
        break;
    case Batching::OneCommitEach:
        for (const StoreWrite &w : writes) {
            if (!test::submitAndFlush(store, {w})) {
                *error = u"a write failed"_s;
                return false;
            }
        }
        break;
    case Batching::ChunksAcrossRestarts: {
        // The sequence goes on across restarts, also when the last numbers taken were implied ones.
        QRandomGenerator random(seed * 31 + 7);
        for (qsizetype i = 0; i < writes.size();) {
            const qsizetype n = std::min<qsizetype>(writes.size() - i, 1 + random.bounded(40));
            if (!test::submitAndFlush(store, writes.mid(i, n))) {
                *error = u"a chunk failed"_s;
                return false;
            }
            i += n;
            if (random.bounded(3) == 0) {
                store.close();
                if (!store.open(db.path(), error))
                    return false;
            }
        }
        break;
    }
    }
    if (store.stats().rejected != 0) {
        *error = u"writes were rejected"_s;
        return false;
    }
    return true;
}

QString metricsJson(const RunHistory &history)
{
    MetricsCalculator::Options options;
    options.now = test::fixedTime(100000); // agents still running count up to now
    return QString::fromUtf8(QJsonDocument(MetricsCalculator::toJson(MetricsCalculator::compute(history, options)))
                                 .toJson(QJsonDocument::Compact));
}

QVariant scalar(const QString &path, const QString &sql)
{
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"scalar"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0);
        }
    }
    QSqlDatabase::removeDatabase(u"scalar"_s);
    return value;
}

// How many of these transitions version 11 still writes as rows: all but the Queued at spawn, the latest start of
// each attempt when it carries no error, and the latest end of each attempt.
qsizetype rowsExpected(const QList<TransitionRecord> &transitions)
{
    std::map<std::pair<QString, int>, std::pair<qsizetype, qsizetype>> last; // (agent, attempt) -> last start, end
    for (qsizetype i = 0; i < transitions.size(); ++i) {
        const TransitionRecord &t = transitions.at(i);
        auto &[start, end] = last.try_emplace({t.agentId, t.attempt}, -1, -1).first->second;
        if (t.attempt >= 1 && t.state == AgentState::Running)
            start = i;
        if (t.attempt >= 1 && (isFinalOrInterrupted(t.state) || t.state == AgentState::Review))
            end = i;
    }
    qsizetype implied = 0;
    for (const TransitionRecord &t : transitions)
        implied += t.attempt == 0 && t.state == AgentState::Queued ? 1 : 0; // every agent's spawn
    for (const auto &[key, startEnd] : last) {
        if (startEnd.first >= 0 && transitions.at(startEnd.first).error.isEmpty())
            ++implied;
        if (startEnd.second >= 0)
            ++implied;
    }
    return transitions.size() - implied;
}

} // namespace

class TestStoreTransitions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void readsEveryTransitionInOrder_data();
    void readsEveryTransitionInOrder();
    void migratesVersion10Database();
    void recoveredDatabaseKeepsTheOrder();
};

void TestStoreTransitions::readsEveryTransitionInOrder_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("agents");
    QTest::addColumn<int>("batching");
    for (const quint32 seed : {1u, 2u}) {
        QTest::addRow("seed %u, one batch", seed) << seed << 130 << int(Batching::OneBatch);
        QTest::addRow("seed %u, one commit each", seed) << seed << 130 << int(Batching::OneCommitEach);
        QTest::addRow("seed %u, chunks across restarts", seed) << seed << 130 << int(Batching::ChunksAcrossRestarts);
    }
}

void TestStoreTransitions::readsEveryTransitionInOrder()
{
    QFETCH(quint32, seed);
    QFETCH(int, agents);
    QFETCH(int, batching);
    const QList<StoreWrite> writes = workload(seed, agents);
    const QList<TransitionRecord> expected = transitionsOf(writes);

    test::TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    QString error;
    QVERIFY2(write(db, writes, Batching(batching), seed, &error), qPrintable(error));
    const RunHistory history = db.store().history(u"r-1"_s);
    QCOMPARE(lines(history.transitions), lines(expected));
    QCOMPARE(lines(db.store().history().transitions), lines(expected)); // every run's
    // The metrics and the report read them as they were.
    RunHistory reference = history;
    reference.transitions = expected;
    QCOMPARE(metricsJson(history), metricsJson(reference));
    QCOMPARE(ReportWriter::activityLog(history), ReportWriter::activityLog(reference));

    // Fewer rows, not the same ones under another name.
    const qsizetype rows = scalar(db.path(), u"SELECT COUNT(*) FROM transitions"_s).toLongLong();
    QCOMPARE(rows, rowsExpected(expected));
    QVERIFY(rows < expected.size() / 2);
    // The view for people and tools reading the file says the same.
    const QStringList viewed = test::dumpRows(
        db.path(), {u"SELECT agent_id, goal_id, attempt, state, at, error FROM transition_log ORDER BY seq"_s});
    QStringList expectedRows;
    for (const TransitionRecord &t : expected)
        expectedRows << u"%1|%2|%3|%4|%5|%6"_s.arg(t.agentId, t.goalId)
                            .arg(t.attempt)
                            .arg(agentStateToString(t.state))
                            .arg(t.at.toMSecsSinceEpoch())
                            .arg(t.error);
    QCOMPARE(viewed, expectedRows);
}

void TestStoreTransitions::migratesVersion10Database()
{
    // The same workload written by this version (A) and, one row per transition, into a file of schema version 10
    // (B, made with version 10's statements, the other tables' rows copied from A). B opened for writing is
    // migrated and must read as A, and as it read before.
    const QList<StoreWrite> writes = workload(5, 60);
    const QList<TransitionRecord> expected = transitionsOf(writes);
    test::TemporaryStore a;
    QVERIFY2(a.isOpen(), qPrintable(a.error()));
    QString error;
    QVERIFY2(write(a, writes, Batching::OneBatch, 5, &error), qPrintable(error));
    const RunHistory fromA = a.store().history(u"r-1"_s);
    a.store().close();

    const QString pathB = a.filePath(u"version10.db"_s);
    QStringList before;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v10"_s);
        db.setDatabaseName(pathB);
        QVERIFY(db.open());
        QVERIFY2(StoreSchema::migrate(db, 10, &error), qPrintable(error));
        QSqlQuery query(db);
        QVERIFY(query.exec(u"ATTACH DATABASE '%1' AS a"_s.arg(a.path())));
        for (const QString &table : {u"runs"_s, u"goals"_s, u"agents"_s, u"attempts"_s, u"escalations"_s}) {
            QStringList columns;
            QVERIFY(query.exec(u"PRAGMA main.table_info(%1)"_s.arg(table)));
            while (query.next())
                columns << query.value(1).toString();
            const QString list = columns.join(u", "_s);
            QVERIFY2(query.exec(u"INSERT INTO main.%1 (rowid, %2) SELECT rowid, %2 FROM a.%1"_s.arg(table, list)),
                     qPrintable(query.lastError().text()));
        }
        QVERIFY(query.prepare(u"INSERT INTO transitions (agent_id, goal_id, attempt, state, at, error) "
                              "VALUES (?, ?, ?, ?, ?, ?)"_s));
        for (const TransitionRecord &t : expected) {
            query.addBindValue(t.agentId);
            query.addBindValue(t.goalId);
            query.addBindValue(t.attempt);
            query.addBindValue(agentStateToString(t.state));
            query.addBindValue(t.at.toMSecsSinceEpoch());
            query.addBindValue(t.error.isNull() ? u""_s : t.error);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        query.finish();
        QVERIFY(query.exec(u"DETACH DATABASE a"_s));
        QCOMPARE(StoreSchema::version(db), 10);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"v10"_s);
    before =
        test::dumpRows(pathB, {u"SELECT agent_id, goal_id, attempt, state, at, error FROM transitions ORDER BY id"_s});
    QCOMPARE(before.size(), expected.size());

    Store b;
    QVERIFY2(b.open(pathB, &error), qPrintable(error));
    QCOMPARE(scalar(pathB, u"PRAGMA user_version"_s).toInt(), StoreSchema::kLatestVersion);
    const RunHistory fromB = b.history(u"r-1"_s);
    QCOMPARE(lines(fromB.transitions), lines(expected));
    QCOMPARE(lines(fromB.transitions), lines(fromA.transitions));
    QCOMPARE(metricsJson(fromB), metricsJson(fromA));
    QCOMPARE(ReportWriter::activityLog(fromB), ReportWriter::activityLog(fromA));
    QCOMPARE(QString::fromUtf8(ReportWriter::render(fromB, ReportWriter::Format::Json)),
             QString::fromUtf8(ReportWriter::render(fromA, ReportWriter::Format::Json)));
    QCOMPARE(fromB.attempts.size(), fromA.attempts.size());
    // The old rows stay as they were; what is written after the migration comes after them.
    QCOMPARE(test::dumpRows(pathB, {u"SELECT agent_id, goal_id, attempt, state, at, error FROM transitions "
                                    "ORDER BY id"_s}),
             before);
    const QList<StoreWrite> later{
        goalAdded(u"g900"_s, u"a-900"_s, test::fixedTime(5)),
        StoreWrite::transition(statusOf(u"a-900"_s, u"g900"_s, AgentState::Running, 1), test::fixedTime(6)),
        StoreWrite::transition(statusOf(u"a-1"_s, u"g1"_s, AgentState::Running, 2), test::fixedTime(7)),
        StoreWrite::transition(statusOf(u"a-900"_s, u"g900"_s, AgentState::Completed, 1), test::fixedTime(8)),
    };
    QVERIFY(test::submitAndFlush(b, later));
    QCOMPARE(lines(b.history(u"r-1"_s).transitions), lines(expected + transitionsOf(later)));
    b.close();
    QVERIFY2(b.open(pathB, &error), qPrintable(error));
    QCOMPARE(lines(b.history(u"r-1"_s).transitions), lines(expected + transitionsOf(later)));
}

void TestStoreTransitions::recoveredDatabaseKeepsTheOrder()
{
    // A file rescued by `switchboard recover` (rows copied one by one into a new file) whose meta row with the
    // sequence was lost: what is written into the rescued file still comes after what it holds.
    const QList<StoreWrite> writes = workload(9, 40);
    test::TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    QString error;
    QVERIFY2(write(db, writes, Batching::OneBatch, 9, &error), qPrintable(error));
    db.store().close();
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"lose-meta"_s);
        raw.setDatabaseName(db.path());
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        QVERIFY(query.exec(u"DELETE FROM meta WHERE key = 'transition_seq'"_s));
        query.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(u"lose-meta"_s);
    const QString rescued = db.filePath(u"rescued.db"_s);
    QVERIFY2(StoreRecovery::recover(db.path(), rescued, nullptr, &error), qPrintable(error));
    Store store;
    QVERIFY2(store.open(rescued, &error), qPrintable(error));
    const QList<StoreWrite> later{
        goalAdded(u"g900"_s, u"a-900"_s, test::fixedTime(5)),
        StoreWrite::transition(statusOf(u"a-900"_s, u"g900"_s, AgentState::Running, 1), test::fixedTime(6)),
        StoreWrite::transition(statusOf(u"a-900"_s, u"g900"_s, AgentState::Escalated, 1), test::fixedTime(7)),
        StoreWrite::transition(statusOf(u"a-900"_s, u"g900"_s, AgentState::Running, 1), test::fixedTime(8)),
        StoreWrite::transition(statusOf(u"a-900"_s, u"g900"_s, AgentState::Completed, 1), test::fixedTime(9)),
    };
    QVERIFY(test::submitAndFlush(store, later));
    QCOMPARE(lines(store.history(u"r-1"_s).transitions), lines(transitionsOf(writes + later)));
}

QTEST_GUILESS_MAIN(TestStoreTransitions)
#include "tst_storetransitions.moc"
