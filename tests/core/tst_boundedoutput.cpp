// Chatty and careless agents cost bounded memory and disk: the log table, the database file, the agents' log
// files, their in-memory tails and the replies they do not read (issue 14, "Memory and disk stay bounded").
#include "orchestration/AgentLog.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"
#include "persistence/StoreLogSampler.h"
#include "support/GoalBuilder.h"
#include "support/TemporaryStore.h"
#include "support/TestSupport.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

// Resident memory now, from /proc/self/status, in MiB (-1 where there is none).
double residentMb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1.0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toDouble() / 1024.0;
    }
    return -1.0;
}

// The highest resident memory seen while it lives (sampled on the event loop).
class RssPeak final
{
public:
    RssPeak()
        : m_peak(residentMb())
    {
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { m_peak = qMax(m_peak, residentMb()); });
        m_timer.start(100);
    }
    double peak() const { return qMax(m_peak, residentMb()); }

private:
    QTimer m_timer;
    double m_peak;
};

qint64 filesBytes(const QString &dir, const QStringList &filters)
{
    qint64 bytes = 0;
    QDirIterator it(dir, filters, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        bytes += QFileInfo(it.next()).size();
    return bytes;
}

QList<QByteArray> fileLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestBoundedOutput final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void floodKeepsMemoryAndDatabaseBounded();
    void agentNotReadingItsInputIsStopped();
    void samplerKeepsTheNewestLinesWithinItsBudget();
    void ringIsBoundedByText();
    void longLinesAreCut();
    void logFileIsCappedWithAMarker();
};

void TestBoundedOutput::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(u"/bin/sh"_s));
}

// Several process agents print 300-character lines as fast as they can for a few seconds, through the real
// orchestrator and store. Memory, the log table and the database file stay within constants; the full output is
// in one log file per agent, capped.
void TestBoundedOutput::floodKeepsMemoryAndDatabaseBounded()
{
    constexpr int kAgents = 6;
    constexpr int kSeconds = 3;
    test::TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    const QString script =
        test::writeScript(db.directory(), u"flood.sh"_s,
                          u"#!/bin/sh\ntimeout %1 yes %2\nexit 0\n"_s.arg(kSeconds).arg(QString(300, u'x')));
    const double before = residentMb();
    QVERIFY(before > 0);
    RssPeak peak;
    Orchestrator orchestrator;
    orchestrator.setProfiles({test::processProfile(u"flood"_s, script)});
    orchestrator.setMaxParallel(kAgents);
    orchestrator.setStore(&db.store());
    QList<Goal> goals;
    for (int i = 0; i < kAgents; ++i)
        goals << test::GoalBuilder(u"flood-%1"_s.arg(i)).profile(u"flood"_s);
    QString error;
    const QStringList ids = orchestrator.spawnParallel(goals, &error);
    QCOMPARE(ids.size(), kAgents);
    QVERIFY(orchestrator.waitAll(120000));
    QCOMPARE(orchestrator.progress().completed, kAgents);
    QVERIFY(db.store().flush());
    const double growth = peak.peak() - before;

    qint64 printed = 0;
    for (const QString &id : ids)
        printed += orchestrator.agentLog(id).size() + orchestrator.agentLogDropped(id);
    qInfo("%lld lines printed, resident memory grew by %.1f MiB at most", printed, growth);
    // The flood was real: far more than any limit below keeps.
    QVERIFY2(printed > qint64(kAgents) * Store::kLogLinesKept * 10, qPrintable(QString::number(printed)));

    QSqlQuery query(db.store().readConnection());
    QVERIFY(query.exec(u"SELECT agent_id, COUNT(*) FROM agent_log GROUP BY agent_id"_s));
    int agentsLogged = 0;
    while (query.next()) {
        ++agentsLogged;
        QVERIFY2(query.value(1).toInt() <= Store::kLogLinesKept, qPrintable(query.value(0).toString()));
    }
    query.finish();
    QCOMPARE(agentsLogged, kAgents);

    // The database holds kAgents x 500 lines of ~300 bytes (~1 MB) plus the goals; the WAL and free pages add
    // little, whatever was printed (before the fix: hundreds of MB, 95 % free pages).
    const qint64 databaseBytes = filesBytes(db.directory(), {QFileInfo(db.path()).fileName() + u"*"_s});
    qInfo("database and WAL: %.1f MiB", double(databaseBytes) / (1024 * 1024));
    QVERIFY2(databaseBytes < 24LL * 1024 * 1024, qPrintable(QString::number(databaseBytes)));

    // Generous, not a timing: the agents' tails (2 MiB each), the sampled lines (4 MiB) and the runtime's own.
    QVERIFY2(growth < 150.0, qPrintable(QString::number(growth)));

    // The full output: once, beside the database, capped per agent.
    for (const QString &id : ids) {
        const QString file = db.store().logFilePath(id);
        QCOMPARE(orchestrator.agentLogFile(id), file);
        QVERIFY2(QFileInfo(file).size() > 0, qPrintable(file));
        const qint64 both = QFileInfo(file).size() + QFileInfo(AgentLog::rotatedFile(file)).size();
        QVERIFY2(both <= AgentLog::kMaxFileBytes, qPrintable(QString::number(both)));
    }
    QCOMPARE(filesBytes(db.directory(), {u"*.log"_s, u"*.log.1"_s}),
             filesBytes(db.store().logDirectory(), {u"*.log"_s, u"*.log.1"_s}));
}

