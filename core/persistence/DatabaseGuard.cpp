#include "DatabaseGuard.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QMutex>
#include <QSet>
#include <QStorageInfo>
#include <QThread>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace switchboard {

namespace {
constexpr int kMaxSymlinkHops = 40; // as the kernel's own limit (ELOOP)

struct Identity
{
    quint64 device = 0;
    quint64 inode = 0;
    friend bool operator==(const Identity &, const Identity &) = default;
};

size_t qHash(const Identity &identity, size_t seed = 0)
{
    return ::qHash(identity.device, seed) ^ ::qHash(identity.inode, seed);
}

// The files this process guards now, by identity.
QMutex s_guardedMutex;
QSet<Identity> s_guarded;

QString tr(const char *text)
{
    return QCoreApplication::translate("switchboard::Store", text);
}

QString errnoText(int error)
{
    // ENOSPC is what a full disk says; name it the way people search for it.
    if (error == ENOSPC || error == EDQUOT)
        return tr("disk full");
    return QString::fromLocal8Bit(std::strerror(error));
}

// Who holds a flock() on the file, from /proc/locks ("1: FLOCK ADVISORY WRITE 1234 08:01:5678 0 EOF").
qint64 flockHolder(const Identity &identity)
{
    QFile locks(QStringLiteral("/proc/locks"));
    if (!locks.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = locks.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 6 || fields.at(1) != "FLOCK")
            continue;
        const QList<QByteArray> id = fields.at(5).split(':');
        if (id.size() != 3 || id.at(2).toULongLong() != identity.inode)
            continue;
        const quint64 major = id.at(0).toULongLong(nullptr, 16);
        const quint64 minor = id.at(1).toULongLong(nullptr, 16);
        if (::makedev(major, minor) == identity.device)
            return fields.at(4).toLongLong();
    }
    return 0;
}

QString lockFileError(QLockFile::LockError error, const QString &directory)
{
    if (error == QLockFile::PermissionError)
        return tr("permission denied");
    // QLockFile says only "unknown" for everything else; a full disk is the common case.
    const QStorageInfo storage(directory);
    if (storage.isValid() && storage.bytesAvailable() == 0)
        return tr("disk full");
    return tr("cannot write in %1").arg(directory);
}
} // namespace

DatabaseGuard::DatabaseGuard() = default;

DatabaseGuard::~DatabaseGuard()
{
    release();
}

QString DatabaseGuard::resolvedPath(const QString &path)
{
    QString current = QFileInfo(path).absoluteFilePath();
    for (int hop = 0; hop < kMaxSymlinkHops; ++hop) {
        const QFileInfo info(current);
        if (!info.isSymLink())
            break;
        // symLinkTarget() is absolute, also for a dangling link (the file SQLite would create).
        current = info.symLinkTarget();
    }
    const QFileInfo info(current);
    if (info.exists())
        return info.canonicalFilePath();
    // Not created yet: its directory may still be reached through links.
    const QString directory = QFileInfo(info.absolutePath()).canonicalFilePath();
    return QDir::cleanPath((directory.isEmpty() ? info.absolutePath() : directory) + u'/' + info.fileName());
}

