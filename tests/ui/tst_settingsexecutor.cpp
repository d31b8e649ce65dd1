// Settings › Profiles › "Runs on" (issue 19): a person moves a process profile onto a Slurm cluster or an SSH host
// in the form, saves, and the file has the profile's `executor:` key that reads back to what they typed (the form,
// opened again, shows it again); back to "This computer" takes the key out. The user's comments and unknown keys stay.
// A value the config reader would refuse is named under its field and nothing is saved; LLM and demo profiles, which
// run inside Switchboard, have no "Runs on".
#include "config/ConfigLoader.h"
#include "settings/ExecutorFields.h"
#include "settings/ProfileEditor.h"
#include "settings/ProfilesPage.h"
#include "settings/SettingsDialog.h"
#include "support/TestSupport.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace switchboard;
using namespace Qt::StringLiterals;
using test::child;

namespace {

constexpr auto kUserConfig = R"(# My own notes about this file.
workflow:
  max_parallel: 3   # small laptop

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

void chooseKind(SettingsDialog &dialog, const QString &kind)
{
    auto *combo = child<QComboBox>(&dialog, u"executorKind"_s);
    QVERIFY(combo);
    QVERIFY(combo->isVisible());
    const int index = combo->findData(kind);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
}

// Types text into a field the way a person does: select what is there, type over it.
void type(SettingsDialog &dialog, const QString &field, const QString &text)
{
    auto *edit = child<QLineEdit>(&dialog, field);
    QVERIFY(edit);
    QVERIFY2(edit->isVisible(), qPrintable(field));
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

QString text(SettingsDialog &dialog, const QString &field)
{
    auto *edit = child<QLineEdit>(&dialog, field);
    return edit ? edit->text() : QString();
}

void checkCommentsKept(const QByteArray &yaml)
{
    for (const char *kept : {"# My own notes about this file.\n", "  max_parallel: 3   # small laptop\n",
                             "team: platform   # a key Switchboard does not know\n", "    # Runs my script.\n",
                             "      owner: alice   # unknown to Switchboard\n"})
        QVERIFY2(yaml.contains(kept), kept);
}

} // namespace

class TestSettingsExecutor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void slurmRoundTripAndBackToLocal();
    void sshRoundTrip();
    void untouchedExecutorKeepsItsText();
    void invalidValuesAreNamedAndBlockSaving();
    void llmAndDemoProfilesHaveNoRunsOn();
};

