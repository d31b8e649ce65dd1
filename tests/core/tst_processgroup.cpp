// ProcessGroup on its own: lines both ways, exit status, a start that fails, and the group's end: SIGTERM,
// SIGKILL after the grace for members that ignore it, and finished() only once no member is left.
#include "agents/ProcessGroup.h"
#include "support/TestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace switchboard;
using namespace Qt::StringLiterals;
using switchboard::test::processAlive;

namespace {

// Everything a group emitted, in order.
struct Recorder
{
    explicit Recorder(ProcessGroup &group)
    {
        QObject::connect(
            &group, &ExecutionChannel::stdoutLineReceived, &context,
            [this](const ProcessLineReader::Line &line) { events << u"out: "_s + QString::fromUtf8(line.bytes); });
        QObject::connect(
            &group, &ExecutionChannel::stderrLineReceived, &context,
            [this](const ProcessLineReader::Line &line) { events << u"err: "_s + QString::fromUtf8(line.bytes); });
        QObject::connect(&group, &ExecutionChannel::noted, &context, [this](const QString &text) { notes << text; });
        QObject::connect(&group, &ExecutionChannel::exited, &context, [this] { events << u"exited"_s; });
        QObject::connect(&group, &ExecutionChannel::finished, &context, [this] { events << u"finished"_s; });
    }

    bool hasNoteStartingWith(const QString &prefix) const
    {
        return std::any_of(notes.cbegin(), notes.cend(), [&](const QString &n) { return n.startsWith(prefix); });
    }

    QObject context;
    QStringList events;
    QStringList notes;
};

qint64 readPid(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
}

} // namespace

class TestProcessGroup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void linesBothWays();
    void exitCode();
    void killedBySignal();
    void startFails();
    void terminateKillsMembersThatIgnoreSigterm();
    void waitsForMembersLeftBehind();
    void destructorKillsTheGroup();

