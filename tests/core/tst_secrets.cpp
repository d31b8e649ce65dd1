// Secrets and resolveEndpoint: a key read from the environment is redacted from every text Switchboard writes,
// from any thread, and never reaches the database file or the log files.
#include "llm/EndpointResolver.h"
#include "llm/Secrets.h"
#include "orchestration/AgentLog.h"
#include "orchestration/Orchestrator.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/TemporaryStore.h"
#include "support/TestSupport.h"

#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace switchboard;
using namespace Qt::StringLiterals;

class TestSecrets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nothingRememberedChangesNothing();
    void redactsEveryRememberedValue();
    void manyThreads();
    void resolverRemembersTheKey();
    void keyNeverStored();
};

void TestSecrets::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

// Runs first (slots run in declaration order): nothing is remembered yet in this process.
void TestSecrets::nothingRememberedChangesNothing()
{
    QVERIFY(Secrets::isEmpty());
    const QString text = u"nothing to hide here: sk-not-remembered-123"_s;
    QCOMPARE(Secrets::redact(text), text);
    Secrets::remember(u"short"_s); // under 8 characters: would redact ordinary words
    QVERIFY(Secrets::isEmpty());
    QCOMPARE(Secrets::redact(u"a short story"_s), u"a short story"_s);
}

void TestSecrets::redactsEveryRememberedValue()
{
    Secrets::remember(u"  sk-abc-12345678  "_s); // trimmed
    Secrets::remember(u"sk-abc-12345678-longer"_s);
    QVERIFY(!Secrets::isEmpty());
    QCOMPARE(Secrets::redact(u"key=sk-abc-12345678, again sk-abc-12345678."_s), u"key=[redacted], again [redacted]."_s);
    // The longer key is replaced whole, not as the shorter one plus a visible tail.
    QCOMPARE(Secrets::redact(u"Bearer sk-abc-12345678-longer"_s), u"Bearer [redacted]"_s);
    QCOMPARE(Secrets::redact(u"no key"_s), u"no key"_s);

    AgentLog log;
    log.append(u"curl -H 'Authorization: Bearer sk-abc-12345678'"_s);
    QCOMPARE(log.lines(), QStringList{u"curl -H 'Authorization: Bearer [redacted]'"_s});
}

// Threads remember their own keys while others redact: every text written after remember() has it redacted.
void TestSecrets::manyThreads()
{
    constexpr int Threads = 8;
    constexpr int Rounds = 300;
    std::atomic<int> leaks{0};
    std::atomic<int> checked{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back(QThread::create([t, &leaks, &checked] {
            for (int i = 0; i < Rounds; ++i) {
                const QString key = u"thread-%1-secret-%2-xyz"_s.arg(t).arg(i);
                Secrets::remember(key);
                const QString out = Secrets::redact(u"line with "_s + key + u" inside"_s);
                if (out != u"line with [redacted] inside"_s)
                    ++leaks;
                // Keys of other threads, remembered or not yet: never garbled into something else.
                const QString other = u"thread-%1-secret-%2-xyz"_s.arg((t + 1) % Threads).arg(i);
                const QString mixed = Secrets::redact(other);
                if (mixed != other && mixed != u"[redacted]"_s)
                    ++leaks;
                ++checked;
            }
        }));
    }
    for (const auto &thread : threads)
        thread->start();
    for (const auto &thread : threads)
        QVERIFY(thread->wait(60000));
    QCOMPARE(checked.load(), Threads * Rounds);
    QCOMPARE(leaks.load(), 0);
    for (int t = 0; t < Threads; ++t)
        QCOMPARE(Secrets::redact(u"thread-%1-secret-%2-xyz"_s.arg(t).arg(Rounds - 1)), u"[redacted]"_s);
}

