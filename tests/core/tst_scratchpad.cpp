// The shared scratchpad: notes agents write and read (process protocol note/read_notes), stored with the run
// and put back after a restart.
#include "coordination/Scratchpad.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"
#include "support/GoalBuilder.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

QStringList keysOf(const QList<NoteRecord> &notes)
{
    QStringList keys;
    for (const NoteRecord &note : notes)
        keys << note.key;
    return keys;
}

} // namespace

class TestScratchpad final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writesReplacesAndOrders();
    void refusesBadNotes();
    void manyThreadsWrite();
    void processAgentsShareNotes();
    void processNoteRefusedAndMalformed();
    void notesAreStoredAndRestored();

private:
    QString script(const QString &name, const QString &body)
    {
        return test::writeScript(m_dir.path(), name, u"#!/bin/sh\n"_s + body);
    }
    QTemporaryDir m_dir;
};

void TestScratchpad::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
}

void TestScratchpad::writesReplacesAndOrders()
{
    Scratchpad pad;
    pad.setRunId(u"r-1"_s);
    QSignalSpy written(&pad, &Scratchpad::noteWritten);
    QVERIFY(pad.write(u"api"_s, u"v1"_s, u"a-1"_s));
    QVERIFY(pad.write(u"db"_s, u"postgres"_s, QString()));
    QVERIFY(pad.write(u" api "_s, u"v2"_s, u"a-2"_s)); // the key is trimmed: same note, replaced
    QCOMPARE(written.size(), 3);
    QCOMPARE(pad.size(), 2);
    const QList<NoteRecord> notes = pad.notes();
    QCOMPARE(keysOf(notes), (QStringList{u"db"_s, u"api"_s})); // oldest write first
    QCOMPARE(notes.at(1).text, u"v2"_s);
    QCOMPARE(notes.at(1).authorAgentId, u"a-2"_s);
    QCOMPARE(notes.at(1).runId, u"r-1"_s);
    QVERIFY(notes.at(1).at.isValid());
    QCOMPARE(notes.at(0).authorAgentId, QString()); // the human
    QCOMPARE(keysOf(pad.notes({u"api"_s, u"missing"_s})), QStringList{u"api"_s});
    QCOMPARE(written.last().first().value<NoteRecord>().text, u"v2"_s);
}

void TestScratchpad::refusesBadNotes()
{
    Scratchpad pad;
    QString error;
    QVERIFY(!pad.write(u"  "_s, u"x"_s, u"a-1"_s, &error));
    QCOMPARE(error, u"note: \"key\" must not be empty"_s);
    QVERIFY(!pad.write(QString(Scratchpad::kMaxKeyLength + 1, u'k'), u"x"_s, u"a-1"_s, &error));
    QVERIFY2(error.contains(u"longer than 200 characters"_s), qPrintable(error));
    QVERIFY(!pad.write(u"big"_s, QString(Scratchpad::kMaxTextLength + 1, u'x'), u"a-1"_s, &error));
    QVERIFY2(error.startsWith(u"note 'big': the text is 65537 characters"_s), qPrintable(error));
    QCOMPARE(pad.size(), 0);
}

void TestScratchpad::manyThreadsWrite()
{
    // 16 writers and 4 readers at once: every note lands exactly once, readers always see whole notes.
    Scratchpad pad;
    constexpr int kWriters = 16;
    constexpr int kNotes = 300;
    std::atomic<bool> stop{false};
    std::atomic<int> torn{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int r = 0; r < 4; ++r) {
        threads.emplace_back(QThread::create([&] {
            while (!stop.load()) {
                for (const NoteRecord &note : pad.notes()) {
                    if (!note.text.startsWith(note.key + u'='))
                        ++torn;
                }
            }
        }));
    }
    std::vector<std::unique_ptr<QThread>> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back(QThread::create([&pad, w] {
            for (int i = 0; i < kNotes; ++i) {
                const QString key = u"w%1-n%2"_s.arg(w).arg(i % 100); // each key written 3 times
                pad.write(key, key + u"=%1"_s.arg(i), u"a-%1"_s.arg(w));
            }
        }));
    }
    for (auto &t : threads)
        t->start();
    for (auto &t : writers)
        t->start();
    for (auto &t : writers)
        QVERIFY(t->wait(30000));
    stop = true;
    for (auto &t : threads)
        QVERIFY(t->wait(30000));
    QCOMPARE(torn.load(), 0);
    QCOMPARE(pad.size(), kWriters * 100);
    for (const NoteRecord &note : pad.notes())
        QVERIFY2(note.text.endsWith(u"=%1"_s.arg(200 + note.key.section(u"-n"_s, 1).toInt())), qPrintable(note.text));
}

