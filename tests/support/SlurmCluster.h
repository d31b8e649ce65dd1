#pragma once

#include <QDateTime>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace switchboard::test {

// One job as Slurm's accounting recorded it (`sacct -X`: the allocation, not its steps).
struct SacctJob
{
    QString id;
    QString name;
    QString state;    // first word of sacct's State: COMPLETED, CANCELLED ("CANCELLED by 0"), FAILED, ...
    QDateTime start;  // whole seconds; invalid when the job never started ("Unknown", "None")
    QDateTime end;    // whole seconds; invalid while it has not ended
    QString exitCode; // "code:signal"
};

// A private single-node Slurm cluster for one test executable: its own munged (own key and socket), slurmctld and
// slurmd on free ports with a slurm.conf generated in a temporary directory, ready when sinfo says the node is
// idle. start() also points this process's SLURM_CONF at it, so srun/squeue/scancel started by the code under test
// (and by child processes, e.g. the switchboard binary) use it. Partitions: `debug` (default, up to 8 jobs per
// CPU) and `one` (OverSubscribe=NO: a job asking for every CPU keeps the next one pending with reason Resources).
// With Accounting::Sacct it also keeps job accounting, so sacct answers: a MariaDB server of its own (data
// directory, socket and TCP port in the temporary directory) and a slurmdbd on a free port that slurmctld
// registers the cluster with. stop() (and the destructor) cancels every job and ends the daemons it started.
class SlurmCluster final
{
    Q_DISABLE_COPY_MOVE(SlurmCluster)

public:
    enum class Accounting
    {
        None,
        Sacct
    };

    explicit SlurmCluster(Accounting accounting = Accounting::None);
    ~SlurmCluster();

    // Why this machine cannot run this cluster at all (missing binaries, not root); empty when it can.
    QString unavailableReason() const;
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

    // Every job sacct knows of on this cluster (Accounting::Sacct only), oldest first. slurmctld hands a job's
    // records to slurmdbd in the background, so a job that just ended may still show as running or be missing.
    QList<SacctJob> sacctJobs() const;
    // sacctJobs() once every job id in `ids` shows there as ended, waiting up to timeoutMs. slurmctld sends the
    // records in order, so every job submitted before those ended is there too. On timeout false, *error saying
    // which jobs sacct did not show as ended and what it did show.
    bool waitForSacct(const QStringList &ids, QList<SacctJob> *jobs, QString *error, int timeoutMs = 120000) const;

private:
    bool startMunge(QString *error);
    bool startAccounting(QString *error);
    bool startMariaDb(quint16 port, QString *error);
    bool startDaemon(const QString &program, const QStringList &arguments, QString *error);
    bool waitIdle(QString *error);
    bool waitRegistered(QString *error);
    bool writeConfig(const QString &name, const QByteArray &content, QString *error);
    QString logTail(const QString &file) const;
    static void endPidFile(const QString &path);
    static void endPid(qint64 pid);

    QTemporaryDir m_dir;
    Accounting m_accounting;
    QString m_node;
    QString m_previousConf;
    bool m_hadPreviousConf = false;
    int m_cpus = 1;
    quint16 m_dbdPort = 0;
    qint64 m_mariaDbPid = 0;
    QDateTime m_startedAt;
    bool m_started = false;
};

} // namespace switchboard::test

// In a test function (initTestCase, init or the test itself): starts `cluster`, or skips with the reason why this
// machine cannot run one; under CI=true missing packages fail instead (scripts/setup installs them, so that is a
// broken setup, not a reason to skip). A macro because QSKIP and QFAIL must return from the test function.
#define SWITCHBOARD_START_SLURM_CLUSTER(cluster)                                                                       \
    do {                                                                                                               \
        const QString unavailable_ = (cluster).unavailableReason();                                                    \
        if (!unavailable_.isEmpty()) {                                                                                 \
            if (qEnvironmentVariable("CI") == QStringLiteral("true") &&                                                \
                unavailable_.contains(QStringLiteral("not installed")))                                                \
                QFAIL(qPrintable(unavailable_));                                                                       \
            QSKIP(qPrintable(unavailable_));                                                                           \
        }                                                                                                              \
        QString startError_;                                                                                           \
        QVERIFY2((cluster).start(&startError_), qPrintable(startError_));                                              \
    } while (false)
