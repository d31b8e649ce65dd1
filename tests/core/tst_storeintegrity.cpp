// The store tells the truth: one writer per database file however it is reached (symlink, hard link), a damaged
// database is refused by `status` and `resume` (never shown as an empty run), and `recover` copies what can be
// read into a new database that opens. The dashboard's open in the background refuses every write and read until
// the check has passed, and a damaged file the same way as a blocking open does.
#include "persistence/DatabaseGuard.h"
#include "persistence/Store.h"
#include "persistence/StoreIntegrity.h"
#include "persistence/StoreRecovery.h"
#include "persistence/StoreWrite.h"
#include "support/TestSupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace switchboard;

namespace {
struct Cli
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

constexpr int kGoals = 1500;
} // namespace

class TestStoreIntegrity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void guardFollowsSymlinks();
    void guardKeysOnTheFileNotItsName();
    void guardRefusesAHardLinkFromAnotherProcess();
    void readOnlyOpenExplainsWhy();
    void damagedDatabaseIsRefused_data();
    void damagedDatabaseIsRefused();
    void fullCheckOnRequest();
    void recoverRefusesToOverwrite();
    void backgroundOpenRefusesWritesUntilChecked();
    void backgroundOpenRefusesADamagedFile();

private:
    Cli runCli(const QStringList &args);
    // A database with one run of kGoals goals, closed (checkpointed into the file), bigger than 300 KB.
    QString makeDatabase(const QString &name);

    QTemporaryDir m_home;
};

void TestStoreIntegrity::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY2(QFile::exists(test::switchboardBinary()), qPrintable(test::switchboardBinary()));
    qputenv("XDG_DATA_HOME", m_home.filePath(u"data"_s).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
}

Cli TestStoreIntegrity::runCli(const QStringList &args)
{
    Cli cli;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    process.setProcessEnvironment(env);
    process.start(test::switchboardBinary(), args);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return cli;
    }
    cli.out = process.readAllStandardOutput();
    cli.err = process.readAllStandardError();
    if (process.exitStatus() == QProcess::NormalExit)
        cli.exitCode = process.exitCode();
    return cli;
}

QString TestStoreIntegrity::makeDatabase(const QString &name)
{
    const QString path = m_home.filePath(name);
    // The offsets below were chosen on the layout of the probe's database, which predates auto_vacuum: the file
    // is made without it (a database file that exists keeps its mode), so each offset hits what its row names.
    {
        const QString connection = u"tst_storeintegrity_layout"_s;
        {
            QSqlDatabase sql = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
            sql.setDatabaseName(path);
            if (!sql.open())
                return {};
            QSqlQuery query(sql);
            if (!query.exec(u"PRAGMA auto_vacuum = NONE"_s) || !query.exec(u"CREATE TABLE layout(a)"_s) ||
                !query.exec(u"DROP TABLE layout"_s)) {
                qWarning() << query.lastError().text();
                return {};
            }
        }
        QSqlDatabase::removeDatabase(connection);
    }
    Store store;
    QString error;
    if (!store.open(path, &error)) {
        qWarning() << error;
        return {};
    }
    const QString runId = store.nextRunId();
    QList<StoreWrite> writes{StoreWrite::runStarted(runId, u"big"_s, {}, 2)};
    for (int i = 0; i < kGoals; ++i) {
        Goal goal;
        goal.id = u"goal-%1"_s.arg(i);
        goal.title = u"Goal number %1 of a run big enough to corrupt in the middle"_s.arg(i);
        goal.description = u"x"_s.repeated(120);
        writes.append(StoreWrite::goalAdded(runId, goal, u"a-%1"_s.arg(i + 1)));
    }
    if (!test::submitAndFlush(store, writes))
        return {};
    store.close();
    return path;
}

void TestStoreIntegrity::guardFollowsSymlinks()
{
    const QString db = m_home.filePath(u"real.db"_s);
    const QString link = m_home.filePath(u"link.db"_s);
    Store owner;
    QString error;
    QVERIFY2(owner.open(db, &error), qPrintable(error));
    QVERIFY(QFile::link(db, link));
    QCOMPARE(DatabaseGuard::resolvedPath(link), DatabaseGuard::resolvedPath(db));

    Store second;
    QVERIFY(!second.open(link, &error));
    QVERIFY(second.openFailedInUse());
    QVERIFY2(error.contains(u"in use by another Switchboard"), qPrintable(error));

    // Another process, through the link: refused with the owner named.
    const Cli cli = runCli({u"run"_s, test::dataPath(u"recovery/small.yaml"_s), u"--db"_s, link});
    QCOMPARE(cli.exitCode, 2);
    QVERIFY2(cli.err.contains("in use by another Switchboard"), cli.err.constData());
    QVERIFY2(cli.err.contains(QByteArray::number(QCoreApplication::applicationPid())), cli.err.constData());

    // Once the owner is gone, the link opens the same file.
    owner.close();
    QVERIFY2(second.open(link, &error), qPrintable(error));
    QCOMPARE(second.path(), DatabaseGuard::resolvedPath(db));
}

