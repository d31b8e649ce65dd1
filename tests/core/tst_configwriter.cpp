// Saving settings into the user's YAML config: only what changed is rewritten, comments and unknown keys stay,
// the result reads back to the same values, the old file is kept as .bak, and failures name the file.
#include "config/ConfigLoader.h"
#include "config/ConfigRecovery.h"
#include "config/ConfigWriter.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace switchboard;

namespace {

// A hand-written config: comments everywhere, an unknown top-level key, an unknown key in a profile, a metrics
// section the dialog never touches, quoting the writer would not choose.
constexpr auto kUserConfig = R"(# My Switchboard config.
# Edited by hand; keep these notes.
workflow:
  max_parallel: 4   # the laptop has four cores
  mode: dependency
  # locks last half an hour
  lock_ttl_s: 1800

my_notes: {owner: alice}   # not a Switchboard key

agents:
  definitions:
    # The coder runs my script.
    - name: coder
      backend: process
      command: [python3, agents/coder.py, "{goal.id}"]
      capabilities: [code, test]
      max_concurrent: 2
      team_colour: blue   # unknown to Switchboard
    - name: writer   # writes docs
      backend: demo
      capabilities: [docs]
      settings:
        duration_ms: 100

metrics:
  utilisation_target_pct: 80
)";

Config load(const QString &path)
{
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadFile(path, &error);
    if (!config)
        qWarning("%s", qPrintable(error.toString()));
    return config.value_or(Config());
}

} // namespace

class TestConfigWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void unchangedSettingsLeaveTheFileAsItWas();
    void changedValuesRoundTripAndKeepComments();
    void addDuplicateRemoveProfiles();
    void changingBackendDropsKeysItNoLongerReads();
    void rewrittenKeyWithCommentsGivesANote();
    void flowStyleProfileIsRewrittenWhole();
    void handEditMadeMeanwhileSurvives();
    void newFileIsWrittenWhole();
    void removingEveryProfileLeavesAnEmptyList();
    void invalidProfileIsRefusedAndNothingWritten();
    void folderThatIsAFileNamesTheFile();
    void readOnlyFolderNamesTheFile();
    void builtInDefaultsCannotBeSaved();
};

void TestConfigWriter::unchangedSettingsLeaveTheFileAsItWas()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kUserConfig);
    const Config config = load(path);
    QCOMPARE(config.profiles.size(), 2);
    const ConfigWriter::Result result =
        ConfigWriter::save(path, config, config.workflow, ConfigWriter::profilesOf(config));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(test::readFile(path), QByteArray(kUserConfig));
    QVERIFY(result.notes.isEmpty());
}

void TestConfigWriter::changedValuesRoundTripAndKeepComments()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kUserConfig);
    const Config before = load(path);

    WorkflowSettings workflow = before.workflow;
    workflow.maxParallel = 6;
    workflow.mode = u"phased"_s;
    workflow.budget.maxCostUsd = 2.5;
    workflow.onDeadline = DeadlinePolicy::Escalate;
    QList<ConfigWriter::Profile> profiles = ConfigWriter::profilesOf(before);
    profiles[0].profile.maxConcurrent = 5;
    profiles[0].profile.timeoutS = 600;
    profiles[0].profile.retry.maxRetries = 1;
    profiles[0].profile.retry.backoffS = {10, 30};
    profiles[1].profile.name = u"docs-writer"_s;

    const ConfigWriter::Result result = ConfigWriter::save(path, before, workflow, profiles);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY2(result.notes.isEmpty(), qPrintable(result.notes.join(u'\n')));

    // The file reads back to exactly what was asked.
    const Config after = load(path);
    QCOMPARE(after.workflow.maxParallel, 6);
    QCOMPARE(after.workflow.mode, u"phased"_s);
    QCOMPARE(after.workflow.budget.maxCostUsd, 2.5);
    QCOMPARE(after.workflow.onDeadline, DeadlinePolicy::Escalate);
    QCOMPARE(after.workflow.lockTtlS, 1800);
    QCOMPARE(after.profiles.size(), 2);
    QCOMPARE(after.profiles.at(0).maxConcurrent, 5);
    QCOMPARE(after.profiles.at(0).timeoutS, 600);
    QCOMPARE(after.profiles.at(0).retry.maxRetries, 1);
    QCOMPARE(after.profiles.at(0).retry.backoffS, (QList<double>{10, 30}));
    QCOMPARE(after.profiles.at(0).command, before.profiles.at(0).command);
    QCOMPARE(after.profiles.at(1).name, u"docs-writer"_s);
    QCOMPARE(after.profiles.at(1).settings, before.profiles.at(1).settings);
    QCOMPARE(after.metrics.utilisationTarget, 0.8);

    // Every comment, the unknown keys and the untouched lines are still there, byte for byte.
    const QByteArray text = test::readFile(path);
    for (const char *kept :
         {"# My Switchboard config.\n# Edited by hand; keep these notes.\n", "  mode: phased\n",
          "  max_parallel: 6   # the laptop has four cores\n", "  # locks last half an hour\n  lock_ttl_s: 1800\n",
          "my_notes: {owner: alice}   # not a Switchboard key\n", "    # The coder runs my script.\n",
          "      command: [python3, agents/coder.py, \"{goal.id}\"]\n",
          "      team_colour: blue   # unknown to Switchboard\n", "    - name: docs-writer   # writes docs\n",
          "metrics:\n  utilisation_target_pct: 80\n"})
        QVERIFY2(text.contains(kept), kept);
    // The previous file is the backup, and the last-good copy follows the new one.
    QCOMPARE(test::readFile(ConfigWriter::backupPath(path)), QByteArray(kUserConfig));
    QCOMPARE(test::readFile(ConfigRecovery::lastGoodPath(path)), text);
}

