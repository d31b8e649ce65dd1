// A config that does not load at the dashboard's start-up: moved aside, the last good one or the defaults used.
#include "config/ConfigLoader.h"
#include "config/ConfigRecovery.h"
#include "session/RunSession.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace switchboard;

namespace {
constexpr auto kGood = "workflow: {max_parallel: 7}\nagents: {definitions: [{name: mine, backend: demo}]}\n";
// An unclosed flow sequence: yaml-cpp reports it on line 2.
constexpr auto kBroken = "workflow: {max_parallel: 4}\nagents: {definitions: [{name: oops, backend: demo}\n";

} // namespace

class TestConfigRecovery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void goodConfigIsKeptAsLastGood();
    void brokenConfigIsMovedAsideAndLastGoodRestored();
    void noLastGoodFallsBackToDefaults();
    void brokenLastGoodFallsBackToDefaults();
    void secondFailureInTheSameSecondKeepsBothFiles();
    void headlessLoadNeverMovesTheFile();
};

void TestConfigRecovery::goodConfigIsKeptAsLastGood()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kGood);
    const ConfigRecovery::Result result = ConfigRecovery::load(path);
    QVERIFY(result.loaded);
    QVERIFY(!result.recovered);
    QCOMPARE(result.config.workflow.maxParallel, 7);
    QCOMPARE(ConfigRecovery::lastGoodPath(path), dir.filePath(u"switchboard.yaml.last-good"_s));
    QCOMPARE(test::readFile(dir.filePath(u"switchboard.yaml.last-good"_s)), QByteArray(kGood));
    QVERIFY(result.summary().isEmpty());
}

void TestConfigRecovery::brokenConfigIsMovedAsideAndLastGoodRestored()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kGood);
    QVERIFY(ConfigRecovery::load(path).loaded);
    test::writeBytes(path, kBroken);

    const QDateTime when(QDate(2026, 12, 7), QTime(5, 4, 3));
    const ConfigRecovery::Result result = ConfigRecovery::load(path, when);
    QVERIFY(!result.loaded);
    QVERIFY(result.recovered);
    const QString aside = dir.filePath(u"switchboard.yaml.corrupt-20261207-050403"_s);
    QCOMPARE(result.corruptPath, aside);
    QCOMPARE(test::readFile(aside), QByteArray(kBroken)); // the broken file is never lost
    QVERIFY(result.usedLastGood);
    QCOMPARE(result.config.workflow.maxParallel, 7);
    QVERIFY(result.config.profile(u"mine"_s));
    // The last good config is back in place, so the next start is a normal one.
    QCOMPARE(test::readFile(path), QByteArray(kGood));
    QCOMPARE(result.error.file, path);
    QVERIFY2(result.error.line > 0 && result.error.column > 0, qPrintable(result.error.toString()));
    const QString summary = result.summary();
    QVERIFY2(summary.contains(u"%1:%2:%3"_s.arg(path).arg(result.error.line).arg(result.error.column)),
             qPrintable(summary));
    QVERIFY2(summary.contains(aside), qPrintable(summary));
    QVERIFY2(summary.contains(u"last configuration"_s), qPrintable(summary));
}

void TestConfigRecovery::noLastGoodFallsBackToDefaults()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"custom.yaml"_s);
    test::writeBytes(path, kBroken);
    const ConfigRecovery::Result result = ConfigRecovery::load(path);
    QVERIFY(result.recovered);
    QVERIFY(!result.usedLastGood);
    QCOMPARE(result.config.profiles.size(), ConfigLoader::defaults().profiles.size());
    QCOMPARE(result.config.profiles.constFirst().name, ConfigLoader::defaults().profiles.constFirst().name);
    QVERIFY(result.corruptPath.startsWith(dir.filePath(u"custom.yaml.corrupt-"_s)));
    QCOMPARE(test::readFile(result.corruptPath), QByteArray(kBroken));
    QVERIFY(!QFileInfo::exists(path)); // nothing invented in its place
    QVERIFY2(result.summary().contains(u"built-in defaults"_s), qPrintable(result.summary()));
}

void TestConfigRecovery::brokenLastGoodFallsBackToDefaults()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kBroken);
    test::writeBytes(ConfigRecovery::lastGoodPath(path), "agents: [\n");
    const ConfigRecovery::Result result = ConfigRecovery::load(path);
    QVERIFY(result.recovered);
    QVERIFY(!result.usedLastGood);
    QCOMPARE(result.config.profiles.constFirst().name, ConfigLoader::defaults().profiles.constFirst().name);
    QCOMPARE(test::readFile(result.corruptPath), QByteArray(kBroken));
}

void TestConfigRecovery::secondFailureInTheSameSecondKeepsBothFiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    const QDateTime when(QDate(2026, 1, 2), QTime(3, 4, 5));
    test::writeBytes(path, kBroken);
    const QString first = ConfigRecovery::load(path, when).corruptPath;
    test::writeBytes(path, "second: [\n");
    const QString second = ConfigRecovery::load(path, when).corruptPath;
    QVERIFY(!first.isEmpty());
    QVERIFY(!second.isEmpty());
    QVERIFY(first != second);
    QCOMPARE(test::readFile(first), QByteArray(kBroken));
    QCOMPARE(test::readFile(second), QByteArray("second: [\n"));
}

void TestConfigRecovery::headlessLoadNeverMovesTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kBroken);
    RunSession session;
    ConfigError error;
    QVERIFY(!session.loadConfig(path, &error));
    QCOMPARE(error.file, path);
    QCOMPARE(test::readFile(path), QByteArray(kBroken));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"switchboard.yaml"_s});

    // The dashboard's path does move it.
    const ConfigRecovery::Result result = session.loadConfigRecovering(path);
    QVERIFY(result.recovered);
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(test::readFile(result.corruptPath), QByteArray(kBroken));
}

QTEST_GUILESS_MAIN(TestConfigRecovery)

#include "tst_configrecovery.moc"