DatabaseGuard::Outcome DatabaseGuard::lock(const QString &resolvedDatabasePath, QString *error)
{
    release();
    m_path = resolvedDatabasePath;
    const auto fail = [this, error](Outcome outcome, const QString &message) {
        release();
        if (error)
            *error = message;
        return outcome;
    };

    m_lockFile = std::make_unique<QLockFile>(lockFilePath());
    // Never stale by age: only a lock whose process is gone (a crash, kill -9) is taken over.
    m_lockFile->setStaleLockTime(0);
    if (!m_lockFile->tryLock(0) && m_lockFile->error() == QLockFile::LockFailedError && !hasLockInfo()) {
        // An empty or half-written lock file: a Switchboard killed between creating it and writing its pid (QLockFile
        // does both within microseconds). With no pid there is nothing to find stale, so QLockFile would refuse it
        // forever. Looked at once more after a moment (a live writer has finished by then), then taken over.
        QThread::msleep(kUnreadableLockGraceMs);
        if (!hasLockInfo())
            m_lockFile->removeStaleLockFile();
    }
    if (!m_lockFile->isLocked() && !m_lockFile->tryLock(0)) {
        if (m_lockFile->error() == QLockFile::LockFailedError) {
            qint64 pid = 0;
            QString host;
            QString application;
            m_lockFile->getLockInfo(&pid, &host, &application);
            return fail(Outcome::InUse, tr("database %1 is in use by another Switchboard (pid %2 on host %3)")
                                            .arg(m_path)
                                            .arg(pid)
                                            .arg(host.isEmpty() ? tr("unknown") : host));
        }
        return fail(Outcome::Failed,
                    tr("cannot create the lock file %1 next to the database: %2")
                        .arg(lockFilePath(), lockFileError(m_lockFile->error(), QFileInfo(m_path).absolutePath())));
    }

    const QByteArray native = QFile::encodeName(m_path);
    // The identity first, by stat(): opening the file again in a process that already has it open in SQLite,
    // and closing it, would drop SQLite's POSIX locks on it.
    struct stat st;
    if (::stat(native.constData(), &st) != 0) {
        if (errno != ENOENT)
            return fail(Outcome::Failed, tr("cannot read the database %1: %2").arg(m_path, errnoText(errno)));
        const int created = ::open(native.constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (created < 0 && errno != EEXIST)
            return fail(Outcome::Failed, tr("cannot create the database %1: %2").arg(m_path, errnoText(errno)));
        if (created >= 0)
            ::close(created);
        if (::stat(native.constData(), &st) != 0)
            return fail(Outcome::Failed, tr("cannot read the database %1: %2").arg(m_path, errnoText(errno)));
    }
    const Identity identity{quint64(st.st_dev), quint64(st.st_ino)};
    {
        const QMutexLocker locker(&s_guardedMutex);
        if (s_guarded.contains(identity)) {
            return fail(Outcome::InUse, tr("database %1 is in use by another Switchboard (pid %2, this process, "
                                           "through another path to the same file)")
                                            .arg(m_path)
                                            .arg(QCoreApplication::applicationPid()));
        }
        const int fd = ::open(native.constData(), O_RDWR | O_CLOEXEC);
        if (fd < 0)
            return fail(Outcome::Failed, tr("cannot open the database %1: %2").arg(m_path, errnoText(errno)));
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int why = errno;
            ::close(fd); // no connection of this process has the file open: it is not in s_guarded
            if (why == EWOULDBLOCK) {
                const qint64 pid = flockHolder(identity);
                return fail(Outcome::InUse,
                            tr("database %1 is in use by another Switchboard (%2) through another path to the same "
                               "file (a hard link)")
                                .arg(m_path, pid > 0 ? tr("pid %1").arg(pid) : tr("pid unknown")));
            }
            return fail(Outcome::Failed, tr("cannot lock the database %1: %2").arg(m_path, errnoText(why)));
        }
        m_fd = fd;
        m_device = identity.device;
        m_inode = identity.inode;
        s_guarded.insert(identity);
    }
    return Outcome::Locked;
}

void DatabaseGuard::release()
{
    if (m_fd >= 0) {
        const QMutexLocker locker(&s_guardedMutex);
        s_guarded.remove(Identity{m_device, m_inode});
        ::close(m_fd); // drops the flock()
        m_fd = -1;
    }
    m_lockFile.reset(); // unlocks if we hold it; never touches another process's lock
}

bool DatabaseGuard::hasLockInfo() const
{
    qint64 pid = 0;
    QString host;
    QString application;
    return m_lockFile->getLockInfo(&pid, &host, &application) && pid > 0;
}

QString DatabaseGuard::lockFilePath() const
{
    return m_path + QStringLiteral(".lock");
}

} // namespace switchboard