void TestConfigWriter::addDuplicateRemoveProfiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kUserConfig);
    const Config before = load(path);

    QList<ConfigWriter::Profile> profiles = ConfigWriter::profilesOf(before);
    ConfigWriter::Profile copy = profiles.at(0);
    copy.profile.name = u"coder-2"_s;
    copy.copy = true;
    profiles.append(copy);
    profiles.removeAt(1); // writer
    AgentProfile local;
    local.name = u"local-llama"_s;
    local.backend = u"openai"_s;
    local.model = u"llama3.2"_s;
    local.llm.baseUrl = u"http://127.0.0.1:11434/v1"_s;
    local.capabilities = {u"code"_s};
    profiles.append(ConfigWriter::Profile{local, QString(), false});

    const ConfigWriter::Result result = ConfigWriter::save(path, before, before.workflow, profiles);
    QVERIFY2(result.ok, qPrintable(result.error));
    const Config after = load(path);
    QStringList names;
    for (const AgentProfile &profile : after.profiles)
        names << profile.name;
    QCOMPARE(names, (QStringList{u"coder"_s, u"coder-2"_s, u"local-llama"_s}));
    QCOMPARE(after.profiles.at(1).command, before.profiles.at(0).command);
    QCOMPARE(after.profiles.at(1).maxConcurrent, 2);
    QCOMPARE(after.profiles.at(2).llm.baseUrl, u"http://127.0.0.1:11434/v1"_s);
    QCOMPARE(after.profiles.at(2).model, u"llama3.2"_s);
    const QByteArray text = test::readFile(path);
    QVERIFY(!text.contains("writer"));
    QVERIFY(!text.contains("duration_ms"));
    // The duplicate keeps the unknown key of its source; the source keeps its own.
    QCOMPARE(text.count("team_colour: blue"), 2);
    QVERIFY(text.contains("metrics:\n  utilisation_target_pct: 80\n"));
}

void TestConfigWriter::changingBackendDropsKeysItNoLongerReads()
{
    const QByteArray yaml = "agents:\n"
                            "  definitions:\n"
                            "    - name: llm\n"
                            "      backend: openai\n"
                            "      model: gpt-4o\n"
                            "      base_url: http://127.0.0.1:9/v1   # my proxy\n"
                            "      api_key_env: MY_KEY\n"
                            "      x_custom: 1\n";
    const std::optional<Config> before = ConfigLoader::loadString(yaml, u"c.yaml"_s, nullptr);
    QVERIFY(before);
    QList<ConfigWriter::Profile> profiles = ConfigWriter::profilesOf(*before);
    profiles[0].profile.backend = u"process"_s;
    profiles[0].profile.model.clear();
    profiles[0].profile.command = {u"./agent.sh"_s};
    const ConfigWriter::Result result = ConfigWriter::render(yaml, u"c.yaml"_s, *before, before->workflow, profiles);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(!result.text.contains("base_url"));
    QVERIFY(!result.text.contains("api_key_env"));
    QVERIFY(!result.text.contains("model"));
    QVERIFY(result.text.contains("      x_custom: 1\n"));
    QCOMPARE(result.config.profiles.at(0).backend, u"process"_s);
    // Only the unknown key is warned about: nothing the backend does not read was left behind.
    QCOMPARE(result.config.warnings.size(), 1);
    QVERIFY2(result.config.warnings.first().message.contains(u"x_custom"_s),
             qPrintable(result.config.warnings.first().message));
    // The comment on the removed line went with it: the note says so.
    QCOMPARE(result.notes.size(), 1);
    QVERIFY2(result.notes.first().contains(u"profile 'llm' › base_url"_s), qPrintable(result.notes.first()));
}