void TestSettingsExecutor::slurmRoundTripAndBackToLocal()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kUserConfig);
    ExecutorSpec expected;
    expected.kind = ExecutorSpec::Kind::Slurm;
    expected.slurm.partition = u"gpu"_s;
    expected.slurm.account = u"ml"_s;
    expected.slurm.timeLimit = u"1:30:00"_s;
    expected.slurm.cpus = 4;
    expected.slurm.mem = u"8G"_s;
    expected.slurm.gres = u"gpu:1"_s;
    expected.slurm.extraArgs = {u"--exclusive"_s, u"--constraint=a100|h100,big"_s}; // a comma, in a flow list
    {
        SettingsDialog dialog(load(path), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        child<QListWidget>(&dialog, u"profileList"_s)->setCurrentRow(0);
        QCOMPARE(child<QComboBox>(&dialog, u"executorKind"_s)->currentData().toString(), u"local"_s);
        QVERIFY(!child<QLineEdit>(&dialog, u"executorPartition"_s)->isVisible());

        chooseKind(dialog, u"slurm"_s);
        QVERIFY(!child<QLineEdit>(&dialog, u"executorHost"_s)->isVisible()); // the ssh fields stay hidden
        type(dialog, u"executorPartition"_s, u"gpu"_s);
        type(dialog, u"executorAccount"_s, u"ml"_s);
        type(dialog, u"executorTimeLimit"_s, u"1:30:00"_s);
        child<QSpinBox>(&dialog, u"executorCpus"_s)->setValue(4);
        type(dialog, u"executorMem"_s, u"8G"_s);
        type(dialog, u"executorGres"_s, u"gpu:1"_s);
        type(dialog, u"executorExtraArgs"_s, u"--exclusive --constraint=a100|h100,big"_s);
        QVERIFY(button(dialog, QDialogButtonBox::Apply)->isEnabled());
        QTest::mouseClick(button(dialog, QDialogButtonBox::Apply), Qt::LeftButton);
        QVERIFY2(dialog.message().contains(u"Saved to"_s), qPrintable(dialog.message()));
    }
    const QByteArray saved = test::readFile(path);
    QVERIFY2(saved.contains("      executor:") && saved.contains("kind: slurm") && saved.contains("partition: gpu"),
             saved.constData());
    checkCommentsKept(saved);
    Config config = load(path);
    QCOMPARE(config.profiles.size(), 2);
    QCOMPARE(config.profiles.at(0).executor, expected);
    QVERIFY(config.profiles.at(1).executor.isLocal());

    {
        // Opened again, the form shows what the file holds; back to this computer takes the key out.
        SettingsDialog dialog(config, {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        child<QListWidget>(&dialog, u"profileList"_s)->setCurrentRow(0);
        QCOMPARE(child<QComboBox>(&dialog, u"executorKind"_s)->currentData().toString(), u"slurm"_s);
        QCOMPARE(text(dialog, u"executorPartition"_s), u"gpu"_s);
        QCOMPARE(text(dialog, u"executorTimeLimit"_s), u"1:30:00"_s);
        QCOMPARE(child<QSpinBox>(&dialog, u"executorCpus"_s)->value(), 4);
        QCOMPARE(text(dialog, u"executorExtraArgs"_s), u"--exclusive --constraint=a100|h100,big"_s);
        QCOMPARE(dialog.profilesPage()->editor()->profile().executor, expected);
        QVERIFY(!dialog.isModified()); // showing it changed nothing

        chooseKind(dialog, u"local"_s);
        QVERIFY(!child<QLineEdit>(&dialog, u"executorPartition"_s)->isVisible());
        QVERIFY(dialog.apply());
    }
    const QByteArray local = test::readFile(path);
    QVERIFY2(!local.contains("executor") && !local.contains("slurm"), local.constData());
    checkCommentsKept(local);
    config = load(path);
    QVERIFY(config.profiles.at(0).executor.isLocal());
    QCOMPARE(config.profiles.at(0).command, (QStringList{u"python3"_s, u"coder.py"_s, u"{goal.id}"_s}));
}

void TestSettingsExecutor::sshRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kUserConfig);
    ExecutorSpec expected;
    expected.kind = ExecutorSpec::Kind::Ssh;
    expected.ssh.host = u"build-7"_s;
    expected.ssh.user = u"ci"_s;
    expected.ssh.port = 2222;
    expected.ssh.identityFile = u"/home/ci/.ssh/id_ed25519"_s;
    expected.ssh.workdir = u"/srv/agents"_s;
    expected.ssh.extraOptions = {u"StrictHostKeyChecking=accept-new"_s};
    {
        SettingsDialog dialog(load(path), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        child<QListWidget>(&dialog, u"profileList"_s)->setCurrentRow(0);
        chooseKind(dialog, u"ssh"_s);
        QVERIFY(!child<QLineEdit>(&dialog, u"executorPartition"_s)->isVisible());
        // No host yet: an ssh executor needs one, and nothing can be saved until it has it.
        auto *hostError = child<QLabel>(&dialog, u"hostError"_s);
        QTRY_VERIFY(hostError->isVisible());
        QVERIFY2(hostError->text().startsWith(u"host:"_s), qPrintable(hostError->text()));
        QVERIFY(!button(dialog, QDialogButtonBox::Ok)->isEnabled());
        type(dialog, u"executorHost"_s, u"build-7"_s);
        QTRY_VERIFY(!hostError->isVisible());
        type(dialog, u"executorUser"_s, u"ci"_s);
        type(dialog, u"executorPort"_s, u"2222"_s);
        type(dialog, u"executorIdentityFile"_s, u"/home/ci/.ssh/id_ed25519"_s);
        type(dialog, u"executorWorkdir"_s, u"/srv/agents"_s);
        type(dialog, u"executorExtraOptions"_s, u"StrictHostKeyChecking=accept-new"_s);
        QVERIFY(button(dialog, QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(dialog.apply());
    }
    const QByteArray saved = test::readFile(path);
    QVERIFY2(saved.contains("kind: ssh") && saved.contains("host: build-7") && saved.contains("port: 2222"),
             saved.constData());
    checkCommentsKept(saved);
    const Config config = load(path);
    QCOMPARE(config.profiles.at(0).executor, expected);

    SettingsDialog dialog(config, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QListWidget>(&dialog, u"profileList"_s)->setCurrentRow(0);
    QCOMPARE(child<QComboBox>(&dialog, u"executorKind"_s)->currentData().toString(), u"ssh"_s);
    QCOMPARE(text(dialog, u"executorHost"_s), u"build-7"_s);
    QCOMPARE(text(dialog, u"executorPort"_s), u"2222"_s);
    QCOMPARE(text(dialog, u"executorIdentityFile"_s), u"/home/ci/.ssh/id_ed25519"_s);
    QCOMPARE(dialog.profilesPage()->editor()->profile().executor, expected);
    QVERIFY(!dialog.isModified());
}

void TestSettingsExecutor::untouchedExecutorKeepsItsText()
{
    // The person's own executor block, with a comment, while they change another field of the profile.
    QByteArray mine = kUserConfig;
    const QByteArray block = "      executor:   # the lab's cluster\n"
                             "        kind: slurm\n"
                             "        partition: debug   # quick queue\n";
    mine.replace("      owner: alice", QByteArray(block + "      owner: alice"));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, mine);
    SettingsDialog dialog(load(path), {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QListWidget>(&dialog, u"profileList"_s)->setCurrentRow(0);
    QCOMPARE(text(dialog, u"executorPartition"_s), u"debug"_s);
    child<QSpinBox>(&dialog, u"profileMaxConcurrent"_s)->setValue(2);
    QVERIFY(dialog.apply());
    const QByteArray saved = test::readFile(path);
    QVERIFY2(saved.contains(block), saved.constData());
    checkCommentsKept(saved);
    const Config config = load(path);
    QCOMPARE(config.profiles.at(0).maxConcurrent, 2);
    QCOMPARE(config.profiles.at(0).executor.slurm.partition, u"debug"_s);
}

void TestSettingsExecutor::invalidValuesAreNamedAndBlockSaving()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kUserConfig);
    SettingsDialog dialog(load(path), {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QListWidget>(&dialog, u"profileList"_s)->setCurrentRow(0);
    ProfileEditor *editor = dialog.profilesPage()->editor();

    chooseKind(dialog, u"ssh"_s);
    type(dialog, u"executorHost"_s, u"build-7"_s);
    auto *portError = child<QLabel>(&dialog, u"portError"_s);
    for (const QString &port : {u"70000"_s, u"0"_s, u"22a"_s}) {
        type(dialog, u"executorPort"_s, port);
        QTRY_VERIFY(portError->isVisible());
        QVERIFY2(portError->text().startsWith(u"port:"_s) && portError->text().contains(port),
                 qPrintable(portError->text()));
        QVERIFY(!button(dialog, QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(!button(dialog, QDialogButtonBox::Apply)->isEnabled());
        QVERIFY(!dialog.apply());
        QCOMPARE(test::readFile(path), QByteArray(kUserConfig));
    }
    QCOMPARE(editor->fieldWidget(u"executor.port"_s), child<QLineEdit>(&dialog, u"executorPort"_s));
    type(dialog, u"executorPort"_s, u"22"_s);
    QTRY_VERIFY(!portError->isVisible());
    QVERIFY(button(dialog, QDialogButtonBox::Ok)->isEnabled());

    type(dialog, u"executorHost"_s, u"-oProxyCommand=sh"_s);
    auto *hostError = child<QLabel>(&dialog, u"hostError"_s);
    QTRY_VERIFY(hostError->isVisible());
    QVERIFY2(hostError->text().startsWith(u"host:"_s), qPrintable(hostError->text()));
    QVERIFY(!button(dialog, QDialogButtonBox::Ok)->isEnabled());

    // Slurm's fields have their own checks; the ssh field's problem went with the ssh choice.
    chooseKind(dialog, u"slurm"_s);
    QTRY_VERIFY(!hostError->isVisible());
    QVERIFY(button(dialog, QDialogButtonBox::Ok)->isEnabled());
    type(dialog, u"executorTimeLimit"_s, u"90 minutes"_s);
    auto *timeError = child<QLabel>(&dialog, u"time_limitError"_s);
    QTRY_VERIFY(timeError->isVisible());
    QVERIFY2(timeError->text().startsWith(u"time_limit:"_s), qPrintable(timeError->text()));
    QVERIFY(!button(dialog, QDialogButtonBox::Ok)->isEnabled());
    type(dialog, u"executorMem"_s, u"4GB"_s);
    QTRY_VERIFY(child<QLabel>(&dialog, u"memError"_s)->isVisible());
    type(dialog, u"executorExtraArgs"_s, u"--job-name=mine"_s);
    QTRY_VERIFY(child<QLabel>(&dialog, u"extra_argsError"_s)->isVisible());
    QVERIFY(child<QLabel>(&dialog, u"extra_argsError"_s)->text().contains(u"--job-name"_s));
    QVERIFY(!dialog.apply());
    QCOMPARE(test::readFile(path), QByteArray(kUserConfig));

    type(dialog, u"executorTimeLimit"_s, u"90"_s);
    type(dialog, u"executorMem"_s, u"4G"_s);
    type(dialog, u"executorExtraArgs"_s, u"--exclusive"_s);
    QTRY_VERIFY(!timeError->isVisible());
    QVERIFY(dialog.apply());
    const Config config = load(path);
    QCOMPARE(config.profiles.at(0).executor.kind, ExecutorSpec::Kind::Slurm);
    QCOMPARE(config.profiles.at(0).executor.slurm.timeLimit, u"90"_s);
}

void TestSettingsExecutor::llmAndDemoProfilesHaveNoRunsOn()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"switchboard.yaml"_s);
    test::writeBytes(path, kUserConfig);
    SettingsDialog dialog(load(path), {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *list = child<QListWidget>(&dialog, u"profileList"_s);
    auto *group = child<ExecutorFields>(&dialog, u"executorFields"_s);
    list->setCurrentRow(1); // helper: demo
    QVERIFY(!group->isVisible());
    list->setCurrentRow(0); // coder: process
    QVERIFY(group->isVisible());

    // A process profile on a cluster that becomes an API profile runs inside Switchboard: no executor key.
    chooseKind(dialog, u"slurm"_s);
    auto *backend = child<QComboBox>(&dialog, u"profileBackend"_s);
    backend->setCurrentIndex(backend->findData(u"openai"_s));
    QVERIFY(!group->isVisible());
    child<QLineEdit>(&dialog, u"profileModel"_s)->setText(u"gpt-4o"_s);
    QVERIFY(dialog.apply());
    QVERIFY(!test::readFile(path).contains("executor"));
    const Config config = load(path);
    QCOMPARE(config.profiles.at(0).backend, u"openai"_s);
    QVERIFY(config.profiles.at(0).executor.isLocal());
}

QTEST_MAIN(TestSettingsExecutor)
#include "tst_settingsexecutor.moc"
