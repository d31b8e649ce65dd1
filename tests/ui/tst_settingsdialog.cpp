// Tools ▸ Settings…: a person changes profiles and workflow defaults in the dialog's widgets, saves, and the
// YAML file reads back to what they set, with their comments and unknown keys still in it and the old file kept
// as .bak; a broken profile is named under its field and nothing is saved; Test connection lists a real local
// server's models; the key field says when there is no keychain; the running window takes the saved profiles.
#include "LocalModelsOffer.h"
#include "MainWindow.h"
#include "config/ConfigLoader.h"
#include "config/ConfigWriter.h"
#include "orchestration/Orchestrator.h"
#include "settings/ApiKeyField.h"
#include "settings/ProfileEditor.h"
#include "settings/ProfilesPage.h"
#include "settings/SettingsApplier.h"
#include "settings/SettingsDialog.h"
#include "settings/WorkflowPage.h"
#include "support/ModelListServer.h"
#include "support/ProfileBuilder.h"
#include "support/ScriptedModelServer.h"
#include "support/TestSupport.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <optional>

using namespace switchboard;
using namespace Qt::StringLiterals;
using test::child;

namespace {

constexpr auto kUserConfig = R"(# My own notes about this file.
workflow:
  max_parallel: 3   # small laptop
  lock_ttl_s: 900

team: platform   # a key Switchboard does not know

agents:
  definitions:
    # Runs my script.
    - name: coder
      backend: process
      command: [python3, coder.py, "{goal.id}"]
      capabilities: [code]
      owner: alice   # unknown to Switchboard
    - name: helper
      backend: demo
      capabilities: [docs]
)";

Config load(const QString &path)
{
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadFile(path, &error);
    if (!config)
        qWarning("%s", qPrintable(error.toString()));
    return config.value_or(Config());
}

QPushButton *button(SettingsDialog &dialog, QDialogButtonBox::StandardButton which)
{
    return dialog.buttons()->button(which);
}

// The Add menu's entry for a backend, as a click on Add shows it.
void addThroughMenu(SettingsDialog &dialog, const QString &backend)
{
    auto *menu = child<QMenu>(&dialog, u"addProfileMenu"_s);
    QVERIFY(menu);
    Q_EMIT menu->aboutToShow();
    auto *action = menu->findChild<QAction *>(u"add-"_s + backend);
    QVERIFY(action);
    action->trigger();
}

} // namespace

class TestSettingsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { qunsetenv("SWITCHBOARD_DISCOVERY_PORTS"); }

    void roundTripKeepsCommentsAndUnknownKeys();
    void addDuplicateRemoveProfile();
    void invalidFieldIsNamedAndBlocksSaving();
    void testConnectionListsModels();
    void testConnectionToUnreachableServerSaysWhy();
    void noKeychainOffersKeyVariable();
    void detectedLocalModelBecomesAProfile();
    void saveFailureNamesTheFile();
    void windowTakesTheSavedProfiles();
};

