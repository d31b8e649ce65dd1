// RunSession, the one set-up of the dashboard, the start-up restore, the Run plan dialog and the headless commands:
// which config is loaded and how it fails, how the database opens (in use by another Switchboard included), and
// what a config, a stored run's settings and a plan put onto an orchestrator.
#include "config/ConfigLoader.h"
#include "config/PlanLoader.h"
#include "config/RunSettings.h"
#include "orchestration/Orchestrator.h"
#include "orchestration/Scheduler.h"
#include "persistence/Store.h"
#include "session/RunSession.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

QStringList profileNames(const QList<AgentProfile> &profiles)
{
    QStringList names;
    for (const AgentProfile &p : profiles)
        names << p.name;
    return names;
}

// Two demo profiles and every workflow setting the appliers put onto an orchestrator.
QByteArray workflowConfig(const QString &workspace)
{
    return "workflow:\n"
           "  max_parallel: 4\n"
           "  mode: phased\n"
           "  on_deadline: escalate\n"
           "  lock_ttl_s: 60\n"
           "  workspace: " +
           workspace.toUtf8() +
           "\n"
           "agents:\n"
           "  definitions:\n"
           "    - {name: alpha, backend: demo}\n"
           "    - {name: beta, backend: demo}\n";
}

} // namespace

class TestRunSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void configErrorNamesFileLineColumn_data();
    void configErrorNamesFileLineColumn();
    void defaultConfigWrittenWhenMissing();
    void defaultConfigUnwritableFallsBackToBuiltIn();

    void storeOpensForRecording();
    void storeInUseByAnotherStore();
    void storeReadOnlyNeedsADatabase();

    void configAppliedToOrchestrator_data();
    void configAppliedToOrchestrator();
    void runSettingsAppliedToOrchestrator();
    void brokenRunSettingsApplyNothing();
    void dashboardSetUp();
    void planRunRecordsThePlan();

private:
    QTemporaryDir m_home;
    QTemporaryDir m_dir;
};

void TestRunSession::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY(m_dir.isValid());
    // A home of our own: the default config and database of test mode (~/.qttest) are written and blocked here
    // without touching what other test runs on this machine share.
    qputenv("HOME", QFile::encodeName(m_home.path()));
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(ConfigLoader::defaultConfigPath().startsWith(m_home.path()));
}

void TestRunSession::init()
{
    // Every test starts without a default config.
    const QFileInfo config(ConfigLoader::defaultConfigPath());
    QFile::remove(config.absolutePath()); // a blocking file left by a test
    QDir(config.absolutePath()).removeRecursively();
}

void TestRunSession::configErrorNamesFileLineColumn_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown backend")
        << QByteArray("agents:\n  definitions:\n    - name: demo\n    - name: coder\n"
                      "      backend: gpt\n")
        << 5 << 16
        << u"profile 'coder': unknown backend 'gpt' (known: acp, aider, anthropic, claude-code, codex, demo, gemini, openai, process)"_s;
    QTest::newRow("bad max_parallel") << QByteArray("workflow:\n  max_parallel: 0\n") << 2 << 17
                                      << u"workflow.max_parallel: must be at least 1, got 0"_s;
}

void TestRunSession::configErrorNamesFileLineColumn()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const QString path = test::writeFile(m_dir.path(), u"broken.yaml"_s, yaml);

    RunSession session;
    ConfigError error;
    QVERIFY(!session.loadConfig(path, &error));
    QCOMPARE(error.toString(), u"%1:%2:%3: %4"_s.arg(path).arg(line).arg(column).arg(message));
    // The dashboard goes on with the built-in demo profile.
    QCOMPARE(profileNames(session.config().profiles), profileNames(ConfigLoader::defaults().profiles));
    QVERIFY(session.configWarning().isEmpty());
    // An override never writes the default config.
    QVERIFY(!QFile::exists(ConfigLoader::defaultConfigPath()));
}