// An agent that asks for its notes again and again (a large scratchpad) but never reads its stdin: the replies do
// not pile up in memory; it is stopped with "not reading its input".
void TestBoundedOutput::agentNotReadingItsInputIsStopped()
{
    test::TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    const QString script = test::writeScript(db.directory(), u"deaf.sh"_s, uR"(#!/bin/sh
big=$(head -c 60000 /dev/zero | tr '\0' x)
printf '{"type":"note","key":"big","text":"%s"}\n' "$big"
i=0
while [ $i -lt 2000 ]; do echo '{"type":"read_notes"}'; i=$((i+1)); done
sleep 60
)"_s);
    const double before = residentMb();
    RssPeak peak;
    Orchestrator orchestrator;
    orchestrator.setProfiles({test::processProfile(u"deaf"_s, script)});
    orchestrator.setStore(&db.store());
    QSignalSpy failed(&orchestrator, &Orchestrator::agentFailed);
    const QString id = orchestrator.spawn(test::GoalBuilder(u"deaf"_s).profile(u"deaf"_s));
    QVERIFY(!id.isEmpty());
    QVERIFY(orchestrator.waitAll(60000));
    QCOMPARE(failed.size(), 1);
    const QString why = failed.first().at(1).toString();
    QVERIFY2(why.startsWith(u"not reading its input"_s), qPrintable(why));
    QCOMPARE(orchestrator.status(id)->errorKind, u"invalid"_s);
    const QStringList log = orchestrator.agentLog(id);
    QVERIFY(
        std::any_of(log.cbegin(), log.cend(), [](const QString &l) { return l.contains(u"not reading its input"_s); }));
    // 2,000 replies of 60 KB would be 120 MB; at most ProcessSession::MaxUnreadInputBytes wait.
    const double growth = peak.peak() - before;
    qInfo("resident memory grew by %.1f MiB at most", growth);
    QVERIFY2(growth < 60.0, qPrintable(QString::number(growth)));
}

void TestBoundedOutput::samplerKeepsTheNewestLinesWithinItsBudget()
{
    constexpr int kPerAgent = 500;
    constexpr qsizetype kBudget = 256 * 1024;
    StoreLogSampler sampler(kPerAgent, kBudget);
    QCOMPARE(sampler.add({u"quiet"_s, {u"the one line"_s}, {}}), qint64(0));
    const QString pad(100, u'.');
    qint64 dropped = 0;
    for (int w = 0; w < 100; ++w) {
        QStringList lines;
        for (int i = 0; i < 100; ++i)
            lines << u"%1 %2"_s.arg(w * 100 + i, 5, 10, QLatin1Char('0')).arg(pad);
        dropped += sampler.add({u"loud"_s, lines, {}});
        QVERIFY(sampler.bytes() <= kBudget);
    }
    QCOMPARE(dropped + sampler.lineCount(), 100 * 100 + 1);
    const std::vector<StoreWrite::LogLines> taken = sampler.take();
    QVERIFY(sampler.isEmpty());
    QCOMPARE(sampler.bytes(), 0);
    QStringList quiet;
    QStringList loud;
    for (const StoreWrite::LogLines &w : taken)
        (w.agentId == u"quiet"_s ? quiet : loud) << w.lines;
    QCOMPARE(quiet, QStringList{u"the one line"_s});
    // The loud agent keeps its newest lines, in order, no more than the table would.
    QVERIFY(!loud.isEmpty() && loud.size() <= kPerAgent);
    QVERIFY(loud.constLast().startsWith(u"09999 "_s));
    for (qsizetype i = 1; i < loud.size(); ++i)
        QVERIFY(loud.at(i - 1) < loud.at(i));
}

