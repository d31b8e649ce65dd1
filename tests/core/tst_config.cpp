// ConfigLoader and PlanLoader: the seed format, the embedded defaults and templates, merging, and the exact
// file:line:column message for every kind of bad input a person is likely to write.
#include "config/ConfigLoader.h"
#include "config/LlmProfileRules.h"
#include "config/PlanLoader.h"
#include "config/RunSettings.h"
#include "orchestration/Scheduler.h"
#include "support/GitRepository.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

QString configData(const QString &name)
{
    return test::dataPath(u"config/"_s + name);
}

QStringList located(const QList<ConfigError> &errors)
{
    QStringList out;
    for (const ConfigError &e : errors)
        out << u"%1:%2: %3"_s.arg(e.line).arg(e.column).arg(e.message);
    return out;
}

QStringList profileNames(const Config &config)
{
    QStringList names;
    for (const AgentProfile &p : config.profiles)
        names << p.name;
    return names;
}

QStringList goalIds(const Plan &plan)
{
    QStringList ids;
    for (const Goal &g : plan.goals)
        ids << g.id;
    return ids;
}

} // namespace

class TestConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void seedFormatLoads();
    void seedLlmProfiles();
    void llmProfileFields();
    void llmProfileErrors_data();
    void llmProfileErrors();
    void llmKeysOnOtherBackendsWarn();
    void isolationKeys();
    void codingAgentPricing();
    void failureHandlingKeys();
    void metricsAndAutoResume();
    void runSettingsRoundTrip();
    void allProfileFields();
    void customBackends();
    void defaultsLoad();
    void defaultConfigFile();

    void planFields();
    void untitledGoals();
    void defaultGoalTitle_data();
    void defaultGoalTitle();
    void mergeOverBase();
    void templateList();
    void templatesLoadCleanly_data();
    void templatesLoadCleanly();

    void configErrors_data();
    void configErrors();
    void planErrors_data();
    void planErrors();
    void warnings_data();
    void warnings();
    void missingFile();
    void errorTextNamesFileLineColumn();

private:
    Config m_base;
};

void TestConfig::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    ConfigError error;
    const std::optional<Config> base = ConfigLoader::loadFile(configData(u"base.yaml"_s), &error);
    QVERIFY2(base, qPrintable(error.toString()));
    QVERIFY(base->warnings.isEmpty());
    m_base = *base;
}