void TestStoreIntegrity::guardKeysOnTheFileNotItsName()
{
    const QString db = m_home.filePath(u"original.db"_s);
    const QString hard = m_home.filePath(u"hard-link.db"_s);
    Store owner;
    QString error;
    QVERIFY2(owner.open(db, &error), qPrintable(error));
    QCOMPARE(::link(QFile::encodeName(db).constData(), QFile::encodeName(hard).constData()), 0);

    // A different name and lock file, the same inode: refused in this process too.
    Store second;
    QVERIFY(!second.open(hard, &error));
    QVERIFY(second.openFailedInUse());
    QVERIFY2(error.contains(u"another path to the same file"), qPrintable(error));
    QVERIFY(!QFile::exists(hard + u".lock"_s)); // the refused open leaves no lock file behind

    owner.close();
    QVERIFY2(second.open(hard, &error), qPrintable(error));
    // And now the original name is the one refused.
    QVERIFY(!owner.open(db, &error));
    QVERIFY(owner.openFailedInUse());
}

void TestStoreIntegrity::guardRefusesAHardLinkFromAnotherProcess()
{
    const QString db = m_home.filePath(u"shared.db"_s);
    const QString hard = m_home.filePath(u"shared-alias.db"_s);
    Store owner;
    QString error;
    QVERIFY2(owner.open(db, &error), qPrintable(error));
    QCOMPARE(::link(QFile::encodeName(db).constData(), QFile::encodeName(hard).constData()), 0);

    // Its own lock file is free: only the lock on the file itself stops the second run from interleaving.
    const Cli run = runCli({u"run"_s, test::dataPath(u"recovery/small.yaml"_s), u"--db"_s, hard});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("hard link"), run.err.constData());
    const QByteArray ownerPid = "pid " + QByteArray::number(QCoreApplication::applicationPid());
    QVERIFY2(run.err.contains(ownerPid), run.err.constData());
    const Cli resume = runCli({u"resume"_s, u"--db"_s, hard});
    QCOMPARE(resume.exitCode, 2);
    QVERIFY2(resume.err.contains("in use by another Switchboard"), resume.err.constData());
    QVERIFY(owner.runs().isEmpty()); // nothing was written into the owner's file
}

void TestStoreIntegrity::readOnlyOpenExplainsWhy()
{
    // Not a database at all: the message ends with SQLite's reason, never with nothing.
    const QString path = test::writeFile(m_home.path(), u"not-a-db.db"_s, QByteArray(8192, 'z'));
    Store store;
    QString error;
    QVERIFY(!store.openReadOnly(path, &error));
    QVERIFY2(!error.trimmed().endsWith(u':'), qPrintable(error));
    QVERIFY2(error.contains(u"not a database"), qPrintable(error));
    QVERIFY(store.openFailedDamaged());

    // A full disk is called so.
    QCOMPARE(StoreIntegrity::describe(13 /* SQLITE_FULL */, u"database or disk is full"_s), u"disk full"_s);
    QCOMPARE(StoreIntegrity::describe(13 | (1 << 8), QString()), u"disk full"_s);
    QVERIFY(!StoreIntegrity::describe(5 /* SQLITE_BUSY */, QString()).isEmpty());
}

void TestStoreIntegrity::damagedDatabaseIsRefused_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<int>("bytes");
    QTest::addColumn<bool>("mustRefuse");
    QTest::addColumn<bool>("recoverRows");
    // The header: SQLite does not know it as a database any more.
    QTest::newRow("header") << qint64(0) << 100 << true << false;
    // The probe's case: 2 KB of garbage at offset 100,000 (inside the goals' table pages).
    QTest::newRow("offset 100,000") << qint64(100000) << 2048 << true << true;
    QTest::newRow("page 2") << qint64(4096) << 2048 << true << true;
    // Anywhere else in the file: refused, or (an unused page) read in full -- never read as empty.
    QTest::newRow("a third in") << qint64(-3) << 2048 << false << true;
    QTest::newRow("near the end") << qint64(-1) << 2048 << false << true;
}