void TestSettingsDialog::roundTripKeepsCommentsAndUnknownKeys()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kUserConfig);
    const Config config = load(path);
    SettingsDialog dialog(config, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy saved(&dialog, &SettingsDialog::configSaved);

    // A profile: select coder, change its limit and capabilities in the form.
    auto *list = child<QListWidget>(&dialog, u"profileList"_s);
    QCOMPARE(list->count(), 2);
    list->setCurrentRow(0);
    auto *maxConcurrent = child<QSpinBox>(&dialog, u"profileMaxConcurrent"_s);
    maxConcurrent->setValue(4);
    auto *capabilities = child<QLineEdit>(&dialog, u"profileCapabilities"_s);
    capabilities->selectAll();
    QTest::keyClicks(capabilities, u"code, test"_s);
    auto *retries = child<QSpinBox>(&dialog, u"profileMaxRetries"_s);
    retries->setValue(1);
    // A workflow value.
    dialog.showPage(SettingsDialog::Page::Workflow);
    child<QSpinBox>(&dialog, u"workflowMaxParallel"_s)->setValue(6);
    auto *onDeadline = child<QComboBox>(&dialog, u"workflowOnDeadline"_s);
    onDeadline->setCurrentIndex(onDeadline->findData(u"escalate"_s));

    QPushButton *apply = button(dialog, QDialogButtonBox::Apply);
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(saved.count(), 1);
    QVERIFY2(dialog.message().contains(u"Saved to"_s), qPrintable(dialog.message()));
    QVERIFY(!apply->isEnabled()); // nothing left to save

    const Config after = load(path);
    QCOMPARE(after.workflow.maxParallel, 6);
    QCOMPARE(after.workflow.onDeadline, DeadlinePolicy::Escalate);
    QCOMPARE(after.workflow.lockTtlS, 900);
    QCOMPARE(after.profiles.size(), 2);
    QCOMPARE(after.profiles.at(0).maxConcurrent, 4);
    QCOMPARE(after.profiles.at(0).capabilities, (QStringList{u"code"_s, u"test"_s}));
    QCOMPARE(after.profiles.at(0).retry.maxRetries, 1);
    QCOMPARE(after.profiles.at(0).command, (QStringList{u"python3"_s, u"coder.py"_s, u"{goal.id}"_s}));
    QCOMPARE(after.profiles.at(1).name, u"helper"_s);
    // The signal carries the same config the file now holds.
    QCOMPARE(saved.at(0).at(1).value<Config>().workflow.maxParallel, 6);

    const QByteArray text = test::readFile(path);
    for (const char *kept : {"# My own notes about this file.\n", "  max_parallel: 6   # small laptop\n",
                             "team: platform   # a key Switchboard does not know\n", "    # Runs my script.\n",
                             "      owner: alice   # unknown to Switchboard\n"})
        QVERIFY2(text.contains(kept), kept);
    QCOMPARE(test::readFile(ConfigWriter::backupPath(path)), QByteArray(kUserConfig));
}

void TestSettingsDialog::addDuplicateRemoveProfile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kUserConfig);
    SettingsDialog dialog(load(path), {});
    dialog.show();
    auto *list = child<QListWidget>(&dialog, u"profileList"_s);

    addThroughMenu(dialog, u"process"_s);
    QCOMPARE(list->count(), 3);
    QCOMPARE(list->currentRow(), 2);
    auto *name = child<QLineEdit>(&dialog, u"profileName"_s);
    name->selectAll();
    QTest::keyClicks(name, u"tester"_s);
    auto *command = child<QLineEdit>(&dialog, u"profileCommand"_s);
    QTest::keyClicks(command, u"bash \"run tests.sh\""_s);

    list->setCurrentRow(0); // coder
    QTest::mouseClick(child<QToolButton>(&dialog, u"duplicateProfileButton"_s), Qt::LeftButton);
    QCOMPARE(list->count(), 4);
    QCOMPARE(list->currentItem()->text(), u"coder-copy"_s);

    list->setCurrentRow(2); // helper: the copy went in right after coder
    QCOMPARE(list->currentItem()->text(), u"helper"_s);
    QTest::mouseClick(child<QToolButton>(&dialog, u"removeProfileButton"_s), Qt::LeftButton);
    QCOMPARE(list->count(), 3);

    QVERIFY(dialog.apply());
    const Config after = load(path);
    QStringList names;
    for (const AgentProfile &profile : after.profiles)
        names << profile.name;
    QCOMPARE(names, (QStringList{u"coder"_s, u"coder-copy"_s, u"tester"_s}));
    QCOMPARE(after.profiles.at(2).command, (QStringList{u"bash"_s, u"run tests.sh"_s}));
    QCOMPARE(after.profiles.at(1).command, after.profiles.at(0).command);
    const QByteArray text = test::readFile(path);
    QVERIFY(!text.contains("helper"));
    QCOMPARE(text.count("owner: alice"), 2); // the copy keeps the unknown key of its source
}

