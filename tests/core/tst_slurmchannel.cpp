// The Slurm executor's channel against a real private cluster (tests/support/SlurmCluster): a program runs as a
// job through srun with its stdio forwarded both ways, the job id is known before the program gets input, the
// environment travels without showing on a command line, and failures, queue states, cancels and leftovers come
// out as the backends and the resume need them.
#include "execution/Executors.h"
#include "execution/SlurmChannel.h"
#include "support/SlurmCluster.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace switchboard;
using namespace switchboard::test;

class TestSlurmChannel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void runsProgramAsJobWithStdio();
    void failingProgramSaysSo();
    void cancelsPendingJob();
    void cancelsRunningJobAndItsProcess();
    void showsResourcesWaitOnBusyPartition();
    void manyJobsShareOneSqueue();
    void cancelLeftoversFindsJobsByName();
    void cancelLeftoversReportsUnreachableCluster();
    void jobNamesAreSafeAndBounded();

private:
    ExecutionChannel::Launch launchFor(const QString &script, const QString &jobName) const;

    SlurmCluster m_cluster;
    QTemporaryDir m_work;
};

void TestSlurmChannel::initTestCase()
{
    QVERIFY(m_work.isValid());
    SWITCHBOARD_START_SLURM_CLUSTER(m_cluster);
}

void TestSlurmChannel::cleanup()
{
    // What a failed test left must not hold the next one's CPUs.
    m_cluster.run(u"scancel"_s, {u"--me"_s});
    QTRY_VERIFY_WITH_TIMEOUT(m_cluster.jobs().isEmpty(), 15000);
}

ExecutionChannel::Launch TestSlurmChannel::launchFor(const QString &script, const QString &jobName) const
{
    ExecutionChannel::Launch launch;
    launch.program = u"sh"_s;
    launch.arguments = {u"-c"_s, script};
    launch.workingDirectory = m_work.path();
    launch.environment = QProcessEnvironment::systemEnvironment();
    launch.jobName = jobName;
    launch.killGraceMs = 1000;
    return launch;
}

void TestSlurmChannel::runsProgramAsJobWithStdio()
{
    SlurmChannel channel(SlurmTarget{}, 1 << 20);
    QStringList order; // externalIdKnown must come before anything the program says about its input
    QString announcedId;
    QList<QByteArray> out;
    connect(&channel, &ExecutionChannel::externalIdKnown, this, [&](const QString &id) {
        order << u"id"_s;
        announcedId = id;
    });
    connect(&channel, &ExecutionChannel::stdoutLineReceived, this, [&](const ProcessLineReader::Line &line) {
        order << u"out"_s;
        out << line.bytes;
    });
    QSignalSpy finished(&channel, &ExecutionChannel::finished);

    ExecutionChannel::Launch launch = launchFor(
        u"read line; echo \"got $line job=$SLURM_JOB_ID name=$SLURM_JOB_NAME secret=$SB_TEST_SECRET pwd=$(pwd)\"; "
        "read second; echo \"second $second\""_s,
        u"sb-test-stdio-1"_s);
    launch.environment.insert(u"SB_TEST_SECRET"_s, u"s3cr3t-value"_s);
    QString error;
    QVERIFY2(channel.start(launch, &error), qPrintable(error));
    // The secret travels in srun's environment, never on a command line anyone on the machine can read.
    // Right after start() the child may still be between fork and exec, showing this test's argv: wait
    // for srun's own (it cannot end before it reads the two lines below).
    const QString cmdlinePath = u"/proc/%1/cmdline"_s.arg(channel.processGroupRecord().pgid);
    QByteArray argv;
    const auto readArgv = [&] {
        QFile cmdline(cmdlinePath);
        argv = cmdline.open(QIODevice::ReadOnly) ? cmdline.readAll() : QByteArray();
        return argv.contains("--job-name=sb-test-stdio-1");
    };
    QTRY_VERIFY2_WITH_TIMEOUT(readArgv(), argv.replace('\0', ' ').constData(), 10000);
    QVERIFY(!argv.contains("s3cr3t"));

    channel.writeLine("hello");
    channel.writeLine("world");
    QVERIFY(finished.wait(60000));
    QCOMPARE(channel.exitCode(), 0);
    QVERIFY(!channel.crashed());
    QVERIFY(!announcedId.isEmpty());
    QCOMPARE(channel.externalId(), announcedId);
    QCOMPARE(order.value(0), u"id"_s);
    QCOMPARE(out.size(), 2);
    QCOMPARE(QString::fromUtf8(out.at(0)),
             u"got hello job=%1 name=sb-test-stdio-1 secret=s3cr3t-value pwd=%2"_s.arg(announcedId, m_work.path()));
    QCOMPARE(out.at(1), QByteArray("second world"));
    QVERIFY(channel.description().contains(announcedId));
}

