// Whole runs on the SSH executor (issue 19), through the real CLI against a private sshd on 127.0.0.1
// (tests/support/SshServer): a plan with dependencies runs on the host in the directory its workdir maps the
// workspace to (and the goal line names that directory), answers and locks travel over ssh's stdio, a cancelled run
// leaves nothing running there, and kill -9 mid-run followed by resume ends the remote groups the killed Switchboard
// left before their goals start again, so no goal's work runs twice. The agents log what they did to a file of the
// test; SSH_CONNECTION (set by sshd) shows that they ran through the server.
#include "execution/Executors.h"
#include "execution/SshRemote.h"
#include "persistence/DatabaseGuard.h"
#include "support/CliRun.h"
#include "support/SshServer.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;
using namespace switchboard;
using namespace switchboard::test;

namespace {

// Long enough for connections, bootstraps and second ssh's on a loaded 2-core machine.
constexpr int kWaitMs = 90000;

QString jobVariable()
{
    return QString::fromLatin1(SshRemote::kJobVariable);
}

} // namespace

class TestSshRun final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void planWithDependenciesRunsOnTheHost();
    void answersAndLocksThroughSsh();
    void cancelLeavesNothingRunningThere();
    void killedRunResumesWithoutRunningTwice();

private:
    QProcessEnvironment environment() const { return cliEnvironment(m_home.path()); }
    // The profile's executor: the test server, with workdir as given.
    QString executor() const;
    QString writePlan(const QString &name, int maxParallel, const QString &script, const QString &goals);
    CliRun runCli(const QStringList &args) { return test::runCli(environment(), args, kWaitMs); }
    QJsonArray statusAgents() { return test::statusAgents(environment(), m_db); }
    QList<AgentLogLine> readLog() const { return readAgentLog(m_log); }
    // The remote processes that carry the job mark of this goal's attempt.
    QList<qint64> remoteProcesses(const QString &goal, int attempt) const;
    // The job name of run r-1's goal in this test's database.
    QString jobName(const QString &goal, int attempt) const;

    SshServer m_server;
    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace; // the desktop's workspace
    QString m_workdir;   // the host's workdir: agents run in m_workdir/<name of m_workspace>
    QString m_log;
    QString m_db;
};

void TestSshRun::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_home.isValid());
    QVERIFY2(QFile::exists(switchboardBinary()), qPrintable(switchboardBinary()));
    if (!m_server.start()) {
        // scripts/setup installs openssh-server: on CI a server that does not start is a failure, not a skip.
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL(qPrintable(u"CI is set but the test sshd cannot run: "_s + m_server.error()));
        QSKIP(qPrintable(u"no sshd for the SSH run tests: "_s + m_server.error()));
    }
}

void TestSshRun::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = m_dir->filePath(u"desk"_s);
    m_workdir = m_dir->filePath(u"host"_s);
    QVERIFY(QDir().mkpath(m_workspace));
    m_log = m_dir->filePath(u"agents.log"_s);
    m_db = m_dir->filePath(u"run.db"_s);
}

void TestSshRun::cleanup()
{
    // A failed test must not leave its remote programs running (run r-1 in every test's database).
    for (const QString &goal : {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"long"_s, u"x"_s, u"y"_s, u"z"_s, u"w"_s}) {
        for (int attempt = 1; attempt <= 2; ++attempt) {
            for (const qint64 pid : remoteProcesses(goal, attempt))
                ::kill(static_cast<pid_t>(pid), SIGKILL);
        }
    }
    m_dir.reset();
}

QString TestSshRun::jobName(const QString &goal, int attempt) const
{
    return Executors::jobName(Executors::jobScope(DatabaseGuard::resolvedPath(m_db)), u"r-1"_s, goal, attempt);
}

QList<qint64> TestSshRun::remoteProcesses(const QString &goal, int attempt) const
{
    return processesWithEnvironment(jobVariable(), jobName(goal, attempt));
}

