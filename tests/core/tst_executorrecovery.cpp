// Never twice (issue 19): an attempt that was open on a Slurm executor when Switchboard died is looked up on the
// cluster before its goal may run again. When Slurm cannot be asked, the goal is failed with a message instead of
// being restarted. (Finding and cancelling real leftovers is covered against a real cluster in tst_slurmrun.)
#include "persistence/Store.h"
#include "session/RunSession.h"
#include "support/GoalBuilder.h"
#include "support/TestSupport.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace switchboard;

class TestExecutorRecovery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unreachableClusterFailsInsteadOfRestarting();
    void goalExecutorIsStoredWithTheGoal();
};

void TestExecutorRecovery::unreachableClusterFailsInsteadOfRestarting()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString database = dir.filePath(u"run.db"_s);
    ExecutorRecord job;
    job.agentId = u"a-1"_s;
    job.attempt = 1;
    job.spec.kind = ExecutorSpec::Kind::Slurm;
    job.spec.slurm.partition = u"gpu"_s;
    job.jobName = u"sb-r-1-train-1"_s;
    {
        Store store;
        QString error;
        QVERIFY2(store.open(database, &error), qPrintable(error));
        AgentStatus running;
        running.agentId = u"a-1"_s;
        running.goalId = u"train"_s;
        running.attempt = 1;
        running.state = AgentState::Running;
        QVERIFY(test::submitAndFlush(store, {StoreWrite::runStarted(u"r-1"_s, u"crashed"_s, {}, 2, test::fixedTime(0)),
                                             StoreWrite::goalAdded(u"r-1"_s, test::GoalBuilder(u"train"_s), u"a-1"_s,
                                                                   {}, {}, test::fixedTime(1)),
                                             StoreWrite::transition(running, test::fixedTime(2))}));
        // Recorded and committed before the job was submitted (AgentLaunch); the id came later.
        QVERIFY(store.recordExecutor(job, true));
        job.externalId = u"4711"_s;
        QVERIFY(store.recordExecutor(job, true));
        QCOMPARE(store.openExecutorJobs(), QList<ExecutorRecord>{job});
        // The Switchboard dies here: nothing closes the attempt.
    }

    // Slurm's tools are gone from this machine: nobody can say whether the job still runs. (A controller that is
    // down answers the same way, only after squeue's own timeouts.)
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", dir.path().toUtf8());
    RunSession session;
    const RunSession::StoreOutcome outcome = session.openStore(database);
    qputenv("PATH", path);
    QCOMPARE(outcome, RunSession::StoreOutcome::ReadWrite);
    const QString notes = session.orphanNotes().join(u'\n');
    QVERIFY2(
        notes.contains(u"a-1: not started again: the slurm (gpu) job sb-r-1-train-1 of attempt 1 may still run and "
                       u"could not be ended (cannot ask Slurm for jobs named sb-r-1-train-1: cannot run squeue"_s),
        qPrintable(notes));

    // The agent is Failed, durably, with the same words: a restore does not start it again.
    const QList<AgentStatus> agents = session.store().load(u"r-1"_s).agents;
    QCOMPARE(agents.size(), 1);
    QCOMPARE(agents.first().state, AgentState::Failed);
    QVERIFY2(agents.first().error.startsWith(u"not started again: the slurm (gpu) job sb-r-1-train-1"_s),
             qPrintable(agents.first().error));
    QCOMPARE(agents.first().executor, u"slurm (gpu)"_s);
    QCOMPARE(agents.first().externalId, u"4711"_s);
    QVERIFY(session.store().openExecutorJobs().isEmpty()); // the attempt is closed
}

void TestExecutorRecovery::goalExecutorIsStoredWithTheGoal()
{
    // A restored goal must run where its plan said, not fall back to its profile's executor.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Store store;
    QString error;
    QVERIFY2(store.open(dir.filePath(u"run.db"_s), &error), qPrintable(error));
    Goal remote = test::GoalBuilder(u"remote"_s);
    remote.executor = ExecutorSpec{};
    remote.executor->kind = ExecutorSpec::Kind::Slurm;
    remote.executor->slurm.partition = u"gpu"_s;
    remote.executor->slurm.extraArgs = {u"--exclusive"_s};
    Goal local = test::GoalBuilder(u"local"_s);
    local.executor = ExecutorSpec{}; // an explicit `executor: local` over a Slurm profile
    const Goal plain = test::GoalBuilder(u"plain"_s);
    QVERIFY(test::submitAndFlush(store, {StoreWrite::runStarted(u"r-1"_s, u"run"_s, {}, 2, test::fixedTime(0)),
                                         StoreWrite::goalAdded(u"r-1"_s, remote, u"a-1"_s),
                                         StoreWrite::goalAdded(u"r-1"_s, local, u"a-2"_s),
                                         StoreWrite::goalAdded(u"r-1"_s, plain, u"a-3"_s)}));
    const StoreSnapshot snapshot = store.load(u"r-1"_s);
    QCOMPARE(snapshot.goals.size(), 3);
    QCOMPARE(snapshot.goals.at(0).goal.executor, remote.executor);
    QCOMPARE(snapshot.goals.at(1).goal.executor, local.executor);
    QVERIFY(!snapshot.goals.at(2).goal.executor);
}

QTEST_GUILESS_MAIN(TestExecutorRecovery)
#include "tst_executorrecovery.moc"