void TestConfig::metricsAndAutoResume()
{
    ConfigError error;
    std::optional<Config> config = ConfigLoader::loadString("workflow: {max_parallel: 2}\n", u"d.yaml"_s, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QVERIFY(config->workflow.autoResume);
    QCOMPARE(config->metrics.escalationRateAlert, 0.40); // the issue's defaults
    QCOMPARE(config->metrics.utilisationTarget, 0.70);

    const QByteArray yaml = "workflow:\n  auto_resume: no\nmetrics:\n  in_progress_alert_per_slot: 4\n"
                            "  avg_completion_target_min: 20\n  escalation_rate_alert_pct: 25\n"
                            "  utilisation_alert_pct: 50\nagents: {definitions: [{name: d, backend: demo}]}\n";
    config = ConfigLoader::loadString(yaml, u"m.yaml"_s, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QVERIFY(config->warnings.isEmpty());
    QVERIFY(!config->workflow.autoResume);
    QCOMPARE(config->metrics.inProgressAlertPerSlot, 4.0);
    QCOMPARE(config->metrics.inProgressTargetPerSlot, 2.0); // untouched keys keep their defaults
    QCOMPARE(config->metrics.averageCompletionTargetMinutes, 20.0);
    QCOMPARE(config->metrics.escalationRateAlert, 0.25);
    QCOMPARE(config->metrics.utilisationAlert, 0.50);

    QVERIFY(!ConfigLoader::loadString("metrics:\n  conflict_rate_alert_pct: 150\n", u"b.yaml"_s, &error));
    QCOMPARE(error.toString(), u"b.yaml:2:28: metrics.conflict_rate_alert_pct: expected a percentage between 0 and "
                               "100, got 150"_s);
    config = ConfigLoader::loadString("metrics:\n  escalation_rate_pct: 10\n", u"w.yaml"_s, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QStringList warnings;
    for (const ConfigError &warning : config->warnings)
        warnings << warning.toString();
    QVERIFY2(warnings.filter(u"w.yaml:2:3:"_s).size() == 1, qPrintable(warnings.join(u'\n')));
}

void TestConfig::runSettingsRoundTrip()
{
    // What a run stores is enough to rebuild its effective config, plan sections included.
    ConfigError error;
    const std::optional<Plan> plan = PlanLoader::loadString(
        "name: p\nworkflow: {max_parallel: 7}\nagents:\n  definitions:\n    - {name: extra, backend: demo}\n"
        "goals: [{id: a, title: A, profile: extra}]\n",
        u"/plans/p.yaml"_s, m_base, &error);
    QVERIFY2(plan, qPrintable(error.toString()));
    RunSettings settings = RunSettings::fromPlan(*plan);
    settings.workspace = u"/srv/ws"_s;
    settings.maxParallel = 5;
    const RunSettings back = RunSettings::fromJson(settings.toJson());
    QCOMPARE(back.planFile, u"/plans/p.yaml"_s);
    QCOMPARE(back.configFile, m_base.file);
    QCOMPARE(back.workspace, u"/srv/ws"_s);
    QCOMPARE(back.maxParallel, 5);
    const std::optional<Config> effective = back.effectiveConfig(&error);
    QVERIFY2(effective, qPrintable(error.toString()));
    QCOMPARE(effective->workflow.maxParallel, 7);
    QCOMPARE(profileNames(*effective), profileNames(plan->config));

    // Stored text that no longer loads says where, with the original file name.
    RunSettings broken = back;
    broken.planText = "goals: [{id: a, title: A, profile: nobody}]\n";
    QVERIFY(!broken.effectiveConfig(&error));
    QVERIFY2(error.toString().startsWith(u"/plans/p.yaml:1:"_s), qPrintable(error.toString()));
}

void TestConfig::seedFormatLoads()
{
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadFile(configData(u"seed.yaml"_s), &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QCOMPARE(located(config->warnings), QStringList());
    QCOMPARE(config->file, configData(u"seed.yaml"_s));
    QCOMPARE(config->workflow.maxParallel, 3);
    QCOMPARE(config->workflow.maxIterations, 10);
    QCOMPARE(profileNames(*config), QStringList({u"coder"_s, u"writer"_s}));

    const AgentProfile *coder = config->profile(u"coder"_s);
    QVERIFY(coder);
    QCOMPARE(coder->model, u"claude-sonnet"_s);
    QCOMPARE(coder->capabilities, QStringList({u"code"_s, u"test"_s}));
    QCOMPARE(coder->backend, u"process"_s);
    QCOMPARE(coder->command, QStringList({u"python3"_s, u"agents/coder.py"_s, u"{goal.id}"_s}));
    QCOMPARE(coder->maxConcurrent, 2);

    const AgentProfile *writer = config->profile(u"writer"_s);
    QVERIFY(writer);
    QCOMPARE(writer->backend, u"demo"_s);
    QCOMPARE(writer->command, QStringList());
    QCOMPARE(writer->maxConcurrent, 0);
}

// The seed format of issue 13: a profile with a model and no backend is an LLM profile (claude-* on anthropic,
// anything else on openai), never the demo; goals with only id and description load.
void TestConfig::seedLlmProfiles()
{
    const QString path = configData(u"seed_llm.yaml"_s);
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadString(
        "agents: {definitions: [{name: coder, model: gpt-4}, {name: plain}]}\n", u"c.yaml"_s, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QCOMPARE(config->profile(u"coder"_s)->backend, u"openai"_s);
    QCOMPARE(config->profile(u"plain"_s)->backend, u"demo"_s); // neither model nor backend: the offline demo

    const std::optional<Plan> plan = PlanLoader::loadFile(path, Config(), &error);
    QVERIFY2(plan, qPrintable(error.toString()));
    QCOMPARE(located(plan->warnings), QStringList());
    QCOMPARE(goalIds(*plan), QStringList({u"api"_s, u"tests"_s, u"review"_s}));
    QCOMPARE(plan->goals.at(0).title, u"Build a REST API for the inventory"_s);

    const AgentProfile *coder = plan->config.profile(u"coder"_s);
    QVERIFY(coder);
    QVERIFY(!coder->isDemo());
    QCOMPARE(coder->backend, u"openai"_s);
    QCOMPARE(coder->model, u"gpt-4"_s);
    QCOMPARE(coder->capabilities, QStringList({u"code"_s, u"test"_s}));
    QCOMPARE(LlmProfileRules::keyVariable(*coder), u"OPENAI_API_KEY"_s);
    QVERIFY(coder->llm.baseUrl.isEmpty()); // OPENAI_BASE_URL, read when the agent starts

    const AgentProfile *reviewer = plan->config.profile(u"reviewer"_s);
    QVERIFY(reviewer);
    QCOMPARE(reviewer->backend, u"anthropic"_s);
    QCOMPARE(LlmProfileRules::keyVariable(*reviewer), u"ANTHROPIC_API_KEY"_s);

    // No demo profile to fall back on: every goal lands on an LLM profile.
    for (const AgentProfile &p : plan->config.profiles)
        QVERIFY2(!p.isDemo(), qPrintable(p.name));
}

void TestConfig::llmProfileFields()
{
    const QByteArray yaml = "agents:\n"
                            "  definitions:\n"
                            "    - name: local\n"
                            "      backend: openai\n"
                            "      model: llama3.2\n"
                            "      base_url: http://127.0.0.1:11434/v1\n"
                            "      api_key_env: MY_KEY\n"
                            "      temperature: 0.2\n"
                            "      max_tokens: 2048\n"
                            "      pricing: {input_per_mtok: 2.5, output_per_mtok: 10}\n"
                            "      headers: {HTTP-Referer: 'https://example.org', X-Title: Switchboard}\n"
                            "      max_iterations: 12\n"
                            "      stream: false\n"
                            "      connect_timeout_s: 5\n"
                            "      stream_idle_timeout_s: 7\n"
                            "      run_command: {allow: [make, pytest], timeout_s: 60}\n"
                            "    - name: defaults\n"
                            "      backend: anthropic\n"
                            "      model: claude-3-5-haiku-latest\n";
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadString(yaml, u"c.yaml"_s, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QCOMPARE(located(config->warnings), QStringList());
    const ModelSettings &llm = config->profile(u"local"_s)->llm;
    QCOMPARE(llm.baseUrl, u"http://127.0.0.1:11434/v1"_s);
    QCOMPARE(llm.apiKeyEnv, u"MY_KEY"_s);
    QCOMPARE(llm.temperature, std::optional<double>(0.2));
    QCOMPARE(llm.maxTokens, 2048);
    QCOMPARE(llm.inputPerMTok, 2.5);
    QCOMPARE(llm.outputPerMTok, 10.0);
    QCOMPARE(llm.headers, (QList<QPair<QString, QString>>{{u"HTTP-Referer"_s, u"https://example.org"_s},
                                                          {u"X-Title"_s, u"Switchboard"_s}}));
    QCOMPARE(llm.maxIterations, 12);
    QCOMPARE(llm.stream, false);
    QCOMPARE(llm.connectTimeoutS, 5);
    QCOMPARE(llm.idleTimeoutS, 7);
    QCOMPARE(llm.runCommandAllow, QStringList({u"make"_s, u"pytest"_s}));
    QCOMPARE(llm.runCommandTimeoutS, 60);
    QCOMPARE(llm.costUsd(1'000'000, 500'000), 7.5);

    // Absent keys keep ModelSettings' defaults.
    QCOMPARE(config->profile(u"defaults"_s)->llm, ModelSettings());
}

void TestConfig::llmProfileErrors_data()
{
    QTest::addColumn<QByteArray>("profile"); // the lines after "- name: p" and "  backend: openai"
    QTest::addColumn<QString>("error");

    const QString p = u"c.yaml:%1: profile 'p': "_s;
    QTest::newRow("temperature out of range") << QByteArray("      model: m\n      temperature: 2.5\n")
                                              << p.arg(u"6:20"_s) + u"temperature: must be between 0 and 2, got 2.5"_s;
    QTest::newRow("temperature not a number") << QByteArray("      model: m\n      temperature: warm\n")
                                              << p.arg(u"6:20"_s) + u"temperature: expected a number, got 'warm'"_s;
    QTest::newRow("negative max_tokens") << QByteArray("      model: m\n      max_tokens: -1\n")
                                         << p.arg(u"6:19"_s) + u"max_tokens: must be at least 0, got -1"_s;
    QTest::newRow("base_url not http") << QByteArray("      model: m\n      base_url: ftp://host/v1\n")
                                       << p.arg(u"6:17"_s) +
                                              u"base_url: must be an http(s) URL (e.g. http://127.0.0.1:11434/v1), "
                                              u"got 'ftp://host/v1'"_s;
    QTest::newRow("negative price") << QByteArray("      model: m\n      pricing:\n        input_per_mtok: -3\n")
                                    << p.arg(u"7:25"_s) + u"pricing.input_per_mtok: must be at least 0, got -3"_s;
    QTest::newRow("price not a number") << QByteArray("      model: m\n      pricing: {output_per_mtok: cheap}\n")
                                        << p.arg(u"6:34"_s) +
                                               u"pricing.output_per_mtok: expected a number, got 'cheap'"_s;
    QTest::newRow("max_iterations 0") << QByteArray("      model: m\n      max_iterations: 0\n")
                                      << p.arg(u"6:23"_s) + u"max_iterations: must be at least 1, got 0"_s;
    QTest::newRow("stream not a boolean") << QByteArray("      model: m\n      stream: maybe\n")
                                          << p.arg(u"6:15"_s) + u"stream: expected true or false, got 'maybe'"_s;
    QTest::newRow("connect timeout 0") << QByteArray("      model: m\n      connect_timeout_s: 0\n")
                                       << p.arg(u"6:26"_s) + u"connect_timeout_s: must be at least 1, got 0"_s;
    QTest::newRow("headers not a mapping") << QByteArray("      model: m\n      headers: [a]\n")
                                           << p.arg(u"6:16"_s) + u"headers: expected a mapping, got a list"_s;
    QTest::newRow("credential header")
        << QByteArray("      model: m\n      headers: {Authorization: Bearer sk-live-123456789}\n")
        << p.arg(u"6:17"_s) +
               u"headers.Authorization: a credential may not be written in a config file; put the key in an "
               u"environment variable and name it with api_key_env"_s;
    QTest::newRow("run_command timeout") << QByteArray(
                                                "      model: m\n      run_command: {allow: [make], timeout_s: 0}\n")
                                         << p.arg(u"6:47"_s) + u"run_command.timeout_s: must be at least 1, got 0"_s;
    QTest::newRow("literal api_key refused")
        << QByteArray("      model: m\n      api_key: sk-live-123456789\n")
        << p.arg(u"6:7"_s) +
               u"api_key: a key never goes into a config file; put it in an environment variable and name that "
               u"variable with api_key_env (e.g. api_key_env: OPENAI_API_KEY)"_s;
    QTest::newRow("a key in api_key_env")
        << QByteArray("      model: m\n      api_key_env: sk-live-123456789\n")
        << p.arg(u"6:20"_s) +
               u"api_key_env: expected the NAME of an environment variable (letters, digits, _), not a key"_s;
    QTest::newRow("no model") << QByteArray("      max_tokens: 10\n")
                              << p.arg(u"4:16"_s) + u"backend 'openai' needs a 'model' (e.g. gpt-4o)"_s;
}

void TestConfig::llmProfileErrors()
{
    QFETCH(QByteArray, profile);
    QFETCH(QString, error);
    const QByteArray yaml = "agents:\n  definitions:\n    - name: p\n      backend: openai\n" + profile;
    ConfigError problem;
    QVERIFY(!ConfigLoader::loadString(yaml, u"c.yaml"_s, &problem));
    QCOMPARE(problem.toString(), error);
    QVERIFY2(!problem.message.contains(u"sk-live"_s), qPrintable(problem.message)); // never echo a key
}

void TestConfig::llmKeysOnOtherBackendsWarn()
{
    const QByteArray yaml = "agents:\n"
                            "  definitions:\n"
                            "    - name: r\n"
                            "      backend: process\n"
                            "      command: [./agent.sh]\n"
                            "      base_url: http://127.0.0.1:8080/v1\n";
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadString(yaml, u"c.yaml"_s, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QCOMPARE(located(config->warnings),
             QStringList{u"6:7: profile 'r': 'base_url' is read by the openai and anthropic backends only; ignored "
                         u"for backend 'process'"_s});
    // A literal key is refused whatever the backend.
    QVERIFY(!ConfigLoader::loadString(yaml + "      api_key: sk-live-123456789\n", u"c.yaml"_s, &error));
    QVERIFY(error.message.contains(u"api_key_env"_s));
    QVERIFY(!error.message.contains(u"sk-live"_s));
}

void TestConfig::isolationKeys()
{
    // `repo` must be a git repository (checked at load): a real one, made here.
    const test::GitRepository repo;
    QVERIFY(repo.isValid());
    const QString repoPath = QDir::cleanPath(repo.path());
    const QByteArray yaml = "agents:\n"
                            "  definitions:\n"
                            "    - name: r\n"
                            "      backend: process\n"
                            "      command: [./agent.sh]\n"
                            "      isolation: worktree\n"
                            "      repo: " +
                            repoPath.toUtf8() +
                            "\n"
                            "      base_branch: main\n"
                            "      setup: [cp, ../.env, .env]\n"
                            "      args: [--fast]\n";
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadString(yaml, u"c.yaml"_s, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    const AgentProfile *profile = config->profile(u"r"_s);
    QVERIFY(profile);
    QCOMPARE(profile->isolation.effectiveMode(), IsolationMode::Worktree);
    QCOMPARE(profile->isolation.repo, repoPath);
    QCOMPARE(profile->isolation.baseBranch, u"main"_s);
    QCOMPARE(profile->isolation.setup, (QStringList{u"cp"_s, u"../.env"_s, u".env"_s}));
    QCOMPARE(profile->args, QStringList{u"--fast"_s});
    // `args` means something only to the coding-agent backends.
    QCOMPARE(located(config->warnings),
             QStringList{u"10:7: profile 'r': 'args' is read by the coding-agent backends only; ignored for backend "
                         u"'process'"_s});

    // A goal's settings win field by field over its profile's.
    IsolationSettings goal;
    goal.baseBranch = u"release"_s;
    const IsolationSettings merged = goal.over(profile->isolation);
    QCOMPARE(merged.baseBranch, u"release"_s);
    QCOMPARE(merged.repo, repoPath);
    QCOMPARE(merged.effectiveMode(), IsolationMode::Worktree);

    QVERIFY(!ConfigLoader::loadString(QByteArray(yaml).replace("isolation: worktree", "isolation: sandbox"),
                                      u"c.yaml"_s, &error));
    QCOMPARE(error.toString(),
             u"c.yaml:6:18: profile 'r': isolation: expected 'shared' or 'worktree', got 'sandbox'"_s);
    QVERIFY(!ConfigLoader::loadString(QByteArray(yaml).replace("setup: [cp, ../.env, .env]", "setup: cp .env"),
                                      u"c.yaml"_s, &error));
    QVERIFY2(error.toString().startsWith(u"c.yaml:9:14: profile 'r': setup: expected a list of strings"_s),
             qPrintable(error.toString()));
    QVERIFY(!ConfigLoader::loadString(QByteArray(yaml).replace(repoPath.toUtf8(), "/nonexistent/app"), u"c.yaml"_s,
                                      &error));
    QVERIFY2(error.toString().startsWith(u"c.yaml:7:13: profile 'r': repo: /nonexistent/app is not a directory"_s),
             qPrintable(error.toString()));
}

void TestConfig::codingAgentPricing()
{
    // Codex, Gemini CLI and most ACP agents report tokens only: their profiles take prices; Claude Code and
    // aider report their own cost, so a price there is ignored with a warning.
    for (const char *backend : {"codex", "gemini", "acp", "claude-code"}) {
        const QByteArray yaml = QByteArray("agents:\n  definitions:\n    - name: c\n      backend: ") + backend +
                                "\n      command: [agent]\n      pricing: {input_per_mtok: 2, output_per_mtok: 8}\n";
        ConfigError error;
        const std::optional<Config> config = ConfigLoader::loadString(yaml, u"c.yaml"_s, &error);
        QVERIFY2(config, qPrintable(error.toString()));
        const bool priced = qstrcmp(backend, "claude-code") != 0;
        QCOMPARE(config->profile(u"c"_s)->llm.costUsd(1'000'000, 1'000'000), priced ? 10.0 : 0.0);
        QCOMPARE(config->warnings.isEmpty(), priced);
    }
}

void TestConfig::allProfileFields()
{
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadFile(configData(u"full_config.yaml"_s), &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QCOMPARE(located(config->warnings), QStringList());
    QCOMPARE(config->workflow.maxParallel, 6);
    QCOMPARE(config->workflow.maxIterations, 2);
    QCOMPARE(config->workflow.workspace, u"/srv/work"_s);

    const AgentProfile *runner = config->profile(u"runner"_s);
    QVERIFY(runner);
    QCOMPARE(runner->command, QStringList({u"./agent.sh"_s, u"--fast"_s}));
    QCOMPARE(runner->timeoutS, 90);
    QCOMPARE(runner->workingDirectory, u"/srv/agents"_s);
    QVERIFY(runner->settings.isEmpty());

    const AgentProfile *demo = config->profile(u"demo"_s);
    QVERIFY(demo);
    QCOMPARE(demo->backend, u"demo"_s);                   // the default
    QCOMPARE(demo->capabilities, QStringList{u"docs"_s}); // a single string is a one-item list
    const QVariantMap &s = demo->settings;
    QCOMPARE(s.value(u"duration_ms"_s).typeId(), QMetaType::Int);
    QCOMPARE(s.value(u"duration_ms"_s).toInt(), 1500);
    QCOMPARE(s.value(u"steps"_s).toStringList(), QStringList({u"Plan"_s, u"Write"_s, u"Check"_s}));
    QCOMPARE(s.value(u"fail"_s).typeId(), QMetaType::Bool);
    QCOMPARE(s.value(u"fail"_s).toBool(), false);
    QCOMPARE(s.value(u"retry"_s).typeId(), QMetaType::Bool); // "no" must not read as a true string
    QCOMPARE(s.value(u"retry"_s).toBool(), false);
    QCOMPARE(s.value(u"label"_s).typeId(), QMetaType::QString); // quoted stays text
    QCOMPARE(s.value(u"label"_s).toString(), u"007"_s);
    QCOMPARE(s.value(u"ratio"_s).typeId(), QMetaType::Double);
    QCOMPARE(s.value(u"ratio"_s).toDouble(), 0.25);
    QCOMPARE(s.value(u"note"_s).toString(), u"hello world"_s);
    QVERIFY(s.contains(u"nothing"_s));
    QVERIFY(!s.value(u"nothing"_s).isValid());
    QCOMPARE(s.value(u"nested"_s).toMap().value(u"a"_s).toInt(), 1);
}

void TestConfig::customBackends()
{
    const QByteArray yaml = "agents:\n  definitions:\n    - name: a\n      backend: llm\n    - name: b\n";
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadString(yaml, u"c.yaml"_s, &error, {u"llm"_s});
    QVERIFY(!config);
    // b has no backend, so it gets "demo", which this registry does not have.
    QCOMPARE(error.toString(), u"c.yaml:5:7: profile 'b': unknown backend 'demo' (known: llm)"_s);

    const std::optional<Config> ok =
        ConfigLoader::loadString(yaml.left(yaml.indexOf("    - name: b")), u"c.yaml"_s, &error, {u"llm"_s});
    QVERIFY2(ok, qPrintable(error.toString()));
    QCOMPARE(ok->profiles.at(0).backend, u"llm"_s);
}

void TestConfig::defaultsLoad()
{
    const QByteArray text = ConfigLoader::defaultConfigText();
    QVERIFY(!text.isEmpty());
    QVERIFY(text.contains("offline demo"));

    // Loaded directly, the embedded file has no warnings.
    ConfigError error;
    const std::optional<Config> direct = ConfigLoader::loadString(text, u"switchboard.yaml"_s, &error);
    QVERIFY2(direct, qPrintable(error.toString()));
    QCOMPARE(located(direct->warnings), QStringList());

    const Config config = ConfigLoader::defaults();
    QCOMPARE(located(config.warnings), QStringList());
    QVERIFY(config.file.isEmpty());
    QCOMPARE(config.workflow.maxParallel, 4);
    QCOMPARE(profileNames(config), QStringList{u"demo"_s});
    const AgentProfile &demo = config.profiles.first();
    QCOMPARE(demo.backend, u"demo"_s);
    QCOMPARE(demo.maxConcurrent, 0);
    for (const QString &cap : {u"code"_s, u"test"_s, u"docs"_s, u"design"_s, u"review"_s, u"research"_s, u"frontend"_s,
                               u"backend"_s, u"devops"_s, u"data"_s})
        QVERIFY2(demo.capabilities.contains(cap), qPrintable(cap));
}

void TestConfig::defaultConfigFile()
{
    QCOMPARE(ConfigLoader::defaultConfigPath(),
             QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                 u"/switchboard/switchboard.yaml"_s);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"nested/deeper/switchboard.yaml"_s);
    QString error;
    QVERIFY2(ConfigLoader::writeDefaultIfMissing(path, &error), qPrintable(error));
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), ConfigLoader::defaultConfigText());
    written.close();

    // An existing file is the user's: never overwritten.
    QVERIFY(written.open(QIODevice::WriteOnly | QIODevice::Truncate));
    written.write("workflow: {max_parallel: 9}\n");
    written.close();
    QVERIFY(ConfigLoader::writeDefaultIfMissing(path, &error));
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), QByteArray("workflow: {max_parallel: 9}\n"));
    written.close();

    // A directory that cannot be created is reported, not ignored.
    const QString blocker = test::writeFile(dir.path(), u"file"_s, "x");
    QVERIFY(!ConfigLoader::writeDefaultIfMissing(blocker + u"/sub/switchboard.yaml"_s, &error));
    QVERIFY2(error.startsWith(u"cannot create the directory "_s), qPrintable(error));
}

void TestConfig::planFields()
{
    ConfigError error;
    const std::optional<Plan> plan = PlanLoader::loadFile(configData(u"plan_full.yaml"_s), m_base, &error);
    QVERIFY2(plan, qPrintable(error.toString()));
    QCOMPARE(located(plan->warnings), QStringList());
    QCOMPARE(plan->name, u"Release 2.0"_s);
    QCOMPARE(plan->description, u"Everything a goal can say."_s);
    QCOMPARE(goalIds(*plan), QStringList({u"design"_s, u"build"_s, u"verify"_s}));

    const Goal &design = plan->goals.at(0);
    QCOMPARE(design.title, u"Design the feature"_s);
    QCOMPARE(design.description, u"Write the design doc."_s);
    QCOMPARE(design.priority, Priority::Critical);
    QCOMPARE(design.capabilities, QStringList{u"docs"_s});
    QCOMPARE(design.resources, QStringList{u"docs/design.md"_s});
    QCOMPARE(design.successCriteria, QStringList{u"reviewed by two people"_s});
    QCOMPARE(design.deadline, QDateTime(QDate(2030, 6, 30), QTime(17, 0), Qt::UTC));
    QVERIFY(design.dependsOn.isEmpty());
    QVERIFY(design.profile.isEmpty());

    const Goal &build = plan->goals.at(1);
    QCOMPARE(build.dependsOn, QStringList{u"design"_s}); // a single string
    QCOMPARE(build.profile, u"demo"_s);
    QCOMPARE(build.priority, Priority::Low);
    QCOMPARE(build.resources, QStringList({u"src/"_s, u"tests/"_s}));
    QCOMPARE(build.successCriteria, QStringList{u"compiles"_s});
    QVERIFY(!build.deadline.isValid());

    const Goal &verify = plan->goals.at(2);
    QCOMPARE(verify.dependsOn, QStringList({u"design"_s, u"build"_s}));
    QCOMPARE(verify.priority, Priority::Medium);
    QCOMPARE(verify.deadline.date(), QDate(2030, 7, 1));

    // A plan without its own sections carries the base config unchanged.
    QCOMPARE(plan->config.workflow.maxParallel, m_base.workflow.maxParallel);
    QCOMPARE(profileNames(plan->config), profileNames(m_base));

    // What the loader accepted, the scheduler accepts too.
    Scheduler scheduler;
    scheduler.setProfiles(plan->config.profiles);
    QCOMPARE(scheduler.validate(plan->goals), QStringList());
}

// The seed's tasks have only id and description: such a plan loads, and every goal still has a title.
void TestConfig::untitledGoals()
{
    const QByteArray yaml = "goals:\n"
                            "  - id: schema\n"
                            "    description: Design the database schema\n"
                            "  - id: handlers\n"
                            "    description: \"\\n  Write the REST handlers.  \\nThen their tests.\"\n"
                            "    depends_on: [schema]\n"
                            "  - id: docs\n"
                            "  - id: blank\n"
                            "    title: '   '\n"
                            "    description: '  Trim me  '\n"
                            "  - id: titled\n"
                            "    title: ' Kept as given '\n"
                            "    description: Not the title\n";
    ConfigError error;
    const std::optional<Plan> plan = PlanLoader::loadString(yaml, u"seed.yaml"_s, m_base, &error);
    QVERIFY2(plan, qPrintable(error.toString()));
    QCOMPARE(located(plan->warnings), QStringList());
    QStringList titles;
    for (const Goal &goal : plan->goals)
        titles << goal.title;
    QCOMPARE(titles, QStringList({u"Design the database schema"_s, u"Write the REST handlers."_s, u"docs"_s,
                                  u"Trim me"_s, u"Kept as given"_s}));
    QCOMPARE(plan->goals.at(1).description, u"\n  Write the REST handlers.  \nThen their tests."_s);
}

void TestConfig::defaultGoalTitle_data()
{
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("expected");
    const QString eighty = QString(80, u'x');
    QTest::newRow("first line") << u"Fix the build\nIt fails on arm64."_s << u"g"_s << u"Fix the build"_s;
    QTest::newRow("first non-empty line, trimmed") << u"\n \r\n\t Fix it \r\nmore"_s << u"g"_s << u"Fix it"_s;
    QTest::newRow("no description") << QString() << u"api"_s << u"api"_s;
    QTest::newRow("blank description") << u" \n\t\n"_s << u"api"_s << u"api"_s;
    QTest::newRow("exactly the cap") << eighty << u"g"_s << eighty;
    QTest::newRow("longer: cut with an ellipsis") << eighty + u"y"_s << u"g"_s << QString(79, u'x') + u"\u2026"_s;
    QTest::newRow("no space before the ellipsis")
        << QString(78, u'x') + u" yyyyy"_s << u"g"_s << QString(78, u'x') + u"\u2026"_s;
    QTest::newRow("a character is never split")
        << QString(78, u'x') + u"\U0001F600\U0001F600"_s << u"g"_s << QString(78, u'x') + u"\u2026"_s;
}

void TestConfig::defaultGoalTitle()
{
    QFETCH(QString, description);
    QFETCH(QString, id);
    QFETCH(QString, expected);
    const QString title = Goal::defaultTitle(description, id);
    QCOMPARE(title, expected);
    QVERIFY(title.size() <= Goal::DefaultTitleLength);
}

void TestConfig::mergeOverBase()
{
    ConfigError error;
    const std::optional<Plan> plan = PlanLoader::loadFile(configData(u"plan_merge.yaml"_s), m_base, &error);
    QVERIFY2(plan, qPrintable(error.toString()));
    QCOMPARE(located(plan->warnings), QStringList());
    QCOMPARE(plan->name, u"merge"_s);

    // Workflow keys override one by one.
    QCOMPARE(plan->config.workflow.maxParallel, 5);
    QCOMPARE(plan->config.workflow.maxIterations, 3);
    QCOMPARE(plan->config.workflow.workspace, u"/tmp/work"_s);

    // Same name replaces in place, new names are appended.
    QCOMPARE(profileNames(plan->config), QStringList({u"demo"_s, u"tester"_s, u"writer"_s}));
    const AgentProfile *tester = plan->config.profile(u"tester"_s);
    QCOMPARE(tester->capabilities, QStringList({u"test"_s, u"security"_s}));
    QCOMPARE(tester->maxConcurrent, 3);
    QCOMPARE(plan->config.profile(u"writer"_s)->capabilities, QStringList{u"docs"_s});
    QCOMPARE(plan->config.profile(u"demo"_s)->capabilities, QStringList({u"code"_s, u"docs"_s}));

    // The base itself is not touched.
    QCOMPARE(m_base.workflow.maxParallel, 2);
    QCOMPARE(m_base.profile(u"tester"_s)->capabilities, QStringList({u"test"_s, u"review"_s}));

    // The goal needs "security", which only the plan's tester has: checked against the merged config.
    QCOMPARE(goalIds(*plan), QStringList{u"audit"_s});
    QVERIFY(!PlanLoader::loadString("goals:\n  - {id: audit, title: Audit, capabilities: [security]}\n", u"p.yaml"_s,
                                    m_base, &error));
    QCOMPARE(error.toString(), u"p.yaml:2:46: goal 'audit': no profile has the capabilities: security"_s);

    // Without a name, the plan is named after its file.
    const std::optional<Plan> unnamed =
        PlanLoader::loadString("goals: [{id: a, title: A}]\n", u"/plans/nightly-build.yaml"_s, m_base, &error);
    QVERIFY2(unnamed, qPrintable(error.toString()));
    QCOMPARE(unnamed->name, u"nightly-build"_s);
}

void TestConfig::templateList()
{
    QCOMPARE(PlanLoader::templates(),
             QStringList({u":/plans/api.yaml"_s, u":/plans/frontend.yaml"_s, u":/plans/full_stack.yaml"_s,
                          u":/plans/microservice.yaml"_s, u":/plans/team-patterns.yaml"_s}));
}

void TestConfig::templatesLoadCleanly_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("minimumGoals");
    QTest::addColumn<int>("minimumPhases");
    QTest::newRow("api") << u":/plans/api.yaml"_s << 6 << 4;
    QTest::newRow("frontend") << u":/plans/frontend.yaml"_s << 6 << 4;
    QTest::newRow("full_stack") << u":/plans/full_stack.yaml"_s << 7 << 5;
    QTest::newRow("microservice") << u":/plans/microservice.yaml"_s << 8 << 5;
    QTest::newRow("team-patterns") << u":/plans/team-patterns.yaml"_s << 4 << 3;
}

void TestConfig::templatesLoadCleanly()
{
    QFETCH(QString, path);
    QFETCH(int, minimumGoals);
    QFETCH(int, minimumPhases);

    // Against the defaults and against a config with no profiles at all: templates bring their own.
    for (const Config &base : {ConfigLoader::defaults(), Config()}) {
        ConfigError error;
        const std::optional<Plan> plan = PlanLoader::loadFile(path, base, &error);
        QVERIFY2(plan, qPrintable(error.toString()));
        QCOMPARE(located(plan->warnings), QStringList());
        QVERIFY(!plan->name.isEmpty());
        QVERIFY(!plan->description.isEmpty());
        QVERIFY2(plan->goals.size() >= minimumGoals, qPrintable(QString::number(plan->goals.size())));
        QVERIFY(Scheduler::phases(plan->goals).size() >= minimumPhases);

        QHash<QString, qint64> finish; // earliest finish per goal, from each profile's demo duration
        qint64 longest = 0;
        for (const Goal &goal : plan->goals) {
            QVERIFY2(!goal.description.isEmpty(), qPrintable(goal.id));
            QVERIFY2(!goal.successCriteria.isEmpty(), qPrintable(goal.id));
            QVERIFY2(!goal.resources.isEmpty(), qPrintable(goal.id));
            // A team goal runs on its members' profiles (issue 16); every other goal names its own.
            const QStringList profiles = goal.team ? goal.team->memberProfiles() : QStringList{goal.profile};
            QHash<QString, int> durations;
            for (const QString &name : profiles) {
                QVERIFY2(!name.isEmpty(), qPrintable(goal.id));
                const AgentProfile *profile = plan->config.profile(name);
                QVERIFY(profile);
                QCOMPARE(profile->backend, u"demo"_s);
                const int duration = profile->settings.value(u"duration_ms"_s).toInt();
                QVERIFY2(duration >= 3000 && duration <= 8000, qPrintable(name));
                QVERIFY(!profile->settings.value(u"steps"_s).toStringList().isEmpty());
                durations.insert(name, duration);
            }
            const auto longestOf = [&durations](const QStringList &names) {
                int most = 0;
                for (const QString &name : names)
                    most = std::max(most, durations.value(name));
                return most;
            };
            int duration = durations.value(goal.profile);
            if (goal.team) {
                // Upper bounds: members of a round or an iteration may run one after another.
                const TeamPattern &team = *goal.team;
                if (team.kind == TeamKind::Parallel) {
                    duration = longestOf(team.profiles);
                } else if (team.kind == TeamKind::Debate) {
                    duration = durations.value(team.judge);
                    for (const QString &name : team.profiles)
                        duration += team.rounds * durations.value(name);
                } else {
                    duration = (team.maxIterations + 1) * durations.value(team.planner) +
                               team.maxIterations * longestOf(team.workers);
                }
            }
            qint64 start = 0;
            for (const QString &dep : goal.dependsOn)
                start = std::max(start, finish.value(dep)); // goals are listed after their dependencies
            finish.insert(goal.id, start + duration);
            longest = std::max(longest, start + duration);
        }
        QVERIFY2(longest <= 40000, qPrintable(QString::number(longest)));

        Scheduler scheduler;
        scheduler.setProfiles(plan->config.profiles);
        QCOMPARE(scheduler.validate(plan->goals), QStringList());
    }
}

void TestConfig::configErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("syntax error") << u"config_syntax.yaml"_s << 3 << 18 << u"syntax error: illegal map value"_s;
    QTest::newRow("wrong type") << u"config_wrong_type.yaml"_s << 3 << 17
                                << u"workflow.max_parallel: expected an integer, got 'abc'"_s;
    QTest::newRow("max_parallel 0") << u"config_max_parallel_zero.yaml"_s << 3 << 17
                                    << u"workflow.max_parallel: must be at least 1, got 0"_s;
    QTest::newRow("negative max_concurrent") << u"config_negative_max_concurrent.yaml"_s << 4 << 23
                                             << u"profile 'demo': max_concurrent: must be at least 0, got -1"_s;
    QTest::newRow("unknown backend")
        << u"config_unknown_backend.yaml"_s << 5 << 16
        << u"profile 'coder': unknown backend 'gpt' (known: acp, aider, anthropic, claude-code, codex, demo, gemini, openai, process)"_s;
    QTest::newRow("process without command")
        << u"config_process_without_command.yaml"_s << 4 << 16
        << u"profile 'runner': backend 'process' needs a non-empty 'command' list"_s;
    QTest::newRow("process with empty command")
        << u"config_process_empty_command.yaml"_s << 5 << 16
        << u"profile 'runner': backend 'process' needs a non-empty 'command' list"_s;
    QTest::newRow("command not a list") << u"config_command_not_list.yaml"_s << 5 << 16
                                        << u"profile 'runner': command: expected a list of strings, got "
                                           u"'./agent.sh --fast'"_s;
    QTest::newRow("duplicate profile") << u"config_duplicate_profile.yaml"_s << 5 << 13
                                       << u"duplicate profile name 'demo' (first defined at line 3, column 13)"_s;
    QTest::newRow("missing profile name")
        << u"config_missing_name.yaml"_s << 4 << 7 << u"agents.definitions[1]: missing required key 'name'"_s;
    QTest::newRow("definitions not a list")
        << u"config_definitions_not_list.yaml"_s << 3 << 5 << u"agents.definitions: expected a list, got a mapping"_s;
    QTest::newRow("duplicate key") << u"config_duplicate_key.yaml"_s << 3 << 3
                                   << u"workflow: duplicate key 'max_parallel' (first at line 2, column 3)"_s;
    QTest::newRow("top level list") << u"config_top_level_list.yaml"_s << 1 << 1
                                    << u"expected a mapping at the top level, got a list"_s;
    QTest::newRow("empty file") << u"config_empty.yaml"_s << 0 << 0
                                << u"the file is empty; expected 'workflow' and 'agents' sections"_s;
}

void TestConfig::configErrors()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    const QString path = configData(file);
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadFile(path, &error);
    QVERIFY(!config);
    QCOMPARE(error.message, message);
    QCOMPARE(error.file, path);
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
}

void TestConfig::planErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("syntax error") << u"plan_syntax.yaml"_s << 5 << 2 << u"syntax error: end of map not found"_s;
    QTest::newRow("missing id") << u"plan_missing_id.yaml"_s << 5 << 5 << u"goals[1]: missing required key 'id'"_s;
    QTest::newRow("duplicate id") << u"plan_duplicate_id.yaml"_s << 6 << 9
                                  << u"duplicate goal id 'a' (first defined at line 2, column 9)"_s;
    QTest::newRow("unknown dependency") << u"plan_unknown_dependency.yaml"_s << 6 << 26
                                        << u"goal 'build': unknown dependency 'deploy'"_s;
    QTest::newRow("unknown dependency, typo")
        << u"plan_unknown_dependency_suggest.yaml"_s << 6 << 17
        << u"goal 'build': unknown dependency 'desing' (did you mean 'design'?)"_s;
    QTest::newRow("cycle") << u"plan_cycle.yaml"_s << 5 << 5 << u"cycle: a -> c -> b -> a"_s;
    QTest::newRow("self dependency") << u"plan_self_dependency.yaml"_s << 2 << 5 << u"cycle: loop -> loop"_s;
    QTest::newRow("unknown profile") << u"plan_unknown_profile.yaml"_s << 4 << 14
                                     << u"goal 'api': unknown profile 'coder' (known: demo, tester)"_s;
    QTest::newRow("missing capabilities") << u"plan_missing_capabilities.yaml"_s << 4 << 26
                                          << u"goal 'train': no profile has the capabilities: gpu, quantum"_s;
    QTest::newRow("no single profile") << u"plan_no_single_profile.yaml"_s << 4 << 19
                                       << u"goal 'fix': no single profile has all of: code, test"_s;
    QTest::newRow("profile lacks capability") << u"plan_profile_lacks_capability.yaml"_s << 5 << 26
                                              << u"goal 'fix': profile 'tester' lacks capabilities: code"_s;
    QTest::newRow("bad priority") << u"plan_bad_priority.yaml"_s << 4 << 15
                                  << u"goal 'a': unknown priority 'urgent' (expected low, medium, high or critical)"_s;
    QTest::newRow("bad deadline") << u"plan_bad_deadline.yaml"_s << 4 << 15
                                  << u"goal 'a': invalid deadline 'next friday' (expected an ISO 8601 date, e.g. "
                                     u"2025-06-30T17:00:00Z)"_s;
    QTest::newRow("wrong type") << u"plan_wrong_type.yaml"_s << 3 << 12
                                << u"goal 'a': title: expected a string, got a list"_s;
    QTest::newRow("depends_on mapping") << u"plan_depends_on_mapping.yaml"_s << 6 << 17
                                        << u"goal 'b': depends_on: expected a string or a list of strings, got a "
                                           u"mapping"_s;
    QTest::newRow("goal not a mapping") << u"plan_goal_not_mapping.yaml"_s << 4 << 5
                                        << u"goals[1]: expected a mapping, got 'just a string'"_s;
    QTest::newRow("unknown backend in plan")
        << u"plan_unknown_backend.yaml"_s << 4 << 16
        << u"profile 'gpu': unknown backend 'cuda' (known: acp, aider, anthropic, claude-code, codex, demo, gemini, openai, process)"_s;
    QTest::newRow("wrong type in plan workflow")
        << u"plan_bad_workflow.yaml"_s << 2 << 17 << u"workflow.max_parallel: expected an integer, got 'many'"_s;
}

void TestConfig::planErrors()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    const QString path = configData(file);
    ConfigError error;
    const std::optional<Plan> plan = PlanLoader::loadFile(path, m_base, &error);
    QVERIFY(!plan);
    QCOMPARE(error.message, message);
    QCOMPARE(error.file, path);
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
}

void TestConfig::warnings_data()
{
    QTest::addColumn<bool>("isPlan");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("config unknown keys")
        << false << u"config_unknown_keys.yaml"_s
        << QStringList{u"2:3: workflow: unknown key 'max_paralel' ignored (did you mean 'max_parallel'?)"_s,
                       u"3:3: workflow: unknown key 'colour' ignored"_s,
                       u"7:7: profile 'demo': unknown key 'capabilites' ignored (did you mean 'capabilities'?)"_s,
                       u"10:1: unknown key 'extra' ignored"_s};
    QTest::newRow("config without profiles")
        << false << u"config_no_profiles.yaml"_s
        << QStringList{u"1:1: no agent profiles defined (agents.definitions); every plan must bring its own"_s};
    QTest::newRow("plan unknown keys")
        << true << u"plan_unknown_keys.yaml"_s
        << QStringList{u"2:1: unknown key 'goal' ignored (did you mean 'goals'?)"_s,
                       u"6:5: goal 'a': unknown key 'dependson' ignored (did you mean 'depends_on'?)"_s,
                       u"7:5: goal 'a': unknown key 'prority' ignored (did you mean 'priority'?)"_s,
                       u"8:5: goal 'a': unknown key 'owner' ignored"_s,
                       u"11:21: goal 'b': depends on 'a' more than once"_s,
                       u"12:5: goal 'b': unknown key 'depends_on_x' ignored (did you mean 'depends_on'?)"_s};
    QTest::newRow("plan without goals") << true << u"plan_no_goals.yaml"_s
                                        << QStringList{u"2:8: the plan has no goals"_s};
}

void TestConfig::warnings()
{
    QFETCH(bool, isPlan);
    QFETCH(QString, file);
    QFETCH(QStringList, expected);

    const QString path = configData(file);
    ConfigError error;
    QList<ConfigError> warnings;
    if (isPlan) {
        const std::optional<Plan> plan = PlanLoader::loadFile(path, m_base, &error);
        QVERIFY2(plan, qPrintable(error.toString()));
        warnings = plan->warnings;
    } else {
        const std::optional<Config> config = ConfigLoader::loadFile(path, &error);
        QVERIFY2(config, qPrintable(error.toString()));
        warnings = config->warnings;
    }
    QCOMPARE(located(warnings), expected);
    for (const ConfigError &w : std::as_const(warnings))
        QCOMPARE(w.file, path);
}

void TestConfig::missingFile()
{
    const QString path = configData(u"does-not-exist.yaml"_s);
    ConfigError error;
    QVERIFY(!ConfigLoader::loadFile(path, &error));
    QCOMPARE(error.file, path);
    QCOMPARE(error.line, 0);
    QVERIFY2(error.message.startsWith(u"cannot read the file: "_s), qPrintable(error.message));
    QVERIFY(!PlanLoader::loadFile(path, m_base, &error));
    QCOMPARE(error.toString(), path + u": "_s + error.message);
}

void TestConfig::errorTextNamesFileLineColumn()
{
    const QByteArray yaml = "name: api\n"
                            "agents:\n"
                            "  definitions:\n"
                            "    - name: tester\n"
                            "      capabilities: [test]\n"
                            "goals:\n"
                            "  - id: spec\n"
                            "    title: Write the spec\n"
                            "    profile: demo\n"
                            "  - id: api\n"
                            "    title: Build the API\n"
                            "    profile: coder\n";
    ConfigError error;
    QVERIFY(!PlanLoader::loadString(yaml, u"plan.yaml"_s, m_base, &error));
    QCOMPARE(error.toString(), u"plan.yaml:12:14: goal 'api': unknown profile 'coder' (known: demo, tester)"_s);
}

void TestConfig::failureHandlingKeys()
{
    const QByteArray yaml = R"(workflow:
  max_parallel: 2
  mode: phased
  on_deadline: escalate
  lock_ttl_s: 120
  budget: {max_tokens: 5000, max_cost_usd: 1.5}
  min_improvement: 0.05
  max_iterations_without_improvement: 4
agents:
  definitions:
    - name: coder
      backend: demo
      idle_timeout_s: 30
      retry: {max_retries: 2, backoff_s: [0.5, 2], jitter: 0, non_retryable: [auth]}
      quality: {max_iterations: 7, detect_loops: no}
)";
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadString(yaml, QStringLiteral("f.yaml"), &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QCOMPARE(config->workflow.mode, QStringLiteral("phased"));
    QCOMPARE(config->workflow.onDeadline, DeadlinePolicy::Escalate);
    QCOMPARE(config->workflow.lockTtlS, 120);
    QCOMPARE(config->workflow.budget.maxTokens, 5000);
    QCOMPARE(config->workflow.budget.maxCostUsd, 1.5);
    const AgentProfile &p = config->profiles.first();
    QCOMPARE(p.idleTimeoutS, 30);
    QCOMPARE(p.retry.maxRetries, 2);
    QCOMPARE(p.retry.backoffS, (QList<double>{0.5, 2.0}));
    QCOMPARE(p.retry.jitter, 0.0);
    QCOMPARE(p.retry.nonRetryable, QStringList{QStringLiteral("auth")});
    QCOMPARE(p.quality.minImprovement, 0.05); // from the workflow defaults
    QCOMPARE(p.quality.maxIterationsWithoutImprovement, 4);
    QCOMPARE(p.quality.maxIterations, 7);
    QCOMPARE(p.quality.detectLoops, false);
    QVERIFY(config->warnings.isEmpty());

    const QByteArray bad = "workflow:\n  mode: sideways\n";
    QVERIFY(!ConfigLoader::loadString(bad, QStringLiteral("b.yaml"), &error));
    QCOMPARE(error.toString(),
             QStringLiteral("b.yaml:2:9: workflow.mode: unknown mode 'sideways' (expected dependency, phased, "
                            "sequential, parallel, pipeline)"));
    const QByteArray badRetry = "agents:\n  definitions:\n    - name: x\n      retry: {backoff_s: [1, soon]}\n";
    QVERIFY(!ConfigLoader::loadString(badRetry, QStringLiteral("r.yaml"), &error));
    QCOMPARE(error.line, 4);
    QVERIFY2(error.message.contains(QStringLiteral("backoff_s: expected seconds")), qPrintable(error.toString()));
}

QTEST_GUILESS_MAIN(TestConfig)

#include "tst_config.moc"