void TestBoundedOutput::ringIsBoundedByText()
{
    AgentLog log;
    const QString line(8000, u'y');
    for (int i = 0; i < AgentLog::kDefaultCapacity; ++i)
        log.append(u"%1 "_s.arg(i, 4, 10, QLatin1Char('0')) + line);
    const QStringList kept = log.lines();
    qsizetype bytes = 0;
    for (const QString &l : kept)
        bytes += l.size() * qsizetype(sizeof(QChar));
    QVERIFY2(bytes <= AgentLog::kMaxTextBytes, qPrintable(QString::number(bytes)));
    QVERIFY(kept.size() > 1 && kept.size() < AgentLog::kDefaultCapacity);
    QVERIFY(kept.constLast().startsWith(u"1999 "_s));
    QCOMPARE(log.droppedLines(), AgentLog::kDefaultCapacity - kept.size());
    QCOMPARE(log.takeNew(), kept);
    log.append(u"short"_s);
    QCOMPARE(log.takeNew(), QStringList{u"short"_s});
    QCOMPARE(log.lines().constLast(), u"short"_s);
}

// Any line, whichever part of it is long, is kept (in memory and in the file) cut to 8 KiB with the marker.
void TestBoundedOutput::longLinesAreCut()
{
    QTemporaryDir dir;
    AgentLog log;
    log.setSpillFile(dir.filePath(u"a-1.log"_s));
    log.append(u"[a-1] something: "_s + QString(100000, u'z'));
    log.flush();
    const QString kept = log.lines().constLast();
    QVERIFY(kept.startsWith(u"[a-1] something: zzz"_s));
    QVERIFY2(kept.endsWith(u"more bytes]"_s), qPrintable(kept.right(60)));
    QVERIFY(kept.toUtf8().size() <= AgentLog::kMaxLineBytes);
    const QList<QByteArray> file = fileLines(dir.filePath(u"a-1.log"_s));
    QCOMPARE(file.size(), 1);
    QCOMPARE(QString::fromUtf8(file.constFirst()), kept);
}

// The full log of an agent that never stops: rotated at half the cap, the older half kept as <file>.1, the new file
// starting with a line that says so; the newest output is always there.
void TestBoundedOutput::logFileIsCappedWithAMarker()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"a-1.log"_s);
    AgentLog log;
    log.setSpillFile(path);
    const QString pad(4000, u'p');
    const qint64 lines = AgentLog::kMaxFileBytes / 4000 + 100; // more than the whole cap
    for (qint64 i = 0; i < lines; ++i)
        log.append(u"%1 "_s.arg(i) + pad);
    log.flush();
    const QString older = AgentLog::rotatedFile(path);
    QVERIFY(QFile::exists(older));
    QVERIFY(QFileInfo(path).size() <= AgentLog::kMaxFileBytes / 2);
    QVERIFY(QFileInfo(older).size() <= AgentLog::kMaxFileBytes / 2);
    const QList<QByteArray> current = fileLines(path);
    QVERIFY(current.size() > 1);
    QVERIFY2(current.constFirst().startsWith("[switchboard] log rotated at "), current.constFirst().constData());
    QVERIFY(current.constFirst().contains("a-1.log.1"));
    QVERIFY(current.constLast().startsWith(QByteArray(QByteArray::number(lines - 1) + ' ')));
    // What the files hold continues without a gap from the older file into the current one.
    const QList<QByteArray> previous = fileLines(older);
    const qint64 lastOlder = previous.constLast().split(' ').constFirst().toLongLong();
    QCOMPARE(current.at(1).split(' ').constFirst().toLongLong(), lastOlder + 1);

    // Opened again (a resume), the file continues where it was, still within the cap.
    AgentLog again;
    again.setSpillFile(path);
    for (int i = 0; i < 3000; ++i)
        again.append(u"again %1 "_s.arg(i) + pad);
    again.flush();
    QVERIFY(QFileInfo(path).size() + QFileInfo(older).size() <= AgentLog::kMaxFileBytes);
    QVERIFY(fileLines(path).constLast().startsWith("again 2999 "));
}

QTEST_GUILESS_MAIN(TestBoundedOutput)
#include "tst_boundedoutput.moc"
