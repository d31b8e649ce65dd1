// Whole runs on the Slurm executor (issue 19), through the real CLI against a private cluster
// (tests/support/SlurmCluster): a plan of eight goals with dependencies under max_parallel 3, answers and locks
// through srun's stdio, a failing job's error, and kill -9 mid-run followed by resume, where the jobs the killed
// Switchboard left are found and cancelled and no goal's work runs twice. accounting_storage/none means no sacct:
// the agents log what they did (with the job id Slurm gave them) to a file of the test.
#include "support/SlurmCluster.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace switchboard;
using namespace switchboard::test;

namespace {

// What the CLI printed: its --json events, stderr and exit code.
struct CliRun
{
    QList<QJsonObject> events;
    QString err;
    int exitCode = -1;
};

struct LogLine
{
    QString kind;
    QString goal;
    QStringList rest;
};

} // namespace

class TestSlurmRun final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void planOfEightWithDependencies();
    void answersAndLocksThroughSrun();
    void failingJobSaysWhy();
    void goalExecutorOverridesProfile();
    void killedRunResumesWithoutRunningTwice();

private:
    QProcessEnvironment environment() const;
    QString writePlan(const QString &name, const QString &executor, int maxParallel, const QString &script,
                      const QString &goals);
    // Runs `switchboard args`, answering every escalation with option B, up to timeoutMs.
    CliRun runCli(const QStringList &args, int timeoutMs = 90000);
    QJsonArray statusAgents();
    QList<LogLine> readLog() const;

    SlurmCluster m_cluster;
    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_log;
    QString m_db;
};

void TestSlurmRun::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY2(QFile::exists(switchboardBinary()), qPrintable(switchboardBinary()));
    SWITCHBOARD_START_SLURM_CLUSTER(m_cluster);
}

void TestSlurmRun::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_log = m_dir->filePath(u"agents.log"_s);
    m_db = m_dir->filePath(u"run.db"_s);
}

void TestSlurmRun::cleanup()
{
    m_cluster.run(u"scancel"_s, {u"--me"_s});
    QTRY_VERIFY_WITH_TIMEOUT(m_cluster.jobs().isEmpty(), 15000);
}

QProcessEnvironment TestSlurmRun::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment(); // SLURM_CONF: the cluster's
    env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    return env;
}

QString TestSlurmRun::writePlan(const QString &name, const QString &executor, int maxParallel, const QString &script,
                                const QString &goals)
{
    const QString path = writeScript(m_dir->path(), name + u".sh"_s, u"#!/bin/sh\nLOG='%1'\n"_s.arg(m_log) + script);
    return writeFile(m_dir->path(), name + u".yaml"_s,
                     uR"YAML(name: %1
workflow:
  max_parallel: %2
agents:
  definitions:
    - name: worker
      backend: process
      retry: {max_retries: 0}
      settings: {kill_grace_ms: 500}
      executor: %3
      command: [sh, "%4"]
goals:
%5)YAML"_s.arg(name)
                         .arg(maxParallel)
                         .arg(executor, path, goals)
                         .toUtf8());
}

CliRun TestSlurmRun::runCli(const QStringList &args, int timeoutMs)
{
    CliRun run;
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(switchboardBinary(), args);
    if (!process.waitForStarted())
        return run;
    QByteArray buffer;
    QElapsedTimer clock;
    clock.start();
    while (process.state() != QProcess::NotRunning && clock.elapsed() < timeoutMs) {
        process.waitForReadyRead(100);
        buffer += process.readAllStandardOutput();
        for (qsizetype newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
            const QJsonObject event = QJsonDocument::fromJson(buffer.left(newline)).object();
            buffer.remove(0, newline + 1);
            if (event.isEmpty())
                continue;
            run.events << event;
            if (event.value(u"event"_s).toString() == u"escalation")
                process.write(
                    QJsonDocument(
                        QJsonObject{{u"type"_s, u"answer"_s}, {u"id"_s, event.value(u"id"_s)}, {u"option"_s, u"B"_s}})
                        .toJson(QJsonDocument::Compact) +
                    '\n');
        }
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        run.err = u"timed out after %1 ms; "_s.arg(timeoutMs);
    }
    run.err += QString::fromUtf8(process.readAllStandardError());
    if (process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    return run;
}

QJsonArray TestSlurmRun::statusAgents()
{
    QProcess status;
    status.setProcessEnvironment(environment());
    status.start(switchboardBinary(), {u"status"_s, u"--db"_s, m_db, u"--json"_s});
    status.waitForFinished(30000);
    return QJsonDocument::fromJson(status.readAllStandardOutput()).object().value(u"agents"_s).toArray();
}

QList<LogLine> TestSlurmRun::readLog() const
{
    QList<LogLine> lines;
    QFile file(m_log);
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QStringList words = QString::fromUtf8(raw).split(u' ', Qt::SkipEmptyParts);
        if (words.size() >= 2)
            lines.append(LogLine{words.at(0), words.at(1), words.mid(2)});
    }
    return lines;
}

