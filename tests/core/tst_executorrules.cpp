// ExecutorRules (issue 19): the checks of an executor's values that the config reader and the GUI's forms share.
// Each value is checked on its own, a form's spec names the fields that are wrong, and what the rules refuse the
// config file refuses too, at the same key (and what they take, it takes).
#include "config/ConfigLoader.h"
#include "execution/ExecutorRules.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace switchboard;

class TestExecutorRules final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backendsThatTakeAnExecutor_data();
    void backendsThatTakeAnExecutor();
    void timeLimit_data();
    void timeLimit();
    void memory_data();
    void memory();
    void srunArgument_data();
    void srunArgument();
    void host_data();
    void host();
    void portAndCpus();
    void problemsOfASpecNameTheirFields();
    void configReaderAgrees_data();
    void configReaderAgrees();
};

void TestExecutorRules::backendsThatTakeAnExecutor_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("takes");
    for (const char *backend : {"process", "claude-code", "codex", "gemini", "aider", "acp"})
        QTest::newRow(backend) << QString::fromLatin1(backend) << true;
    for (const char *backend : {"openai", "anthropic", "demo", "", "Process"})
        QTest::newRow(*backend ? backend : "empty") << QString::fromLatin1(backend) << false;
}

void TestExecutorRules::backendsThatTakeAnExecutor()
{
    QFETCH(QString, backend);
    QFETCH(bool, takes);
    QCOMPARE(ExecutorRules::backendTakesExecutor(backend), takes);
}

void TestExecutorRules::timeLimit_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    for (const char *good : {"30", "30:15", "1:30:00", "2-0", "2-12:30", "2-12:30:05", "UNLIMITED", "infinite"})
        QTest::newRow(good) << QString::fromLatin1(good) << true;
    for (const char *bad : {"", "1h", "1:30:00:00", "-5", "1.5", "30 ", "2-", "abc"})
        QTest::newRow(*bad ? bad : "empty") << QString::fromLatin1(bad) << false;
}

void TestExecutorRules::timeLimit()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QCOMPARE(ExecutorRules::isSlurmTime(text), ok);
    const QString problem = ExecutorRules::timeLimitProblem(text);
    QCOMPARE(problem.isEmpty(), ok);
    if (!ok)
        QVERIFY2(problem.contains(u"expected minutes"_s), qPrintable(problem));
}

void TestExecutorRules::memory_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    for (const char *good : {"512", "512M", "4G", "1t", "64k"})
        QTest::newRow(good) << QString::fromLatin1(good) << true;
    for (const char *bad : {"", "4GB", "G", "4.5G", "-1G"})
        QTest::newRow(*bad ? bad : "empty") << QString::fromLatin1(bad) << false;
}

void TestExecutorRules::memory()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QCOMPARE(ExecutorRules::memoryProblem(text).isEmpty(), ok);
}

void TestExecutorRules::srunArgument_data()
{
    QTest::addColumn<QString>("arg");
    QTest::addColumn<QString>("problem"); // a part of the message; empty = fine
    QTest::newRow("option") << u"--exclusive"_s << QString();
    QTest::newRow("option=value") << u"--constraint=a100"_s << QString();
    QTest::newRow("short") << u"-N1"_s << QString();
    QTest::newRow("job name") << u"--job-name=x"_s << u"set by Switchboard"_s;
    QTest::newRow("-J") << u"-Jx"_s << u"set by Switchboard"_s;
    QTest::newRow("export") << u"--export=ALL"_s << u"set by Switchboard"_s;
    QTest::newRow("chdir") << u"--chdir"_s << u"set by Switchboard"_s;
    QTest::newRow("-D") << u"-D/tmp"_s << u"set by Switchboard"_s;
    QTest::newRow("not an option") << u"exclusive"_s << u"starting with '-'"_s;
}

void TestExecutorRules::srunArgument()
{
    QFETCH(QString, arg);
    QFETCH(QString, problem);
    const QString found = ExecutorRules::srunArgumentProblem(arg);
    if (problem.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found));
    else
        QVERIFY2(found.contains(problem), qPrintable(found));
}

void TestExecutorRules::host_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("ok");
    QTest::newRow("name") << u"build-7"_s << true;
    QTest::newRow("address") << u"10.0.0.7"_s << true;
    QTest::newRow("ipv6") << u"::1"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("blank") << u"   "_s << false;
    QTest::newRow("option") << u"-oProxyCommand=touch /tmp/x"_s << false;
    QTest::newRow("space") << u"build 7"_s << false;
}

void TestExecutorRules::host()
{
    QFETCH(QString, host);
    QFETCH(bool, ok);
    QCOMPARE(ExecutorRules::hostProblem(host).isEmpty(), ok);
}

