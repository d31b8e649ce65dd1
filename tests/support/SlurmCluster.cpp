#include "SlurmCluster.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>

#include <csignal>

#include <sys/types.h>
#include <unistd.h>

namespace switchboard::test {

using namespace Qt::StringLiterals;

namespace {

const QStringList kSlurmPrograms{u"munged"_s, u"slurmctld"_s, u"slurmd"_s, u"srun"_s,
                                 u"squeue"_s, u"scancel"_s,   u"sinfo"_s};
const QStringList kAccountingPrograms{u"slurmdbd"_s, u"sacct"_s, u"sacctmgr"_s, u"mariadbd"_s, u"mariadb-install-db"_s};
// Job states sacct shows for a job that has not ended (yet).
const QStringList kUnendedStates{u"PENDING"_s, u"RUNNING"_s, u"REQUEUED"_s, u"RESIZING"_s, u"SUSPENDED"_s};

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

bool listening(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(1000);
}

QDateTime sacctTime(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODate); // "Unknown", "None": invalid
}

bool ended(const SacctJob &job)
{
    return job.end.isValid() && !kUnendedStates.contains(job.state);
}

} // namespace

SlurmCluster::SlurmCluster(Accounting accounting)
    : m_accounting(accounting)
{}

SlurmCluster::~SlurmCluster()
{
    stop();
}