void TestSettingsDialog::invalidFieldIsNamedAndBlocksSaving()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kUserConfig);
    SettingsDialog dialog(load(path), {});
    dialog.show();
    child<QListWidget>(&dialog, u"profileList"_s)->setCurrentRow(0);

    // A process profile without a command: the field says so, and neither OK nor Apply can save.
    child<QLineEdit>(&dialog, u"profileCommand"_s)->clear();
    auto *commandError = child<QLabel>(&dialog, u"commandError"_s);
    QTRY_VERIFY(commandError->isVisible());
    QVERIFY2(commandError->text().startsWith(u"command:"_s), qPrintable(commandError->text()));
    QVERIFY(!button(dialog, QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!button(dialog, QDialogButtonBox::Apply)->isEnabled());
    QVERIFY(!dialog.apply());
    QVERIFY(dialog.message().contains(u"Nothing was saved"_s));
    QCOMPARE(test::readFile(path), QByteArray(kUserConfig));

    // A name another profile has.
    child<QLineEdit>(&dialog, u"profileCommand"_s)->setText(u"python3 coder.py"_s);
    QTRY_VERIFY(!commandError->isVisible());
    auto *name = child<QLineEdit>(&dialog, u"profileName"_s);
    name->setText(u"helper"_s);
    auto *nameError = child<QLabel>(&dialog, u"nameError"_s);
    QTRY_VERIFY(nameError->isVisible());
    QVERIFY2(nameError->text().contains(u"name:"_s) && nameError->text().contains(u"helper"_s),
             qPrintable(nameError->text()));
    QVERIFY(!button(dialog, QDialogButtonBox::Ok)->isEnabled());

    // An HTTP profile's URL that is not one.
    name->setText(u"coder"_s);
    auto *backend = child<QComboBox>(&dialog, u"profileBackend"_s);
    backend->setCurrentIndex(backend->findData(u"openai"_s));
    child<QLineEdit>(&dialog, u"profileModel"_s)->setText(u"gpt-4o"_s);
    child<QLineEdit>(&dialog, u"profileBaseUrl"_s)->setText(u"ftp:/nowhere"_s);
    auto *urlError = child<QLabel>(&dialog, u"base_urlError"_s);
    QTRY_VERIFY(urlError->isVisible());
    QVERIFY2(urlError->text().startsWith(u"base_url:"_s), qPrintable(urlError->text()));
    QVERIFY(!button(dialog, QDialogButtonBox::Apply)->isEnabled());

    child<QLineEdit>(&dialog, u"profileBaseUrl"_s)->setText(u"http://127.0.0.1:11434/v1"_s);
    QTRY_VERIFY(button(dialog, QDialogButtonBox::Apply)->isEnabled());
    QVERIFY(dialog.apply());
    const Config after = load(path);
    QCOMPARE(after.profiles.at(0).backend, u"openai"_s);
    QCOMPARE(after.profiles.at(0).llm.baseUrl, u"http://127.0.0.1:11434/v1"_s);
    QVERIFY(after.profiles.at(0).command.isEmpty());
    // Nothing the openai backend does not read was left behind: the warnings are the user's own unknown keys.
    QCOMPARE(after.warnings.size(), 2);
    for (const ConfigError &warning : after.warnings)
        QVERIFY2(warning.message.contains(u"unknown key 'team'"_s) ||
                     warning.message.contains(u"unknown key 'owner'"_s),
                 qPrintable(warning.toString()));
}

