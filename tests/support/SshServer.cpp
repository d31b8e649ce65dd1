#include "SshServer.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QMap>
#include <QStandardPaths>
#include <QTcpServer>

#include <csignal>

#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>

namespace switchboard::test {

using namespace Qt::StringLiterals;

namespace {

constexpr int kStartTimeoutMs = 15000;

QString findTool(const QString &name)
{
    const QString inSbin = QStandardPaths::findExecutable(name, {u"/usr/sbin"_s, u"/usr/local/sbin"_s, u"/sbin"_s});
    return inSbin.isEmpty() ? QStandardPaths::findExecutable(name) : inSbin;
}

QString userName()
{
    const passwd *entry = ::getpwuid(::geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : qEnvironmentVariable("USER");
}

// "pid (comm) state ppid ...": comm, state and ppid; false when the process is gone.
bool readStat(const QString &pid, QByteArray *comm, QByteArray *state, qint64 *ppid)
{
    QFile file(u"/proc/"_s + pid + u"/stat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = file.read(1024);
    const qsizetype open = text.indexOf('(');
    const qsizetype close = text.lastIndexOf(')');
    if (open < 0 || close < open)
        return false;
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    if (fields.size() < 2)
        return false;
    *comm = text.mid(open + 1, close - open - 1);
    *state = fields.at(0);
    *ppid = fields.at(1).toLongLong();
    return true;
}

QStringList processIds()
{
    QStringList ids;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        entry.toLongLong(&numeric);
        if (numeric)
            ids << entry;
    }
    return ids;
}

} // namespace

SshServer::SshServer() = default;

SshServer::~SshServer()
{
    if (m_sshd.state() != QProcess::NotRunning) {
        m_sshd.terminate();
        if (!m_sshd.waitForFinished(5000)) {
            m_sshd.kill();
            m_sshd.waitForFinished(2000);
        }
    }
}

bool SshServer::start()
{
    const QString sshd = findTool(u"sshd"_s);
    if (sshd.isEmpty() || findTool(u"ssh"_s).isEmpty() || findTool(u"ssh-keygen"_s).isEmpty()) {
        m_missingTools = true;
        m_error = u"sshd, ssh or ssh-keygen is not installed (scripts/setup installs openssh-server and "
                  u"openssh-client)"_s;
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = u"no temporary directory"_s;
        return false;
    }
    const QString dir = m_dir.path();
    if (!generateKey(dir + u"/host_key"_s) || !generateKey(dir + u"/client_key"_s))
        return false;
    QFile::remove(dir + u"/authorized_keys"_s);
    if (!QFile::copy(dir + u"/client_key.pub"_s, dir + u"/authorized_keys"_s)) {
        m_error = u"cannot write authorized_keys"_s;
        return false;
    }
    // sshd wants its privilege separation directory even when nothing is chrooted there.
    if (::geteuid() == 0)
        QDir().mkpath(u"/run/sshd"_s);

    // The port is free when asked; another process may take it before sshd binds, so try a few.
    for (int tries = 0; tries < 5; ++tries) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            m_error = u"no free port on 127.0.0.1: "_s + probe.errorString();
            return false;
        }
        m_port = probe.serverPort();
        probe.close();

        const QString config = dir + u"/sshd_config"_s;
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            m_error = u"cannot write "_s + config;
            return false;
        }
        const QString text = u"Port %1\n"
                             u"ListenAddress 127.0.0.1\n"
                             u"HostKey %2/host_key\n"
                             u"PidFile %2/sshd.pid\n"
                             u"AuthorizedKeysFile %2/authorized_keys\n"
                             u"StrictModes no\n"
                             u"UsePAM no\n"
                             u"PermitRootLogin yes\n"
                             u"PubkeyAuthentication yes\n"
                             u"PasswordAuthentication no\n"
                             u"KbdInteractiveAuthentication no\n"
                             u"PrintMotd no\n"
                             u"MaxStartups 100\n"
                             u"MaxSessions 100\n"
                             u"LogLevel INFO\n"_s.arg(m_port)
                                 .arg(dir);
        file.write(text.toUtf8());
        file.close();

