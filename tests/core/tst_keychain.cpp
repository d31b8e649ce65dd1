// API keys in the OS keychain, for real: ctest runs this binary twice through tests/keychain-session.sh, each time
// on a private D-Bus session bus with a private HOME, so the user's keyring is never touched. On "keyring" a fresh
// gnome-keyring-daemon holds the keys: entries are stored, read and removed (seen by secret-tool too), a real
// `switchboard run` takes a profile's key from the keychain to the scripted model server (which checks the
// Authorization header carries exactly that key), api_key_env wins over the keychain, and no file the run writes
// holds the key. On "none" nothing offers org.freedesktop.secrets: every call says so and names api_key_env, a run
// fails with that error instead of crashing, and api_key_env alone still works.
#include "llm/EndpointResolver.h"
#include "llm/Keychain.h"
#include "llm/Secrets.h"
#include "support/ScriptedModelServer.h"
#include "support/TestSupport.h"

#include <QDirIterator>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace switchboard;
using namespace Qt::StringLiterals;
using llm::Keychain;
using test::ScriptedModelServer;
using test::ScriptedReply;

namespace {

// What one `switchboard run` left behind: its exit, its output, and every file under its private directories.
struct CliRun
{
    int exitCode = -2; // -2: did not finish, -1: crashed
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> events;
};

QString statusName(Keychain::Status status)
{
    switch (status) {
    case Keychain::Status::Ok:
        return u"Ok"_s;
    case Keychain::Status::NotFound:
        return u"NotFound"_s;
    case Keychain::Status::Unavailable:
        return u"Unavailable"_s;
    case Keychain::Status::Failed:
        return u"Failed"_s;
    }
    return u"?"_s;
}

QString describe(const Keychain::Result &r)
{
    return statusName(r.status) + u": "_s + r.error;
}

// secret-tool's view of an entry: the attributes QtKeychain's libsecret backend stores.
QStringList secretToolAttributes(const QString &profile)
{
    return {u"user"_s, Keychain::entryName(profile), u"server"_s, Keychain::serviceName(), u"type"_s, u"plaintext"_s};
}

} // namespace

class TestKeychain final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip();
    void asynchronousCalls();
    void manyThreadsRead();
    void secretToolSeesTheEntries();
    void keyFromTheKeychainReachesTheServer();
    void apiKeyEnvWins();
    void noKeychainService();
    void apiKeyEnvWithoutKeychain();

private:
    // Empty when this run has the session `mode` needs, else why not (for QSKIP).
    QString unmet(const QString &mode) const;
    // A plan with one goal on an openai profile "name" at baseUrl (api_key_env when keyVariable is set).
    QString writePlan(const QString &dir, const QString &name, const QString &baseUrl,
                      const QString &keyVariable = {}) const;
    // `switchboard run plan --json` with its config, data and home under root and extra in its environment.
    CliRun run(const QString &root, const QString &plan, const QProcessEnvironment &extra = {}) const;
    // The files under dir whose bytes contain needle; *files counts those read, *redacted those with "[redacted]".
    QStringList filesHolding(const QString &dir, const QByteArray &needle, int *files, int *redacted) const;

    QString m_mode;
    QString m_skip;
};

#define REQUIRE_SESSION(mode)                                                                                          \
    do {                                                                                                               \
        const QString why = unmet(mode);                                                                               \
        if (!why.isEmpty())                                                                                            \
            QSKIP(qPrintable(why));                                                                                    \
    } while (false)

void TestKeychain::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_mode = qEnvironmentVariable("SWITCHBOARD_KEYCHAIN_TEST");
    m_skip = qEnvironmentVariable("SWITCHBOARD_KEYCHAIN_SKIP");
    QVERIFY2(QFile::exists(test::switchboardBinary()), qPrintable(test::switchboardBinary()));
    // A CI machine is set up by scripts/setup: a keyring it cannot start is a failure there, not a skip.
    if (!m_skip.isEmpty() && qEnvironmentVariableIsSet("CI"))
        QFAIL(qPrintable(u"CI is set but the keychain test cannot run: "_s + m_skip));
}

QString TestKeychain::unmet(const QString &mode) const
{
    if (!m_skip.isEmpty())
        return m_skip;
    if (m_mode.isEmpty()) {
        return u"runs only on a private D-Bus session (ctest runs it through tests/keychain-session.sh), never on "
               u"the user's keyring"_s;
    }
    if (m_mode != mode) {
        return u"needs the '%1' session (ctest entry %2)"_s.arg(mode, mode == u"none" ? u"tst_keychain_noservice"_s
                                                                                      : u"tst_keychain"_s);
    }
    return {};
}