void TestSlurmChannel::failingProgramSaysSo()
{
    SlurmChannel channel(SlurmTarget{}, 1 << 20);
    QStringList errors;
    connect(&channel, &ExecutionChannel::stderrLineReceived, this,
            [&](const ProcessLineReader::Line &line) { errors << QString::fromUtf8(line.bytes); });
    QSignalSpy finished(&channel, &ExecutionChannel::finished);
    QString error;
    QVERIFY2(channel.start(launchFor(u"echo 'bad input' >&2; exit 3"_s, u"sb-test-fail-1"_s), &error),
             qPrintable(error));
    QVERIFY(finished.wait(60000));
    QCOMPARE(channel.exitCode(), 3);
    QVERIFY2(errors.contains(u"bad input"_s), qPrintable(errors.join(u" | "_s)));
    const QString expected =
        u"Slurm job %1: the program exited with code 3 on %2"_s.arg(channel.externalId(), m_cluster.nodeName());
    QVERIFY2(errors.contains(expected), qPrintable(errors.join(u" | "_s)));
    // srun's own chatter (-v) stays out of what the agent's stderr tail shows.
    QVERIFY2(std::none_of(errors.begin(), errors.end(), [](const QString &e) { return e.startsWith(u"srun:"_s); }),
             qPrintable(errors.join(u" | "_s)));
}