void TestScratchpad::processAgentsShareNotes()
{
    // The first agent leaves a note; the one that depends on it reads every note and a missing key.
    const QString writer = script(u"writer.sh"_s, uR"SH(read -r goal
echo '{"type":"note","key":"schema","text":"users(id, email)"}'
echo '{"type":"result","summary":"wrote"}'
)SH"_s);
    const QString reader = script(u"reader.sh"_s, uR"SH(read -r goal
echo '{"type":"read_notes"}'
read -r notes
echo "$notes" > notes-all.json
echo '{"type":"read_notes","keys":["schema","nothing"]}'
read -r some
echo "$some" > notes-some.json
echo '{"type":"result","summary":"read"}'
)SH"_s);
    Orchestrator o;
    o.setWorkspace(m_dir.path());
    o.setProfiles({test::processProfile(u"writer"_s, writer), test::processProfile(u"reader"_s, reader)});
    QSignalSpy written(&o.scratchpad(), &Scratchpad::noteWritten);
    const QStringList ids = o.spawnParallel({test::GoalBuilder(u"w"_s).profile(u"writer"_s),
                                             test::GoalBuilder(u"r"_s).profile(u"reader"_s).dependsOn({u"w"_s})});
    QCOMPARE(ids.size(), 2);
    QVERIFY(o.waitAll(20000));
    QCOMPARE(o.status(ids[1])->state, AgentState::Completed);
    QCOMPARE(written.size(), 1);

    for (const QString &file : {u"notes-all.json"_s, u"notes-some.json"_s}) {
        QFile f(m_dir.filePath(file));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        const QJsonObject reply = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(reply.value(u"type"_s).toString(), u"notes"_s);
        const QJsonArray notes = reply.value(u"notes"_s).toArray();
        QCOMPARE(notes.size(), 1);
        const QJsonObject note = notes.first().toObject();
        QCOMPARE(note.value(u"key"_s).toString(), u"schema"_s);
        QCOMPARE(note.value(u"text"_s).toString(), u"users(id, email)"_s);
        QCOMPARE(note.value(u"author"_s).toString(), ids[0]);
        QVERIFY(QDateTime::fromString(note.value(u"at"_s).toString(), Qt::ISODateWithMs).isValid());
    }
}

void TestScratchpad::processNoteRefusedAndMalformed()
{
    // A note the scratchpad refuses is answered with note_refused (and logged); a malformed one is logged with
    // the agent and the line. Neither ends the agent.
    const QString body = uR"SH(read -r goal
printf '{"type":"note","key":"%s","text":"x"}\n' "$(head -c 300 /dev/zero | tr '\0' k)"
read -r refused
echo "$refused" > refused.json
echo '{"type":"note","text":"no key"}'
echo '{"type":"result","summary":"survived"}'
)SH"_s;
    Orchestrator o;
    o.setWorkspace(m_dir.path());
    o.setProfiles({test::processProfile(u"p"_s, script(u"refused.sh"_s, body))});
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).profile(u"p"_s));
    QVERIFY(o.waitAll(20000));
    QCOMPARE(o.status(id)->state, AgentState::Completed);
    QFile f(m_dir.filePath(u"refused.json"_s));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject reply = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(reply.value(u"type"_s).toString(), u"note_refused"_s);
    QVERIFY2(reply.value(u"reason"_s).toString().contains(u"longer than 200 characters"_s),
             qPrintable(reply.value(u"reason"_s).toString()));
    const QString log = o.agentLog(id).join(u'\n');
    QVERIFY2(log.contains(u"[%1] note refused on line 1"_s.arg(id)), qPrintable(log));
    QVERIFY2(log.contains(u"[%1] malformed message on line 2: note message needs \"key\""_s.arg(id)), qPrintable(log));
    QCOMPARE(o.scratchpad().size(), 0);
}

void TestScratchpad::notesAreStoredAndRestored()
{
    const QString db = m_dir.filePath(u"notes.db"_s);
    const QString writer = script(u"store-writer.sh"_s, uR"SH(read -r goal
echo '{"type":"note","key":"decision","text":"use REST"}'
echo '{"type":"result","summary":"wrote"}'
)SH"_s);
    QString runId;
    {
        Store store;
        QString error;
        QVERIFY2(store.open(db, &error), qPrintable(error));
        Orchestrator o;
        o.setWorkspace(m_dir.path());
        o.setStore(&store);
        o.setProfiles({test::processProfile(u"writer"_s, writer)});
        QVERIFY(!o.spawn(test::GoalBuilder(u"w"_s).profile(u"writer"_s)).isEmpty());
        QVERIFY(o.waitAll(20000));
        QVERIFY(o.scratchpad().write(u"human-note"_s, u"check the API docs"_s, QString()));
        QCoreApplication::processEvents(); // the note is recorded from a queued call
        QTRY_COMPARE(store.notes(o.runId()).size(), 2);
        runId = o.runId();
        QVERIFY(store.flush());
    }
    Store store;
    QString error;
    QVERIFY2(store.open(db, &error), qPrintable(error));
    const QList<NoteRecord> stored = store.notes(runId);
    QCOMPARE(stored.size(), 2);
    Orchestrator restored;
    restored.setStore(&store);
    QVERIFY(restored.restore(store.load(runId), true, &error));
    const QList<NoteRecord> notes = restored.scratchpad().notes();
    QCOMPARE(keysOf(notes), (QStringList{u"decision"_s, u"human-note"_s}));
    QCOMPARE(notes.at(0).text, u"use REST"_s);
    QVERIFY(notes.at(0).authorAgentId.startsWith(u"a-"_s));
    QCOMPARE(notes.at(1).authorAgentId, QString());
    QCOMPARE(notes.at(1).runId, runId);
}

QTEST_GUILESS_MAIN(TestScratchpad)
#include "tst_scratchpad.moc"