void TestRunSession::defaultConfigWrittenWhenMissing()
{
    const QString path = ConfigLoader::defaultConfigPath();
    QVERIFY(!QFile::exists(path));
    RunSession session;
    ConfigError error;
    QVERIFY2(session.loadConfig(QString(), &error), qPrintable(error.toString()));
    QVERIFY(session.configWarning().isEmpty());
    QCOMPARE(session.config().file, path);
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), ConfigLoader::defaultConfigText());
    written.close();

    // Once there, the file is the user's: read as it is, never written over.
    QVERIFY(written.open(QIODevice::WriteOnly | QIODevice::Truncate));
    written.write(workflowConfig(m_dir.path()));
    written.close();
    RunSession again;
    QVERIFY2(again.loadConfig(QString(), &error), qPrintable(error.toString()));
    QCOMPARE(again.config().workflow.maxParallel, 4);
    QCOMPARE(profileNames(again.config().profiles), (QStringList{u"alpha"_s, u"beta"_s}));
}

void TestRunSession::defaultConfigUnwritableFallsBackToBuiltIn()
{
    // A read-only home must not stop the app: a file where the config directory belongs.
    const QFileInfo config(ConfigLoader::defaultConfigPath());
    QDir().mkpath(QFileInfo(config.absolutePath()).absolutePath());
    QFile blocker(config.absolutePath());
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();

    RunSession session;
    ConfigError error;
    QVERIFY(session.loadConfig(QString(), &error));
    QVERIFY2(session.configWarning().startsWith(config.absoluteFilePath() + u": cannot create the directory "_s),
             qPrintable(session.configWarning()));
    QVERIFY2(session.configWarning().endsWith(u"; using the built-in defaults"_s), qPrintable(session.configWarning()));
    QVERIFY(session.config().file.isEmpty());
    QCOMPARE(profileNames(session.config().profiles), profileNames(ConfigLoader::defaults().profiles));
}

void TestRunSession::storeOpensForRecording()
{
    RunSession session;
    QCOMPARE(session.storeOutcome(), RunSession::StoreOutcome::Closed);
    QCOMPARE(session.recordingStore(), nullptr);

    const QString path = m_dir.filePath(u"own.db"_s);
    QCOMPARE(session.openStore(path), RunSession::StoreOutcome::ReadWrite);
    QCOMPARE(session.databasePath(), path);
    QVERIFY(session.store().isOpen());
    QVERIFY(!session.store().isReadOnly());
    QCOMPARE(session.recordingStore(), &session.store());
    QVERIFY(session.storeError().isEmpty());

    // No path: the default database.
    RunSession byDefault;
    QCOMPARE(byDefault.openStore(QString()), RunSession::StoreOutcome::ReadWrite);
    QCOMPARE(byDefault.databasePath(), Store::defaultPath());
    QVERIFY(Store::defaultPath().startsWith(m_home.path()));
}

void TestRunSession::storeInUseByAnotherStore()
{
    const QString path = m_dir.filePath(u"shared.db"_s);
    Store owner;
    QString error;
    QVERIFY2(owner.open(path, &error), qPrintable(error));

    RunSession session;
    QCOMPARE(session.openStore(path), RunSession::StoreOutcome::InUse);
    QCOMPARE(session.storeOutcome(), RunSession::StoreOutcome::InUse);
    QVERIFY2(session.storeError().startsWith(u"database %1 is in use by another Switchboard (pid "_s.arg(path)),
             qPrintable(session.storeError()));
    QCOMPARE(session.databasePath(), path);
    QVERIFY(!session.store().isOpen());
    QCOMPARE(session.recordingStore(), nullptr); // nothing of this session may be recorded into it

    // The fallback: the owner's runs, read-only.
    QCOMPARE(session.reopenReadOnly(), RunSession::StoreOutcome::ReadOnly);
    QVERIFY(session.store().isReadOnly());
    QVERIFY(session.storeError().isEmpty());
    QCOMPARE(session.recordingStore(), nullptr);
}

void TestRunSession::storeReadOnlyNeedsADatabase()
{
    RunSession session;
    const QString path = m_dir.filePath(u"missing.db"_s);
    QCOMPARE(session.openStoreReadOnly(path), RunSession::StoreOutcome::Failed);
    QCOMPARE(session.storeError(), u"there is no database at %1"_s.arg(path));
    QVERIFY(!QFile::exists(path)); // status and report never create one

    QVERIFY(Store().open(path));
    QCOMPARE(session.openStoreReadOnly(path), RunSession::StoreOutcome::ReadOnly);
    QVERIFY(session.store().isReadOnly());
}

