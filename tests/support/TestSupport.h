#pragma once

#include "model/AgentProfile.h"
#include "persistence/StoreWrite.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace switchboard {
class Store;
}

namespace switchboard::test {

// Where tests/data lives in the source tree.
QString dataPath(const QString &relative);
// The built switchboard executable.
QString switchboardBinary();
// Writes an executable script (with a #! line) into dir and returns its path.
QString writeScript(const QString &dir, const QString &name, const QString &content);
// Writes a text file into dir and returns its path.
QString writeFile(const QString &dir, const QString &name, const QByteArray &content);
// Writes bytes to path (a test failure when it cannot); what path holds (empty when it cannot be read).
void writeBytes(const QString &path, const QByteArray &bytes);
QByteArray readFile(const QString &path);
// A `process` profile running `sh script`, without retries and with a short kill grace period.
AgentProfile processProfile(const QString &name, const QString &script);
// True while a process with this pid exists (and is not a zombie).
bool processAlive(qint64 pid);
// Copies a live SQLite database with its -wal and -shm files, as a crash would leave them on disk.
bool copyDatabaseImage(const QString &from, const QString &to);
// A fixed point in time plus seconds (2024-05-01 10:00:00 UTC + seconds), for writes a test compares later.
QDateTime fixedTime(int seconds);
// Submits the writes as one unit and waits until the store committed them; false if it did not.
bool submitAndFlush(Store &store, QList<StoreWrite> writes);

// The child of parent with this object name, or nullptr with a warning naming it.
template<typename T> T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

} // namespace switchboard::test