QString TestKeychain::writePlan(const QString &dir, const QString &name, const QString &baseUrl,
                                const QString &keyVariable) const
{
    QByteArray yaml = "name: keychain\n"
                      "agents:\n"
                      "  definitions:\n"
                      "    - name: " +
                      name.toUtf8() +
                      "\n"
                      "      backend: openai\n"
                      "      model: test-model\n"
                      "      base_url: " +
                      baseUrl.toUtf8() + "\n";
    if (!keyVariable.isEmpty())
        yaml += "      api_key_env: " + keyVariable.toUtf8() + "\n";
    yaml += "goals:\n"
            "  - id: say\n"
            "    title: Say which key you were given\n"
            "    profile: " +
            name.toUtf8() + "\n";
    return test::writeFile(dir, u"plan.yaml"_s, yaml);
}

CliRun TestKeychain::run(const QString &root, const QString &plan, const QProcessEnvironment &extra) const
{
    QDir(root).mkpath(u"home"_s);
    QDir(root).mkpath(u"work"_s);
    // The session's bus (DBUS_SESSION_BUS_ADDRESS) stays: the child reaches the same keychain.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"OPENAI_API_KEY"_s);
    env.remove(u"SWITCHBOARD_NO_KEYCHAIN"_s);
    env.insert(u"HOME"_s, root + u"/home"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, root + u"/config"_s);
    env.insert(u"XDG_DATA_HOME"_s, root + u"/data"_s);
    env.insert(u"XDG_CACHE_HOME"_s, root + u"/cache"_s);
    env.insert(u"XDG_STATE_HOME"_s, root + u"/state"_s);
    env.insert(u"TMPDIR"_s, root + u"/home"_s);
    env.insert(extra);
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(root + u"/work"_s);
    process.start(test::switchboardBinary(), {u"run"_s, plan, u"--json"_s});
    CliRun result;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    for (const QByteArray &line : result.out.split('\n')) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            result.events << doc.object();
    }
    // Whatever the run printed is a file it wrote, too.
    test::writeFile(root, u"stdout.txt"_s, result.out);
    test::writeFile(root, u"stderr.txt"_s, result.err);
    return result;
}

QStringList TestKeychain::filesHolding(const QString &dir, const QByteArray &needle, int *files, int *redacted) const
{
    QStringList holding;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly)) {
            holding << file.fileName() + u" (unreadable)"_s;
            continue;
        }
        const QByteArray bytes = file.readAll();
        ++*files;
        if (bytes.contains(needle))
            holding << file.fileName();
        if (bytes.contains("[redacted]"))
            ++*redacted;
    }
    return holding;
}

void TestKeychain::roundTrip()
{
    REQUIRE_SESSION(u"keyring"_s);
    QString why;
    QVERIFY2(Keychain::isAvailable(&why), qPrintable(why));

    const QString profile = u"kc-round"_s;
    const QString key = u"sk-round-trip-4f1d9c2b7a"_s;
    QCOMPARE(Keychain::readKeyBlocking(profile).status, Keychain::Status::NotFound);
    const Keychain::Result stored = Keychain::storeKeyBlocking(profile, u"  "_s + key + u"\n"_s); // trimmed
    QVERIFY2(stored.ok(), qPrintable(describe(stored)));
    QCOMPARE(Secrets::redact(u"Bearer "_s + key), u"Bearer [redacted]"_s);

    Keychain::Result read = Keychain::readKeyBlocking(profile);
    QVERIFY2(read.ok(), qPrintable(describe(read)));
    QCOMPARE(read.key, key);
    // Another profile's entry is another entry.
    QCOMPARE(Keychain::readKeyBlocking(u"kc-other"_s).status, Keychain::Status::NotFound);

    // Overwritten, not added beside.
    QVERIFY(Keychain::storeKeyBlocking(profile, key + u"-v2"_s).ok());
    QCOMPARE(Keychain::readKeyBlocking(profile).key, key + u"-v2"_s);

    const Keychain::Result removed = Keychain::removeKeyBlocking(profile);
    QVERIFY2(removed.ok(), qPrintable(describe(removed)));
    read = Keychain::readKeyBlocking(profile);
    QCOMPARE(read.status, Keychain::Status::NotFound);
    QVERIFY(read.key.isEmpty());
    QVERIFY(Keychain::removeKeyBlocking(profile).ok()); // nothing left to remove: still fine

    const Keychain::Result empty = Keychain::storeKeyBlocking(profile, u"   "_s);
    QCOMPARE(empty.status, Keychain::Status::Failed);
    QCOMPARE(empty.error, u"the key is empty"_s);
    QCOMPARE(Keychain::readKeyBlocking(profile).status, Keychain::Status::NotFound);
}

