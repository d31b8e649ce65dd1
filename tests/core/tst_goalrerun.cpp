// Re-running recorded goals (the History window): a goal alone, and a whole run under ids the session does not
// use yet, one suffix for every goal of the run, with the dependencies between them renamed alike.
#include "orchestration/GoalRerun.h"

#include <QSet>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {
Goal goal(const QString &id, const QStringList &dependsOn = {})
{
    Goal g;
    g.id = id;
    g.title = u"Title of "_s + id;
    g.dependsOn = dependsOn;
    g.deadline = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);
    return g;
}

GoalRerun::IdTaken takenFrom(const QStringList &board)
{
    const QSet<QString> ids(board.cbegin(), board.cend());
    return [ids](const QString &id) { return ids.contains(id); };
}
} // namespace

class TestGoalRerun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idSuffix_data()
    {
        QTest::addColumn<QStringList>("run");
        QTest::addColumn<QStringList>("board");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("nothing taken keeps the ids") << QStringList{u"a"_s, u"b"_s} << QStringList{u"x"_s} << QString();
        QTest::newRow("one taken renames all") << QStringList{u"a"_s, u"b"_s} << QStringList{u"b"_s} << u"-2"_s;
        QTest::newRow("the copy is taken too")
            << QStringList{u"a"_s, u"b"_s} << QStringList{u"a"_s, u"b-2"_s} << u"-3"_s;
        QTest::newRow("not onto another id of the run")
            << QStringList{u"schema"_s, u"schema-2"_s} << QStringList{u"schema"_s, u"schema-2"_s} << u"-3"_s;
        QTest::newRow("an empty run") << QStringList{} << QStringList{u"a"_s} << QString();
    }

    void idSuffix()
    {
        QFETCH(QStringList, run);
        QFETCH(QStringList, board);
        QFETCH(QString, suffix);
        QCOMPARE(GoalRerun::idSuffix(QSet<QString>(run.cbegin(), run.cend()), takenFrom(board)), suffix);
    }

    void runKeepsItsDependenciesUnderTheNewIds()
    {
        const QList<Goal> recorded{goal(u"a"_s), goal(u"b"_s, {u"a"_s}), goal(u"c"_s, {u"a"_s, u"b"_s, u"gone"_s})};
        const QList<Goal> copies = GoalRerun::run(recorded, takenFrom({u"a"_s, u"b"_s, u"c"_s}));
        QCOMPARE(copies.size(), 3);
        QCOMPARE(copies.at(0).id, u"a-2"_s);
        QCOMPARE(copies.at(1).id, u"b-2"_s);
        QCOMPARE(copies.at(2).id, u"c-2"_s);
        QVERIFY(copies.at(0).dependsOn.isEmpty());
        QCOMPARE(copies.at(1).dependsOn, QStringList{u"a-2"_s});
        // A dependency outside the run is not queued again: the copy does not wait for it.
        QCOMPARE(copies.at(2).dependsOn, (QStringList{u"a-2"_s, u"b-2"_s}));
        for (int i = 0; i < copies.size(); ++i) {
            QVERIFY(!copies.at(i).deadline.isValid());
            QCOMPARE(copies.at(i).title, recorded.at(i).title);
        }
    }

    void runWithFreeIdsKeepsThem()
    {
        const QList<Goal> copies = GoalRerun::run({goal(u"a"_s), goal(u"b"_s, {u"a"_s})}, takenFrom({}));
        QCOMPARE(copies.at(0).id, u"a"_s);
        QCOMPARE(copies.at(1).id, u"b"_s);
        QCOMPARE(copies.at(1).dependsOn, QStringList{u"a"_s});
    }

    void aloneIsACopyWithoutIdDependenciesOrDeadline()
    {
        Goal past = goal(u"b"_s, {u"a"_s});
        past.description = u"Do it"_s;
        past.priority = Priority::High;
        past.successCriteria = {u"tests pass"_s};
        past.capabilities = {u"code"_s};
        past.resources = {u"repo"_s};
        past.profile = u"coder"_s;
        const Goal copy = GoalRerun::alone(past);
        QVERIFY(copy.id.isEmpty());
        QVERIFY(copy.dependsOn.isEmpty());
        QVERIFY(!copy.deadline.isValid());
        QCOMPARE(copy.title, past.title);
        QCOMPARE(copy.description, past.description);
        QCOMPARE(copy.priority, past.priority);
        QCOMPARE(copy.successCriteria, past.successCriteria);
        QCOMPARE(copy.capabilities, past.capabilities);
        QCOMPARE(copy.resources, past.resources);
        QCOMPARE(copy.profile, past.profile);
    }
};

QTEST_GUILESS_MAIN(TestGoalRerun)
#include "tst_goalrerun.moc"
