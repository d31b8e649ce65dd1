// No orphans after a crash: the process groups attempts start are recorded with the attempt, and the next
// Switchboard to take the database ends what a killed one left running (the agents' own children) before
// anything starts again -- and never a process that merely got a recorded pid.
#include "agents/OrphanReaper.h"
#include "persistence/Store.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace switchboard;

namespace {
// Starts `sh -c script` as the leader of its own process group (as ProcessGroup does), with these variables.
void startLeader(QProcess &process, const QString &script, const QStringList &variables = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &variable : variables)
        env.insert(variable.section(u'=', 0, 0), variable.section(u'=', 1));
    process.setProcessEnvironment(env);
    process.setChildProcessModifier([] { ::setsid(); });
    process.start(u"sh"_s, {u"-c"_s, script});
}

// Kills what a failed test would leave behind for 300 s.
struct KillOnExit
{
    QList<qint64> pids;
    ~KillOnExit()
    {
        for (const qint64 pid : std::as_const(pids)) {
            if (pid > 1)
                ::kill(static_cast<pid_t>(pid), SIGKILL);
        }
    }
};
} // namespace

class TestOrphans final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void identityOfAProcess();
    void reaperLeavesAReusedPidAlone();
    void reaperEndsALeaderlessGroupOnlyByItsMark();
    void childrenOfAKilledSwitchboardAreEndedOnResume();

private:
    QTemporaryDir m_home;
};

void TestOrphans::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY2(QFile::exists(test::switchboardBinary()), qPrintable(test::switchboardBinary()));
    if (!QFile::exists(u"/proc/self/stat"_s))
        QSKIP("needs Linux's /proc");
}

void TestOrphans::identityOfAProcess()
{
    const std::optional<quint64> self = OrphanReaper::startTicks(::getpid());
    QVERIFY(self.has_value());
    QVERIFY(*self > 0);
    QCOMPARE(OrphanReaper::startTicks(::getpid()), self); // stable: it is when the process started
    QVERIFY(!OrphanReaper::bootId().isEmpty());
    QVERIFY(OrphanReaper::newMark() != OrphanReaper::newMark());
    QCOMPARE(OrphanReaper::newMark().size(), 32);
}

void TestOrphans::reaperLeavesAReusedPidAlone()
{
    QProcess leader;
    startLeader(leader, u"sleep 300 & sleep 300 & wait"_s);
    QVERIFY(leader.waitForStarted());
    KillOnExit cleanup;
    const qint64 pgid = leader.processId();
    cleanup.pids << pgid;
    QTRY_COMPARE(OrphanReaper::members(pgid).size(), 3);
    cleanup.pids << OrphanReaper::members(pgid);

    ProcessGroupRecord record = OrphanReaper::describe(pgid, u"not-in-its-environment"_s);
    record.agentId = u"a-1"_s;
    record.attempt = 1;
    QVERIFY(record.leaderStartTicks > 0);

    // The pid is there, but it started at another time: another program got the recorded pid.
    ProcessGroupRecord reused = record;
    reused.leaderStartTicks += 1;
    OrphanReaper::Outcome outcome = OrphanReaper::endGroups({reused}, 200);
    QCOMPARE(outcome.ended, 0);
    QCOMPARE(outcome.done, QList<ProcessGroupRecord>{reused}); // not ours: not looked for again
    QVERIFY2(outcome.notes.join(u'\n').contains(u"reused pid"), qPrintable(outcome.notes.join(u'\n')));
    QCOMPARE(OrphanReaper::members(pgid).size(), 3);

    // Another boot: nothing of it can be running; nothing is signalled.
    ProcessGroupRecord otherBoot = record;
    otherBoot.bootId = u"00000000-0000-0000-0000-000000000000"_s;
    outcome = OrphanReaper::endGroups({otherBoot}, 200);
    QCOMPARE(outcome.ended, 0);
    QCOMPARE(OrphanReaper::members(pgid).size(), 3);

    // The recorded leader (same pid, same start): the whole group goes.
    outcome = OrphanReaper::endGroups({record}, 2000);
    QCOMPARE(outcome.ended, 1);
    QCOMPARE(outcome.done, QList<ProcessGroupRecord>{record});
    QVERIFY(OrphanReaper::members(pgid).isEmpty());
    QVERIFY(leader.waitForFinished(5000));
}

