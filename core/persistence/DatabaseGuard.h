#pragma once

#include <QString>
#include <QtGlobal>

#include <memory>

class QLockFile;

namespace switchboard {

// The one-writer guard of a database file: one Switchboard at a time writes to it, however the file is reached
// (its path, a symlink, a hard link, another spelling of the path). Two locks, both released by the kernel when
// the process dies, so a crash never leaves the database taken:
//  - <resolved path>.lock (QLockFile, symlinks followed): says who holds it (pid and host) and works for
//    another user or host sharing the file;
//  - flock() on the database file itself: keyed by the file's identity (device and inode), so a hard link,
//    whose name and lock file differ, meets the same lock.
// Within one process a second guard of the same file is refused from a table of the files this process guards
// (without opening the file again: closing a descriptor would drop SQLite's own POSIX locks on it).
class DatabaseGuard final
{
    Q_DISABLE_COPY_MOVE(DatabaseGuard)

public:
    enum class Outcome
    {
        Locked,
        InUse,  // another Switchboard writes to the file; the error names it
        Failed, // the guard could not be set up; the error says why
    };

    DatabaseGuard();
    ~DatabaseGuard(); // release()

    // The file a path names: absolute, cleaned, every symlink followed (a dangling one to the file it would
    // create). The database is opened by this path and its lock file lies beside it.
    static QString resolvedPath(const QString &path);
    // Creates the file when missing (an empty file is an empty SQLite database) and takes both locks. Call it
    // before SQLite opens the file; release() only after every connection to it is closed.
    Outcome lock(const QString &resolvedDatabasePath, QString *error);
    void release();
    bool isLocked() const { return m_fd >= 0; }
    QString lockFilePath() const;

    // How long an unreadable lock file (no pid in it) is given before it is taken over.
    static constexpr unsigned long kUnreadableLockGraceMs = 200;

private:
    bool hasLockInfo() const;

    std::unique_ptr<QLockFile> m_lockFile;
    QString m_path;
    int m_fd = -1;
    quint64 m_device = 0;
    quint64 m_inode = 0;
};

} // namespace switchboard
