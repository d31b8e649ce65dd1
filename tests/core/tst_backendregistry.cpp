// The backend registry's entries (factory, profile check, settings schema) and the config and plan checks
// that ask it, with the file:line:column of what the backend objects to.
#include "agents/BackendRegistry.h"
#include "config/ConfigLoader.h"
#include "config/PlanLoader.h"

#include <QJsonArray>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

AgentProfile profile(const QString &backend, const QStringList &command = {})
{
    AgentProfile p;
    p.name = u"p"_s;
    p.backend = backend;
    p.command = command;
    return p;
}

// A backend of a later issue: its profile needs an http(s) endpoint in its settings.
BackendRegistry withLlm()
{
    BackendRegistry registry = BackendRegistry::withBuiltins();
    registry.add({u"llm"_s, nullptr,
                  [](const AgentProfile &p) -> QList<BackendRegistry::ProfileError> {
                      const QString endpoint = p.settings.value(u"endpoint"_s).toString();
                      if (endpoint.isEmpty())
                          return {{u"settings.endpoint"_s, u"backend 'llm' needs settings.endpoint"_s}};
                      if (!endpoint.startsWith(u"http"_s))
                          return {{u"settings.endpoint"_s, u"settings.endpoint: must be an http(s) URL"_s}};
                      return {};
                  },
                  QJsonObject{{u"type"_s, u"object"_s}}});
    return registry;
}

} // namespace

class TestBackendRegistry final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtins();
    void builtinSchemas();
    void addReplaces();
    void forNames();
    void configAsksTheRegistry_data();
    void configAsksTheRegistry();
    void planAsksTheRegistry();
};

void TestBackendRegistry::builtins()
{
    const BackendRegistry registry = BackendRegistry::withBuiltins();
    QCOMPARE(registry.names(), (QStringList{u"acp"_s, u"aider"_s, u"anthropic"_s, u"claude-code"_s, u"codex"_s,
                                            u"demo"_s, u"gemini"_s, u"openai"_s, u"process"_s}));
    QVERIFY(registry.create(profile(u"demo"_s)));
    QVERIFY(registry.create(profile(u"process"_s, {u"true"_s})));
    QVERIFY(!registry.create(profile(u"gpt"_s)));
    QVERIFY(!registry.contains(u"gpt"_s));
    QCOMPARE(registry.find(u"gpt"_s), nullptr);

    QCOMPARE(registry.validate(profile(u"process"_s)),
             (QList<BackendRegistry::ProfileError>{
                 {u"command"_s, u"backend 'process' needs a non-empty 'command' list"_s}}));
    QVERIFY(registry.validate(profile(u"process"_s, {u"./agent.sh"_s})).isEmpty());
    QVERIFY(registry.validate(profile(u"demo"_s)).isEmpty());
    QVERIFY(registry.validate(profile(u"gpt"_s)).isEmpty()); // unknown: the caller reports it

    // The LLM backends are known to the config check with their rules (LlmProfileRules).
    QCOMPARE(registry.validate(profile(u"openai"_s)),
             (QList<BackendRegistry::ProfileError>{{u"model"_s, u"backend 'openai' needs a 'model' (e.g. gpt-4o)"_s}}));
    AgentProfile claude = profile(u"anthropic"_s);
    claude.model = u"claude-3-5-sonnet-latest"_s;
    QVERIFY(registry.validate(claude).isEmpty());
    claude.llm.temperature = 2.5;
    QCOMPARE(registry.validate(claude), (QList<BackendRegistry::ProfileError>{
                                            {u"temperature"_s, u"temperature: must be between 0 and 2, got 2.5"_s}}));

    // The coding CLIs need no command (their default binary) and take extra args; a blank program is refused.
    for (const QString &name : {u"claude-code"_s, u"codex"_s, u"gemini"_s, u"aider"_s}) {
        QVERIFY(registry.validate(profile(name)).isEmpty());
        QVERIFY(registry.create(profile(name)));
        AgentProfile coding = profile(name, {u"/opt/bin/agent"_s, u"--fast"_s});
        coding.args = {u"--verbose"_s};
        QVERIFY(registry.validate(coding).isEmpty());
        coding.command = {u" "_s};
        coding.args = {u""_s};
        const QList<BackendRegistry::ProfileError> errors = registry.validate(coding);
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors.at(0).field, u"command"_s);
        QCOMPARE(errors.at(1).field, u"args"_s);
    }
}

void TestBackendRegistry::builtinSchemas()
{
    const BackendRegistry registry = BackendRegistry::withBuiltins();
    const auto keys = [&](const QString &name) {
        const BackendRegistry::Backend *backend = registry.find(name);
        return backend ? backend->schema.value(u"properties").toObject().keys() : QStringList();
    };
    // The settings each backend reads (DemoAgent::run, ProcessAgent::run, AcpAgent::run).
    QCOMPARE(keys(u"demo"_s), (QStringList{u"duration_ms"_s, u"fail"_s, u"steps"_s}));
    QCOMPARE(keys(u"process"_s), (QStringList{u"close_stdin"_s, u"kill_grace_ms"_s}));
    QCOMPARE(keys(u"openai"_s), QStringList()); // its keys sit in the profile, not in settings
    QCOMPARE(keys(u"anthropic"_s), QStringList());
    QCOMPARE(keys(u"acp"_s),
             (QStringList{u"cancel_grace_ms"_s, u"exit_grace_ms"_s, u"kill_grace_ms"_s, u"write_lock_timeout_ms"_s}));
    QCOMPARE(keys(u"claude-code"_s), QStringList{u"kill_grace_ms"_s});
    for (const QString &name : registry.names()) {
        const QJsonObject schema = registry.find(name)->schema;
        QCOMPARE(schema.value(u"type").toString(), u"object"_s);
        for (const QJsonValue &property : schema.value(u"properties").toObject())
            QVERIFY(!property.toObject().value(u"description").toString().isEmpty());
    }
}