void TestOrphans::reaperEndsALeaderlessGroupOnlyByItsMark()
{
    // The leader dies with Switchboard (PR_SET_PDEATHSIG); its children live on in its group.
    const QString mark = OrphanReaper::newMark();
    QProcess leader;
    startLeader(leader, u"sleep 300 & sleep 300 & read -r line"_s,
                {QString::fromLatin1(OrphanReaper::kMarkVariable) + u'=' + mark});
    QVERIFY(leader.waitForStarted());
    KillOnExit cleanup;
    const qint64 pgid = leader.processId();
    QTRY_COMPARE(OrphanReaper::members(pgid).size(), 3);
    ProcessGroupRecord record = OrphanReaper::describe(pgid, mark);
    record.agentId = u"a-2"_s;
    record.attempt = 3;
    const QList<qint64> children = [&] {
        QList<qint64> pids = OrphanReaper::members(pgid);
        pids.removeAll(pgid);
        return pids;
    }();
    QCOMPARE(children.size(), 2);
    cleanup.pids << children;
    leader.closeWriteChannel(); // the leader exits
    QVERIFY(leader.waitForFinished(5000));
    QTRY_COMPARE(OrphanReaper::members(pgid).size(), 2);

    // Without the recorded mark nothing proves the group is the one recorded: left alone.
    ProcessGroupRecord stranger = record;
    stranger.mark = OrphanReaper::newMark();
    OrphanReaper::Outcome outcome = OrphanReaper::endGroups({stranger}, 200);
    QCOMPARE(outcome.ended, 0);
    QVERIFY2(outcome.notes.join(u'\n').contains(u"no leader, no mark"), qPrintable(outcome.notes.join(u'\n')));
    for (const qint64 pid : children)
        QVERIFY(test::processAlive(pid));

    outcome = OrphanReaper::endGroups({record}, 2000);
    QCOMPARE(outcome.ended, 1);
    QVERIFY2(outcome.notes.join(u'\n').contains(u"process group %1 of agent a-2 (attempt 3)"_s.arg(pgid)),
             qPrintable(outcome.notes.join(u'\n')));
    for (const qint64 pid : children)
        QVERIFY2(!test::processAlive(pid), qPrintable(QString::number(pid)));
    // Gone: nothing to do next time.
    outcome = OrphanReaper::endGroups({record}, 200);
    QCOMPARE(outcome.ended, 0);
    QCOMPARE(outcome.done, QList<ProcessGroupRecord>{record});
}

void TestOrphans::childrenOfAKilledSwitchboardAreEndedOnResume()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"orphans.db"_s);
    const QString pids = dir.filePath(u"pids"_s);
    // Each agent starts two children in its process group and waits for them; the second attempt just finishes.
    const QString plan = test::writeFile(dir.path(), u"orphans.yaml"_s,
                                         uR"YAML(name: orphans
workflow:
  max_parallel: 3
agents:
  definitions:
    - name: spawner
      backend: process
      retry: {max_retries: 0}
      command:
        - sh
        - -c
        - |
          read -r goal
          if [ -e "second-$SWITCHBOARD_GOAL_ID" ]; then echo '{"type":"result","summary":"resumed"}'; exit 0; fi
          touch "second-$SWITCHBOARD_GOAL_ID"
          sleep 300 &
          echo $! >> "%1"
          sh -c 'sleep 300' &
          echo $! >> "%1"
          echo '{"type":"progress","progress":10}'
          wait
goals:
  - {id: one, title: Spawns children, profile: spawner}
  - {id: two, title: Spawns children too, profile: spawner}
  - {id: three, title: And a third, profile: spawner}
)YAML"_s.arg(pids)
                                             .toUtf8());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));

    QProcess run;
    run.setProcessEnvironment(env);
    run.start(test::switchboardBinary(), {u"run"_s, plan, u"--db"_s, db, u"--workspace"_s, dir.path(), u"--json"_s});
    QVERIFY(run.waitForStarted());
    KillOnExit cleanup;
    const auto children = [&pids] {
        QFile file(pids);
        QList<qint64> out;
        if (file.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : file.readAll().split('\n')) {
                if (!line.trimmed().isEmpty())
                    out << line.trimmed().toLongLong();
            }
        }
        return out;
    };
    QTRY_COMPARE_WITH_TIMEOUT(children().size(), 6, 30000);
    const QList<qint64> orphans = children();
    cleanup.pids << orphans;

    ::kill(static_cast<pid_t>(run.processId()), SIGKILL);
    QVERIFY(run.waitForFinished(5000));
    // What the probe found: the agents' children outlive a killed Switchboard.
    for (const qint64 pid : orphans)
        QVERIFY2(test::processAlive(pid), qPrintable(QString::number(pid)));
    {
        Store store;
        QString error;
        QVERIFY2(store.openReadOnly(db, &error), qPrintable(error));
        const QList<ProcessGroupRecord> groups = store.openProcessGroups(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(groups.size(), 3); // one per attempt, recorded before the agent got its goal
        for (const ProcessGroupRecord &group : groups) {
            QCOMPARE(group.attempt, 1);
            QVERIFY(group.leaderStartTicks > 0);
            QCOMPARE(group.bootId, OrphanReaper::bootId());
            QVERIFY(!group.mark.isEmpty());
        }
    }

    QProcess resume;
    resume.setProcessEnvironment(env);
    resume.start(test::switchboardBinary(), {u"resume"_s, u"--db"_s, db, u"--workspace"_s, dir.path()});
    QVERIFY(resume.waitForFinished(60000));
    const QString err = QString::fromUtf8(resume.readAllStandardError());
    const QString out = QString::fromUtf8(resume.readAllStandardOutput());
    QVERIFY2(resume.exitCode() == 0, qPrintable(out + err));
    QCOMPARE(err.count(u"note: ending process group"_s), 3);
    QVERIFY2(out.contains(u"resumed"_s), qPrintable(out));
    // Every child of the killed run is gone, checked by pid.
    for (const qint64 pid : orphans)
        QVERIFY2(!test::processAlive(pid), qPrintable(u"pid %1 still runs\n%2"_s.arg(pid).arg(err)));

    // Nothing left to look for: the next start ends nothing and says nothing.
    Store store;
    QString error;
    QVERIFY2(store.open(db, &error), qPrintable(error));
    const QSqlQuery unended = [&store] {
        QSqlQuery query(store.readConnection());
        query.exec(u"SELECT COUNT(*) FROM process_groups WHERE attempt = 1 AND ended = 0"_s);
        query.next();
        return query;
    }();
    QCOMPARE(unended.value(0).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestOrphans)
#include "tst_orphans.moc"
