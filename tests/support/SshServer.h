#pragma once

#include "execution/ExecutorSpec.h"

#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace switchboard::test {

// A private sshd on 127.0.0.1 for tests of the SSH executor: a free port, a host key and a client key made with
// ssh-keygen in a temporary directory, a generated sshd_config (keys only, no PAM, root allowed since tests may
// run as root), and `sshd -D -e -f CONF` as a child that is ended with the server.
class SshServer final
{
    Q_DISABLE_COPY_MOVE(SshServer)

public:
    SshServer();
    ~SshServer();

    // False with error() when sshd could not be started; missingTools() says whether sshd, ssh or ssh-keygen
    // are not installed at all (scripts/setup installs them).
    bool start();
    const QString &error() const { return m_error; }
    bool missingTools() const { return m_missingTools; }

    quint16 port() const { return m_port; }
    QString directory() const { return m_dir.path(); }
    // Host 127.0.0.1, our port, the client key, the current user, and a known_hosts file of the server's own.
    SshTarget target() const;
    // Kills the sshd processes that serve connections (not the listener): every connection drops at once, while
    // the programs started through them go on running. The number of sshd processes killed.
    int dropConnections() const;

private:
    bool generateKey(const QString &path);

    QTemporaryDir m_dir;
    QProcess m_sshd;
    QString m_error;
    bool m_missingTools = false;
    quint16 m_port = 0;
};

// Live processes whose environment carries NAME=value (read from /proc/PID/environ).
QList<qint64> processesWithEnvironment(const QString &name, const QString &value);

} // namespace switchboard::test