void TestConfigWriter::rewrittenKeyWithCommentsGivesANote()
{
    const QByteArray yaml = "agents:\n"
                            "  definitions:\n"
                            "    - name: coder\n"
                            "      backend: process\n"
                            "      command:\n"
                            "        - python3   # the interpreter\n"
                            "        - coder.py\n"
                            "      capabilities: [code]  # what it does\n";
    const std::optional<Config> before = ConfigLoader::loadString(yaml, u"c.yaml"_s, nullptr);
    QVERIFY(before);
    QList<ConfigWriter::Profile> profiles = ConfigWriter::profilesOf(*before);
    profiles[0].profile.command = {u"python3"_s, u"-u"_s, u"coder.py"_s};
    profiles[0].profile.capabilities = {u"code"_s, u"test"_s};
    const ConfigWriter::Result result = ConfigWriter::render(yaml, u"c.yaml"_s, *before, before->workflow, profiles);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.config.profiles.at(0).command, (QStringList{u"python3"_s, u"-u"_s, u"coder.py"_s}));
    // The one-line key keeps its comment; the multi-line one could not, and the note names it and its line.
    QVERIFY(result.text.contains("      capabilities: [code, test]  # what it does\n"));
    QCOMPARE(result.notes.size(), 1);
    QVERIFY2(result.notes.first().contains(u"profile 'coder' › command (line 5)"_s), qPrintable(result.notes.first()));
}

void TestConfigWriter::flowStyleProfileIsRewrittenWhole()
{
    const QByteArray yaml = "workflow: {max_parallel: 2, my_key: x}\n"
                            "agents:\n"
                            "  definitions:\n"
                            "    - {name: a, backend: demo, extra: 7}\n"
                            "    - name: b\n"
                            "      backend: demo\n";
    const std::optional<Config> before = ConfigLoader::loadString(yaml, u"c.yaml"_s, nullptr);
    QVERIFY(before);
    WorkflowSettings workflow = before->workflow;
    workflow.maxParallel = 9;
    QList<ConfigWriter::Profile> profiles = ConfigWriter::profilesOf(*before);
    profiles[0].profile.maxConcurrent = 3;
    const ConfigWriter::Result result = ConfigWriter::render(yaml, u"c.yaml"_s, *before, workflow, profiles);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.config.workflow.maxParallel, 9);
    QCOMPARE(result.config.profiles.at(0).maxConcurrent, 3);
    QVERIFY(result.text.contains("my_key: x"));
    QVERIFY(result.text.contains("extra: 7"));
    QVERIFY(result.text.contains("    - name: b\n      backend: demo\n"));
    QVERIFY(result.notes.isEmpty());
}

void TestConfigWriter::handEditMadeMeanwhileSurvives()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kUserConfig);
    const Config baseline = load(path);
    // While the dialog is open, the file is edited by hand: lock_ttl_s changes.
    QByteArray edited = QByteArray(kUserConfig).replace("lock_ttl_s: 1800", "lock_ttl_s: 60");
    test::writeBytes(path, edited);
    WorkflowSettings workflow = baseline.workflow;
    workflow.maxParallel = 8;
    const ConfigWriter::Result result =
        ConfigWriter::save(path, baseline, workflow, ConfigWriter::profilesOf(baseline));
    QVERIFY2(result.ok, qPrintable(result.error));
    const Config after = load(path);
    QCOMPARE(after.workflow.maxParallel, 8);
    QCOMPARE(after.workflow.lockTtlS, 60);
    QCOMPARE(test::readFile(ConfigWriter::backupPath(path)), edited);
}