void TestRunSession::configAppliedToOrchestrator_data()
{
    QTest::addColumn<int>("maxParallel");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("workspaceOverride");
    QTest::addColumn<int>("expectedMaxParallel");
    QTest::addColumn<Scheduler::Mode>("expectedMode");
    QTest::newRow("the config's") << 0 << QString() << false << 4 << Scheduler::Mode::Phased;
    QTest::newRow("overridden") << 2 << u"sequential"_s << true << 2 << Scheduler::Mode::Sequential;
}

void TestRunSession::configAppliedToOrchestrator()
{
    QFETCH(int, maxParallel);
    QFETCH(QString, mode);
    QFETCH(bool, workspaceOverride);
    QFETCH(int, expectedMaxParallel);
    QFETCH(Scheduler::Mode, expectedMode);
    const QString configWorkspace = m_dir.filePath(u"from-config"_s);
    const QString otherWorkspace = m_dir.filePath(u"from-command-line"_s);
    const QString path = test::writeFile(m_dir.path(), u"workflow.yaml"_s, workflowConfig(configWorkspace));
    RunSession session;
    ConfigError error;
    QVERIFY2(session.loadConfig(path, &error), qPrintable(error.toString()));

    Orchestrator orchestrator;
    RunSession::Overrides overrides;
    overrides.maxParallel = maxParallel;
    overrides.mode = mode;
    if (workspaceOverride)
        overrides.workspace = otherWorkspace;
    RunSession::applyConfig(orchestrator, session.config(), overrides);
    QCOMPARE(profileNames(orchestrator.profiles()), (QStringList{u"alpha"_s, u"beta"_s}));
    QCOMPARE(orchestrator.maxParallel(), expectedMaxParallel);
    QCOMPARE(orchestrator.mode(), expectedMode);
    QCOMPARE(orchestrator.workspace(), workspaceOverride ? otherWorkspace : configWorkspace);
    QCOMPARE(orchestrator.locks().leaseTtl(), std::chrono::milliseconds(std::chrono::seconds(60)));
}