void TestStoreIntegrity::damagedDatabaseIsRefused()
{
    QFETCH(qint64, offset);
    QFETCH(int, bytes);
    QFETCH(bool, mustRefuse);
    QFETCH(bool, recoverRows);

    QString name = u"damaged-%1.db"_s.arg(QString::fromLatin1(QTest::currentDataTag()));
    const QString db = makeDatabase(name.replace(u' ', u'-').remove(u','));
    QVERIFY(!db.isEmpty());
    QFile file(db);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY2(file.size() > 300000, qPrintable(QString::number(file.size())));
    if (offset == -3)
        offset = file.size() / 3;
    else if (offset == -1)
        offset = file.size() - 3 * 4096;
    QByteArray garbage(bytes, '\0');
    QRandomGenerator random(42);
    for (char &c : garbage)
        c = char(random.bounded(256));
    QVERIFY(file.seek(offset));
    QCOMPARE(file.write(garbage), qint64(bytes));
    file.close();

    const Cli status = runCli({u"status"_s, u"--db"_s, db, u"--json"_s});
    bool refused = false;
    if (status.exitCode == 0) {
        // Read in full, or not at all: never an empty or partial run with success.
        const QJsonObject root = QJsonDocument::fromJson(status.out).object();
        QVERIFY2(root.value(u"run"_s).isObject(), status.out.constData());
        QCOMPARE(root.value(u"goals"_s).toArray().size(), kGoals);
    } else {
        refused = true;
        QCOMPARE(status.exitCode, 2);
        QVERIFY2(status.err.contains("is damaged") || status.err.contains("cannot read the database"),
                 status.err.constData());
        QVERIFY2(status.out.isEmpty(), status.out.constData());
    }
    if (mustRefuse) {
        QVERIFY2(refused, status.out.left(300).constData());
        QVERIFY2(status.err.contains("switchboard recover"), status.err.constData());
    }

    // resume never runs on it.
    const Cli resume = runCli({u"resume"_s, u"--db"_s, db, u"--json"_s});
    if (refused) {
        QCOMPARE(resume.exitCode, 2);
        QVERIFY2(resume.err.contains("is damaged") || resume.err.contains("cannot read"), resume.err.constData());
        QVERIFY2(!resume.out.contains("\"event\""), resume.out.left(300).constData());
    }

    // Recovery: a new database that opens and passes the full check, with what could be read.
    const QString recovered = m_home.filePath(u"recovered-%1.db"_s.arg(QRandomGenerator::global()->generate()));
    const Cli recover = runCli({u"recover"_s, db, u"--out"_s, recovered});
    QVERIFY2(recover.exitCode == 0, recover.err.constData());
    QVERIFY2(recover.out.contains("Recovered"), recover.out.constData());
    Store copy;
    copy.setIntegrityCheck(StoreIntegrity::Level::Full);
    QString error;
    QVERIFY2(copy.openReadOnly(recovered, &error), qPrintable(error));
    if (recoverRows) {
        const QList<RunRecord> runs = copy.runs(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(runs.size(), 1);
        const int goals = copy.goalCount(runs.constFirst().id);
        // Most of the goals survive one bad stretch of 2 KB; the rest are on the pages that were hit.
        QVERIFY2(goals > kGoals / 2 && goals <= kGoals, qPrintable(QString::number(goals)));
        if (refused)
            QVERIFY2(recover.out.contains("unreadable") || goals < kGoals, recover.out.constData());
    }
    // And it opens for writing: a run can go on with it.
    copy.close();
    QVERIFY2(copy.open(recovered, &error), qPrintable(error));
}

void TestStoreIntegrity::fullCheckOnRequest()
{
    // An index that no longer matches its table passes quick_check but not integrity_check: --check finds it.
    const QString db = makeDatabase(u"index.db"_s);
    QVERIFY(!db.isEmpty());
    {
        const QString name = u"break-index"_s;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            raw.setDatabaseName(db);
            QVERIFY(raw.open());
            QSqlQuery query(raw);
            // writable_schema lets the test drop an index's entry without its pages: they are left as they
            // were, and the table changes under them.
            QVERIFY2(query.exec(u"CREATE INDEX goals_title ON goals(title)"_s), qPrintable(query.lastError().text()));
            QVERIFY(query.exec(u"PRAGMA writable_schema = ON"_s));
            QVERIFY(query.exec(u"UPDATE sqlite_master SET sql = 'CREATE INDEX goals_title ON goals(id)' WHERE name = "
                               "'goals_title'"_s));
            QVERIFY(query.exec(u"PRAGMA writable_schema = OFF"_s));
            raw.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    const Cli quick = runCli({u"status"_s, u"--db"_s, db, u"--json"_s});
    QVERIFY2(quick.exitCode == 0, quick.err.constData());
    const Cli full = runCli({u"status"_s, u"--db"_s, db, u"--json"_s, u"--check"_s});
    QCOMPARE(full.exitCode, 2);
    QVERIFY2(full.err.contains("is damaged"), full.err.constData());
    const Cli resume = runCli({u"resume"_s, u"--db"_s, db, u"--check"_s});
    QCOMPARE(resume.exitCode, 2);
    QVERIFY2(resume.err.contains("is damaged"), resume.err.constData());
}

void TestStoreIntegrity::recoverRefusesToOverwrite()
{
    const QString db = makeDatabase(u"keep.db"_s);
    QVERIFY(!db.isEmpty());
    const QString existing = test::writeFile(m_home.path(), u"existing.db"_s, "precious");
    const Cli cli = runCli({u"recover"_s, db, u"--out"_s, existing});
    QCOMPARE(cli.exitCode, 2);
    QVERIFY2(cli.err.contains("already exists"), cli.err.constData());
    QFile file(existing);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("precious"));
    // Without --out: next to the source.
    QCOMPARE(StoreRecovery::defaultTarget(db), m_home.filePath(u"keep.recovered.db"_s));
    const Cli byDefault = runCli({u"recover"_s, db});
    QVERIFY2(byDefault.exitCode == 0, byDefault.err.constData());
    QVERIFY(QFile::exists(m_home.filePath(u"keep.recovered.db"_s)));
}

void TestStoreIntegrity::backgroundOpenRefusesWritesUntilChecked()
{
    const QString db = makeDatabase(u"background.db"_s);
    QVERIFY(!db.isEmpty());
    Store store;
    QSignalSpy finished(&store, &Store::openFinished);
    // Held: from here on the check may be over on the writer thread, but the store has not taken it up yet.
    store.setOpenHeldForTesting(true);
    QString error;
    QVERIFY2(store.openInBackground(db, &error), qPrintable(error));
    QVERIFY(store.isOpening());
    QVERIFY(!store.isOpen());
    // Nothing goes in or comes out before the check has passed.
    bool committed = true;
    QVERIFY(!store.submit(StoreWrite::runStarted(store.nextRunId(), u"too early"_s, {}, 1), &store,
                          [&committed](bool ok) { committed = ok; }));
    QVERIFY2(store.lastError().contains(u"still being checked"_s), qPrintable(store.lastError()));
    QTRY_VERIFY(!committed);
    QVERIFY(!store.readConnection().isValid());
    QVERIFY(store.runs().isEmpty());
    // Another Switchboard is told at once that the file is taken, check or not.
    Store second;
    QVERIFY(!second.openInBackground(db, &error));
    QVERIFY(second.openFailedInUse());
    QCOMPARE(second.isOpening(), false);

    QTest::qWait(50);
    QCOMPARE(finished.size(), 0);
    QVERIFY(store.isOpening());
    store.setOpenHeldForTesting(false);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.constFirst().constFirst().toBool(), true);
    QVERIFY(store.isOpen());
    QVERIFY(!store.isOpening());
    QCOMPARE(store.runs().size(), 1);
    QCOMPARE(store.goalCount(store.runs().constFirst().id), kGoals);
    QVERIFY(test::submitAndFlush(store, {StoreWrite::runStarted(store.nextRunId(), u"after the check"_s, {}, 1)}));
    QCOMPARE(store.runs().size(), 2);
}

