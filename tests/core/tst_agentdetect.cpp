// Finding the coding-agent CLIs on this machine: CodingAgentDetector on a folder of stand-in binaries (versions, a
// --version that hangs, one that fails, ACP agents) and `switchboard agents --detect [--json]` with PATH set to it.
#include "agents/coding/CodingAgentDetector.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

class TestAgentDetect final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void detectsWhatIsInstalled();
    void cliTable();
    void cliJson();
    void cliNeedsDetect();

private:
    struct CliRun
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    CliRun runCli(const QStringList &args) const;
    void writeStandIns() const;

    std::unique_ptr<QTemporaryDir> m_bin;
    QTemporaryDir m_home;
};

void TestAgentDetect::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_home.isValid());
}

void TestAgentDetect::init()
{
    m_bin = std::make_unique<QTemporaryDir>();
    QVERIFY(m_bin->isValid());
}

void TestAgentDetect::writeStandIns() const
{
    // Shell builtins only: PATH holds nothing but this folder when the CLI looks.
    test::writeScript(m_bin->path(), u"claude"_s, u"#!/bin/sh\necho '2.0.14 (Claude Code)'\n"_s);
    test::writeScript(m_bin->path(), u"aider"_s, u"#!/bin/sh\necho 'aider 0.86.1'\necho 'second line'\n"_s);
    test::writeScript(m_bin->path(), u"goose"_s, u"#!/bin/sh\necho 'goose 1.9.0' >&2\n"_s);
    // Not executable: not an agent.
    test::writeFile(m_bin->path(), u"codex"_s, "#!/bin/sh\necho 'codex 0.50'\n");
}

TestAgentDetect::CliRun TestAgentDetect::runCli(const QStringList &args) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PATH"_s, m_bin->path());
    env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    process.setProcessEnvironment(env);
    process.start(test::switchboardBinary(), args);
    CliRun run;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

void TestAgentDetect::detectsWhatIsInstalled()
{
    writeStandIns();
    // One whose --version never answers, one whose --version fails.
    test::writeScript(m_bin->path(), u"gemini"_s, u"#!/bin/sh\nexec /bin/sleep 30\n"_s);
    test::writeScript(m_bin->path(), u"opencode"_s, u"#!/bin/sh\necho 'unknown option' >&2\nexit 2\n"_s);

    const CodingAgentDetector detector({m_bin->path()});
    QElapsedTimer timer;
    timer.start();
    const QList<CodingAgentDetector::Detected> found = detector.detect(std::chrono::milliseconds(1500));
    QVERIFY(timer.elapsed() < 15000); // the hung one was given up on, not waited for

    QStringList programs;
    for (const CodingAgentDetector::Detected &d : found)
        programs << d.agent.program;
    QCOMPARE(programs, (QStringList{u"claude"_s, u"gemini"_s, u"aider"_s, u"goose"_s, u"opencode"_s}));

    const CodingAgentDetector::Detected &claude = found.at(0);
    QCOMPARE(claude.path, QDir(m_bin->path()).filePath(u"claude"_s));
    QCOMPARE(claude.version, u"2.0.14 (Claude Code)"_s);
    QVERIFY(claude.versionError.isEmpty());
    QCOMPARE(claude.profile.name, u"claude-code"_s);
    QCOMPARE(claude.profile.backend, u"claude-code"_s);
    QCOMPARE(claude.profile.capabilities, QStringList{u"code"_s});
    QCOMPARE(claude.profile.command, QStringList{claude.path}); // found outside PATH: named by its path

    QCOMPARE(found.at(1).version, QString());
    QVERIFY2(found.at(1).versionError.contains(u"did not answer within 1500 ms"_s),
             qPrintable(found.at(1).versionError));
    QCOMPARE(found.at(2).version, u"aider 0.86.1"_s); // the first line only
    QCOMPARE(found.at(3).version, u"goose 1.9.0"_s);  // from stderr when stdout is empty
    QCOMPARE(found.at(3).profile.backend, u"acp"_s);
    QCOMPARE(found.at(3).profile.name, u"goose"_s);
    QCOMPARE(found.at(3).profile.command, (QStringList{found.at(3).path, u"acp"_s}));
    QCOMPARE(found.at(4).versionError, u"--version failed (exit code 2)"_s);
}

void TestAgentDetect::cliTable()
{
    writeStandIns();
    const CliRun run = runCli({u"agents"_s, u"--detect"_s});
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(u"Claude Code"_s) && out.contains(u"2.0.14 (Claude Code)"_s), qPrintable(out));
    QVERIFY(out.contains(QDir(m_bin->path()).filePath(u"aider"_s)));
    QVERIFY(!out.contains(u"Codex"_s));
    // Found on PATH: the default binary will do, so the profile needs no command; goose needs its "acp".
    QVERIFY(out.contains(u"    - name: claude-code\n      backend: claude-code\n      capabilities: [\"code\"]\n"
                         u"    - name: aider"_s));
    QVERIFY(out.contains(u"    - name: goose\n      backend: acp\n      capabilities: [\"code\"]\n"
                         u"      command: [\"goose\", \"acp\"]\n"_s));
}

void TestAgentDetect::cliJson()
{
    writeStandIns();
    const CliRun run = runCli({u"agents"_s, u"--detect"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray agents = QJsonDocument::fromJson(run.out).object().value(u"agents").toArray();
    QCOMPARE(agents.size(), 3);
    const QJsonObject claude = agents.at(0).toObject();
    QCOMPARE(claude.value(u"program").toString(), u"claude"_s);
    QCOMPARE(claude.value(u"backend").toString(), u"claude-code"_s);
    QCOMPARE(claude.value(u"version").toString(), u"2.0.14 (Claude Code)"_s);
    QCOMPARE(claude.value(u"path").toString(), QDir(m_bin->path()).filePath(u"claude"_s));
    QCOMPARE(claude.value(u"profile").toObject(), (QJsonObject{{u"name"_s, u"claude-code"_s},
                                                               {u"backend"_s, u"claude-code"_s},
                                                               {u"capabilities"_s, QJsonArray{u"code"_s}}}));
    QCOMPARE(agents.at(2).toObject().value(u"profile").toObject().value(u"command").toArray(),
             (QJsonArray{u"goose"_s, u"acp"_s}));

    // Nothing installed: an empty list, still a success.
    m_bin = std::make_unique<QTemporaryDir>();
    const CliRun none = runCli({u"agents"_s, u"--detect"_s, u"--json"_s});
    QCOMPARE(none.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(none.out).object().value(u"agents").toArray().size(), 0);
}

void TestAgentDetect::cliNeedsDetect()
{
    const CliRun run = runCli({u"agents"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("agents needs --detect"));
}

QTEST_GUILESS_MAIN(TestAgentDetect)
#include "tst_agentdetect.moc"
