// Whole runs on the Slurm executor (issue 19), through the real CLI against a private cluster
// (tests/support/SlurmCluster) that keeps job accounting (its own slurmdbd and MariaDB): a plan of eight goals with
// dependencies under max_parallel 3, answers and locks through srun's stdio, a failing job's error, and kill -9
// mid-run followed by resume, where the jobs the killed Switchboard left are found and cancelled and no goal's work
// runs twice. Two witnesses: the agents log what they did (with the job id Slurm gave them, in nanoseconds) to a file
// of the test, and sacct says which jobs Slurm ran, how they ended and when (in whole seconds). Job names are
// sb-<scope>-r-1-<goal>-<attempt>, the scope a hash of the test's database; goal ids differ between the tests of
// this file all the same, so a test's sacct query cannot count another's jobs.
#include "support/CliRun.h"
#include "support/SlurmCluster.h"
#include "support/TestSupport.h"

#include <QDir>
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

// Long enough for srun, the queue and slurmdbd on a loaded 2-core machine.
constexpr int kWaitMs = 90000;

// The goal a job of this test ran ("sb-<scope>-r-1-<goal>-<attempt>"), or empty for another job.
QString goalOfJob(const QString &jobName)
{
    static const QRegularExpression pattern(u"^sb-[0-9a-f]{6}-r-1-(.+)-\\d+$"_s);
    return pattern.match(jobName).captured(1);
}

// The jobs of these goals among jobs.
QList<SacctJob> jobsOfGoals(const QList<SacctJob> &jobs, const QStringList &goals)
{
    QList<SacctJob> result;
    for (const SacctJob &job : jobs) {
        if (goals.contains(goalOfJob(job.name)))
            result << job;
    }
    return result;
}

QString describe(const QList<SacctJob> &jobs)
{
    QStringList shown;
    for (const SacctJob &job : jobs)
        shown << u"%1 %2 %3 %4..%5"_s.arg(job.id, job.name, job.state, job.start.toString(u"HH:mm:ss"_s),
                                          job.end.toString(u"HH:mm:ss"_s));
    return u"sacct shows: "_s + shown.join(u", "_s);
}

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
    QString writePlan(const QString &name, const QString &executor, int maxParallel, const QString &script,
                      const QString &goals);
    CliRun runCli(const QStringList &args) { return test::runCli(cliEnvironment(m_home.path()), args, kWaitMs); }
    QJsonArray statusAgents() { return test::statusAgents(cliEnvironment(m_home.path()), m_db); }
    QList<AgentLogLine> readLog() const { return readAgentLog(m_log); }

    SlurmCluster m_cluster{SlurmCluster::Accounting::Sacct};
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

QString TestSlurmRun::writePlan(const QString &name, const QString &executor, int maxParallel, const QString &script,
                                const QString &goals)
{
    return writeWorkerPlan(m_dir->path(), m_log, name, maxParallel, executor, script, goals);
}