void TestSecrets::resolverRemembersTheKey()
{
    AgentProfile profile;
    profile.name = u"coder"_s;
    profile.backend = u"openai"_s;
    profile.model = u"gpt-4o"_s;
    QProcessEnvironment env;
    env.insert(u"OPENAI_API_KEY"_s, u"sk-resolver-remembers-987654"_s);
    QString error;
    const std::optional<llm::ModelEndpoint> endpoint = llm::resolveEndpoint(profile, env, &error);
    QVERIFY2(endpoint, qPrintable(error));
    QCOMPARE(endpoint->apiKey, u"sk-resolver-remembers-987654"_s);
    QCOMPARE(Secrets::redact(u"401: bad key sk-resolver-remembers-987654"_s), u"401: bad key [redacted]"_s);
}

// A process agent prints the key a profile names (its env is the process's) in a log line, a progress step, a
// note, its result and its error: neither the database file nor any log file may hold it afterwards.
void TestSecrets::keyNeverStored()
{
    const QString key = u"sk-proj-NeverStoreMe-0123456789abcdef"_s;
    qputenv("SB_TEST_REDACT_KEY", key.toUtf8());
    AgentProfile llmProfile;
    llmProfile.name = u"llm"_s;
    llmProfile.backend = u"openai"_s;
    llmProfile.model = u"gpt-4o"_s;
    llmProfile.llm.apiKeyEnv = u"SB_TEST_REDACT_KEY"_s;
    QString error;
    QVERIFY2(llm::resolveEndpoint(llmProfile, QProcessEnvironment::systemEnvironment(), &error), qPrintable(error));

    QTemporaryDir scripts;
    QVERIFY(scripts.isValid());
    const QString failing = test::writeScript(scripts.path(), u"fail.sh"_s, uR"SH(#!/bin/sh
read goal
echo "calling the API with $SB_TEST_REDACT_KEY"
echo '{"type":"progress","progress":50,"step":"key '"$SB_TEST_REDACT_KEY"'"}'
echo '{"type":"note","key":"creds","text":"the key is '"$SB_TEST_REDACT_KEY"'"}'
echo '{"type":"error","message":"401 for key '"$SB_TEST_REDACT_KEY"'","kind":"auth"}'
exit 2
)SH"_s);
    const QString completing = test::writeScript(scripts.path(), u"ok.sh"_s, uR"SH(#!/bin/sh
read goal
echo "stderr too: $SB_TEST_REDACT_KEY" >&2
echo '{"type":"result","summary":"done with '"$SB_TEST_REDACT_KEY"'"}'
)SH"_s);

    test::TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    const QString sessionLogs = db.filePath(u"session-logs"_s);
    QStringList ids;
    {
        Orchestrator o;
        o.setStore(&db.store());
        o.setLogDirectory(sessionLogs);
        o.setProfiles({test::processProfile(u"fails"_s, failing), test::processProfile(u"completes"_s, completing)});
        ids << o.spawn(test::GoalBuilder(u"bad"_s).profile(u"fails"_s));
        ids << o.spawn(test::GoalBuilder(u"good"_s).profile(u"completes"_s));
        QVERIFY(o.waitAll(30000));
        QCOMPARE(o.status(ids[0])->state, AgentState::Failed);
        QCOMPARE(o.status(ids[1])->state, AgentState::Completed);
        QCOMPARE(o.status(ids[0])->error, u"401 for key [redacted] (exit code 2)"_s);
        QCOMPARE(o.status(ids[1])->summary, u"done with [redacted]"_s);
        QVERIFY(db.store().flush());
    }
    db.store().close();

    int files = 0;
    bool sawRedacted = false;
    QDirIterator it(db.directory(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QByteArray bytes = file.readAll();
        ++files;
        QVERIFY2(!bytes.contains(key.toUtf8()), qPrintable(u"the key is in "_s + file.fileName()));
        QVERIFY2(!bytes.contains("NeverStoreMe"), qPrintable(u"part of the key is in "_s + file.fileName()));
        sawRedacted = sawRedacted || bytes.contains("[redacted]");
    }
    QVERIFY2(files >= 3, qPrintable(QString::number(files))); // the database and the agents' log files
    QVERIFY(sawRedacted);                                     // the lines were written, without the key
    qunsetenv("SB_TEST_REDACT_KEY");
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
