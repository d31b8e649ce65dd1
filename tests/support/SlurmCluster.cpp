#include "SlurmCluster.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTcpServer>
#include <QThread>

#include <csignal>

#include <sys/types.h>
#include <unistd.h>

namespace switchboard::test {

using namespace Qt::StringLiterals;

namespace {

const QStringList kSlurmPrograms{u"munged"_s, u"slurmctld"_s, u"slurmd"_s, u"srun"_s,
                                 u"squeue"_s, u"scancel"_s,   u"sinfo"_s};

QString findProgram(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {u"/usr/sbin"_s, u"/sbin"_s});
    return path;
}

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

int memoryMiB()
{
    QFile meminfo(u"/proc/meminfo"_s);
    if (!meminfo.open(QIODevice::ReadOnly))
        return 1000;
    const QList<QByteArray> fields = meminfo.readLine().simplified().split(' '); // "MemTotal: N kB"
    return fields.size() >= 2 ? int(fields.at(1).toLongLong() / 1024) : 1000;
}

bool pidAlive(pid_t pid)
{
    if (pid <= 1 || ::kill(pid, 0) != 0)
        return false;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close < 0 || text.mid(close + 2, 1) != "Z";
}

} // namespace

SlurmCluster::SlurmCluster() = default;

SlurmCluster::~SlurmCluster()
{
    stop();
}

QString SlurmCluster::unavailableReason()
{
    for (const QString &program : kSlurmPrograms) {
        if (findProgram(program).isEmpty())
            return u"%1 is not installed (scripts/setup installs slurm-wlm and munge)"_s.arg(program);
    }
    if (::geteuid() != 0)
        return u"slurmd must run as root to start jobs (SlurmUser=root), and this test runs as uid %1"_s.arg(
            ::geteuid());
    return {};
}

QString SlurmCluster::confPath() const
{
    return m_dir.filePath(u"slurm.conf"_s);
}

bool SlurmCluster::start(QString *error)
{
    if (const QString why = unavailableReason(); !why.isEmpty()) {
        *error = why;
        return false;
    }
    if (!m_dir.isValid()) {
        *error = u"cannot make a temporary directory: %1"_s.arg(m_dir.errorString());
        return false;
    }
    m_node = QSysInfo::machineHostName().section(u'.', 0, 0);
    m_cpus = qMax(1, QThread::idealThreadCount());
    const QDir dir(m_dir.path());
    dir.mkpath(u"state"_s);
    dir.mkpath(u"spool"_s);
    if (!startMunge(error))
        return false;
    m_started = true; // from here on stop() has something to end

    const QString conf = u"ClusterName=sbtest\n"
                         "SlurmctldHost=%1\n"
                         "SlurmUser=root\n"
                         "SlurmctldPort=%2\n"
                         "SlurmdPort=%3\n"
                         "AuthType=auth/munge\n"
                         "AuthInfo=socket=%4/munge.sock\n"
                         "StateSaveLocation=%4/state\n"
                         "SlurmdSpoolDir=%4/spool\n"
                         "SlurmctldPidFile=%4/slurmctld.pid\n"
                         "SlurmdPidFile=%4/slurmd.pid\n"
                         "SlurmctldLogFile=%4/slurmctld.log\n"
                         "SlurmdLogFile=%4/slurmd.log\n"
                         "ProctrackType=proctrack/linuxproc\n"
                         "TaskPlugin=task/none\n"
                         "MpiDefault=none\n"
                         "SchedulerType=sched/builtin\n"
                         "SelectType=select/cons_tres\n"
                         "SelectTypeParameters=CR_Core\n"
                         "JobAcctGatherType=jobacct_gather/none\n"
                         "AccountingStorageType=accounting_storage/none\n"
                         "ReturnToService=2\n"
                         "KillWait=5\n"
                         "NodeName=%1 CPUs=%5 RealMemory=%6 State=UNKNOWN\n"
                         "PartitionName=debug Nodes=%1 Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE:8\n"
                         "PartitionName=one Nodes=%1 MaxTime=INFINITE State=UP OverSubscribe=NO\n"_s.arg(m_node)
                             .arg(freePort())
                             .arg(freePort())
                             .arg(m_dir.path())
                             .arg(m_cpus)
                             .arg(qBound(100, memoryMiB() / 2, 2000));
    QFile file(confPath());
    if (!file.open(QIODevice::WriteOnly) || file.write(conf.toUtf8()) != conf.toUtf8().size()) {
        *error = u"cannot write %1: %2"_s.arg(confPath(), file.errorString());
        return false;
    }
    file.close();
    m_hadPreviousConf = qEnvironmentVariableIsSet("SLURM_CONF");
    m_previousConf = qEnvironmentVariable("SLURM_CONF");
    qputenv("SLURM_CONF", confPath().toUtf8());
    if (!startDaemon(u"slurmctld"_s, error) || !startDaemon(u"slurmd"_s, error))
        return false;
    return waitIdle(error);
}