QString SlurmCluster::unavailableReason() const
{
    for (const QString &program : kSlurmPrograms) {
        if (findProgram(program).isEmpty())
            return u"%1 is not installed (scripts/setup installs slurm-wlm and munge)"_s.arg(program);
    }
    for (const QString &program : kAccountingPrograms) {
        if (m_accounting == Accounting::Sacct && findProgram(program).isEmpty())
            return u"%1 is not installed (scripts/setup installs slurmdbd and mariadb-server for sacct)"_s.arg(program);
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
    m_startedAt = QDateTime::currentDateTime();
    m_node = QSysInfo::machineHostName().section(u'.', 0, 0);
    m_cpus = qMax(1, QThread::idealThreadCount());
    const QDir dir(m_dir.path());
    dir.mkpath(u"state"_s);
    dir.mkpath(u"spool"_s);
    if (!startMunge(error))
        return false;
    m_started = true; // from here on stop() has something to end

    QString accounting = u"AccountingStorageType=accounting_storage/none\n"_s;
    if (m_accounting == Accounting::Sacct) {
        m_dbdPort = freePort();
        // slurmctld and the client tools (sacct, sacctmgr) reach slurmdbd with a munge credential from the socket
        // named by AccountingStoragePass, not AuthInfo's: without it they ask the machine's munged.
        accounting = u"AccountingStorageType=accounting_storage/slurmdbd\n"
                     "AccountingStorageHost=localhost\n"
                     "AccountingStoragePort=%1\n"
                     "AccountingStoragePass=%2/munge.sock\n"_s.arg(m_dbdPort)
                         .arg(m_dir.path());
    }
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
                         "%5"
                         "ReturnToService=2\n"
                         "KillWait=5\n"
                         "NodeName=%1 CPUs=%6 RealMemory=%7 State=UNKNOWN\n"
                         "PartitionName=debug Nodes=%1 Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE:8\n"
                         "PartitionName=one Nodes=%1 MaxTime=INFINITE State=UP OverSubscribe=NO\n"_s.arg(m_node)
                             .arg(freePort())
                             .arg(freePort())
                             .arg(m_dir.path(), accounting)
                             .arg(m_cpus)
                             .arg(qBound(100, memoryMiB() / 2, 2000));
    if (!writeConfig(u"slurm.conf"_s, conf.toUtf8(), error))
        return false;
    m_hadPreviousConf = qEnvironmentVariableIsSet("SLURM_CONF");
    m_previousConf = qEnvironmentVariable("SLURM_CONF");
    qputenv("SLURM_CONF", confPath().toUtf8());
    if (m_accounting == Accounting::Sacct && !startAccounting(error))
        return false;
    if (!startDaemon(u"slurmctld"_s, {u"-f"_s, confPath()}, error) ||
        !startDaemon(u"slurmd"_s, {u"-f"_s, confPath()}, error) || !waitIdle(error))
        return false;
    return m_accounting == Accounting::None || waitRegistered(error);
}

bool SlurmCluster::writeConfig(const QString &name, const QByteArray &content, QString *error)
{
    QFile file(m_dir.filePath(name));
    // Owner only: slurmdbd refuses a slurmdbd.conf (it holds the database password) that others can read.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
        file.write(content) != content.size()) {
        *error = u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

bool SlurmCluster::startAccounting(QString *error)
{
    QByteArray password(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(password.data()), password.size() / 4);
    password = password.toHex();
    // The user slurmdbd logs in as, made while the data directory is made: one statement a line, as the bootstrap
    // wants, after FLUSH PRIVILEGES loads the grant tables it just wrote.
    if (!writeConfig(u"mariadb-users.sql"_s,
                     "FLUSH PRIVILEGES;\n"
                     "CREATE USER 'slurm'@'127.0.0.1' IDENTIFIED BY '" +
                         password +
                         "';\n"
                         "GRANT ALL ON slurm_acct_db.* TO 'slurm'@'127.0.0.1';\n",
                     error))
        return false;
    const quint16 mariaDbPort = freePort();
    if (!startMariaDb(mariaDbPort, error))
        return false;
    // slurmdbd reads slurmdbd.conf from SLURM_CONF's directory; it runs as SlurmUser, who must own the file.
    const QString conf = u"AuthType=auth/munge\n"
                         "AuthInfo=socket=%1/munge.sock\n"
                         "DbdHost=localhost\n"
                         "DbdPort=%2\n"
                         "SlurmUser=root\n"
                         "DebugLevel=info\n"
                         "LogFile=%1/slurmdbd.log\n"
                         "PidFile=%1/slurmdbd.pid\n"
                         "StorageType=accounting_storage/mysql\n"
                         "StorageHost=127.0.0.1\n"
                         "StoragePort=%3\n"
                         "StorageUser=slurm\n"
                         "StoragePass=%4\n"
                         "StorageLoc=slurm_acct_db\n"_s.arg(m_dir.path())
                             .arg(m_dbdPort)
                             .arg(mariaDbPort)
                             .arg(QString::fromLatin1(password));
    if (!writeConfig(u"slurmdbd.conf"_s, conf.toUtf8(), error) || !startDaemon(u"slurmdbd"_s, {}, error))
        return false;
    // It daemonises before it has connected to the database; it listens once it can answer.
    const QDeadlineTimer deadline(60000);
    while (!listening(m_dbdPort)) {
        if (deadline.hasExpired()) {
            *error =
                u"slurmdbd does not listen on port %1 after 60 s: %2"_s.arg(m_dbdPort).arg(logTail(u"slurmdbd.log"_s));
            return false;
        }
        QThread::msleep(100);
    }
    return true;
}

bool SlurmCluster::startMariaDb(quint16 port, QString *error)
{
    // --no-defaults everywhere: nothing of the machine's MariaDB configuration (or server) is read or touched.
    const QString dataDir = m_dir.filePath(u"mariadb"_s);
    QProcess install;
    install.setProcessChannelMode(QProcess::MergedChannels);
    // Without native AIO: containers' seccomp profiles often forbid io_uring, and speed does not matter here.
    install.start(findProgram(u"mariadb-install-db"_s),
                  {u"--no-defaults"_s, u"--datadir="_s + dataDir, u"--user=root"_s,
                   u"--auth-root-authentication-method=socket"_s, u"--skip-test-db"_s, u"--skip-name-resolve"_s,
                   u"--extra-file="_s + m_dir.filePath(u"mariadb-users.sql"_s), u"--innodb-use-native-aio=0"_s});
    if (!install.waitForFinished(120000) || install.exitStatus() != QProcess::NormalExit || install.exitCode() != 0) {
        const QList<QByteArray> lines = install.readAll().trimmed().split('\n');
        *error = u"mariadb-install-db could not make the accounting database's data directory (exit code %1): %2"_s
                     .arg(install.exitCode())
                     .arg(QString::fromLocal8Bit(lines.mid(qMax<qsizetype>(0, lines.size() - 8)).join('\n')));
        return false;
    }
    // mariadbd stays in the foreground: started detached, ended through its pid file like the daemons.
    QProcess server;
    server.setProgram(findProgram(u"mariadbd"_s));
    server.setArguments({u"--no-defaults"_s, u"--datadir="_s + dataDir, u"--user=root"_s,
                         u"--socket="_s + m_dir.filePath(u"mariadb.sock"_s), u"--port=%1"_s.arg(port),
                         u"--bind-address=127.0.0.1"_s, u"--skip-name-resolve"_s,
                         u"--pid-file="_s + m_dir.filePath(u"mariadb.pid"_s),
                         u"--log-error="_s + m_dir.filePath(u"mariadb.log"_s), u"--innodb-use-native-aio=0"_s,
                         u"--innodb-lock-wait-timeout=900"_s});
    server.setStandardInputFile(QProcess::nullDevice());
    server.setStandardOutputFile(m_dir.filePath(u"mariadb.out"_s));
    server.setStandardErrorFile(m_dir.filePath(u"mariadb.out"_s), QIODevice::Append);
    qint64 pid = 0;
    if (!server.startDetached(&pid)) {
        *error = u"mariadbd did not start: %1"_s.arg(server.errorString());
        return false;
    }
    m_mariaDbPid = pid; // stop() ends it even if it never got to write its pid file
    const QDeadlineTimer deadline(60000);
    while (!listening(port)) {
        if (!pidAlive(pid_t(pid)) || deadline.hasExpired()) {
            *error = u"mariadbd %1 on port %2: %3"_s
                         .arg(pidAlive(pid_t(pid)) ? u"does not listen after 60 s"_s : u"exited"_s)
                         .arg(port)
                         .arg(logTail(u"mariadb.log"_s));
            return false;
        }
        QThread::msleep(100);
    }
    return true;
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

bool SlurmCluster::startDaemon(const QString &program, const QStringList &arguments, QString *error)
{
    QProcess daemon;
    daemon.start(findProgram(program), arguments);
    // They daemonise: the command returns once the daemon runs in the background.
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

bool SlurmCluster::waitRegistered(QString *error)
{
    // slurmctld adds the cluster to the accounting database itself when it first reaches slurmdbd; the control
    // port in sacctmgr's list says it did, and that sacctmgr reaches slurmdbd.
    const QDeadlineTimer deadline(60000);
    QString clusters;
    while (!deadline.hasExpired()) {
        clusters = run(u"sacctmgr"_s, {u"-n"_s, u"-P"_s, u"list"_s, u"cluster"_s, u"format=cluster,controlport"_s});
        const QStringList fields = clusters.trimmed().split(u'|');
        if (fields.size() == 2 && fields.at(0) == u"sbtest" && fields.at(1).toInt() > 0)
            return true;
        QThread::msleep(200);
    }
    *error = u"slurmctld did not register cluster sbtest with slurmdbd within 60 s (sacctmgr lists '%1'); "
             "slurmctld: %2; slurmdbd: %3"_s.arg(clusters.trimmed(), logTail(u"slurmctld.log"_s),
                                                 logTail(u"slurmdbd.log"_s));
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

QList<SacctJob> SlurmCluster::sacctJobs() const
{
    // sacct lists jobs since midnight unless told otherwise; the database holds this cluster's jobs only.
    const QString out = run(u"sacct"_s, {u"--parsable2"_s, u"--noheader"_s, u"-X"_s, u"-a"_s, u"-S"_s,
                                         m_startedAt.addSecs(-60).toString(u"yyyy-MM-ddTHH:mm:ss"_s), u"-o"_s,
                                         u"JobID,JobName,State,Start,End,ExitCode"_s});
    QList<SacctJob> result;
    for (const QString &line : out.split(u'\n')) {
        const QStringList fields = line.split(u'|');
        if (fields.size() != 6)
            continue;
        result.append(SacctJob{fields.at(0), fields.at(1), fields.at(2).section(u' ', 0, 0), sacctTime(fields.at(3)),
                               sacctTime(fields.at(4)), fields.at(5)});
    }
    std::sort(result.begin(), result.end(),
              [](const SacctJob &a, const SacctJob &b) { return a.id.toLongLong() < b.id.toLongLong(); });
    return result;
}

bool SlurmCluster::waitForSacct(const QStringList &ids, QList<SacctJob> *jobs, QString *error, int timeoutMs) const
{
    const QDeadlineTimer deadline(timeoutMs);
    QStringList missing;
    for (;;) {
        *jobs = sacctJobs();
        missing = ids;
        for (const SacctJob &job : std::as_const(*jobs)) {
            if (ended(job))
                missing.removeAll(job.id);
        }
        if (missing.isEmpty())
            return true;
        if (deadline.hasExpired())
            break;
        QThread::msleep(200);
    }
    QStringList shown;
    for (const SacctJob &job : std::as_const(*jobs))
        shown << job.id + u' ' + job.name + u' ' + job.state;
    *error = u"after %1 s sacct does not show job(s) %2 as ended; it shows: %3"_s.arg(timeoutMs / 1000)
                 .arg(missing.join(u", "_s), shown.join(u", "_s));
    return false;
}

void SlurmCluster::endPidFile(const QString &path)
{
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        endPid(file.readAll().trimmed().toLongLong());
}

void SlurmCluster::endPid(qint64 id)
{
    const pid_t pid = pid_t(id);
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
    endPidFile(m_dir.filePath(u"slurmdbd.pid"_s));
    endPid(m_mariaDbPid);
    endPidFile(m_dir.filePath(u"munged.pid"_s));
    if (m_hadPreviousConf)
        qputenv("SLURM_CONF", m_previousConf.toUtf8());
    else
        qunsetenv("SLURM_CONF");
}

} // namespace switchboard::test
