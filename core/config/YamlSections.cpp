#include "YamlSections.h"

#include "review/Worktrees.h"

#include "LlmProfileRules.h"
#include "YamlExecutor.h"
#include "execution/ExecutorRules.h"
#include "model/DeadlinePolicy.h"
#include "model/InputLimits.h"
#include "model/WorkflowMode.h"
#include <QDir>
#include <QFileInfo>

#include <QHash>

#include <algorithm>
#include <limits>

namespace switchboard::yaml {

namespace {

const QStringList &profileKeys()
{
    static const QStringList keys{
        QStringLiteral("name"),
        QStringLiteral("model"),
        QStringLiteral("capabilities"),
        QStringLiteral("backend"),
        QStringLiteral("command"),
        QStringLiteral("max_concurrent"),
        QStringLiteral("timeout_s"),
        QStringLiteral("working_directory"),
        QStringLiteral("settings"),
        QStringLiteral("idle_timeout_s"),
        QStringLiteral("retry"),
        QStringLiteral("quality"),
        // LLM backends (ModelSettings)
        QStringLiteral("base_url"),
        QStringLiteral("api_key_env"),
        QStringLiteral("api_key"),
        QStringLiteral("temperature"),
        QStringLiteral("max_tokens"),
        QStringLiteral("pricing"),
        QStringLiteral("headers"),
        QStringLiteral("max_iterations"),
        QStringLiteral("stream"),
        QStringLiteral("connect_timeout_s"),
        QStringLiteral("stream_idle_timeout_s"),
        QStringLiteral("run_command"),
        // coding-agent backends
        QStringLiteral("args"),
        // isolation (readIsolation)
        QStringLiteral("isolation"),
        QStringLiteral("repo"),
        QStringLiteral("base_branch"),
        QStringLiteral("setup"),
        // where the program runs (readExecutor)
        QStringLiteral("executor"),
    };
    return keys;
}

// Backends that run a coding agent's own CLI (core/agents/coding, core/agents/acp): `command` replaces the
// binary, `args` adds flags.
bool isCodingBackend(const QString &backend)
{
    static const QStringList names{QStringLiteral("claude-code"), QStringLiteral("codex"), QStringLiteral("gemini"),
                                   QStringLiteral("aider"), QStringLiteral("acp")};
    return names.contains(backend);
}

const QStringList &qualityKeys()
{
    static const QStringList keys{QStringLiteral("min_improvement"),
                                  QStringLiteral("max_iterations_without_improvement"),
                                  QStringLiteral("max_iterations"), QStringLiteral("detect_loops")};
    return keys;
}

// pricing: {input_per_mtok, output_per_mtok} into llm (LLM backends, and codex, whose events carry tokens only).
void readPricing(const Map &map, const QString &label, ModelSettings &llm)
{
    if (!map.has("pricing"))
        return;
    const Map pricing = map.map("pricing", label + u": pricing", label + u": pricing.",
                                {QStringLiteral("input_per_mtok"), QStringLiteral("output_per_mtok")});
    for (const auto &[key, price] :
         {std::pair{"input_per_mtok", &llm.inputPerMTok}, std::pair{"output_per_mtok", &llm.outputPerMTok}}) {
        *price = pricing.number(key, *price);
        if (*price < 0)
            pricing.failAt(key,
                           QStringLiteral("%1: must be at least 0, got %2").arg(pricing.fieldName(key)).arg(*price));
    }
}

// The keys of an LLM profile (backend openai or anthropic) into profile.llm. Types are checked here, where the
// value's location is at hand; ranges by LlmProfileRules::validate(), which profiles made in code pass too.
void readModelSettings(Document &doc, const Map &map, const QString &label, AgentProfile &profile)
{
    ModelSettings &llm = profile.llm;
    llm.baseUrl = map.string("base_url").trimmed();
    llm.apiKeyEnv = map.string("api_key_env").trimmed();
    if (map.has("temperature"))
        llm.temperature = map.number("temperature", 0.0);
    llm.maxTokens = map.integer("max_tokens", llm.maxTokens);
    llm.maxIterations = map.integer("max_iterations", llm.maxIterations);
    llm.stream = map.boolean("stream", llm.stream);
    llm.connectTimeoutS = map.integer("connect_timeout_s", llm.connectTimeoutS);
    llm.idleTimeoutS = map.integer("stream_idle_timeout_s", llm.idleTimeoutS);
    readPricing(map, label, llm);
    if (map.has("headers")) {
        const Map headers = map.map("headers", label + u": headers", label + u": headers.", {});
        for (auto it = headers.node().begin(); it != headers.node().end(); ++it) {
            const QString name = scalarText(it->first);
            const QByteArray key = name.toUtf8();
            if (LlmProfileRules::isCredentialHeader(name)) {
                // Checked before the value is read, so the message cannot carry it.
                doc.fail(locationOf(it->first),
                         QStringLiteral("%1: headers.%2: a credential may not be written in a config file; put the key "
                                        "in an environment variable and name it with api_key_env")
                             .arg(label, name));
            }
            llm.headers.append({name, headers.string(key.constData())});
        }
    }
    if (map.has("run_command")) {
        const Map run = map.map("run_command", label + u": run_command", label + u": run_command.",
                                {QStringLiteral("allow"), QStringLiteral("timeout_s")});
        llm.runCommandAllow = run.stringList("allow");
        llm.runCommandTimeoutS = run.integer("timeout_s", llm.runCommandTimeoutS);
    }
}

} // namespace

void readWorkflow(Document &doc, const Map &root, WorkflowSettings &settings)
{
    Q_UNUSED(doc)
    if (!root.has("workflow"))
        return;
    QStringList keys{QStringLiteral("max_parallel"), QStringLiteral("max_iterations"), QStringLiteral("workspace"),
                     QStringLiteral("mode"),         QStringLiteral("on_deadline"),    QStringLiteral("budget"),
                     QStringLiteral("lock_ttl_s"),   QStringLiteral("auto_resume")};
    keys << qualityKeys();
    const Map workflow = root.map("workflow", QStringLiteral("workflow"), QStringLiteral("workflow."), keys);
    if (workflow.has("mode")) {
        const QString mode = workflow.string("mode").trimmed().toLower();
        if (!workflowModeFromName(mode))
            workflow.failAt("mode", QStringLiteral("workflow.mode: unknown mode '%1' (expected %2)")
                                        .arg(workflow.string("mode"), workflowModeNames().join(QStringLiteral(", "))));
        settings.mode = mode;
    }
    if (workflow.has("on_deadline")) {
        const QString policy = workflow.string("on_deadline").trimmed().toLower();
        const std::optional<DeadlinePolicy> parsed = deadlinePolicyFromString(policy);
        if (!parsed)
            workflow.failAt("on_deadline",
                            QStringLiteral("workflow.on_deadline: expected fail or escalate, got '%1'").arg(policy));
        settings.onDeadline = *parsed;
    }
    settings.budget = readBudget(workflow, "budget", QStringLiteral("workflow"));
    if (workflow.has("lock_ttl_s")) {
        settings.lockTtlS = workflow.integer("lock_ttl_s", settings.lockTtlS);
        if (settings.lockTtlS < 1)
            workflow.failAt("lock_ttl_s",
                            QStringLiteral("workflow.lock_ttl_s: must be at least 1, got %1").arg(settings.lockTtlS));
    }
    settings.autoResume = workflow.boolean("auto_resume", settings.autoResume);
    if (workflow.has("max_iterations"))
        settings.quality.maxIterations = workflow.integer("max_iterations", 0);
    readQualityKeys(workflow, settings.quality);
    if (workflow.has("max_parallel")) {
        const int value = workflow.integer("max_parallel", settings.maxParallel);
        if (value < 1) {
            workflow.failAt("max_parallel",
                            QStringLiteral("workflow.max_parallel: must be at least 1, got %1").arg(value));
        }
        settings.maxParallel = value;
    }
    if (workflow.has("max_iterations")) {
        const int value = workflow.integer("max_iterations", settings.maxIterations);
        if (value < 0) {
            workflow.failAt("max_iterations",
                            QStringLiteral("workflow.max_iterations: must be at least 0, got %1").arg(value));
        }
        settings.maxIterations = value;
    }
    if (workflow.has("workspace"))
        settings.workspace = workflow.string("workspace");
}

void readMetrics(Document &doc, const Map &root, MetricThresholds &thresholds)
{
    Q_UNUSED(doc)
    if (!root.has("metrics"))
        return;
    struct Key
    {
        const char *name;
        double MetricThresholds::*field;
        double scale; // percentages in the file, fractions in memory
    };
    static const Key keys[] = {
        {"in_progress_target_per_slot", &MetricThresholds::inProgressTargetPerSlot, 1.0},
        {"in_progress_alert_per_slot", &MetricThresholds::inProgressAlertPerSlot, 1.0},
        {"avg_completion_target_min", &MetricThresholds::averageCompletionTargetMinutes, 1.0},
        {"avg_completion_alert_min", &MetricThresholds::averageCompletionAlertMinutes, 1.0},
        {"escalation_rate_target_pct", &MetricThresholds::escalationRateTarget, 100.0},
        {"escalation_rate_alert_pct", &MetricThresholds::escalationRateAlert, 100.0},
        {"conflict_rate_target_pct", &MetricThresholds::lockConflictRateTarget, 100.0},
        {"conflict_rate_alert_pct", &MetricThresholds::lockConflictRateAlert, 100.0},
        {"utilisation_target_pct", &MetricThresholds::utilisationTarget, 100.0},
        {"utilisation_alert_pct", &MetricThresholds::utilisationAlert, 100.0},
    };
    QStringList names;
    for (const Key &key : keys)
        names << QString::fromLatin1(key.name);
    const Map metrics = root.map("metrics", QStringLiteral("metrics"), QStringLiteral("metrics."), names);
    for (const Key &key : keys) {
        if (!metrics.has(key.name))
            continue;
        const double value = metrics.number(key.name, 0.0);
        if (value < 0.0 || (key.scale > 1.0 && value > 100.0))
            metrics.failAt(key.name, QStringLiteral("%1: expected %2, got %3")
                                         .arg(metrics.fieldName(key.name),
                                              key.scale > 1.0 ? QStringLiteral("a percentage between 0 and 100")
                                                              : QStringLiteral("a number >= 0"))
                                         .arg(value));
        thresholds.*key.field = value / key.scale;
    }
}

RetryPolicy readRetry(const Map &parent, const char *key, const QString &label)
{
    RetryPolicy retry;
    if (!parent.has(key))
        return retry;
    const Map map = parent.map(key, label + u": retry", label + u": retry.",
                               {QStringLiteral("max_retries"), QStringLiteral("backoff_s"), QStringLiteral("jitter"),
                                QStringLiteral("non_retryable")});
    retry.maxRetries = map.integer("max_retries", retry.maxRetries);
    if (retry.maxRetries < 0)
        map.failAt(
            "max_retries",
            QStringLiteral("%1: must be at least 0, got %2").arg(map.fieldName("max_retries")).arg(retry.maxRetries));
    if (map.has("backoff_s")) {
        retry.backoffS.clear();
        const YAML::Node node = map.value("backoff_s");
        const QList<YAML::Node> steps = node.IsSequence() ? map.sequence("backoff_s") : QList<YAML::Node>{node};
        for (const YAML::Node &step : steps) {
            bool ok = false;
            const double seconds = step.IsScalar() ? scalarText(step).trimmed().toDouble(&ok) : -1.0;
            if (!ok || seconds < 0)
                map.failAt("backoff_s", QStringLiteral("%1: expected seconds (a number >= 0 or a list of them), got %2")
                                            .arg(map.fieldName("backoff_s"), describe(step)));
            retry.backoffS << seconds;
        }
    }
    retry.jitter = map.number("jitter", retry.jitter);
    if (retry.jitter < 0.0 || retry.jitter > 1.0)
        map.failAt(
            "jitter",
            QStringLiteral("%1: must be between 0 and 1, got %2").arg(map.fieldName("jitter")).arg(retry.jitter));
    if (map.has("non_retryable"))
        retry.nonRetryable = map.stringList("non_retryable");
    return retry;
}

Budget readBudget(const Map &parent, const char *key, const QString &label)
{
    Budget budget;
    if (!parent.has(key))
        return budget;
    const Map map = parent.map(key, label + u": budget", label + u": budget.",
                               {QStringLiteral("max_tokens"), QStringLiteral("max_cost_usd")});
    budget.maxTokens = map.integer("max_tokens", 0);
    budget.maxCostUsd = map.number("max_cost_usd", 0.0);
    if (budget.maxTokens < 0 || budget.maxCostUsd < 0.0)
        map.failAt(budget.maxTokens < 0 ? "max_tokens" : "max_cost_usd",
                   QStringLiteral("%1: budget limits must be at least 0").arg(label));
    return budget;
}

void readQualityKeys(const Map &map, QualityPolicy &quality)
{
    quality.minImprovement = map.number("min_improvement", quality.minImprovement);
    quality.maxIterationsWithoutImprovement =
        map.integer("max_iterations_without_improvement", quality.maxIterationsWithoutImprovement);
    quality.maxIterations = map.integer("max_iterations", quality.maxIterations);
    quality.detectLoops = map.boolean("detect_loops", quality.detectLoops);
    if (quality.maxIterations < 0 || quality.maxIterationsWithoutImprovement < 0)
        map.failAt(quality.maxIterations < 0 ? "max_iterations" : "max_iterations_without_improvement",
                   QStringLiteral("%1: iteration limits must be at least 0").arg(map.label()));
}

namespace {

// The node at path[from...] under node; undefined when it is not there.
YAML::Node descend(const YAML::Node &node, const QStringList &path, qsizetype from)
{
    if (from == path.size())
        return node;
    if (!node.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    const YAML::Node child = node[path.at(from).toStdString()];
    return child.IsDefined() ? descend(child, path, from + 1) : child;
}

// Fails pointing at a profile field ("command", "settings.kill_grace_ms") when the file has it, else at the
// profile's backend (the reason the field is wanted).
[[noreturn]] void failAtField(const Document &doc, const Map &map, const QString &field, const QString &message)
{
    const QStringList path = field.split(u'.');
    const QByteArray key = path.first().toUtf8();
    if (!field.isEmpty() && map.has(key.constData())) {
        const YAML::Node node = descend(map.value(key.constData()), path, 1);
        if (path.size() > 1 && node.IsDefined() && !isNull(node))
            doc.fail(node, message);
        map.failAt(key.constData(), message);
    }
    map.failAt("backend", message);
}

} // namespace

QList<ProfileEntry> readAgents(Document &doc, const Map &root, const BackendRegistry &backends,
                               const WorkflowSettings &workflow)
{
    QList<ProfileEntry> entries;
    if (!root.has("agents"))
        return entries;
    const Map agents =
        root.map("agents", QStringLiteral("agents"), QStringLiteral("agents."), {QStringLiteral("definitions")});
    const QList<YAML::Node> definitions = agents.sequence("definitions");
    QHash<QString, Location> seen;
    for (qsizetype i = 0; i < definitions.size(); ++i) {
        const YAML::Node &node = definitions.at(i);
        const QString path = QStringLiteral("agents.definitions[%1]").arg(i);
        if (!node.IsMap())
            doc.fail(node, QStringLiteral("%1: expected a mapping, got %2").arg(path, describe(node)));
        const QString peeked = peekScalar(node, "name");
        const QString label =
            peeked.isEmpty() ? path : QStringLiteral("profile %1").arg(InputLimits::shortQuote(peeked));
        const Map map(doc, node, label, label + u": ", profileKeys());

        AgentProfile profile;
        profile.name = map.requiredString("name");
        if (seen.contains(profile.name)) {
            map.failAt("name", QStringLiteral("duplicate profile name '%1' (first defined at %2)")
                                   .arg(profile.name, seen.value(profile.name).toString()));
        }
        seen.insert(profile.name, map.valueLocation("name"));

        profile.model = map.string("model");
        profile.capabilities = map.stringList("capabilities");
        if (map.has("backend"))
            profile.backend = map.string("backend").trimmed();
        else if (!profile.model.trimmed().isEmpty())
            profile.backend = LlmProfileRules::backendForModel(profile.model); // the seed format: a model is an LLM
        if (!backends.contains(profile.backend)) {
            map.failAt("backend", QStringLiteral("%1: unknown backend '%2' (known: %3)")
                                      .arg(label, profile.backend, backends.names().join(QStringLiteral(", "))));
        }
        if (map.has("command") && !map.value("command").IsSequence())
            map.failAt("command", QStringLiteral("%1: expected a list of strings, got %2")
                                      .arg(map.fieldName("command"), describe(map.value("command"))));
        profile.command = map.stringList("command");
        profile.maxConcurrent = map.integer("max_concurrent", profile.maxConcurrent);
        if (profile.maxConcurrent < 0) {
            map.failAt("max_concurrent", QStringLiteral("%1: must be at least 0, got %2")
                                             .arg(map.fieldName("max_concurrent"))
                                             .arg(profile.maxConcurrent));
        }
        profile.timeoutS = map.integer("timeout_s", profile.timeoutS);
        if (profile.timeoutS < 0) {
            map.failAt(
                "timeout_s",
                QStringLiteral("%1: must be at least 0, got %2").arg(map.fieldName("timeout_s")).arg(profile.timeoutS));
        }
        profile.idleTimeoutS = map.integer("idle_timeout_s", profile.idleTimeoutS);
        if (profile.idleTimeoutS < 0)
            map.failAt("idle_timeout_s", QStringLiteral("%1: must be at least 0, got %2")
                                             .arg(map.fieldName("idle_timeout_s"))
                                             .arg(profile.idleTimeoutS));
        profile.retry = readRetry(map, "retry", label);
        profile.quality = workflow.quality;
        if (map.has("quality"))
            readQualityKeys(map.map("quality", label + u": quality", label + u": quality.", qualityKeys()),
                            profile.quality);
        profile.workingDirectory = map.string("working_directory");
        if (map.has("settings")) {
            const Map settings = map.map("settings", label + u": settings", label + u": settings.", {});
            for (auto it = settings.node().begin(); it != settings.node().end(); ++it)
                profile.settings.insert(scalarText(it->first), toVariant(it->second));
        }
        if (map.value("api_key").IsDefined()) {
            // Never echo the value: it is most likely a real key.
            doc.fail(
                map.keyLocation("api_key"),
                QStringLiteral("%1: api_key: a key never goes into a config file; put it in an environment variable "
                               "and name that variable with api_key_env (e.g. api_key_env: %2)")
                    .arg(label, LlmProfileRules::defaultKeyVariable(profile.backend)));
        }
        if (map.has("args") && !map.value("args").IsSequence())
            map.failAt("args", QStringLiteral("%1: expected a list of strings, got %2")
                                   .arg(map.fieldName("args"), describe(map.value("args"))));
        profile.args = map.stringList("args");
        if (!profile.args.isEmpty() && !isCodingBackend(profile.backend))
            doc.warn(map.keyLocation("args"),
                     QStringLiteral("%1: 'args' is read by the coding-agent backends only; ignored for backend '%2'")
                         .arg(label, profile.backend));
        profile.isolation = readIsolation(map, label);
        if (const std::optional<ExecutorSpec> executor = readExecutor(map, label)) {
            if (!executor->isLocal() && !ExecutorRules::backendTakesExecutor(profile.backend))
                map.failAt("executor", QStringLiteral("%1: executor: backend '%2' runs inside Switchboard, not as a "
                                                      "program; only process, claude-code, codex, gemini, aider and "
                                                      "acp profiles can run on %3")
                                           .arg(label, profile.backend, ExecutorSpec::kindName(executor->kind)));
            profile.executor = *executor;
        }
        if (LlmProfileRules::isLlmBackend(profile.backend)) {
            readModelSettings(doc, map, label, profile);
        } else {
            // Coding agents that report tokens but no cost are priced from the profile.
            const bool priced =
                profile.backend == u"codex" || profile.backend == u"gemini" || profile.backend == u"acp";
            if (priced)
                readPricing(map, label, profile.llm);
            for (const char *key :
                 {"base_url", "api_key_env", "temperature", "max_tokens", "pricing", "headers", "max_iterations",
                  "stream", "connect_timeout_s", "stream_idle_timeout_s", "run_command"}) {
                if (priced && qstrcmp(key, "pricing") == 0)
                    continue;
                if (map.value(key).IsDefined())
                    doc.warn(map.keyLocation(key),
                             QStringLiteral("%1: '%2' is read by the openai and anthropic backends only; ignored for "
                                            "backend '%3'")
                                 .arg(label, QString::fromLatin1(key), profile.backend));
            }
        }
        // What the backend itself needs (the process backend: a command; LLM backends: a model, a good URL).
        const QList<BackendRegistry::ProfileError> problems = backends.validate(profile);
        if (!problems.isEmpty())
            failAtField(doc, map, problems.first().field, label + u": " + problems.first().message);
        entries.append(ProfileEntry{profile, map.location()});
    }
    return entries;
}

const QStringList &isolationKeys()
{
    static const QStringList keys{QStringLiteral("isolation"), QStringLiteral("repo"), QStringLiteral("base_branch"),
                                  QStringLiteral("setup")};
    return keys;
}

IsolationSettings readIsolation(const Map &map, const QString &label)
{
    IsolationSettings isolation;
    if (map.has("isolation")) {
        const QString text = map.string("isolation");
        isolation.mode = isolationModeFromString(text);
        if (!isolation.mode)
            map.failAt("isolation", QStringLiteral("%1: isolation: expected 'shared' or 'worktree', got %2")
                                        .arg(label, InputLimits::shortQuote(text)));
    }
    isolation.repo = map.string("repo").trimmed();
    if (!isolation.repo.isEmpty()) {
        // Relative to the file that says it (not to wherever Switchboard was started); a built-in file (":/...")
        // has no directory of its own.
        const QString &file = map.document().fileName();
        if (QDir::isRelativePath(isolation.repo) && !file.isEmpty() && !file.startsWith(u':'))
            isolation.repo = QDir(QFileInfo(file).absolutePath()).filePath(isolation.repo);
        isolation.repo = QDir::cleanPath(isolation.repo);
        QString why;
        if (Worktrees::topLevel(isolation.repo, &why).isEmpty())
            map.failAt("repo", QStringLiteral("%1: %2").arg(map.fieldName("repo"), why));
    }
    isolation.baseBranch = map.string("base_branch").trimmed();
    if (map.has("setup") && !map.value("setup").IsSequence())
        map.failAt("setup", QStringLiteral("%1: expected a list of strings (a program and its arguments), got %2")
                                .arg(map.fieldName("setup"), describe(map.value("setup"))));
    isolation.setup = map.stringList("setup");
    if (map.has("setup") && (isolation.setup.isEmpty() || isolation.setup.first().trimmed().isEmpty()))
        map.failAt("setup", QStringLiteral("%1: expected a program and its arguments, got an empty command")
                                .arg(map.fieldName("setup")));
    return isolation;
}

std::optional<GoalCondition> readCondition(const Map &goal, const QString &label, const QString &goalId,
                                           const QStringList &dependsOn)
{
    if (!goal.has("when"))
        return std::nullopt;
    static const QStringList keys{QStringLiteral("goal"), QStringLiteral("result_contains"),
                                  QStringLiteral("succeeded")};
    const QString whenLabel = label + QStringLiteral(": when");
    const Map when = goal.map("when", whenLabel, whenLabel + u'.', keys);
    for (const auto &entry : when.node()) {
        const QString key = scalarText(entry.first).trimmed();
        if (keys.contains(key))
            continue;
        const QString guess = suggestion(key, keys);
        goal.document().fail(
            locationOf(entry.first),
            guess.isEmpty() ? QStringLiteral("%1: unknown key '%2' (expected goal with result_contains or "
                                             "succeeded)")
                                  .arg(whenLabel, key)
                            : QStringLiteral("%1: unknown key '%2' (did you mean '%3'?)").arg(whenLabel, key, guess));
    }
    GoalCondition condition;
    condition.goal = when.requiredString("goal").trimmed();
    const bool contains = when.has("result_contains");
    const bool succeeded = when.has("succeeded");
    if (contains == succeeded) {
        goal.document().fail(contains ? when.keyLocation("succeeded") : goal.valueLocation("when"),
                             QStringLiteral("%1: give exactly one test, result_contains or succeeded%2")
                                 .arg(whenLabel, contains ? QStringLiteral(" (both are given)") : QString()));
    }
    if (contains) {
        condition.test = GoalCondition::Test::ResultContains;
        condition.text = when.string("result_contains");
        if (condition.text.isEmpty())
            when.failAt("result_contains", QStringLiteral("%1: expected the text to look for, got an empty one")
                                               .arg(when.fieldName("result_contains")));
    } else {
        condition.test = GoalCondition::Test::Succeeded;
        condition.succeeded = when.boolean("succeeded", true);
    }
    if (!dependsOn.contains(condition.goal)) {
        when.failAt(
            "goal",
            QStringLiteral("when names goal '%1', which is not a dependency of '%2'").arg(condition.goal, goalId));
    }
    return condition;
}

QStringList patternKeys(TeamKind kind)
{
    switch (kind) {
    case TeamKind::Parallel:
        return {QStringLiteral("kind"), QStringLiteral("profiles"), QStringLiteral("min_successful"),
                QStringLiteral("format")};
    case TeamKind::Supervisor:
        return {QStringLiteral("kind"),
                QStringLiteral("planner"),
                QStringLiteral("workers"),
                QStringLiteral("mode"),
                QStringLiteral("max_workers_per_step"),
                QStringLiteral("max_iterations"),
                QStringLiteral("min_successful"),
                QStringLiteral("format")};
    case TeamKind::Debate:
        return {QStringLiteral("kind"),  QStringLiteral("profiles"),       QStringLiteral("rounds"),
                QStringLiteral("judge"), QStringLiteral("min_successful"), QStringLiteral("format")};
    }
    return {};
}

namespace {

// Every key of every kind, each once.
QStringList allPatternKeys()
{
    QStringList keys;
    for (TeamKind kind : {TeamKind::Parallel, TeamKind::Supervisor, TeamKind::Debate}) {
        for (const QString &key : patternKeys(kind)) {
            if (!keys.contains(key))
                keys << key;
        }
    }
    return keys;
}

bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// The key a TeamPattern::problems() message is about: the one it names first as a whole word ("a debate needs a
// 'judge'" is about judge, "min_successful must be between 1 and the number of profiles" about min_successful).
// Matching the words keeps Team.cpp the one place that says what is wrong with a pattern.
QString problemKey(const QString &problem, const QStringList &keys)
{
    QString best;
    qsizetype bestAt = -1;
    for (const QString &key : keys) {
        for (qsizetype at = problem.indexOf(key); at >= 0; at = problem.indexOf(key, at + 1)) {
            const qsizetype end = at + key.size();
            const bool whole = (at == 0 || !isWordCharacter(problem.at(at - 1))) &&
                               (end == problem.size() || !isWordCharacter(problem.at(end)));
            if (whole) {
                if (bestAt < 0 || at < bestAt) {
                    best = key;
                    bestAt = at;
                }
                break;
            }
        }
    }
    return best;
}

} // namespace

std::optional<TeamPattern> readPattern(const Map &goal, const QString &label, const QStringList &knownProfiles)
{
    if (!goal.has("pattern"))
        return std::nullopt;
    const Document &doc = goal.document();
    const QString patternLabel = label + QStringLiteral(": pattern");
    const QStringList keys = allPatternKeys();
    const Map pattern = goal.map("pattern", patternLabel, patternLabel + u'.', keys);
    for (const auto &entry : pattern.node()) {
        const QString key = scalarText(entry.first).trimmed();
        if (keys.contains(key))
            continue;
        const QString guess = suggestion(key, keys);
        doc.fail(locationOf(entry.first),
                 guess.isEmpty()
                     ? QStringLiteral("%1: unknown key '%2' (expected %3)")
                           .arg(patternLabel, key, keys.join(QStringLiteral(", ")))
                     : QStringLiteral("%1: unknown key '%2' (did you mean '%3'?)").arg(patternLabel, key, guess));
    }

    TeamPattern team;
    const QString kindText = pattern.requiredString("kind").trimmed();
    const std::optional<TeamKind> kind = teamKindFromString(kindText);
    if (!kind) {
        const QStringList kinds{teamKindToString(TeamKind::Parallel), teamKindToString(TeamKind::Supervisor),
                                teamKindToString(TeamKind::Debate)};
        const QString guess = suggestion(kindText, kinds);
        pattern.failAt("kind", guess.isEmpty()
                                   ? QStringLiteral("%1: unknown kind %2 (expected parallel, supervisor "
                                                    "or debate)")
                                         .arg(pattern.fieldName("kind"), InputLimits::shortQuote(kindText))
                                   : QStringLiteral("%1: unknown kind %2 (did you mean '%3'?)")
                                         .arg(pattern.fieldName("kind"), InputLimits::shortQuote(kindText), guess));
    }
    team.kind = *kind;
    const QStringList ownKeys = patternKeys(team.kind);
    for (const auto &entry : pattern.node()) {
        const QString key = scalarText(entry.first).trimmed();
        if (!ownKeys.contains(key))
            doc.fail(locationOf(entry.first),
                     QStringLiteral("%1: '%2' does not apply to a %3 team (its keys: %4)")
                         .arg(patternLabel, key, teamKindToString(team.kind), ownKeys.join(QStringLiteral(", "))));
    }

    // Profile names with where each was written, to point at the one that is not known.
    QList<std::pair<QString, Location>> named;
    QList<QByteArray> namedKeys;
    const auto readList = [&](const char *key) {
        QStringList names;
        for (const auto &[text, where] : pattern.locatedStringList(key)) {
            names << text.trimmed();
            named.append({text.trimmed(), where});
            namedKeys << QByteArray(key);
        }
        return names;
    };
    const auto readName = [&](const char *key) {
        const QString name = pattern.string(key).trimmed();
        if (pattern.has(key)) {
            named.append({name, pattern.valueLocation(key)});
            namedKeys << QByteArray(key);
        }
        return name;
    };
    team.profiles = readList("profiles");
    team.planner = readName("planner");
    team.workers = readList("workers");
    if (pattern.has("mode")) {
        const QString text = pattern.string("mode");
        const std::optional<SupervisorMode> mode = supervisorModeFromString(text);
        if (!mode)
            pattern.failAt("mode", QStringLiteral("%1: unknown mode %2 (expected selective, all or sequential)")
                                       .arg(pattern.fieldName("mode"), InputLimits::shortQuote(text)));
        team.mode = *mode;
    }
    team.maxWorkersPerStep = pattern.integer("max_workers_per_step", team.maxWorkersPerStep);
    team.maxIterations = pattern.integer("max_iterations", team.maxIterations);
    team.rounds = pattern.integer("rounds", team.rounds);
    team.judge = readName("judge");
    if (pattern.has("min_successful"))
        team.minSuccessful = pattern.integer("min_successful", 0);
    if (pattern.has("format")) {
        const QString text = pattern.string("format");
        const std::optional<TeamFormat> format = teamFormatFromString(text);
        if (!format)
            pattern.failAt("format", QStringLiteral("%1: unknown format %2 (expected markdown or xml)")
                                         .arg(pattern.fieldName("format"), InputLimits::shortQuote(text)));
        team.format = *format;
    }

    for (const QString &problem : team.problems()) {
        const QString key = problemKey(problem, ownKeys);
        const QByteArray latin = key.toLatin1();
        const QString message = QStringLiteral("%1: %2").arg(patternLabel, problem);
        if (!key.isEmpty() && pattern.value(latin.constData()).IsDefined())
            pattern.failAt(latin.constData(), message);
        goal.failAt("pattern", message); // a key the kind needs is missing: point at the pattern
    }
    for (qsizetype i = 0; i < named.size(); ++i) {
        const auto &[name, where] = named.at(i);
        if (knownProfiles.contains(name))
            continue;
        doc.fail(where, QStringLiteral("%1: unknown profile %2 (known: %3)")
                            .arg(pattern.fieldName(namedKeys.at(i).constData()), InputLimits::shortQuote(name),
                                 knownProfiles.join(QStringLiteral(", "))));
    }
    return team;
}

} // namespace switchboard::yaml