void TestSettingsDialog::testConnectionListsModels()
{
    test::ScriptedModelServer server(llm::ApiKind::OpenAi, u"sk-settings-test-key"_s);
    server.setModels({u"alpha-7b"_s, u"beta-13b"_s});
    QProcessEnvironment environment;
    environment.insert(u"MY_TEST_KEY"_s, u"sk-settings-test-key"_s);
    Config config;
    config.file = u"unused.yaml"_s;
    AgentProfile profile;
    profile.name = u"remote"_s;
    profile.backend = u"openai"_s;
    profile.model = u"alpha-7b"_s;
    profile.llm.baseUrl = server.baseUrl().toString();
    profile.llm.apiKeyEnv = u"MY_TEST_KEY"_s;
    config.profiles = {profile};
    SettingsDialog::Services services;
    services.environment = environment;
    SettingsDialog dialog(config, services);
    dialog.show();

    auto *test = child<QPushButton>(&dialog, u"testConnectionButton"_s);
    QVERIFY(test->isVisible());
    QTest::mouseClick(test, Qt::LeftButton);
    auto *result = child<QLabel>(&dialog, u"testConnectionResult"_s);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Connected"_s), 15000);
    QVERIFY2(result->text().contains(u"alpha-7b, beta-13b"_s), qPrintable(result->text()));
    QVERIFY(test->isEnabled());
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(server.request(0).path, QByteArray("/v1/models"));
    QVERIFY2(server.ok(), qPrintable(server.report())); // the key went in the header the API expects
    QVERIFY(!result->text().contains(u"sk-settings"_s));
}

void TestSettingsDialog::testConnectionToUnreachableServerSaysWhy()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there now
    Config config;
    AgentProfile profile;
    profile.name = u"gone"_s;
    profile.backend = u"openai"_s;
    profile.model = u"m"_s;
    profile.llm.baseUrl = u"http://127.0.0.1:%1/v1"_s.arg(port);
    config.profiles = {profile};
    SettingsDialog::Services services;
    services.environment = QProcessEnvironment();
    SettingsDialog dialog(config, services);
    dialog.show();
    QTest::mouseClick(child<QPushButton>(&dialog, u"testConnectionButton"_s), Qt::LeftButton);
    auto *result = child<QLabel>(&dialog, u"testConnectionResult"_s);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Could not list the models"_s), 15000);
    QVERIFY2(result->text().contains(profile.llm.baseUrl), qPrintable(result->text()));

    // A cloud profile without any key says which variable to set.
    child<QLineEdit>(&dialog, u"profileBaseUrl"_s)->setText(u"https://api.example.invalid/v1"_s);
    QTest::mouseClick(child<QPushButton>(&dialog, u"testConnectionButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(u"OPENAI_API_KEY"_s), 15000);
}

void TestSettingsDialog::noKeychainOffersKeyVariable()
{
    QCOMPARE(qgetenv("SWITCHBOARD_NO_KEYCHAIN"), QByteArray("1")); // as ctest runs every UI test
    Config config;
    AgentProfile profile;
    profile.name = u"cloud"_s;
    profile.backend = u"anthropic"_s;
    profile.model = u"claude-3-5-sonnet-latest"_s;
    config.profiles = {profile};
    SettingsDialog dialog(config, {});
    dialog.show();
    auto *status = child<QLabel>(&dialog, u"apiKeyStatus"_s);
    QVERIFY2(status->text().contains(u"keychain is switched off"_s), qPrintable(status->text()));
    QVERIFY(!child<QLineEdit>(&dialog, u"apiKeyEdit"_s)->isEnabled());
    auto *useVariable = child<QPushButton>(&dialog, u"useKeyVariableButton"_s);
    QVERIFY(useVariable->isVisible());
    QTest::mouseClick(useVariable, Qt::LeftButton);
    auto *keyVariable = child<QLineEdit>(&dialog, u"profileApiKeyEnv"_s);
    QCOMPARE(keyVariable->text(), u"ANTHROPIC_API_KEY"_s);
    QTRY_VERIFY(keyVariable->hasFocus());
}

void TestSettingsDialog::detectedLocalModelBecomesAProfile()
{
    test::ModelListServer ollama("/api/tags", test::ModelListServer::ollamaTags({u"llama3.2:latest"_s}));
    qputenv("SWITCHBOARD_DISCOVERY_PORTS", "ollama=" + QByteArray::number(ollama.port()));
    QMainWindow window;
    QMenu *agents = window.menuBar()->addMenu(u"Agents"_s);
    auto *offer = new LocalModelsOffer(nullptr, agents, &window);
    QTRY_VERIFY_WITH_TIMEOUT(!offer->isSearching(), 15000);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kUserConfig);
    SettingsDialog::Services services;
    services.localModels = offer;
    SettingsDialog dialog(load(path), services, &window);
    dialog.show();
    auto *table = child<QTableWidget>(&dialog, u"detectedTable"_s);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), u"ollama-llama3.2"_s);
    auto *add = child<QPushButton>(&dialog, u"add-detected-ollama-llama3.2"_s);
    QTest::mouseClick(add, Qt::LeftButton);
    auto *list = child<QListWidget>(&dialog, u"profileList"_s);
    QCOMPARE(list->count(), 3);
    QCOMPARE(list->currentItem()->text(), u"ollama-llama3.2"_s);
    QCOMPARE(child<QLineEdit>(&dialog, u"profileBaseUrl"_s)->text(), u"http://127.0.0.1:%1/v1"_s.arg(ollama.port()));
    auto *added = qobject_cast<QPushButton *>(table->cellWidget(0, 2));
    QVERIFY(added);
    QVERIFY(!added->isEnabled()); // added once
    QCOMPARE(added->text(), u"Added"_s);
    QVERIFY(dialog.apply());
    const Config after = load(path);
    QCOMPARE(after.profiles.size(), 3);
    QCOMPARE(after.profiles.at(2).model, u"llama3.2:latest"_s);
    QCOMPARE(after.profiles.at(2).backend, u"openai"_s);
}

