#pragma once

#include "model/AgentProfile.h"

#include <QString>
#include <QStringList>

namespace switchboard::test {

// Where tests/data lives in the source tree.
QString dataPath(const QString &relative);
// The built switchboard executable.
QString switchboardBinary();
// Writes an executable script (with a #! line) into dir and returns its path.
QString writeScript(const QString &dir, const QString &name, const QString &content);
// Writes a text file into dir and returns its path.
QString writeFile(const QString &dir, const QString &name, const QByteArray &content);
// A `process` profile running `sh script`, without retries and with a short kill grace period.
AgentProfile processProfile(const QString &name, const QString &script);
// True while a process with this pid exists (and is not a zombie).
bool processAlive(qint64 pid);
// Copies a live SQLite database with its -wal and -shm files, as a crash would leave them on disk.
bool copyDatabaseImage(const QString &from, const QString &to);

} // namespace switchboard::test
