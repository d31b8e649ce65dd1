#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace switchboard::test {

// A private single-node Slurm cluster for one test executable: its own munged (own key and socket), slurmctld and
// slurmd on free ports with a slurm.conf generated in a temporary directory, ready when sinfo says the node is
// idle. start() also points this process's SLURM_CONF at it, so srun/squeue/scancel started by the code under test
// (and by child processes, e.g. the switchboard binary) use it. Partitions: `debug` (default, up to 8 jobs per
// CPU) and `one` (OverSubscribe=NO: a job asking for every CPU keeps the next one pending with reason Resources).
// stop() (and the destructor) cancels every job and ends the daemons it started.
class SlurmCluster final
{
    Q_DISABLE_COPY_MOVE(SlurmCluster)

public:
    SlurmCluster();
    ~SlurmCluster();

    // Why this machine cannot run a cluster at all (no Slurm or munge binaries, not root); empty when it can.
    static QString unavailableReason();
    // False with *error saying which step failed and the daemon's last log lines.
    bool start(QString *error);
    void stop();

    QString confPath() const;
    QString directory() const { return m_dir.path(); }
    int cpus() const { return m_cpus; }
    QString nodeName() const { return m_node; }

    // Runs a Slurm client command against this cluster; its stdout, and *exitCode (-1: did not run).
    QString run(const QString &program, const QStringList &arguments, int *exitCode = nullptr) const;
    // "ID NAME STATE" of every job Slurm lists (pending, running, completing).
    QStringList jobs() const;

private:
    bool startMunge(QString *error);
    bool startDaemon(const QString &program, QString *error);
    bool waitIdle(QString *error);
    QString logTail(const QString &file) const;
    static void endPidFile(const QString &path);

    QTemporaryDir m_dir;
    QString m_node;
    QString m_previousConf;
    bool m_hadPreviousConf = false;
    int m_cpus = 1;
    bool m_started = false;
};

} // namespace switchboard::test

// In a test function (initTestCase, init or the test itself): starts `cluster`, or skips with the reason why this
// machine cannot run one; under CI=true missing packages fail instead (scripts/setup installs them, so that is a
// broken setup, not a reason to skip). A macro because QSKIP and QFAIL must return from the test function.
#define SWITCHBOARD_START_SLURM_CLUSTER(cluster)                                                                       \
    do {                                                                                                               \
        const QString unavailable_ = ::switchboard::test::SlurmCluster::unavailableReason();                           \
        if (!unavailable_.isEmpty()) {                                                                                 \
            if (qEnvironmentVariable("CI") == QStringLiteral("true") &&                                                \
                unavailable_.contains(QStringLiteral("not installed")))                                                \
                QFAIL(qPrintable(unavailable_));                                                                       \
            QSKIP(qPrintable(unavailable_));                                                                           \
        }                                                                                                              \
        QString startError_;                                                                                           \
        QVERIFY2((cluster).start(&startError_), qPrintable(startError_));                                              \
    } while (false)