void TestSettingsDialog::saveFailureNamesTheFile()
{
    QTemporaryDir dir;
    test::writeBytes(dir.filePath(u"not-a-folder"_s), "x");
    Config config = load(test::writeFile(dir.path(), u"switchboard.yaml"_s, kUserConfig));
    config.file = dir.filePath(u"not-a-folder/switchboard.yaml"_s);
    SettingsDialog dialog(config, {});
    dialog.show();
    dialog.showPage(SettingsDialog::Page::Workflow);
    child<QSpinBox>(&dialog, u"workflowMaxParallel"_s)->setValue(9);
    QTest::mouseClick(button(dialog, QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(dialog.isVisible()); // stays open with the reason
    QVERIFY2(dialog.message().contains(QDir::toNativeSeparators(config.file)), qPrintable(dialog.message()));
}

void TestSettingsDialog::windowTakesTheSavedProfiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kUserConfig);
    const Config config = load(path);
    Orchestrator orchestrator;
    orchestrator.setProfiles(config.profiles);
    // A profile this session added (a detected model): not in the config, and it stays.
    QList<AgentProfile> session = orchestrator.profiles();
    session.append(test::ProfileBuilder::demo(u"session-only"_s, 100));
    orchestrator.setProfiles(session);
    MainWindow window(&orchestrator, config);
    window.show();

    auto *settings = window.findChild<QAction *>(u"actionSettings"_s);
    QVERIFY(settings);
    QVERIFY(settings->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    QCOMPARE(window.findChild<QMenu *>(u"toolsMenu"_s)->actions().first(), settings);
    settings->trigger();
    auto *dialog = window.findChild<SettingsDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());

    auto *list = child<QListWidget>(dialog, u"profileList"_s);
    list->setCurrentRow(1); // helper
    child<QSpinBox>(dialog, u"profileMaxConcurrent"_s)->setValue(2);
    dialog->showPage(SettingsDialog::Page::Workflow);
    child<QSpinBox>(dialog, u"workflowMaxParallel"_s)->setValue(5);
    QTest::mouseClick(button(*dialog, QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());

    QCOMPARE(orchestrator.maxParallel(), 5);
    QStringList names;
    int helperLimit = -1;
    for (const AgentProfile &profile : orchestrator.profiles()) {
        names << profile.name;
        if (profile.name == u"helper")
            helperLimit = profile.maxConcurrent;
    }
    QCOMPARE(names, (QStringList{u"session-only"_s, u"coder"_s, u"helper"_s}));
    QCOMPARE(helperLimit, 2);
    QCOMPARE(load(path).profiles.at(1).maxConcurrent, 2);
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