void TestSlurmChannel::cancelsPendingJob()
{
    SlurmTarget target;
    target.extraArgs = {u"--begin=now+3600"_s};
    SlurmChannel channel(target, 1 << 20);
    QStringList states;
    connect(&channel, &ExecutionChannel::externalStateChanged, this, [&](const QString &s) { states << s; });
    QSignalSpy idKnown(&channel, &ExecutionChannel::externalIdKnown);
    QSignalSpy finished(&channel, &ExecutionChannel::finished);
    QString error;
    QVERIFY2(channel.start(launchFor(u"echo never; touch ran"_s, u"sb-test-pending-1"_s), &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(states.contains(u"pending in Slurm: BeginTime"_s), 20000);
    QCOMPARE(idKnown.size(), 1);
    QCOMPARE(m_cluster.jobs(), QStringList{u"%1 sb-test-pending-1 PENDING"_s.arg(channel.externalId())});

    channel.terminate(u"cancelled"_s);
    QVERIFY(finished.wait(30000));
    QVERIFY(!channel.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(m_cluster.jobs().isEmpty(), 15000);
    QVERIFY(!QFile::exists(m_work.filePath(u"ran"_s)));
}

void TestSlurmChannel::cancelsRunningJobAndItsProcess()
{
    SlurmChannel channel(SlurmTarget{}, 1 << 20);
    QStringList states;
    connect(&channel, &ExecutionChannel::externalStateChanged, this, [&](const QString &s) { states << s; });
    QSignalSpy exited(&channel, &ExecutionChannel::exited);
    QSignalSpy finished(&channel, &ExecutionChannel::finished);
    const QString pidFile = m_work.filePath(u"running.pid"_s);
    QString error;
    // The shell replaces itself with sleep: the pid in the file is the process the job runs.
    QVERIFY2(channel.start(launchFor(u"echo $$ > '%1'; exec sleep 300"_s.arg(pidFile), u"sb-test-running-1"_s), &error),
             qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(QFile(pidFile).size() > 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(states.contains(u"running on %1"_s.arg(m_cluster.nodeName())), 20000);
    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const qint64 pid = file.readAll().trimmed().toLongLong();
    QVERIFY(processAlive(pid));

    channel.terminate(u"cancelled"_s);
    QVERIFY(finished.wait(30000));
    QCOMPARE(exited.size(), 1);
    QVERIFY(channel.exitCode() != 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_cluster.jobs().isEmpty(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 15000);
}

void TestSlurmChannel::showsResourcesWaitOnBusyPartition()
{
    // Partition `one` does not share CPUs: a job holding all of them makes the next one wait for Resources.
    SlurmTarget target;
    target.partition = u"one"_s;
    target.cpus = m_cluster.cpus();
    SlurmChannel first(target, 1 << 20);
    SlurmChannel second(target, 1 << 20);
    QStringList firstStates;
    QStringList secondStates;
    connect(&first, &ExecutionChannel::externalStateChanged, this, [&](const QString &s) { firstStates << s; });
    connect(&second, &ExecutionChannel::externalStateChanged, this, [&](const QString &s) { secondStates << s; });
    QList<bool> secondQueue; // queueChanged: in Slurm's queue, then out of it (its queue time is not run time)
    connect(&second, &ExecutionChannel::queueChanged, this, [&](bool waiting) { secondQueue << waiting; });
    QSignalSpy firstDone(&first, &ExecutionChannel::finished);
    QSignalSpy secondDone(&second, &ExecutionChannel::finished);
    QString error;
    QVERIFY2(first.start(launchFor(u"read go; echo done"_s, u"sb-test-busy-1"_s), &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(firstStates.contains(u"running on %1"_s.arg(m_cluster.nodeName())), 20000);
    QVERIFY2(second.start(launchFor(u"echo second"_s, u"sb-test-busy-2"_s), &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(secondStates.contains(u"pending in Slurm: Resources"_s), 20000);
    QCOMPARE(secondQueue, QList<bool>{true});

    first.writeLine("go"); // the first ends, the second gets the CPUs
    QVERIFY(firstDone.wait(30000));
    QVERIFY(secondDone.wait(60000));
    QCOMPARE(second.exitCode(), 0);
    QVERIFY(secondStates.contains(u"running on %1"_s.arg(m_cluster.nodeName())) || secondStates.last().isEmpty());
    QCOMPARE(secondQueue, (QList<bool>{true, false})); // "allocated resources", or squeue saying RUNNING
}

// Six jobs waiting in the queue are asked about together: squeue is called with several of their names at once
// (a shim in PATH logs each call and runs the real squeue; one squeue per channel named one job each), and every
// channel still learns its own job id and queue state.
void TestSlurmChannel::manyJobsShareOneSqueue()
{
    QTemporaryDir shimDir;
    QVERIFY(shimDir.isValid());
    const QString realSqueue = QStandardPaths::findExecutable(u"squeue"_s);
    QVERIFY(!realSqueue.isEmpty());
    const QString log = shimDir.filePath(u"squeue.log"_s);
    QFile shim(shimDir.filePath(u"squeue"_s));
    QVERIFY(shim.open(QIODevice::WriteOnly));
    shim.write(u"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '%1'\nexec '%2' \"$@\"\n"_s.arg(log, realSqueue).toUtf8());
    shim.close();
    QVERIFY(shim.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", shimDir.path().toLocal8Bit() + ':' + path);
    const auto restorePath = qScopeGuard([&path] { qputenv("PATH", path); });

    // The jobs cannot start for an hour (--begin), so they stay PENDING while they are watched.
    SlurmTarget target;
    target.extraArgs = {u"--begin=now+3600"_s};
    constexpr int count = 6;
    std::vector<std::unique_ptr<SlurmChannel>> channels;
    QList<QStringList> states(count);
    QStringList ids(count);
    const qint64 callsBefore = SlurmQueue::instance().calls();
    for (int i = 0; i < count; ++i) {
        channels.push_back(std::make_unique<SlurmChannel>(target, 1 << 20));
        connect(channels.back().get(), &ExecutionChannel::externalStateChanged, this,
                [&states, i](const QString &state) { states[i] << state; });
        connect(channels.back().get(), &ExecutionChannel::externalIdKnown, this,
                [&ids, i](const QString &id) { ids[i] = id; });
        QString error;
        QVERIFY2(channels.back()->start(launchFor(u"true"_s, u"sb-test-shared-%1"_s.arg(i)), &error),
                 qPrintable(error));
    }
    for (int i = 0; i < count; ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(!ids[i].isEmpty(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(states[i].contains(u"pending in Slurm: BeginTime"_s), 20000);
    }
    // Their questions were shared: some squeue named more than one of them.
    QFile logFile(log);
    QVERIFY(logFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> calls = logFile.readAll().split('\n');
    int shared = 0;
    for (const QByteArray &call : calls) {
        if (call.contains("sb-test-shared-") && call.count("sb-test-shared-") > 1)
            ++shared;
    }
    QVERIFY2(shared > 0, calls.join('\n').constData());
    QVERIFY(SlurmQueue::instance().calls() > callsBefore);
    for (const auto &channel : channels)
        channel->terminate(u"test over"_s);
    for (const auto &channel : channels)
        QTRY_VERIFY_WITH_TIMEOUT(!channel->isRunning(), 30000);
}

void TestSlurmChannel::cancelLeftoversFindsJobsByName()
{
    // What a crashed Switchboard leaves: a job whose srun is gone, still queued under the attempt's name.
    QProcess srun;
    srun.start(u"srun"_s, {u"--job-name=sb-test-left-1"_s, u"--begin=now+3600"_s, u"-n1"_s, u"true"_s});
    QVERIFY(srun.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(m_cluster.jobs().size() == 1, 20000);
    srun.kill(); // a pending job outlives its srun
    srun.waitForFinished();
    QCOMPARE(m_cluster.jobs().size(), 1);
    QVERIFY(m_cluster.jobs().first().endsWith(u"sb-test-left-1 PENDING"_s));

    ExecutorSpec spec;
    spec.kind = ExecutorSpec::Kind::Slurm;
    QString error;
    QCOMPARE(Executors::cancelLeftovers(spec, u"sb-test-left-2"_s, &error), 0); // another name: untouched
    QCOMPARE(m_cluster.jobs().size(), 1);
    QCOMPARE(Executors::cancelLeftovers(spec, u"sb-test-left-1"_s, &error), 1);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_cluster.jobs().isEmpty());
    QCOMPARE(Executors::cancelLeftovers(spec, u"sb-test-left-1"_s, &error), 0);
}

void TestSlurmChannel::cancelLeftoversReportsUnreachableCluster()
{
    // Slurm's tools are not there (a controller that is down answers the same, after squeue's own timeouts).
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", m_work.path().toUtf8());
    ExecutorSpec spec;
    spec.kind = ExecutorSpec::Kind::Slurm;
    QString error;
    const int ended = Executors::cancelLeftovers(spec, u"sb-test-any-1"_s, &error);
    qputenv("PATH", path);
    QCOMPARE(ended, -1);
    QVERIFY2(error.startsWith(u"cannot ask Slurm for jobs named sb-test-any-1: cannot run squeue"_s),
             qPrintable(error));
    QVERIFY2(error.contains(u"not found in PATH"_s), qPrintable(error));
}

void TestSlurmChannel::jobNamesAreSafeAndBounded()
{
    QCOMPARE(Executors::jobName(u"0a1b2c"_s, u"r-3"_s, u"build api"_s, 2), u"sb-0a1b2c-r-3-build_api-2"_s);
    const QString longA = Executors::jobName(u"0a1b2c"_s, u"r-1"_s, QString(100, u'x') + u"a"_s, 1);
    const QString longB = Executors::jobName(u"0a1b2c"_s, u"r-1"_s, QString(100, u'x') + u"b"_s, 1);
    QVERIFY(longA.size() <= Executors::MaxJobName);
    QVERIFY(longA.endsWith(u"-1"_s));
    QVERIFY(longA != longB);
    QVERIFY(!Executors::jobName(u"0a1b2c"_s, u"r-1"_s, u"a;rm -rf /$(x)"_s, 1).contains(u' '));
    // Two databases' runs r-1 get different names (a resume ends only its own leftovers); the same database
    // gets the same scope each time it is opened; without one, the process has a scope of its own.
    const QString scopeA = Executors::jobScope(u"/home/me/a/switchboard.db"_s);
    const QString scopeB = Executors::jobScope(u"/home/me/b/switchboard.db"_s);
    QCOMPARE(scopeA.size(), 6);
    QVERIFY(scopeA != scopeB);
    QCOMPARE(Executors::jobScope(u"/home/me/a/switchboard.db"_s), scopeA);
    QVERIFY(Executors::jobName(scopeA, u"r-1"_s, u"x"_s, 1) != Executors::jobName(scopeB, u"r-1"_s, u"x"_s, 1));
    const QString processScope = Executors::jobScope({});
    QCOMPARE(processScope.size(), 6);
    QCOMPARE(Executors::jobScope(QString()), processScope); // one per process, not one per call
}

QTEST_GUILESS_MAIN(TestSlurmChannel)
#include "tst_slurmchannel.moc"