        QByteArray log;
        m_sshd.setProcessChannelMode(QProcess::MergedChannels);
        // sshd re-executes itself for each connection and needs its absolute path for that.
        m_sshd.start(sshd, {u"-D"_s, u"-e"_s, u"-f"_s, config});
        if (!m_sshd.waitForStarted(kStartTimeoutMs)) {
            m_error = u"cannot start sshd: "_s + m_sshd.errorString();
            return false;
        }
        const QDeadlineTimer deadline(kStartTimeoutMs);
        while (!log.contains("Server listening on") && m_sshd.state() == QProcess::Running && !deadline.hasExpired()) {
            m_sshd.waitForReadyRead(static_cast<int>(deadline.remainingTime()));
            log += m_sshd.readAll();
        }
        if (log.contains("Server listening on"))
            return true;
        if (m_sshd.state() != QProcess::NotRunning) {
            m_sshd.kill();
            m_sshd.waitForFinished(2000);
        }
        log += m_sshd.readAll();
        m_error = u"sshd did not start: "_s + QString::fromUtf8(log).trimmed();
        if (!log.contains("Address already in use"))
            return false;
    }
    return false;
}

SshTarget SshServer::target() const
{
    SshTarget target;
    target.host = u"127.0.0.1"_s;
    target.port = m_port;
    target.user = userName();
    target.identityFile = m_dir.path() + u"/client_key"_s;
    target.extraOptions = {u"UserKnownHostsFile=%1/known_hosts"_s.arg(m_dir.path()),
                           u"StrictHostKeyChecking=accept-new"_s, u"IdentitiesOnly=yes"_s, u"LogLevel=ERROR"_s};
    return target;
}

int SshServer::dropConnections() const
{
    const qint64 listener = m_sshd.processId();
    if (listener <= 0)
        return 0;
    QMap<qint64, QList<qint64>> children;
    QMap<qint64, QByteArray> names;
    for (const QString &id : processIds()) {
        QByteArray comm;
        QByteArray state;
        qint64 ppid = 0;
        if (readStat(id, &comm, &state, &ppid) && state != "Z") {
            children[ppid] << id.toLongLong();
            names.insert(id.toLongLong(), comm);
        }
    }
    // The per-connection sshd processes (privileged monitor and the session's own) below the listener; the shells
    // and programs below them are left running, as a network failure would leave them.
    int killed = 0;
    QList<qint64> pending = children.value(listener);
    while (!pending.isEmpty()) {
        const qint64 pid = pending.takeFirst();
        if (!names.value(pid).startsWith("sshd"))
            continue;
        pending += children.value(pid);
        if (::kill(static_cast<pid_t>(pid), SIGKILL) == 0)
            ++killed;
    }
    return killed;
}

bool SshServer::generateKey(const QString &path)
{
    QFile::remove(path);
    QFile::remove(path + u".pub"_s);
    QProcess keygen;
    keygen.setProcessChannelMode(QProcess::MergedChannels);
    keygen.start(findTool(u"ssh-keygen"_s),
                 {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-C"_s, u"switchboard-test"_s, u"-f"_s, path});
    if (!keygen.waitForFinished(30000) || keygen.exitStatus() != QProcess::NormalExit || keygen.exitCode() != 0) {
        m_error = u"ssh-keygen failed: "_s + QString::fromUtf8(keygen.readAll());
        return false;
    }
    return true;
}

QList<qint64> processesWithEnvironment(const QString &name, const QString &value)
{
    const QByteArray wanted = (name + u'=' + value).toUtf8();
    QList<qint64> found;
    for (const QString &id : processIds()) {
        QByteArray comm;
        QByteArray state;
        qint64 ppid = 0;
        if (!readStat(id, &comm, &state, &ppid) || state == "Z")
            continue;
        QFile environ(u"/proc/"_s + id + u"/environ"_s);
        if (!environ.open(QIODevice::ReadOnly))
            continue;
        if (environ.readAll().split('\0').contains(wanted))
            found << id.toLongLong();
    }
    return found;
}

} // namespace switchboard::test