void TestRunSession::runSettingsAppliedToOrchestrator()
{
    // A run as it was stored: its config text, and what was in effect when it was recorded.
    const QString path = test::writeFile(m_dir.path(), u"stored.yaml"_s, workflowConfig(m_dir.filePath(u"a"_s)));
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadFile(path, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    RunSettings settings = RunSettings::fromConfig(*config);
    settings.maxParallel = 6;
    settings.mode = u"parallel"_s;
    settings.workspace = m_dir.filePath(u"recorded"_s);
    // The file changed since: the stored text wins.
    test::writeFile(m_dir.path(), u"stored.yaml"_s, "agents:\n  definitions:\n    - {name: gamma, backend: demo}\n");

    Orchestrator orchestrator;
    QVERIFY2(RunSession::applyRunSettings(orchestrator, settings, {}, &error), qPrintable(error.toString()));
    QCOMPARE(profileNames(orchestrator.profiles()), (QStringList{u"alpha"_s, u"beta"_s}));
    QCOMPARE(orchestrator.maxParallel(), 6);
    QCOMPARE(orchestrator.mode(), Scheduler::Mode::Parallel);
    QCOMPARE(orchestrator.workspace(), m_dir.filePath(u"recorded"_s));

    // --max-parallel, --mode and --workspace win over what the run recorded.
    QVERIFY(RunSession::applyRunSettings(
        orchestrator, settings, {.maxParallel = 1, .mode = u"pipeline"_s, .workspace = m_dir.filePath(u"b"_s)}));
    QCOMPARE(orchestrator.maxParallel(), 1);
    QCOMPARE(orchestrator.mode(), Scheduler::Mode::Pipeline);
    QCOMPARE(orchestrator.workspace(), m_dir.filePath(u"b"_s));
}

void TestRunSession::brokenRunSettingsApplyNothing()
{
    RunSettings settings;
    settings.configFile = u"/etc/gone.yaml"_s;
    settings.configText = "workflow:\n  max_parallel: 0\n";
    settings.maxParallel = 9;

    Orchestrator orchestrator;
    const QStringList profilesBefore = profileNames(orchestrator.profiles());
    const int maxParallelBefore = orchestrator.maxParallel();
    ConfigError error;
    QVERIFY(!RunSession::applyRunSettings(orchestrator, settings, {}, &error));
    QVERIFY2(error.toString().startsWith(u"/etc/gone.yaml:2:"_s), qPrintable(error.toString()));
    QCOMPARE(profileNames(orchestrator.profiles()), profilesBefore);
    QCOMPARE(orchestrator.maxParallel(), maxParallelBefore);
}

void TestRunSession::dashboardSetUp()
{
    const QString path = test::writeFile(m_dir.path(), u"dashboard.yaml"_s, workflowConfig(m_dir.path()));
    RunSession session;
    ConfigError error;
    QVERIFY2(session.loadConfig(path, &error), qPrintable(error.toString()));

    Orchestrator orchestrator;
    session.setUpDashboard(orchestrator, 3); // --max-parallel 3
    QCOMPARE(profileNames(orchestrator.profiles()), (QStringList{u"alpha"_s, u"beta"_s}));
    QCOMPARE(orchestrator.maxParallel(), 3);
    QCOMPARE(orchestrator.mode(), Scheduler::Mode::Phased);
    // The full output goes beside the database, once a store is attached (by the start-up restore, not here).
    QVERIFY(orchestrator.logDirectory().isEmpty());
    QCOMPARE(orchestrator.store(), nullptr);
}

void TestRunSession::planRunRecordsThePlan()
{
    RunSession session;
    ConfigError error;
    QVERIFY2(session.loadConfig(test::writeFile(m_dir.path(), u"base.yaml"_s, workflowConfig(m_dir.path())), &error),
             qPrintable(error.toString()));
    const QString planPath = test::writeFile(m_dir.path(), u"plan.yaml"_s,
                                             "name: tiny\nworkflow: {max_parallel: 5}\n"
                                             "agents:\n  definitions:\n"
                                             "    - {name: quick, backend: demo, settings: {duration_ms: 10}}\n"
                                             "goals: [{id: a, title: A, profile: quick}]\n");
    const std::optional<Plan> plan = PlanLoader::loadFile(planPath, session.config(), &error);
    QVERIFY2(plan, qPrintable(error.toString()));
    QCOMPARE(session.openStore(m_dir.filePath(u"plan.db"_s)), RunSession::StoreOutcome::ReadWrite);

    Orchestrator orchestrator;
    RunSession::Overrides overrides;
    overrides.mode = u"sequential"_s;
    session.setUpPlanRun(orchestrator, *plan, overrides);
    QCOMPARE(orchestrator.store(), &session.store());
    QCOMPARE(orchestrator.maxParallel(), 5);
    QCOMPARE(orchestrator.mode(), Scheduler::Mode::Sequential);
    QVERIFY(profileNames(orchestrator.profiles()).contains(u"quick"_s));
    QCOMPARE(orchestrator.logDirectory(), session.store().logDirectory()); // logs/ beside the database

    // The run is recorded under the plan's name, with the plan's text, so `resume` continues it on its profiles.
    QString spawnError;
    QVERIFY2(!orchestrator.spawnParallel(plan->goals, &spawnError).isEmpty(), qPrintable(spawnError));
    QVERIFY(orchestrator.waitAll(15000));
    QVERIFY(session.store().flush());
    const QList<RunRecord> runs = session.store().runs();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().name, u"tiny"_s);
    QCOMPARE(runs.first().planFile, QFileInfo(planPath).absoluteFilePath());
    const RunSettings stored = RunSettings::fromJson(runs.first().settings);
    QCOMPARE(stored.planFile, plan->file);
    QCOMPARE(stored.planText, plan->sourceText);
    QCOMPARE(stored.mode, u"sequential"_s);
}

QTEST_GUILESS_MAIN(TestRunSession)
#include "tst_runsession.moc"