void TestStoreIntegrity::backgroundOpenRefusesADamagedFile()
{
    const QString db = makeDatabase(u"background-damaged.db"_s);
    QVERIFY(!db.isEmpty());
    QFile file(db);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(4096));
    QCOMPARE(file.write(QByteArray(2048, '\x5a')), qint64(2048));
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();

    Store store;
    QSignalSpy finished(&store, &Store::openFinished);
    QString error;
    // What only the check can find is not known at once.
    QVERIFY2(store.openInBackground(db, &error), qPrintable(error));
    QVERIFY(store.isOpening());
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.constFirst().constFirst().toBool(), false);
    QVERIFY(!store.isOpen());
    QVERIFY(!store.isOpening());
    QVERIFY(store.openFailedDamaged());
    QVERIFY2(store.lastError().contains(u"is damaged"_s) && store.lastError().contains(u"switchboard recover"_s),
             qPrintable(store.lastError()));
    QVERIFY(!store.submit(StoreWrite::runStarted(store.nextRunId(), u"never"_s, {}, 1)));
    // Not changed, and not held: the file's lock went with the failed open.
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    file.close();
    Store again;
    QVERIFY(!again.open(db, &error));
    QVERIFY2(again.openFailedDamaged(), qPrintable(error));
    QVERIFY(!again.openFailedInUse());
}

QTEST_GUILESS_MAIN(TestStoreIntegrity)
#include "tst_storeintegrity.moc"