bool SlurmCluster::startMunge(QString *error)
{
    // A key of its own and a socket in the temporary directory: nothing of the machine's munge is used or changed.
    QFile key(m_dir.filePath(u"munge.key"_s));
    if (!key.open(QIODevice::WriteOnly)) {
        *error = u"cannot write the munge key: %1"_s.arg(key.errorString());
        return false;
    }
    QByteArray bytes(1024, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    key.write(bytes);
    key.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    key.close();
    const QString socket = m_dir.filePath(u"munge.sock"_s);
    QProcess munged;
    munged.start(findProgram(u"munged"_s), {u"--force"_s, u"--socket="_s + socket, u"--key-file="_s + key.fileName(),
                                            u"--log-file="_s + m_dir.filePath(u"munged.log"_s),
                                            u"--pid-file="_s + m_dir.filePath(u"munged.pid"_s),
                                            u"--seed-file="_s + m_dir.filePath(u"munged.seed"_s)});
    if (!munged.waitForFinished(30000) || munged.exitCode() != 0) {
        *error = u"munged did not start: %1 %2"_s.arg(QString::fromLocal8Bit(munged.readAllStandardError()),
                                                      logTail(u"munged.log"_s));
        return false;
    }
    QProcess check;
    check.start(u"sh"_s, {u"-c"_s, u"munge -n -S \"$1\" | unmunge -S \"$1\""_s, u"sh"_s, socket});
    check.waitForFinished(30000);
    if (!check.readAllStandardOutput().contains("Success")) {
        *error = u"munge does not answer on %1: %2"_s.arg(socket, QString::fromLocal8Bit(check.readAllStandardError()));
        return false;
    }
    return true;
}

bool SlurmCluster::startDaemon(const QString &program, QString *error)
{
    QProcess daemon;
    daemon.start(findProgram(program), {u"-f"_s, confPath()});
    // Both daemonise: the command returns once the daemon runs in the background.
    if (!daemon.waitForFinished(30000) || daemon.exitStatus() != QProcess::NormalExit || daemon.exitCode() != 0) {
        *error = u"%1 did not start (exit code %2): %3 %4"_s.arg(program)
                     .arg(daemon.exitCode())
                     .arg(QString::fromLocal8Bit(daemon.readAllStandardError()), logTail(program + u".log"_s));
        return false;
    }
    return true;
}

bool SlurmCluster::waitIdle(QString *error)
{
    const QDeadlineTimer deadline(30000);
    QString state;
    while (!deadline.hasExpired()) {
        int code = -1;
        state = run(u"sinfo"_s, {u"-h"_s, u"-o"_s, u"%T"_s}, &code).trimmed();
        if (code == 0 && state.split(u'\n').contains(u"idle"_s))
            return true;
        QThread::msleep(100);
    }
    *error = u"the node did not become idle within 30 s (sinfo says '%1'); slurmctld: %2; slurmd: %3"_s.arg(
        state, logTail(u"slurmctld.log"_s), logTail(u"slurmd.log"_s));
    return false;
}

QString SlurmCluster::logTail(const QString &file) const
{
    QFile log(m_dir.filePath(file));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
    return QString::fromLocal8Bit(lines.mid(qMax<qsizetype>(0, lines.size() - 5)).join('\n'));
}

QString SlurmCluster::run(const QString &program, const QStringList &arguments, int *exitCode) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"SLURM_CONF"_s, confPath());
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    const bool ran = process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit;
    if (exitCode)
        *exitCode = ran ? process.exitCode() : -1;
    return QString::fromLocal8Bit(process.readAllStandardOutput());
}

QStringList SlurmCluster::jobs() const
{
    const QString out = run(u"squeue"_s, {u"-h"_s, u"-o"_s, u"%i %j %T"_s});
    QStringList result;
    for (const QString &line : out.split(u'\n')) {
        if (!line.trimmed().isEmpty())
            result << line.trimmed();
    }
    return result;
}

void SlurmCluster::endPidFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const pid_t pid = pid_t(file.readAll().trimmed().toLongLong());
    if (pid <= 1 || !pidAlive(pid))
        return;
    ::kill(pid, SIGTERM);
    const QDeadlineTimer deadline(10000);
    while (pidAlive(pid) && !deadline.hasExpired())
        QThread::msleep(50);
    if (pidAlive(pid))
        ::kill(pid, SIGKILL);
}

void SlurmCluster::stop()
{
    if (!m_started)
        return;
    m_started = false;
    // Jobs first: their slurmstepd would outlive slurmd.
    run(u"scancel"_s, {u"--me"_s});
    const QDeadlineTimer deadline(15000);
    while (!jobs().isEmpty() && !deadline.hasExpired())
        QThread::msleep(100);
    endPidFile(m_dir.filePath(u"slurmd.pid"_s));
    endPidFile(m_dir.filePath(u"slurmctld.pid"_s));
    endPidFile(m_dir.filePath(u"munged.pid"_s));
    if (m_hadPreviousConf)
        qputenv("SLURM_CONF", m_previousConf.toUtf8());
    else
        qunsetenv("SLURM_CONF");
}

} // namespace switchboard::test