// The GUI's way: futures, watched, nothing waits.
void TestKeychain::asynchronousCalls()
{
    REQUIRE_SESSION(u"keyring"_s);
    const QString profile = u"kc-async"_s;
    const QString key = u"sk-async-8e3b0a61f2"_s;
    const auto finish = [](const QFuture<Keychain::Result> &future) {
        QFutureWatcher<Keychain::Result> watcher;
        QSignalSpy done(&watcher, &QFutureWatcher<Keychain::Result>::finished);
        watcher.setFuture(future);
        if (!watcher.isFinished() && !done.wait(30000))
            return Keychain::Result();
        return future.resultCount() == 1 ? future.result() : Keychain::Result();
    };
    const Keychain::Result probe = finish(Keychain::checkAvailable());
    QVERIFY2(probe.ok(), qPrintable(describe(probe)));
    const Keychain::Result stored = finish(Keychain::storeKey(profile, key));
    QVERIFY2(stored.ok(), qPrintable(describe(stored)));
    const Keychain::Result read = finish(Keychain::readKey(profile));
    QVERIFY2(read.ok(), qPrintable(describe(read)));
    QCOMPARE(read.key, key);
    QVERIFY(finish(Keychain::removeKey(profile)).ok());
    QCOMPARE(finish(Keychain::readKey(profile)).status, Keychain::Status::NotFound);
}

// Pool threads of many agents read at once: QtKeychain's one queue is only ever used from the keychain's thread.
void TestKeychain::manyThreadsRead()
{
    REQUIRE_SESSION(u"keyring"_s);
    const QString key = u"sk-threads-0b7d5e9a13"_s;
    QVERIFY(Keychain::storeKeyBlocking(u"kc-threads"_s, key).ok());
    QList<QFuture<Keychain::Result>> reads;
    for (int i = 0; i < 16; ++i)
        reads << QtConcurrent::run([] { return Keychain::readKeyBlocking(u"kc-threads"_s); });
    for (QFuture<Keychain::Result> &read : reads) {
        read.waitForFinished();
        QVERIFY2(read.result().ok(), qPrintable(describe(read.result())));
        QCOMPARE(read.result().key, key);
    }
    QVERIFY(Keychain::removeKeyBlocking(u"kc-threads"_s).ok());
}

// The entries are where the Secret Service's own tools find them, and a key put there by another tool is read
// (and from then on redacted).
void TestKeychain::secretToolSeesTheEntries()
{
    REQUIRE_SESSION(u"keyring"_s);
    const QString secretTool = QStandardPaths::findExecutable(u"secret-tool"_s);
    // scripts/setup installs it: missing, the check it makes would be lost silently.
    QVERIFY2(!secretTool.isEmpty(), "secret-tool is not installed (Debian package libsecret-tools, see scripts/setup)");

    const QString key = u"sk-seen-by-secret-tool-61c0"_s;
    QVERIFY(Keychain::storeKeyBlocking(u"kc-tool"_s, key).ok());
    QProcess lookup;
    lookup.start(secretTool, QStringList{u"lookup"_s} + secretToolAttributes(u"kc-tool"_s));
    QVERIFY(lookup.waitForFinished(30000));
    QCOMPARE(lookup.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(lookup.readAllStandardOutput()).trimmed(), key);

    QVERIFY(Keychain::removeKeyBlocking(u"kc-tool"_s).ok());
    lookup.start(secretTool, QStringList{u"lookup"_s} + secretToolAttributes(u"kc-tool"_s));
    QVERIFY(lookup.waitForFinished(30000));
    QVERIFY(lookup.readAllStandardOutput().trimmed().isEmpty());

    const QString external = u"sk-stored-by-secret-tool-9a2e"_s;
    QCOMPARE(Secrets::redact(external), external); // not known yet
    QProcess store;
    store.start(secretTool, QStringList{u"store"_s, u"--label=external"_s} + secretToolAttributes(u"kc-external"_s));
    QVERIFY(store.waitForStarted());
    store.write(external.toUtf8());
    store.closeWriteChannel();
    QVERIFY(store.waitForFinished(30000));
    QCOMPARE(store.exitCode(), 0);
    const Keychain::Result read = Keychain::readKeyBlocking(u"kc-external"_s);
    QVERIFY2(read.ok(), qPrintable(describe(read)));
    QCOMPARE(read.key, external);
    QCOMPARE(Secrets::redact(u"key "_s + external), u"key [redacted]"_s);
    QVERIFY(Keychain::removeKeyBlocking(u"kc-external"_s).ok());
}

