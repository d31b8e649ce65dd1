// A Slurm job that runs into its time limit (issue 19) ends with a clear error instead of a bare exit code. Slurm's
// limits are whole minutes and slurmctld checks them every 30 s, so this one test takes 60-90 s: it has an
// executable of its own, so ctest -j runs it beside the other Slurm tests.
#include "execution/SlurmChannel.h"
#include "support/SlurmCluster.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace switchboard;
using namespace switchboard::test;

class TestSlurmTimeLimit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void timeLimitEndsJobWithClearError();

private:
    SlurmCluster m_cluster;
};

void TestSlurmTimeLimit::initTestCase()
{
    SWITCHBOARD_START_SLURM_CLUSTER(m_cluster);
}

void TestSlurmTimeLimit::timeLimitEndsJobWithClearError()
{
    QTemporaryDir work;
    QVERIFY(work.isValid());
    SlurmTarget target;
    target.timeLimit = u"1"_s; // one minute: Slurm's smallest
    SlurmChannel channel(target, 1 << 20);
    QStringList errors;
    connect(&channel, &ExecutionChannel::stderrLineReceived, this,
            [&](const ProcessLineReader::Line &line) { errors << QString::fromUtf8(line.bytes); });
    QSignalSpy finished(&channel, &ExecutionChannel::finished);
    ExecutionChannel::Launch launch;
    launch.program = u"sleep"_s;
    launch.arguments = {u"600"_s};
    launch.workingDirectory = work.path();
    launch.environment = QProcessEnvironment::systemEnvironment();
    launch.jobName = u"sb-test-timelimit-1"_s;
    QString error;
    QVERIFY2(channel.start(launch, &error), qPrintable(error));
    QVERIFY(finished.wait(150000));
    QVERIFY(channel.exitCode() != 0 || channel.crashed());
    const QString expected = u"Slurm ended job %1 on %2: it reached its time limit (time_limit 1)"_s.arg(
        channel.externalId(), m_cluster.nodeName());
    QVERIFY2(errors.contains(expected), qPrintable(errors.join(u" | "_s)));
    QTRY_VERIFY_WITH_TIMEOUT(m_cluster.jobs().isEmpty(), 15000);
}

QTEST_GUILESS_MAIN(TestSlurmTimeLimit)
#include "tst_slurmtimelimit.moc"