void TestConfigWriter::newFileIsWrittenWhole()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/switchboard.yaml"_s);
    Config baseline;
    WorkflowSettings workflow;
    workflow.maxParallel = 2;
    AgentProfile demo;
    demo.name = u"demo"_s;
    demo.capabilities = {u"code"_s};
    demo.settings.insert(u"duration_ms"_s, 50);
    demo.settings.insert(u"label"_s, u"123"_s); // a string that looks like a number stays a string
    const ConfigWriter::Result result =
        ConfigWriter::save(path, baseline, workflow, {ConfigWriter::Profile{demo, QString(), false}});
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(!QFileInfo::exists(ConfigWriter::backupPath(path))); // nothing was there to keep
    const Config after = load(path);
    QCOMPARE(after.workflow.maxParallel, 2);
    QCOMPARE(after.profiles.size(), 1);
    QCOMPARE(after.profiles.at(0).settings.value(u"duration_ms"_s).toInt(), 50);
    QCOMPARE(after.profiles.at(0).settings.value(u"label"_s), QVariant(u"123"_s));
}

void TestConfigWriter::removingEveryProfileLeavesAnEmptyList()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kUserConfig);
    const Config before = load(path);
    const ConfigWriter::Result result = ConfigWriter::save(path, before, before.workflow, {});
    QVERIFY2(result.ok, qPrintable(result.error));
    const Config after = load(path);
    QVERIFY(after.profiles.isEmpty());
    QVERIFY(test::readFile(path).contains("definitions: []"));
    QVERIFY(test::readFile(path).contains("my_notes: {owner: alice}"));
}

void TestConfigWriter::invalidProfileIsRefusedAndNothingWritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kUserConfig);
    const Config before = load(path);
    QList<ConfigWriter::Profile> profiles = ConfigWriter::profilesOf(before);
    profiles[0].profile.command.clear(); // a process profile needs a command
    const ConfigWriter::Result result = ConfigWriter::save(path, before, before.workflow, profiles);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QDir::toNativeSeparators(path)), qPrintable(result.error));
    QVERIFY2(result.error.contains(u"command"_s), qPrintable(result.error));
    QCOMPARE(test::readFile(path), QByteArray(kUserConfig));
    QVERIFY(!QFileInfo::exists(ConfigWriter::backupPath(path)));

    profiles = ConfigWriter::profilesOf(before);
    profiles[1].profile.name = u"coder"_s;
    const ConfigWriter::Result duplicate = ConfigWriter::save(path, before, before.workflow, profiles);
    QVERIFY(!duplicate.ok);
    QVERIFY2(duplicate.error.contains(u"two profiles are named 'coder'"_s), qPrintable(duplicate.error));
}

void TestConfigWriter::folderThatIsAFileNamesTheFile()
{
    QTemporaryDir dir;
    test::writeBytes(dir.filePath(u"plain-file"_s), "x");
    const QString path = dir.filePath(u"plain-file/switchboard.yaml"_s);
    const Config defaults = ConfigLoader::defaults();
    const ConfigWriter::Result result =
        ConfigWriter::save(path, Config(), defaults.workflow, ConfigWriter::profilesOf(defaults));
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QDir::toNativeSeparators(path)), qPrintable(result.error));
}

void TestConfigWriter::readOnlyFolderNamesTheFile()
{
    if (QFileInfo(u"/"_s).isWritable())
        QSKIP("running as root, whom a read-only folder does not stop; folderThatIsAFileNamesTheFile covers the "
              "message");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kUserConfig);
    const Config before = load(path);
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
    WorkflowSettings workflow = before.workflow;
    workflow.maxParallel = 5;
    const ConfigWriter::Result result = ConfigWriter::save(path, before, workflow, ConfigWriter::profilesOf(before));
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QDir::toNativeSeparators(path)), qPrintable(result.error));
    QCOMPARE(test::readFile(path), QByteArray(kUserConfig));
}

void TestConfigWriter::builtInDefaultsCannotBeSaved()
{
    const Config defaults = ConfigLoader::defaults();
    const ConfigWriter::Result result =
        ConfigWriter::save(QString(), defaults, defaults.workflow, ConfigWriter::profilesOf(defaults));
    QVERIFY(!result.ok);
    QVERIFY(result.error.contains(u"built-in"_s));
}

QTEST_GUILESS_MAIN(TestConfigWriter)
#include "tst_configwriter.moc"