QString TestSshRun::executor() const
{
    const SshTarget target = m_server.target();
    QStringList options;
    for (const QString &option : target.extraOptions)
        options << u"\"%1\""_s.arg(option);
    return u"{kind: ssh, host: %1, port: %2, user: %3, identity_file: \"%4\", workdir: \"%5\", extra_options: [%6]}"_s
        .arg(target.host)
        .arg(target.port)
        .arg(target.user, target.identityFile, m_workdir, options.join(u", "_s));
}

QString TestSshRun::writePlan(const QString &name, int maxParallel, const QString &script, const QString &goals)
{
    return writeWorkerPlan(m_dir->path(), m_log, name, maxParallel, executor(), script, goals, {u"{workspace}"_s});
}

void TestSshRun::planWithDependenciesRunsOnTheHost()
{
    // Each agent logs the workspace its goal line names, where it runs, the server port of its ssh session, and its
    // start and end (nanoseconds).
    const QString plan = writePlan(u"deps"_s, 2, uR"SH(read -r goal
workspace=$(printf '%s\n' "$goal" | python3 -c 'import json, sys; print(json.load(sys.stdin)["workspace"])')
echo "where $SWITCHBOARD_GOAL_ID $workspace $PWD $SWITCHBOARD_WORKSPACE $1 ${SSH_CONNECTION##* }" >> "$LOG"
echo "start $SWITCHBOARD_GOAL_ID $(date +%s%N)" >> "$LOG"
sleep 1
echo "end $SWITCHBOARD_GOAL_ID $(date +%s%N)" >> "$LOG"
echo "{\"type\":\"result\",\"summary\":\"done $SWITCHBOARD_GOAL_ID\"}"
)SH"_s,
                                   uR"(  - {id: a, title: A, profile: worker}
  - {id: b, title: B, profile: worker}
  - {id: c, title: C, profile: worker, depends_on: [a, b]}
  - {id: d, title: D, profile: worker, depends_on: [c]}
)"_s);
    const CliRun run = runCli({u"run"_s, plan, u"--db"_s, m_db, u"--workspace"_s, m_workspace, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    // The host's directory for this workspace: what the goal line says, where the program runs, what its
    // environment says; never the desktop's own path.
    const QString remote = m_workdir + u"/desk"_s;
    QHash<QString, qint64> starts;
    QHash<QString, qint64> ends;
    int where = 0;
    for (const AgentLogLine &line : readLog()) {
        if (line.kind == u"where") {
            ++where;
            QCOMPARE(line.rest.size(), 5);
            QCOMPARE(line.rest.at(0), remote); // the goal line's "workspace"
            QCOMPARE(line.rest.at(1), remote); // $PWD
            QCOMPARE(line.rest.at(2), remote); // $SWITCHBOARD_WORKSPACE
            QCOMPARE(line.rest.at(3), remote); // the command's {workspace}
            QCOMPARE(line.rest.at(4), QString::number(m_server.port()));
        } else if (line.kind == u"start") {
            QVERIFY2(!starts.contains(line.goal), qPrintable(u"%1 started twice"_s.arg(line.goal)));
            starts.insert(line.goal, line.rest.value(0).toLongLong());
        } else {
            ends.insert(line.goal, line.rest.value(0).toLongLong());
        }
    }
    QCOMPARE(where, 4);
    QCOMPARE(starts.size(), 4);
    QCOMPARE(ends.size(), 4);
    QVERIFY(QFileInfo(remote).isDir()); // made on the host
    // Dependencies: a goal starts only after every goal it depends on ended.
    const QList<std::pair<QString, QString>> dependencies{{u"a"_s, u"c"_s}, {u"b"_s, u"c"_s}, {u"c"_s, u"d"_s}};
    for (const auto &[before, after] : dependencies)
        QVERIFY2(ends.value(before) < starts.value(after), qPrintable(before + u" -> "_s + after));

    // status --json names the executor and the remote group of each attempt.
    const QJsonArray agents = statusAgents();
    QCOMPARE(agents.size(), 4);
    const SshTarget target = m_server.target();
    for (const QJsonValue &value : agents) {
        const QJsonObject agent = value.toObject();
        QCOMPARE(agent.value(u"state"_s).toString(), u"Completed"_s);
        QCOMPARE(agent.value(u"executor"_s).toString(),
                 u"ssh %1@%2:%3"_s.arg(target.user, target.host).arg(target.port));
        const QString id = agent.value(u"external_id"_s).toString();
        QVERIFY2(id.startsWith(u"127.0.0.1:"_s) && id.mid(10).toLongLong() > 1, qPrintable(id));
    }
}

void TestSshRun::answersAndLocksThroughSsh()
{
    const QString plan = writePlan(u"talk"_s, 3, uR"SH(read -r goal
case "$SWITCHBOARD_GOAL_ID" in
  ask)
    echo '{"type":"escalate","id":"q1","trigger":"clarification","question":"Which one?","options":["A","B"]}'
    read -r answer
    echo "answer ask $answer" >> "$LOG"
    ;;
  *)
    echo '{"type":"lock","resources":["shared-file"],"timeout_s":60}'
    read -r granted
    echo "held $SWITCHBOARD_GOAL_ID $(date +%s%N) $granted" >> "$LOG"
    sleep 1
    echo "released $SWITCHBOARD_GOAL_ID $(date +%s%N)" >> "$LOG"
    echo '{"type":"unlock","resources":["shared-file"]}'
    ;;
esac
echo '{"type":"result","summary":"done"}'
)SH"_s,
                                   uR"(  - {id: ask, title: Ask, profile: worker}
  - {id: l1, title: Lock one, profile: worker}
  - {id: l2, title: Lock two, profile: worker}
)"_s);
    const CliRun run = runCli({u"run"_s, plan, u"--db"_s, m_db, u"--workspace"_s, m_workspace, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    // The answer travelled to the remote program over ssh's stdin, and the lock kept the two remote programs apart.
    const QString problem = test::answerAndLockProblem(readLog());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestSshRun::cancelLeavesNothingRunningThere()
{
    // The program leaves a child in its group and a grandchild in a session of its own (which only the job mark
    // finds), then works until it is stopped.
    const QString plan = writePlan(u"cancel"_s, 1, uR"SH(read -r goal
sleep 600 &
setsid sleep 600 &
echo "ready $SWITCHBOARD_GOAL_ID" >> "$LOG"
sleep 600
echo "end $SWITCHBOARD_GOAL_ID" >> "$LOG"
)SH"_s,
                                   u"  - {id: long, title: Long, profile: worker}\n"_s);
    QProcess cli;
    cli.setProcessEnvironment(environment());
    cli.start(switchboardBinary(), {u"run"_s, plan, u"--db"_s, m_db, u"--workspace"_s, m_workspace, u"--json"_s});
    QVERIFY(cli.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(!readLog().isEmpty(), kWaitMs);
    // The program, its child and the grandchild (and the bootstrap) run there under the job mark.
    QTRY_VERIFY_WITH_TIMEOUT(remoteProcesses(u"long"_s, 1).size() >= 3, kWaitMs);

    // Ctrl+C: the run cancels its agents before it exits; over ssh that is a second ssh to the host.
    QCOMPARE(::kill(static_cast<pid_t>(cli.processId()), SIGINT), 0);
    QVERIFY(cli.waitForFinished(kWaitMs));
    QCOMPARE(cli.exitCode(), 130);
    QCOMPARE(remoteProcesses(u"long"_s, 1), QList<qint64>());
    const QJsonArray agents = statusAgents();
    QCOMPARE(agents.size(), 1);
    QCOMPARE(agents.first().toObject().value(u"state"_s).toString(), u"Cancelled"_s);
    for (const AgentLogLine &line : readLog())
        QVERIFY2(line.kind != u"end", "the cancelled program got to its end");
}

void TestSshRun::killedRunResumesWithoutRunningTwice()
{
    // x, y and z run at once when Switchboard is killed; w waits for x. Until the test resumes, the agents work far
    // longer than the test.
    const QString resuming = m_dir->filePath(u"resuming"_s);
    const QString plan = writePlan(u"crash"_s, 3, uR"SH(read -r goal
echo "start $SWITCHBOARD_GOAL_ID $SWITCHBOARD_ATTEMPT" >> "$LOG"
if [ -e '%1' ]; then sleep 1; else sleep 600; fi
echo "end $SWITCHBOARD_GOAL_ID $SWITCHBOARD_ATTEMPT" >> "$LOG"
echo '{"type":"result","summary":"done"}'
)SH"_s.arg(resuming),
                                   uR"(  - {id: x, title: X, profile: worker}
  - {id: y, title: Y, profile: worker}
  - {id: z, title: Z, profile: worker}
  - {id: w, title: W, profile: worker, depends_on: [x]}
)"_s);
    QProcess first;
    first.setProcessEnvironment(environment());
    first.start(switchboardBinary(), {u"run"_s, plan, u"--db"_s, m_db, u"--workspace"_s, m_workspace, u"--json"_s});
    QVERIFY(first.waitForStarted());
    const QStringList running{u"x"_s, u"y"_s, u"z"_s};
    QTRY_VERIFY_WITH_TIMEOUT(readLog().size() == 3, kWaitMs);
    for (const QString &goal : running)
        QTRY_VERIFY_WITH_TIMEOUT(!remoteProcesses(goal, 1).isEmpty(), kWaitMs);
    ::kill(static_cast<pid_t>(first.processId()), SIGKILL);
    QVERIFY(first.waitForFinished(10000));

    // The remote programs outlive the killed Switchboard (its local ssh clients even go on running until the next
    // start ends them).
    for (const QString &goal : running)
        QVERIFY2(!remoteProcesses(goal, 1).isEmpty(), qPrintable(goal));

    QVERIFY(!writeFile(m_dir->path(), u"resuming"_s, {}).isEmpty());
    const CliRun resumed = runCli({u"resume"_s, u"--db"_s, m_db, u"--json"_s});
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    const SshTarget target = m_server.target();
    for (const QString &goal : running) {
        // Ended by their job mark before the goals started again.
        QCOMPARE(remoteProcesses(goal, 1), QList<qint64>());
        QVERIFY2(
            resumed.err.contains(u"leftover ssh %1@%2:%3 job(s) named %4 (attempt 1)"_s.arg(target.user, target.host)
                                     .arg(target.port)
                                     .arg(jobName(goal, 1))),
            qPrintable(resumed.err));
    }

    // From the agents' own log: each goal's work was done once, by an attempt after the resume; only the goals
    // that ran when Switchboard died started twice (their interrupted attempt and the resumed one), and w, which
    // waited for x, never started before the resume.
    QHash<QString, int> startsOf;
    QHash<QString, int> endsOf;
    for (const AgentLogLine &line : readLog()) {
        if (line.kind == u"start") {
            ++startsOf[line.goal];
        } else {
            ++endsOf[line.goal];
            // By the attempt the resume started: x, y and z's second, w's first.
            QCOMPARE(line.rest.value(0), line.goal == u"w" ? u"1"_s : u"2"_s);
        }
    }
    for (const QString &goal : {u"x"_s, u"y"_s, u"z"_s, u"w"_s}) {
        QCOMPARE(endsOf.value(goal), 1);
        QCOMPARE(startsOf.value(goal), running.contains(goal) ? 2 : 1);
    }
    const QJsonArray agents = statusAgents();
    QCOMPARE(agents.size(), 4);
    for (const QJsonValue &agent : agents)
        QCOMPARE(agent.toObject().value(u"state"_s).toString(), u"Completed"_s);
}

QTEST_GUILESS_MAIN(TestSshRun)
#include "tst_sshrun.moc"
