// A profile's `executor:` key (issue 19): local, slurm and ssh read into AgentProfile::executor, every mistake an
// error at its file:line:column (a misspelt key must not quietly run an agent somewhere else), and only backends
// that run a program may leave this machine. The spec survives the store's JSON; a plan's goal may override it.
#include "config/ConfigLoader.h"
#include "config/Plan.h"
#include "config/PlanLoader.h"
#include "config/PlanWriter.h"
#include "execution/ExecutorSpec.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace switchboard;

namespace {

QByteArray configWith(const QString &backend, const QString &executor)
{
    return uR"YAML(agents:
  definitions:
    - name: worker
      backend: %1
      command: [sh, -c, "true"]
      model: gpt-4o
%2
)YAML"_s.arg(backend, executor)
        .toUtf8();
}

} // namespace

class TestExecutorConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsSlurm();
    void readsSsh();
    void localIsTheDefault();
    void errors_data();
    void errors();
    void jsonRoundTrip();
    void goalOverridesProfile();
};

void TestExecutorConfig::readsSlurm()
{
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadString(configWith(u"process"_s, uR"(      executor:
        kind: slurm
        partition: gpu
        account: ml
        qos: high
        time_limit: "1:30:00"
        cpus: 4
        mem: 8G
        gres: "gpu:1"
        extra_args: [--exclusive, --constraint=a100])"_s),
                                                                  u"c.yaml"_s, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    const ExecutorSpec &spec = config->profiles.first().executor;
    QCOMPARE(spec.kind, ExecutorSpec::Kind::Slurm);
    QCOMPARE(spec.slurm.partition, u"gpu"_s);
    QCOMPARE(spec.slurm.account, u"ml"_s);
    QCOMPARE(spec.slurm.qos, u"high"_s);
    QCOMPARE(spec.slurm.timeLimit, u"1:30:00"_s);
    QCOMPARE(spec.slurm.cpus, 4);
    QCOMPARE(spec.slurm.mem, u"8G"_s);
    QCOMPARE(spec.slurm.gres, u"gpu:1"_s);
    QCOMPARE(spec.slurm.extraArgs, (QStringList{u"--exclusive"_s, u"--constraint=a100"_s}));
    QCOMPARE(spec.describe(), u"slurm (gpu)"_s);

    // The short form: the cluster's defaults.
    const std::optional<Config> plain =
        ConfigLoader::loadString(configWith(u"claude-code"_s, u"      executor: slurm"_s), u"c.yaml"_s, &error);
    QVERIFY2(plain, qPrintable(error.toString()));
    QCOMPARE(plain->profiles.first().executor.kind, ExecutorSpec::Kind::Slurm);
    QCOMPARE(plain->profiles.first().executor.describe(), u"slurm"_s);
}

void TestExecutorConfig::readsSsh()
{
    ConfigError error;
    const std::optional<Config> config =
        ConfigLoader::loadString(configWith(u"codex"_s, u"      executor: {kind: ssh, host: build1, user: ci, port: "
                                                        u"2222, identity_file: ~/.ssh/ci, workdir: /srv/work}"_s),
                                 u"c.yaml"_s, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    const ExecutorSpec &spec = config->profiles.first().executor;
    QCOMPARE(spec.kind, ExecutorSpec::Kind::Ssh);
    QCOMPARE(spec.ssh.host, u"build1"_s);
    QCOMPARE(spec.ssh.user, u"ci"_s);
    QCOMPARE(spec.ssh.port, 2222);
    QCOMPARE(spec.ssh.identityFile, u"~/.ssh/ci"_s);
    QCOMPARE(spec.ssh.workdir, u"/srv/work"_s);
    QCOMPARE(spec.describe(), u"ssh ci@build1:2222"_s);
}

void TestExecutorConfig::localIsTheDefault()
{
    ConfigError error;
    std::optional<Config> config = ConfigLoader::loadString(configWith(u"process"_s, {}), u"c.yaml"_s, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QVERIFY(config->profiles.first().executor.isLocal());
    // An LLM profile may say local: that is where it runs anyway.
    config = ConfigLoader::loadString(configWith(u"openai"_s, u"      executor: local"_s), u"c.yaml"_s, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QVERIFY(config->profiles.first().executor.isLocal());
}

void TestExecutorConfig::errors_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("executor");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("misspelt key") << u"process"_s << u"      executor:\n        kind: slurm\n        partiton: gpu"_s
                                  << 9 << 9 << u"unknown key 'partiton' (did you mean 'partition'?)"_s;
    QTest::newRow("unknown kind") << u"process"_s << u"      executor: slrum"_s << 7 << 17
                                  << u"unknown executor 'slrum' (did you mean 'slurm'?)"_s;
    QTest::newRow("other kind's key") << u"process"_s << u"      executor: {kind: slurm, host: a}"_s << 7 << 31
                                      << u"'host' does not apply to a slurm executor"_s;
    QTest::newRow("llm backend") << u"openai"_s << u"      executor: slurm"_s << 7 << 17
                                 << u"backend 'openai' runs inside Switchboard"_s;
    QTest::newRow("demo backend") << u"demo"_s << u"      executor: {kind: ssh, host: a}"_s << 7 << 17
                                  << u"backend 'demo' runs inside Switchboard"_s;
    QTest::newRow("ssh without host") << u"process"_s << u"      executor: ssh"_s << 7 << 17
                                      << u"an ssh executor needs a host"_s;
    QTest::newRow("bad time") << u"process"_s << u"      executor: {kind: slurm, time_limit: soon}"_s << 7 << 43
                              << u"time_limit: expected minutes"_s;
    QTest::newRow("zero cpus") << u"process"_s << u"      executor: {kind: slurm, cpus: 0}"_s << 7 << 37
                               << u"cpus: must be at least 1, got 0"_s;
    QTest::newRow("job name in extra_args")
        << u"process"_s << u"      executor: {kind: slurm, extra_args: [--job-name=x]}"_s << 7 << 44
        << u"--job-name=x is set by Switchboard"_s;
    QTest::newRow("port out of range") << u"process"_s << u"      executor: {kind: ssh, host: a, port: 70000}"_s << 7
                                       << 44 << u"port: expected a port between 1 and 65535"_s;
}

void TestExecutorConfig::errors()
{
    QFETCH(QString, backend);
    QFETCH(QString, executor);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadString(configWith(backend, executor), u"c.yaml"_s, &error);
    QVERIFY(!config);
    QVERIFY2(error.message.contains(message), qPrintable(error.toString()));
    QCOMPARE(error.file, u"c.yaml"_s);
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
}

void TestExecutorConfig::jsonRoundTrip()
{
    ExecutorSpec slurm;
    slurm.kind = ExecutorSpec::Kind::Slurm;
    slurm.slurm.partition = u"debug"_s;
    slurm.slurm.cpus = 2;
    slurm.slurm.extraArgs = {u"--exclusive"_s};
    QCOMPARE(ExecutorSpec::fromJson(slurm.toJson()), slurm);
    ExecutorSpec ssh;
    ssh.kind = ExecutorSpec::Kind::Ssh;
    ssh.ssh.host = u"h"_s;
    ssh.ssh.port = 22;
    QCOMPARE(ExecutorSpec::fromJson(ssh.toJson()), ssh);
    QCOMPARE(ExecutorSpec::fromJson({}), ExecutorSpec{});
    QString error;
    QVERIFY(!ExecutorSpec::fromJson(QJsonObject{{u"kind"_s, u"k8s"_s}}, &error));
    QVERIFY(error.contains(u"k8s"_s));
    QCOMPARE(ExecutorSpec::describeStored(QString::fromUtf8(QJsonDocument(slurm.toJson()).toJson())),
             u"slurm (debug)"_s);
    QCOMPARE(ExecutorSpec::describeStored(QString()), QString());
}

void TestExecutorConfig::goalOverridesProfile()
{
    // A plan's goal may run elsewhere than its profile; the plan writer writes what the loader reads back.
    const QByteArray plan = uR"YAML(name: mixed
agents:
  definitions:
    - name: worker
      backend: process
      command: [sh, -c, "true"]
    - name: chat
      backend: openai
      model: gpt-4o
goals:
  - {id: here, title: Here, profile: worker}
  - id: there
    title: There
    profile: worker
    executor: {kind: slurm, partition: gpu, cpus: 8, extra_args: [--exclusive]}
  - {id: back, title: Back, executor: local}
)YAML"_s.toUtf8();
    ConfigError error;
    const std::optional<Plan> loaded = PlanLoader::loadString(plan, u"p.yaml"_s, ConfigLoader::defaults(), &error);
    QVERIFY2(loaded, qPrintable(error.toString()));
    QCOMPARE(loaded->goals.size(), 3);
    QVERIFY(!loaded->goals.at(0).executor);
    QVERIFY(loaded->goals.at(1).executor);
    QCOMPARE(loaded->goals.at(1).executor->describe(), u"slurm (gpu)"_s);
    QCOMPARE(loaded->goals.at(1).executor->slurm.cpus, 8);
    QVERIFY(loaded->goals.at(2).executor && loaded->goals.at(2).executor->isLocal());

    const QByteArray written = PlanWriter::toYaml(u"mixed"_s, {}, loaded->goals);
    const QByteArray again = uR"YAML(agents:
  definitions:
    - name: worker
      backend: process
      command: [sh, -c, "true"]
)YAML"_s.toUtf8() + written;
    const std::optional<Plan> reread = PlanLoader::loadString(again, u"w.yaml"_s, ConfigLoader::defaults(), &error);
    QVERIFY2(reread, qPrintable(error.toString() + u"\n"_s + QString::fromUtf8(written)));
    QCOMPARE(reread->goals.at(1).executor, loaded->goals.at(1).executor);
    QCOMPARE(reread->goals.at(2).executor, loaded->goals.at(2).executor);
    QVERIFY(!reread->goals.at(0).executor);

    // On a goal whose profile runs inside Switchboard, a remote executor is an error at the key.
    const QByteArray bad = uR"YAML(name: bad
agents:
  definitions:
    - {name: chat, backend: openai, model: gpt-4o}
goals:
  - {id: g, title: G, profile: chat, executor: slurm}
)YAML"_s.toUtf8();
    QVERIFY(!PlanLoader::loadString(bad, u"b.yaml"_s, ConfigLoader::defaults(), &error));
    QVERIFY2(error.message.contains(u"profile 'chat' (backend 'openai') runs inside Switchboard"_s),
             qPrintable(error.toString()));
    QCOMPARE(error.line, 6);
}

QTEST_GUILESS_MAIN(TestExecutorConfig)
#include "tst_executorconfig.moc"