void TestSlurmRun::planOfEightWithDependencies()
{
    // Each agent logs its start and end (nanoseconds) with the job id Slurm gave it, then works for a second.
    const QString plan = writePlan(u"eight"_s, u"{kind: slurm, partition: debug}"_s, 3, uR"SH(read -r goal
echo "start $SWITCHBOARD_GOAL_ID $SLURM_JOB_ID $(date +%s%N)" >> "$LOG"
sleep 1
echo "end $SWITCHBOARD_GOAL_ID $SLURM_JOB_ID $(date +%s%N)" >> "$LOG"
echo "{\"type\":\"result\",\"summary\":\"done $SWITCHBOARD_GOAL_ID\"}"
)SH"_s,
                                   uR"(  - {id: a, title: A, profile: worker}
  - {id: b, title: B, profile: worker}
  - {id: c, title: C, profile: worker}
  - {id: d, title: D, profile: worker}
  - {id: e, title: E, profile: worker, depends_on: [a, b]}
  - {id: f, title: F, profile: worker, depends_on: [c]}
  - {id: g, title: G, profile: worker, depends_on: [e, f]}
  - {id: h, title: H, profile: worker, depends_on: [g, d]}
)"_s);
    const CliRun run = runCli({u"run"_s, plan, u"--db"_s, m_db, u"--workspace"_s, m_dir->path(), u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    QHash<QString, qint64> starts;
    QHash<QString, qint64> ends;
    QHash<QString, QString> jobOf;
    QList<std::pair<qint64, int>> edges; // +1 at a start, -1 at an end
    for (const LogLine &line : readLog()) {
        QCOMPARE(line.rest.size(), 2);
        const qint64 at = line.rest.at(1).toLongLong();
        if (line.kind == u"start") {
            QVERIFY2(!starts.contains(line.goal), qPrintable(u"%1 started twice"_s.arg(line.goal)));
            starts.insert(line.goal, at);
            jobOf.insert(line.goal, line.rest.at(0));
            edges.append({at, +1});
        } else {
            ends.insert(line.goal, at);
            edges.append({at, -1});
        }
    }
    QCOMPARE(starts.size(), 8);
    QCOMPARE(ends.size(), 8);
    // Dependencies: a goal starts only after every goal it depends on ended.
    const QList<std::pair<QString, QString>> dependencies{{u"a"_s, u"e"_s}, {u"b"_s, u"e"_s}, {u"c"_s, u"f"_s},
                                                          {u"e"_s, u"g"_s}, {u"f"_s, u"g"_s}, {u"g"_s, u"h"_s},
                                                          {u"d"_s, u"h"_s}};
    for (const auto &[before, after] : dependencies)
        QVERIFY2(ends.value(before) < starts.value(after), qPrintable(before + u" -> "_s + after));
    // max_parallel 3 caps what was submitted: never more than three jobs' work at once (ends before starts at a tie).
    std::sort(edges.begin(), edges.end());
    int running = 0;
    int most = 0;
    for (const auto &[at, delta] : std::as_const(edges)) {
        running += delta;
        most = qMax(most, running);
    }
    QVERIFY2(most <= 3, qPrintable(QString::number(most)));

    // Every job id is recorded with its attempt, and status --json shows it with the executor.
    const QJsonArray agents = statusAgents();
    QCOMPARE(agents.size(), 8);
    QSet<QString> ids;
    for (const QJsonValue &value : agents) {
        const QJsonObject agent = value.toObject();
        const QString goal = agent.value(u"goal"_s).toString();
        QCOMPARE(agent.value(u"state"_s).toString(), u"Completed"_s);
        QCOMPARE(agent.value(u"executor"_s).toString(), u"slurm (debug)"_s);
        QCOMPARE(agent.value(u"external_id"_s).toString(), jobOf.value(goal));
        ids.insert(jobOf.value(goal));
    }
    QCOMPARE(ids.size(), 8);
    QVERIFY(m_cluster.jobs().isEmpty());
}

void TestSlurmRun::answersAndLocksThroughSrun()
{
    const QString plan = writePlan(u"talk"_s, u"slurm"_s, 3, uR"SH(read -r goal
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
    const CliRun run = runCli({u"run"_s, plan, u"--db"_s, m_db, u"--workspace"_s, m_dir->path(), u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    QString answer;
    QHash<QString, std::pair<qint64, qint64>> held;
    for (const LogLine &line : readLog()) {
        if (line.kind == u"answer")
            answer = line.rest.join(u' ');
        else if (line.kind == u"held")
            held[line.goal].first = line.rest.value(0).toLongLong();
        else if (line.kind == u"released")
            held[line.goal].second = line.rest.value(0).toLongLong();
        if (line.kind == u"held")
            QVERIFY2(line.rest.value(1).contains(u"lock_granted"_s), qPrintable(line.rest.join(u' ')));
    }
    // The answer travelled to the job through srun's stdin.
    const QJsonObject reply = QJsonDocument::fromJson(answer.toUtf8()).object();
    QCOMPARE(reply.value(u"type"_s).toString(), u"answer"_s);
    QCOMPARE(reply.value(u"option"_s).toString(), u"B"_s);
    // The lock kept the two jobs apart.
    QCOMPARE(held.size(), 2);
    const auto one = held.value(u"l1"_s);
    const auto two = held.value(u"l2"_s);
    QVERIFY(one.first > 0 && one.second > one.first && two.first > 0 && two.second > two.first);
    QVERIFY2(one.second < two.first || two.second < one.first, "both jobs held the lock at once");
}

void TestSlurmRun::failingJobSaysWhy()
{
    const QString plan = writePlan(u"fail"_s, u"slurm"_s, 1, u"read -r goal\necho 'no such table' >&2\nexit 3\n"_s,
                                   u"  - {id: broken, title: Broken, profile: worker}\n"_s);
    const CliRun run = runCli({u"run"_s, plan, u"--db"_s, m_db, u"--workspace"_s, m_dir->path(), u"--json"_s});
    QVERIFY2(run.exitCode != 0, qPrintable(run.err));
    const QJsonArray agents = statusAgents();
    QCOMPARE(agents.size(), 1);
    const QJsonObject agent = agents.first().toObject();
    QCOMPARE(agent.value(u"state"_s).toString(), u"Failed"_s);
    const QString error = agent.value(u"error"_s).toString();
    const QString job = agent.value(u"external_id"_s).toString();
    QVERIFY(!job.isEmpty());
    QVERIFY2(error.startsWith(u"exit code 3"_s), qPrintable(error));
    QVERIFY2(error.contains(u"no such table"_s), qPrintable(error));
    QVERIFY2(error.contains(u"Slurm job %1: the program exited with code 3 on %2"_s.arg(job, m_cluster.nodeName())),
             qPrintable(error));
}

void TestSlurmRun::goalExecutorOverridesProfile()
{
    // The profile runs here; one goal of the plan asks for Slurm, and only that one becomes a job.
    const QString plan = writePlan(
        u"mixed"_s, u"local"_s, 2, u"read -r goal\necho \"ran $SWITCHBOARD_GOAL_ID job=$SLURM_JOB_ID\" >> \"$LOG\"\n"_s,
        u"  - {id: here, title: Here, profile: worker}\n"
        u"  - {id: there, title: There, profile: worker, executor: {kind: slurm, partition: debug}}\n"_s);
    const CliRun run = runCli({u"run"_s, plan, u"--db"_s, m_db, u"--workspace"_s, m_dir->path(), u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QHash<QString, QString> jobOf;
    for (const LogLine &line : readLog())
        jobOf.insert(line.goal, line.rest.value(0));
    QCOMPARE(jobOf.value(u"here"_s), u"job="_s);
    QVERIFY2(jobOf.value(u"there"_s).size() > 4, qPrintable(jobOf.value(u"there"_s)));
    for (const QJsonValue &value : statusAgents()) {
        const QJsonObject agent = value.toObject();
        const bool there = agent.value(u"goal"_s).toString() == u"there";
        QCOMPARE(agent.value(u"executor"_s).toString(), there ? u"slurm (debug)"_s : u"local"_s);
        QCOMPARE(agent.value(u"external_id"_s).toString(), there ? jobOf.value(u"there"_s).mid(4) : QString());
    }
}

void TestSlurmRun::killedRunResumesWithoutRunningTwice()
{
    // Partition `one` runs one job at a time when a job asks for every CPU: of three goals under max_parallel 3,
    // one runs and two wait in Slurm's queue when Switchboard is killed.
    const QString plan =
        writePlan(u"crash"_s, u"{kind: slurm, partition: one, cpus: %1}"_s.arg(m_cluster.cpus()), 3, uR"SH(read -r goal
echo "start $SWITCHBOARD_GOAL_ID $SWITCHBOARD_ATTEMPT $SLURM_JOB_ID" >> "$LOG"
# The first attempt is still at work when Switchboard is killed: it must not get to its end. A signal that ends its
# sleep (srun passing on its own death, scancel) ends the attempt; carrying on after it would be the interrupted
# attempt's own doing, which "never twice beyond the interrupted attempt" allows and this log must not count.
if [ "$SWITCHBOARD_ATTEMPT" = 1 ]; then sleep 20 || exit 143; else sleep 1; fi
echo "end $SWITCHBOARD_GOAL_ID $SWITCHBOARD_ATTEMPT $SLURM_JOB_ID" >> "$LOG"
echo '{"type":"result","summary":"done"}'
)SH"_s,
                  uR"(  - {id: x, title: X, profile: worker}
  - {id: y, title: Y, profile: worker}
  - {id: z, title: Z, profile: worker}
)"_s);
    QProcess first;
    first.setProcessEnvironment(environment());
    first.start(switchboardBinary(), {u"run"_s, plan, u"--db"_s, m_db, u"--workspace"_s, m_dir->path(), u"--json"_s});
    QVERIFY(first.waitForStarted());
    const auto count = [this](const QString &state) {
        const QStringList jobs = m_cluster.jobs();
        return std::count_if(jobs.begin(), jobs.end(), [&](const QString &job) { return job.endsWith(state); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(readLog().size() == 1 && count(u" RUNNING"_s) == 1 && count(u" PENDING"_s) == 2, 30000);
    QStringList pending;
    for (const QString &job : m_cluster.jobs()) {
        if (job.endsWith(u" PENDING"_s))
            pending << job.section(u' ', 1, 1);
    }
    ::kill(static_cast<pid_t>(first.processId()), SIGKILL);
    QVERIFY(first.waitForFinished(10000));

    // The queued jobs outlive the killed Switchboard (srun died with it); one of them may even get the CPUs and run
    // without its program. Either way they hold the partition until something ends them.
    for (const QString &name : std::as_const(pending)) {
        QVERIFY2(name.startsWith(u"sb-r-1-"_s) && name.endsWith(u"-1"_s), qPrintable(name));
        QVERIFY2(m_cluster.jobs().join(u'\n').contains(u' ' + name + u' '), qPrintable(m_cluster.jobs().join(u", "_s)));
    }

    const CliRun resumed = runCli({u"resume"_s, u"--db"_s, m_db, u"--json"_s});
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    for (const QString &name : std::as_const(pending))
        QVERIFY2(resumed.err.contains(u"cancelled 1 leftover slurm (one) job(s) named %1"_s.arg(name)),
                 qPrintable(resumed.err));

    // From the agents' own log: every goal's work was done once; only the goal that was running when Switchboard
    // died started twice (its interrupted attempt and the resumed one), and the queued goals never started before
    // the resume.
    QHash<QString, int> startsOf;
    QHash<QString, int> endsOf;
    QStringList firstStarted;
    QStringList lines; // what a failure shows: the agents' log and what resume said
    for (const LogLine &line : readLog())
        lines << line.kind + u' ' + line.goal + u' ' + line.rest.join(u' ');
    const QString seen = lines.join(u" | "_s) + u"\nresume said: "_s + resumed.err;
    for (const LogLine &line : readLog()) {
        if (line.kind == u"start") {
            ++startsOf[line.goal];
            if (line.rest.value(0) == u"1")
                firstStarted << line.goal;
        } else {
            ++endsOf[line.goal];
        }
    }
    QVERIFY2(firstStarted.size() == 1, qPrintable(seen));
    for (const QString &goal : {u"x"_s, u"y"_s, u"z"_s}) {
        QVERIFY2(endsOf.value(goal) == 1, qPrintable(goal + u": "_s + seen));
        QVERIFY2(startsOf.value(goal) == (goal == firstStarted.first() ? 2 : 1), qPrintable(goal + u": "_s + seen));
    }
    const QJsonArray agents = statusAgents();
    QCOMPARE(agents.size(), 3);
    for (const QJsonValue &agent : agents)
        QCOMPARE(agent.toObject().value(u"state"_s).toString(), u"Completed"_s);
    QVERIFY(m_cluster.jobs().isEmpty());
}

QTEST_GUILESS_MAIN(TestSlurmRun)
#include "tst_slurmrun.moc"
