#include "TestSupport.h"

#include "ProfileBuilder.h"
#include "persistence/Store.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <memory>

namespace switchboard::test {

QString dataPath(const QString &relative)
{
    return QDir(QStringLiteral(SWITCHBOARD_TEST_DATA_DIR)).filePath(relative);
}

AgentProfile processProfile(const QString &name, const QString &script)
{
    return ProfileBuilder(name, QStringLiteral("process"))
        .command({QStringLiteral("sh"), script})
        .setting(QStringLiteral("kill_grace_ms"), 500);
}

QString switchboardBinary()
{
    return QStringLiteral(SWITCHBOARD_BINARY);
}

QString writeFile(const QString &dir, const QString &name, const QByteArray &content)
{
    const QString path = QDir(dir).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(content);
    return path;
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path + QStringLiteral(": ") + file.errorString()));
    QCOMPARE(file.write(bytes), bytes.size());
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString writeScript(const QString &dir, const QString &name, const QString &content)
{
    const QString path = writeFile(dir, name, content.toUtf8());
    QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner | QFileDevice::ExeUser);
    return path;
}

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
    // Field 3 is the state; a zombie ('Z') has exited already.
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || line.size() <= close + 2 || line.at(close + 2) != 'Z';
}

bool copyDatabaseImage(const QString &from, const QString &to)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFile::exists(from + suffix) && !QFile::copy(from + suffix, to + suffix))
            return false;
    }
    return true;
}

QDateTime fixedTime(int seconds)
{
    static const QDateTime t0(QDate(2024, 5, 1), QTime(10, 0, 0), Qt::UTC);
    return t0.addSecs(seconds);
}

bool submitAndFlush(Store &store, QList<StoreWrite> writes)
{
    auto committed = std::make_shared<std::atomic<int>>(-1);
    store.submitAll(std::move(writes), nullptr, [committed](bool ok) { committed->store(ok ? 1 : 0); });
    return store.flush() && committed->load() == 1;
}

} // namespace switchboard::test