void TestExecutorRules::portAndCpus()
{
    QVERIFY(ExecutorRules::portProblem(1).isEmpty());
    QVERIFY(ExecutorRules::portProblem(22).isEmpty());
    QVERIFY(ExecutorRules::portProblem(65535).isEmpty());
    for (const int bad : {0, -1, 65536, 70000}) {
        const QString problem = ExecutorRules::portProblem(bad);
        QVERIFY2(problem.contains(QString::number(bad)), qPrintable(problem));
    }
    QVERIFY(ExecutorRules::cpusProblem(1).isEmpty());
    QVERIFY(!ExecutorRules::cpusProblem(0).isEmpty());
    QVERIFY(!ExecutorRules::cpusProblem(-2).isEmpty());
}

void TestExecutorRules::problemsOfASpecNameTheirFields()
{
    const auto fields = [](const ExecutorSpec &spec) {
        QStringList names;
        for (const ExecutorRules::Problem &problem : ExecutorRules::problems(spec))
            names << problem.field;
        return names;
    };
    // Local has nothing to check; unset (0, empty) values are the defaults, not mistakes.
    QVERIFY(fields(ExecutorSpec{}).isEmpty());
    ExecutorSpec slurm;
    slurm.kind = ExecutorSpec::Kind::Slurm;
    QVERIFY(fields(slurm).isEmpty());
    slurm.slurm.timeLimit = u"1h"_s;
    slurm.slurm.cpus = -1;
    slurm.slurm.mem = u"lots"_s;
    slurm.slurm.extraArgs = {u"--exclusive"_s, u"--job-name=x"_s};
    QCOMPARE(fields(slurm), (QStringList{u"time_limit"_s, u"cpus"_s, u"mem"_s, u"extra_args"_s}));

    ExecutorSpec ssh;
    ssh.kind = ExecutorSpec::Kind::Ssh;
    QCOMPARE(fields(ssh), QStringList{u"host"_s}); // an ssh executor needs a host
    ssh.ssh.host = u"build-7"_s;
    QVERIFY(fields(ssh).isEmpty());
    ssh.ssh.port = 70000;
    QCOMPARE(fields(ssh), QStringList{u"port"_s});
    // The slurm fields of an ssh spec are not its own: not checked.
    ssh.ssh.port = 2222;
    ssh.slurm.timeLimit = u"never"_s;
    QVERIFY(fields(ssh).isEmpty());
}

void TestExecutorRules::configReaderAgrees_data()
{
    QTest::addColumn<QString>("executor"); // the YAML of the executor's map, one line
    QTest::addColumn<QString>("key");      // the key the rules and the reader blame; empty = fine
    QTest::newRow("slurm fine") << u"{kind: slurm, time_limit: \"1:00:00\", cpus: 2, mem: 4G}"_s << QString();
    QTest::newRow("time_limit") << u"{kind: slurm, time_limit: 1h}"_s << u"time_limit"_s;
    QTest::newRow("cpus") << u"{kind: slurm, cpus: 0}"_s << u"cpus"_s;
    QTest::newRow("mem") << u"{kind: slurm, mem: 4GB}"_s << u"mem"_s;
    QTest::newRow("extra_args") << u"{kind: slurm, extra_args: [--export=ALL]}"_s << u"extra_args"_s;
    QTest::newRow("ssh fine") << u"{kind: ssh, host: build-7, port: 2222}"_s << QString();
    QTest::newRow("port") << u"{kind: ssh, host: build-7, port: 70000}"_s << u"port"_s;
    QTest::newRow("host option") << u"{kind: ssh, host: \"-oProxyCommand=x\"}"_s << u"host"_s;
    QTest::newRow("host space") << u"{kind: ssh, host: \"a b\"}"_s << u"host"_s;
}

void TestExecutorRules::configReaderAgrees()
{
    QFETCH(QString, executor);
    QFETCH(QString, key);
    const QByteArray yaml = uR"(agents:
  definitions:
    - name: worker
      backend: process
      command: [sh, -c, "true"]
      executor: %1
)"_s.arg(executor)
                                .toUtf8();
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadString(yaml, u"c.yaml"_s, &error);
    if (key.isEmpty()) {
        QVERIFY2(config, qPrintable(error.toString()));
        QVERIFY(ExecutorRules::problems(config->profiles.at(0).executor).isEmpty());
        return;
    }
    QVERIFY(!config);
    QVERIFY2(error.message.contains(u"executor."_s + key + u':'), qPrintable(error.toString()));
    QCOMPARE(error.line, 6);
}

QTEST_GUILESS_MAIN(TestExecutorRules)
#include "tst_executorrules.moc"