void TestBackendRegistry::addReplaces()
{
    BackendRegistry registry = BackendRegistry::withBuiltins();
    int made = 0;
    registry.add(u"demo"_s, [&made](const AgentProfile &) -> std::unique_ptr<AgentBackend> {
        ++made;
        return nullptr;
    });
    QCOMPARE(registry.names(), (QStringList{u"acp"_s, u"aider"_s, u"anthropic"_s, u"claude-code"_s, u"codex"_s,
                                            u"demo"_s, u"gemini"_s, u"openai"_s, u"process"_s}));
    QVERIFY(!registry.create(profile(u"demo"_s)));
    QCOMPARE(made, 1);
    QVERIFY(registry.find(u"demo"_s)->schema.isEmpty()); // the whole entry was replaced
}

void TestBackendRegistry::forNames()
{
    QCOMPARE(BackendRegistry::forNames({}).names(), BackendRegistry::withBuiltins().names());
    const BackendRegistry registry = BackendRegistry::forNames({u"process"_s, u"llm"_s});
    QCOMPARE(registry.names(), (QStringList{u"llm"_s, u"process"_s}));
    QVERIFY(!registry.contains(u"demo"_s));
    QVERIFY(!registry.create(profile(u"llm"_s))); // a name only
    QVERIFY(registry.validate(profile(u"llm"_s)).isEmpty());
    QCOMPARE(registry.validate(profile(u"process"_s)).size(), 1); // the built-in check
    QVERIFY(registry.create(profile(u"process"_s, {u"true"_s})));
}

void TestBackendRegistry::configAsksTheRegistry_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("error"); // empty: loads

    const QByteArray head = "agents:\n  definitions:\n    - name: a\n      backend: llm\n";
    QTest::newRow("setting missing: points at the backend")
        << QByteArray(head + "      model: m\n")
        << u"c.yaml:4:16: profile 'a': backend 'llm' needs settings.endpoint"_s;
    QTest::newRow("setting wrong: points at the setting")
        << QByteArray(head + "      settings:\n        endpoint: ftp://x\n")
        << u"c.yaml:6:19: profile 'a': settings.endpoint: must be an http(s) URL"_s;
    QTest::newRow("good") << QByteArray(head + "      settings: {endpoint: 'http://127.0.0.1:8000/v1'}\n") << QString();
    QTest::newRow("built-in check still applies")
        << QByteArray("agents:\n  definitions:\n    - name: r\n      backend: process\n      command: []\n")
        << u"c.yaml:5:16: profile 'r': backend 'process' needs a non-empty 'command' list"_s;
    QTest::newRow("unknown backend names the registry's")
        << QByteArray("agents:\n  definitions:\n    - name: g\n      backend: gpt\n")
        << u"c.yaml:4:16: profile 'g': unknown backend 'gpt' (known: acp, aider, anthropic, claude-code, codex, demo, "
           u"gemini, llm, openai, "
           u"process)"_s;
}

void TestBackendRegistry::configAsksTheRegistry()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, error);
    ConfigError problem;
    const std::optional<Config> config = ConfigLoader::loadString(yaml, u"c.yaml"_s, &problem, withLlm());
    if (error.isEmpty()) {
        QVERIFY2(config, qPrintable(problem.toString()));
        QCOMPARE(config->profiles.first().backend, u"llm"_s);
    } else {
        QVERIFY(!config);
        QCOMPARE(problem.toString(), error);
    }
}

void TestBackendRegistry::planAsksTheRegistry()
{
    const QByteArray plan =
        "name: p\nagents:\n  definitions:\n    - name: a\n      backend: llm\n"
        "      settings:\n        endpoint: gopher://x\ngoals:\n  - {id: g, title: G, profile: a}\n";
    ConfigError problem;
    QVERIFY(!PlanLoader::loadString(plan, u"p.yaml"_s, ConfigLoader::defaults(), &problem, withLlm()));
    QCOMPARE(problem.toString(), u"p.yaml:7:19: profile 'a': settings.endpoint: must be an http(s) URL"_s);

    // By names only, the plan's backend is known but nothing checks its settings.
    QVERIFY2(
        PlanLoader::loadString(plan, u"p.yaml"_s, ConfigLoader::defaults(), &problem, QStringList{u"demo"_s, u"llm"_s}),
        qPrintable(problem.toString()));
}

QTEST_GUILESS_MAIN(TestBackendRegistry)
#include "tst_backendregistry.moc"