void TestSlurmRun::planOfEightWithDependencies()
{
    // Each agent logs its start and end (nanoseconds) with the job id Slurm gave it, and works for two seconds in
    // between, so that sacct's whole seconds still show each job running for at least one certain second.
    const QString plan = writePlan(u"eight"_s, u"{kind: slurm, partition: debug}"_s, 3, uR"SH(read -r goal
echo "start $SWITCHBOARD_GOAL_ID $SLURM_JOB_ID $(date +%s%N)" >> "$LOG"
sleep 2
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
    for (const AgentLogLine &line : readLog()) {
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

    // Slurm's own accounting: one job for each goal, the one its agent logged, which completed.
    QList<SacctJob> jobs;
    QString sacctError;
    QVERIFY2(m_cluster.waitForSacct(jobOf.values(), &jobs, &sacctError), qPrintable(sacctError));
    jobs = jobsOfGoals(jobs, starts.keys());
    const QString shown = describe(jobs);
    QVERIFY2(jobs.size() == 8, qPrintable(shown));
    QHash<QString, SacctJob> jobOfGoal;
    for (const SacctJob &job : std::as_const(jobs)) {
        const QString goal = goalOfJob(job.name);
        QVERIFY2(!jobOfGoal.contains(goal), qPrintable(goal + u" ran twice; "_s + shown));
        jobOfGoal.insert(goal, job);
        QVERIFY2(job.id == jobOf.value(goal), qPrintable(goal + u": "_s + shown));
        QVERIFY2(job.state == u"COMPLETED" && job.exitCode == u"0:0", qPrintable(goal + u": "_s + shown));
        QVERIFY2(job.start.isValid() && job.end >= job.start, qPrintable(goal + u": "_s + shown));
    }
    // sacct's times are whole seconds, cut off: a job started in [Start, Start + 1) and ended in [End, End + 1).
    // A prerequisite ended before its dependant started unless the dependant's Start second is before the
    // prerequisite's End second (the same second says nothing about the order).
    for (const auto &[before, after] : dependencies)
        QVERIFY2(jobOfGoal.value(before).end <= jobOfGoal.value(after).start,
                 qPrintable(before + u" -> "_s + after + u"; "_s + shown));
    // Likewise a job certainly ran in [Start + 1, End) only; four of those intervals sharing a moment would be four
    // jobs at once. Shorter overlaps hide in the cut-off seconds: the agents' log above is the exact check, this one
    // is Slurm's word on what it can resolve.
    QList<std::pair<QDateTime, int>> certain; // +1 where a job certainly runs from, -1 where that ends
    for (const SacctJob &job : std::as_const(jobs)) {
        if (job.start.addSecs(1) < job.end)
            certain << std::pair{job.start.addSecs(1), +1} << std::pair{job.end, -1};
    }
    std::sort(certain.begin(), certain.end()); // at a tie the end (-1) comes first: half-open intervals
    int atOnce = 0;
    int mostAtOnce = 0;
    for (const auto &[at, delta] : std::as_const(certain)) {
        atOnce += delta;
        mostAtOnce = qMax(mostAtOnce, atOnce);
    }
    QVERIFY2(mostAtOnce <= 3, qPrintable(shown));
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

    // The answer travelled to the job through srun's stdin, and the lock kept the two jobs apart.
    const QString problem = test::answerAndLockProblem(readLog());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
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
    for (const AgentLogLine &line : readLog())
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
    first.setProcessEnvironment(cliEnvironment(m_home.path()));
    first.start(switchboardBinary(), {u"run"_s, plan, u"--db"_s, m_db, u"--workspace"_s, m_dir->path(), u"--json"_s});
    QVERIFY(first.waitForStarted());
    const auto count = [this](const QString &state) {
        const QStringList jobs = m_cluster.jobs();
        return std::count_if(jobs.begin(), jobs.end(), [&](const QString &job) { return job.endsWith(state); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(readLog().size() == 1 && count(u" RUNNING"_s) == 1 && count(u" PENDING"_s) == 2, 30000);
    QStringList pending;
    QStringList firstJobs; // every job the killed Switchboard submitted
    for (const QString &job : m_cluster.jobs()) {
        firstJobs << job.section(u' ', 0, 0);
        if (job.endsWith(u" PENDING"_s))
            pending << job.section(u' ', 1, 1);
    }
    ::kill(static_cast<pid_t>(first.processId()), SIGKILL);
    QVERIFY(first.waitForFinished(10000));

    // The queued jobs outlive the killed Switchboard (srun died with it); one of them may even get the CPUs and run
    // without its program. Either way they hold the partition until something ends them.
    for (const QString &name : std::as_const(pending)) {
        QVERIFY2(!goalOfJob(name).isEmpty() && name.endsWith(u"-1"_s), qPrintable(name));
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
    for (const AgentLogLine &line : readLog())
        lines << line.kind + u' ' + line.goal + u' ' + line.rest.join(u' ');
    const QString seen = lines.join(u" | "_s) + u"\nresume said: "_s + resumed.err;
    for (const AgentLogLine &line : readLog()) {
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
    QHash<QString, QString> lastJobOf;
    for (const QJsonValue &value : agents) {
        const QJsonObject agent = value.toObject();
        QCOMPARE(agent.value(u"state"_s).toString(), u"Completed"_s);
        lastJobOf.insert(agent.value(u"goal"_s).toString(), agent.value(u"external_id"_s).toString());
    }
    QVERIFY(m_cluster.jobs().isEmpty());

    // Slurm's own accounting of every job of the three goals, the killed run's and the resumed one's: per goal one
    // job completed (the one status names), and at most one other, of the first attempt, which was cut short
    // (CANCELLED by resume's scancel, or FAILED). None of the interrupted jobs ran the goal to its end.
    QList<SacctJob> jobs;
    QString sacctError;
    QVERIFY2(m_cluster.waitForSacct(firstJobs + lastJobOf.values(), &jobs, &sacctError), qPrintable(sacctError));
    jobs = jobsOfGoals(jobs, {u"x"_s, u"y"_s, u"z"_s});
    const QString shown = describe(jobs) + u"\n"_s + seen;
    for (const QString &goal : {u"x"_s, u"y"_s, u"z"_s}) {
        int completed = 0;
        int interrupted = 0;
        for (const SacctJob &job : std::as_const(jobs)) {
            if (goalOfJob(job.name) != goal)
                continue;
            if (job.state == u"COMPLETED") {
                ++completed;
                QVERIFY2(job.id == lastJobOf.value(goal) && job.exitCode == u"0:0", qPrintable(goal + u": "_s + shown));
            } else {
                ++interrupted;
                QVERIFY2(job.state == u"CANCELLED" || job.state == u"FAILED", qPrintable(goal + u": "_s + shown));
                QVERIFY2(job.name.endsWith(u"-1"_s) && firstJobs.contains(job.id), qPrintable(goal + u": "_s + shown));
            }
        }
        QVERIFY2(completed == 1, qPrintable(goal + u": "_s + shown));
        QVERIFY2(interrupted <= 1, qPrintable(goal + u": "_s + shown));
    }
    // Every job the killed Switchboard left was one of those interrupted ones.
    for (const QString &id : std::as_const(firstJobs)) {
        const auto job = std::find_if(jobs.cbegin(), jobs.cend(), [&](const SacctJob &j) { return j.id == id; });
        QVERIFY2(job != jobs.cend() && job->state != u"COMPLETED", qPrintable(id + u": "_s + shown));
    }
}

QTEST_GUILESS_MAIN(TestSlurmRun)
#include "tst_slurmrun.moc"