private:
    ExecutionChannel::Launch launch(const QString &name, const QString &body) const
    {
        ExecutionChannel::Launch l;
        l.program = test::writeScript(m_dir->path(), name, u"#!/bin/sh\n"_s + body);
        l.workingDirectory = m_dir->path();
        l.environment = QProcessEnvironment::systemEnvironment();
        l.killGraceMs = 300;
        return l;
    }

    QString path(const QString &name) const { return m_dir->filePath(name); }

    // Waits until the script wrote every pid file, and returns the pids.
    QList<qint64> pids(const QStringList &files) const
    {
        QList<qint64> result;
        for (const QString &file : files) {
            if (!QTest::qWaitFor([&] { return readPid(path(file)) > 0; }, 10000))
                return {};
            result << readPid(path(file));
        }
        return result;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestProcessGroup::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestProcessGroup::cleanup()
{
    m_dir.reset();
}

void TestProcessGroup::linesBothWays()
{
    ProcessGroup group;
    Recorder recorder(group);
    QSignalSpy finished(&group, &ExecutionChannel::finished);
    QString error;
    QVERIFY2(group.start(launch(u"echo.sh"_s, uR"(IFS= read -r line
echo "got $line"
echo "problem" >&2
IFS= read -r second
echo "then $second"
printf 'no newline'
)"_s),
                         &error),
             qPrintable(error));
    QVERIFY(group.isRunning());
    QVERIFY(group.groupId() > 1);
    QCOMPARE(recorder.notes.value(0), u"started %1 (pid %2)"_s.arg(path(u"echo.sh"_s)).arg(group.groupId()));

    group.writeLine("hello");
    // stdout and stderr are separate pipes: wait for both before the next line, so the order is known.
    QTRY_VERIFY(recorder.events.contains(u"err: problem"_s));
    group.writeLine("world");
    QVERIFY(finished.wait(10000));
    // The last line without its newline comes before exited(); finished() comes last.
    QCOMPARE(recorder.events, (QStringList{u"out: got hello"_s, u"err: problem"_s, u"out: then world"_s,
                                           u"out: no newline"_s, u"exited"_s, u"finished"_s}));
    QCOMPARE(recorder.notes.last(), u"exited with code 0"_s);
    QVERIFY(!group.isRunning());
    QCOMPARE(group.exitCode(), 0);
    QVERIFY(!group.crashed());
    QCOMPARE(group.liveMembers(), 0);
    QCOMPARE(group.description(), u"process group %1"_s.arg(group.groupId()));
}

void TestProcessGroup::exitCode()
{
    ProcessGroup group;
    Recorder recorder(group);
    QSignalSpy finished(&group, &ExecutionChannel::finished);
    QVERIFY(group.start(launch(u"fail.sh"_s, u"cat > /dev/null\nexit 3\n"_s), nullptr));
    group.closeInput(); // cat reads to EOF
    QVERIFY(finished.wait(10000));
    QCOMPARE(group.exitCode(), 3);
    QVERIFY(!group.crashed());
    QCOMPARE(recorder.notes.last(), u"exited with code 3"_s);
}

void TestProcessGroup::killedBySignal()
{
    ProcessGroup group;
    Recorder recorder(group);
    QSignalSpy finished(&group, &ExecutionChannel::finished);
    QVERIFY(group.start(launch(u"segv.sh"_s, u"kill -SEGV $$\n"_s), nullptr));
    QVERIFY(finished.wait(10000));
    QVERIFY(group.crashed());
    QCOMPARE(group.exitCode(), 11);
    QCOMPARE(recorder.notes.last(), u"killed by signal 11 (SIGSEGV)"_s);
    QCOMPARE(ProcessGroup::signalText(64), u"killed by signal 64"_s);
}

void TestProcessGroup::startFails()
{
    ProcessGroup group;
    Recorder recorder(group);
    ExecutionChannel::Launch l;
    l.program = u"switchboard-no-such-program"_s;
    l.environment = QProcessEnvironment::systemEnvironment();
    QString error;
    QVERIFY(!group.start(l, &error));
    QVERIFY2(error.startsWith(u"cannot start \"switchboard-no-such-program\": "_s), qPrintable(error));
    QVERIFY2(error.endsWith(u" (not found in PATH)"_s), qPrintable(error));
    QVERIFY(!group.isRunning());
    QVERIFY(recorder.notes.isEmpty()); // the caller reports it
    group.terminate(u"cancelled"_s);   // nothing to stop
    QVERIFY(recorder.notes.isEmpty());
}

void TestProcessGroup::terminateKillsMembersThatIgnoreSigterm()
{
    // The leader and its child ignore SIGTERM (so do the sleeps they start): only SIGKILL ends them.
    ProcessGroup group;
    Recorder recorder(group);
    QSignalSpy finished(&group, &ExecutionChannel::finished);
    QVERIFY(group.start(launch(u"stubborn.sh"_s, uR"(trap '' TERM
echo $$ > leader.pid
sh -c 'echo $$ > child.pid; sleep 60' &
sleep 60 &
echo $! > sleep.pid
wait
)"_s),
                        nullptr));
    const QList<qint64> members = pids({u"leader.pid"_s, u"child.pid"_s, u"sleep.pid"_s});
    QCOMPARE(members.size(), 3);
    QCOMPARE(members.first(), group.groupId());
    for (const qint64 pid : members)
        QVERIFY(processAlive(pid));
    QTRY_VERIFY(group.liveMembers() >= 3); // leader, child (and its sleep, unless the shell exec'd it), a sleep

    QElapsedTimer timer;
    timer.start();
    group.terminate(u"cancelled"_s);
    QCOMPARE(recorder.notes.last(), u"cancelled: sending SIGTERM to process group %1"_s.arg(group.groupId()));
    QVERIFY(finished.wait(10000));
    // The grace was given (a coarse timer may fire up to 5 % early).
    QVERIFY2(timer.elapsed() >= 280, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(recorder.notes.contains(
        u"process group %1 still running 300 ms after SIGTERM: sending SIGKILL"_s.arg(group.groupId())));
    QVERIFY(!recorder.hasNoteStartingWith(u"process group %1 still has"_s.arg(group.groupId())));
    QVERIFY(group.crashed());
    QCOMPARE(group.exitCode(), 9);
    // finished() means no member survived.
    QCOMPARE(group.liveMembers(), 0);
    for (const qint64 pid : members)
        QVERIFY2(!processAlive(pid), qPrintable(QString::number(pid)));
    QCOMPARE(finished.size(), 1);
}

void TestProcessGroup::waitsForMembersLeftBehind()
{
    // The leader exits at once; a background member it left behind is ended, and finished() waits for it.
    ProcessGroup group;
    Recorder recorder(group);
    QSignalSpy exited(&group, &ExecutionChannel::exited);
    QSignalSpy finished(&group, &ExecutionChannel::finished);
    QVERIFY(group.start(launch(u"orphan.sh"_s, uR"(sleep 60 &
echo $! > orphan.pid
echo done
)"_s),
                        nullptr));
    QVERIFY(exited.wait(10000));
    const qint64 orphan = readPid(path(u"orphan.pid"_s));
    QVERIFY(orphan > 0);
    QVERIFY(recorder.notes.contains(
        u"1 other process(es) of process group %1 still running after the program exited: sending SIGTERM"_s.arg(
            group.groupId())));
    QVERIFY(finished.wait(10000));
    QCOMPARE(group.exitCode(), 0);
    QVERIFY(!processAlive(orphan));
    QCOMPARE(recorder.events, (QStringList{u"out: done"_s, u"exited"_s, u"finished"_s}));
}

void TestProcessGroup::destructorKillsTheGroup()
{
    QList<qint64> members;
    {
        ProcessGroup group;
        QVERIFY(group.start(launch(u"long.sh"_s, uR"(echo $$ > leader.pid
sleep 60 &
echo $! > sleep.pid
wait
)"_s),
                            nullptr));
        members = pids({u"leader.pid"_s, u"sleep.pid"_s});
        QCOMPARE(members.size(), 2);
    }
    for (const qint64 pid : std::as_const(members))
        QTRY_VERIFY2(!processAlive(pid), qPrintable(QString::number(pid)));
}

QTEST_GUILESS_MAIN(TestProcessGroup)
#include "tst_processgroup.moc"