// A real run: the profile names no variable, its key is in the keychain only. The model repeats the key in its
// answer; the database, the logs and the report keep the answer, not the key.
void TestKeychain::keyFromTheKeychainReachesTheServer()
{
    REQUIRE_SESSION(u"keyring"_s);
    const QString key = u"sk-kc-RunKey-73e1a9d05b"_s;
    const QString profile = u"kc-coder"_s;
    QVERIFY(Keychain::storeKeyBlocking(profile, key).ok());

    ScriptedModelServer server(llm::ApiKind::OpenAi, key); // checks "Authorization: Bearer <key>" on each request
    server.enqueue(ScriptedReply::text(u"Done. I was called with the key "_s + key + u" and nothing else."_s));
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString plan = writePlan(root.path(), profile, server.baseUrl().toString());
    const CliRun r = run(root.path(), plan);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(server.ok(), qPrintable(server.report()));
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(server.request(0).header("authorization"), QByteArray("Bearer " + key.toUtf8()));
    bool completed = false;
    for (const QJsonObject &e : r.events) {
        if (e.value(u"event"_s).toString() == u"completed") {
            completed = true;
            QCOMPARE(e.value(u"summary"_s).toString(),
                     u"Done. I was called with the key [redacted] and nothing else."_s);
        }
    }
    QVERIFY2(completed, r.out.constData());

    int files = 0;
    int redacted = 0;
    const QStringList leaks = filesHolding(root.path(), key.toUtf8(), &files, &redacted);
    QVERIFY2(leaks.isEmpty(), qPrintable(u"the key is in: "_s + leaks.join(u", "_s)));
    QVERIFY2(filesHolding(root.path(), "RunKey", &files, &redacted).isEmpty(), "part of the key was written");
    // The database (with its -wal), the agent's log and the report were all there to leak it.
    QVERIFY2(QDir(root.path() + u"/data"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size() > 0,
             "the run wrote no data directory");
    QVERIFY2(files >= 4, qPrintable(QString::number(files)));
    QVERIFY2(redacted >= 2, qPrintable(QString::number(redacted))); // the report and the database at least
    QVERIFY(Keychain::removeKeyBlocking(profile).ok());
}

void TestKeychain::apiKeyEnvWins()
{
    REQUIRE_SESSION(u"keyring"_s);
    const QString profile = u"kc-both"_s;
    const QString stored = u"sk-kc-stored-2b8f40c6"_s;
    const QString fromEnv = u"sk-kc-from-env-5d19e7a3"_s;
    QVERIFY(Keychain::storeKeyBlocking(profile, stored).ok());

    ScriptedModelServer server(llm::ApiKind::OpenAi, fromEnv);
    server.enqueue(ScriptedReply::text(u"Done."_s));
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QProcessEnvironment extra;
    extra.insert(u"SB_KC_TEST_KEY"_s, fromEnv);
    const CliRun r =
        run(root.path(), writePlan(root.path(), profile, server.baseUrl().toString(), u"SB_KC_TEST_KEY"_s), extra);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(server.ok(), qPrintable(server.report()));
    QCOMPARE(server.request(0).header("authorization"), QByteArray("Bearer " + fromEnv.toUtf8()));

    // In this process: the variable wins; set but empty, the keychain stands in.
    AgentProfile p;
    p.name = profile;
    p.backend = u"openai"_s;
    p.model = u"gpt-4o"_s;
    p.llm.apiKeyEnv = u"SB_KC_TEST_KEY"_s;
    QString error;
    const auto withVariable = llm::resolveEndpoint(p, extra, &error);
    QVERIFY2(withVariable, qPrintable(error));
    QCOMPARE(withVariable->apiKey, fromEnv);
    QProcessEnvironment blank;
    blank.insert(u"SB_KC_TEST_KEY"_s, u"  "_s);
    const auto fromKeychain = llm::resolveEndpoint(p, blank, &error);
    QVERIFY2(fromKeychain, qPrintable(error));
    QCOMPARE(fromKeychain->apiKey, stored);
    // Unnamed, the keychain entry comes before the vendor's variable.
    p.llm.apiKeyEnv.clear();
    QProcessEnvironment vendor;
    vendor.insert(u"OPENAI_API_KEY"_s, u"sk-vendor-variable-0000"_s);
    const auto unnamed = llm::resolveEndpoint(p, vendor, &error);
    QVERIFY2(unnamed, qPrintable(error));
    QCOMPARE(unnamed->apiKey, stored);
    QVERIFY(Keychain::removeKeyBlocking(profile).ok());
    // Removed through Keychain, the copy in memory goes too: the vendor's variable is next.
    const auto afterRemoval = llm::resolveEndpoint(p, vendor, &error);
    QVERIFY2(afterRemoval, qPrintable(error));
    QCOMPARE(afterRemoval->apiKey, u"sk-vendor-variable-0000"_s);
    // Without any key: the error names both ways.
    QVERIFY(!llm::resolveEndpoint(p, {}, &error));
    QCOMPARE(error, u"profile 'kc-both' needs an API key: set the environment variable OPENAI_API_KEY (or name "
                    u"another with api_key_env), or store one for it in the keychain"_s);
}

void TestKeychain::noKeychainService()
{
    REQUIRE_SESSION(u"none"_s);
    const QString message = u"no keychain service (org.freedesktop.secrets) on the session bus: set api_key_env "
                            u"instead"_s;
    QCOMPARE(Keychain::unavailableMessage(), message);
    QString why;
    QVERIFY(!Keychain::isAvailable(&why));
    QCOMPARE(why, message);
    const Keychain::Result stored = Keychain::storeKeyBlocking(u"kc-none"_s, u"sk-nowhere-to-go-1234"_s);
    QCOMPARE(stored.status, Keychain::Status::Unavailable);
    QCOMPARE(stored.error, message);
    QCOMPARE(Keychain::readKeyBlocking(u"kc-none"_s).status, Keychain::Status::Unavailable);
    QCOMPARE(Keychain::removeKeyBlocking(u"kc-none"_s).status, Keychain::Status::Unavailable);
    QFuture<Keychain::Result> read = Keychain::readKey(u"kc-none"_s);
    read.waitForFinished(); // allowed here: a test has no window
    QCOMPARE(read.result().status, Keychain::Status::Unavailable);

    // The resolver says what to do instead.
    AgentProfile p;
    p.name = u"kc-none"_s;
    p.backend = u"openai"_s;
    p.model = u"gpt-4o"_s;
    QString error;
    QVERIFY(!llm::resolveEndpoint(p, {}, &error));
    QCOMPARE(error, u"profile 'kc-none' needs an API key: set the environment variable OPENAI_API_KEY (or name "
                    u"another with api_key_env); "_s +
                        message);

    // A real run on such a profile fails with that error, and does not crash.
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const CliRun r = run(root.path(), writePlan(root.path(), u"kc-none"_s, u"https://api.openai.com/v1"_s));
    QCOMPARE(r.exitCode, 1);
    bool failed = false;
    for (const QJsonObject &e : r.events) {
        if (e.value(u"event"_s).toString() == u"failed") {
            failed = true;
            const QString text = e.value(u"error"_s).toString();
            QVERIFY2(text.contains(u"api_key_env"_s) && text.contains(message), qPrintable(text));
        }
    }
    QVERIFY2(failed, r.out.constData());
}

// Without a keychain, api_key_env is the way, and the key it names is kept out of every file as well.
void TestKeychain::apiKeyEnvWithoutKeychain()
{
    REQUIRE_SESSION(u"none"_s);
    const QString key = u"sk-env-only-EnvKey-a41c97"_s;
    ScriptedModelServer server(llm::ApiKind::OpenAi, key);
    server.enqueue(ScriptedReply::text(u"Done with "_s + key));
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QProcessEnvironment extra;
    extra.insert(u"SB_KC_ENV_ONLY"_s, key);
    const CliRun r =
        run(root.path(), writePlan(root.path(), u"kc-env"_s, server.baseUrl().toString(), u"SB_KC_ENV_ONLY"_s), extra);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(server.ok(), qPrintable(server.report()));
    QCOMPARE(server.request(0).header("authorization"), QByteArray("Bearer " + key.toUtf8()));
    int files = 0;
    int redacted = 0;
    const QStringList leaks = filesHolding(root.path(), "EnvKey", &files, &redacted);
    QVERIFY2(leaks.isEmpty(), qPrintable(u"the key is in: "_s + leaks.join(u", "_s)));
    QVERIFY2(files >= 4, qPrintable(QString::number(files)));
    QVERIFY(redacted >= 2);
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
