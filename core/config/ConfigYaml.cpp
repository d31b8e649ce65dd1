#include "ConfigYaml.h"

#include "LlmProfileRules.h"
#include "YamlExecutor.h"
#include "execution/ExecutorRules.h"

#include <QLocale>
#include <QMetaType>

#include <yaml-cpp/yaml.h>

#include <functional>
#include <limits>

namespace switchboard::yaml {

namespace {

std::string str(const QString &text)
{
    return text.toStdString();
}

// The shortest text that reads back as the same double (yaml-cpp's own writes 0.1 as 0.10000000000000001).
std::string number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest).toStdString();
}

using ValueWriter = std::function<void(YAML::Emitter &)>;

QByteArray entry(const QString &key, const ValueWriter &value)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap << YAML::Key << str(key) << YAML::Value;
    value(out);
    out << YAML::EndMap;
    return QByteArray(out.c_str(), static_cast<qsizetype>(out.size()));
}

void flowList(YAML::Emitter &out, const QStringList &items)
{
    out << YAML::Flow << YAML::BeginSeq;
    for (const QString &item : items)
        out << str(item);
    out << YAML::EndSeq;
}

// A string of `settings` that would read back as a number, a bool or null (toVariant) is quoted.
bool looksTyped(const QString &text)
{
    if (text.isEmpty())
        return false;
    const YAML::Node plain = YAML::Load(text.toStdString());
    if (!plain.IsScalar())
        return true;
    const QString lower = text.trimmed().toLower();
    static const QStringList words{QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("null"),
                                   QStringLiteral("~"),    QStringLiteral("yes"),   QStringLiteral("no"),
                                   QStringLiteral("on"),   QStringLiteral("off")};
    bool numeric = false;
    text.trimmed().toDouble(&numeric);
    return numeric || words.contains(lower);
}

void variant(YAML::Emitter &out, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        out << value.toBool();
        return;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        out << value.toLongLong();
        return;
    case QMetaType::Double:
    case QMetaType::Float:
        out << number(value.toDouble());
        return;
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        const QVariantList items = value.toList();
        out << YAML::BeginSeq;
        for (const QVariant &item : items)
            variant(out, item);
        out << YAML::EndSeq;
        return;
    }
    case QMetaType::QVariantMap: {
        const QVariantMap map = value.toMap();
        out << YAML::BeginMap;
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            out << YAML::Key << str(it.key()) << YAML::Value;
            variant(out, it.value());
        }
        out << YAML::EndMap;
        return;
    }
    default:
        break;
    }
    if (!value.isValid() || value.isNull()) {
        out << YAML::Null;
        return;
    }
    const QString text = value.toString();
    if (looksTyped(text))
        out << YAML::DoubleQuoted;
    out << str(text);
}

bool sameRetry(const RetryPolicy &a, const RetryPolicy &b)
{
    return a.maxRetries == b.maxRetries && a.backoffS == b.backoffS && a.jitter == b.jitter &&
           a.nonRetryable == b.nonRetryable;
}

bool sameQuality(const QualityPolicy &a, const QualityPolicy &b)
{
    return a.minImprovement == b.minImprovement &&
           a.maxIterationsWithoutImprovement == b.maxIterationsWithoutImprovement &&
           a.maxIterations == b.maxIterations && a.detectLoops == b.detectLoops;
}

bool isCodingBackend(const QString &backend)
{
    static const QStringList names{QStringLiteral("claude-code"), QStringLiteral("codex"), QStringLiteral("gemini"),
                                   QStringLiteral("aider"), QStringLiteral("acp")};
    return names.contains(backend);
}

class Builder final
{
public:
    void add(const char *key, bool isDefault, const ValueWriter &value)
    {
        const QString name = QString::fromLatin1(key);
        m_values.append(KeyValue{name, entry(name, value), isDefault});
    }
    // A key that does not apply to this profile: it is taken out of the file if there.
    void absent(const char *key) { m_values.append(KeyValue{QString::fromLatin1(key), QByteArray(), true}); }
    void text(const char *key, const QString &value, bool isDefault)
    {
        add(key, isDefault, [&value](YAML::Emitter &out) { out << str(value); });
    }
    void integer(const char *key, qint64 value, qint64 fallback)
    {
        add(key, value == fallback, [value](YAML::Emitter &out) { out << value; });
    }
    void real(const char *key, double value, double fallback)
    {
        add(key, value == fallback, [value](YAML::Emitter &out) { out << number(value); });
    }
    void boolean(const char *key, bool value, bool fallback)
    {
        add(key, value == fallback, [value](YAML::Emitter &out) { out << value; });
    }
    void list(const char *key, const QStringList &items)
    {
        add(key, items.isEmpty(), [&items](YAML::Emitter &out) { flowList(out, items); });
    }
    QList<KeyValue> take() { return std::move(m_values); }

private:
    QList<KeyValue> m_values;
};

void retry(YAML::Emitter &out, const RetryPolicy &policy)
{
    out << YAML::BeginMap;
    out << YAML::Key << "max_retries" << YAML::Value << policy.maxRetries;
    out << YAML::Key << "backoff_s" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const double seconds : policy.backoffS)
        out << number(seconds);
    out << YAML::EndSeq;
    out << YAML::Key << "jitter" << YAML::Value << number(policy.jitter);
    out << YAML::Key << "non_retryable" << YAML::Value;
    flowList(out, policy.nonRetryable);
    out << YAML::EndMap;
}

void quality(YAML::Emitter &out, const QualityPolicy &policy)
{
    out << YAML::BeginMap;
    out << YAML::Key << "min_improvement" << YAML::Value << number(policy.minImprovement);
    out << YAML::Key << "max_iterations_without_improvement" << YAML::Value << policy.maxIterationsWithoutImprovement;
    out << YAML::Key << "max_iterations" << YAML::Value << policy.maxIterations;
    out << YAML::Key << "detect_loops" << YAML::Value << policy.detectLoops;
    out << YAML::EndMap;
}

} // namespace

QList<KeyValue> profileKeyValues(const AgentProfile &profile, const WorkflowSettings &workflow)
{
    const AgentProfile defaults;
    const ModelSettings &llm = profile.llm;
    const ModelSettings llmDefaults;
    const bool isLlm = LlmProfileRules::isLlmBackend(profile.backend);
    const bool priced =
        isLlm || profile.backend == u"codex" || profile.backend == u"gemini" || profile.backend == u"acp";
    Builder b;
    b.text("name", profile.name, false);
    b.text("backend", profile.backend, false);
    b.text("model", profile.model, profile.model.isEmpty());
    if (isLlm) {
        b.text("base_url", llm.baseUrl, llm.baseUrl.isEmpty());
        b.text("api_key_env", llm.apiKeyEnv, llm.apiKeyEnv.isEmpty());
    } else {
        b.absent("base_url");
        b.absent("api_key_env");
    }
    b.list("command", profile.command);
    if (isCodingBackend(profile.backend) || !profile.args.isEmpty())
        b.list("args", profile.args);
    else
        b.absent("args");
    b.text("working_directory", profile.workingDirectory, profile.workingDirectory.isEmpty());
    // Local is the default and is written as no key: going back to local takes the key out of the file.
    if (ExecutorRules::backendTakesExecutor(profile.backend) && !profile.executor.isLocal())
        b.add("executor", false,
              [&profile](YAML::Emitter &out) { writeExecutorValue(out, profile.executor, ExecutorStyle::Block); });
    else
        b.absent("executor");
    b.list("capabilities", profile.capabilities);
    b.integer("max_concurrent", profile.maxConcurrent, defaults.maxConcurrent);
    b.integer("timeout_s", profile.timeoutS, defaults.timeoutS);
    b.integer("idle_timeout_s", profile.idleTimeoutS, defaults.idleTimeoutS);
    b.add("retry", sameRetry(profile.retry, RetryPolicy()), [&](YAML::Emitter &out) { retry(out, profile.retry); });
    b.add("quality", sameQuality(profile.quality, workflow.quality),
          [&](YAML::Emitter &out) { quality(out, profile.quality); });
    if (isLlm) {
        if (llm.temperature)
            b.real("temperature", *llm.temperature, std::numeric_limits<double>::quiet_NaN());
        else
            b.absent("temperature");
        b.integer("max_tokens", llm.maxTokens, llmDefaults.maxTokens);
        b.integer("max_iterations", llm.maxIterations, llmDefaults.maxIterations);
        b.boolean("stream", llm.stream, llmDefaults.stream);
        b.integer("connect_timeout_s", llm.connectTimeoutS, llmDefaults.connectTimeoutS);
        b.integer("stream_idle_timeout_s", llm.idleTimeoutS, llmDefaults.idleTimeoutS);
    } else {
        for (const char *key :
             {"temperature", "max_tokens", "max_iterations", "stream", "connect_timeout_s", "stream_idle_timeout_s"})
            b.absent(key);
    }
    if (priced) {
        b.add("pricing", llm.inputPerMTok == 0 && llm.outputPerMTok == 0, [&llm](YAML::Emitter &out) {
            out << YAML::BeginMap;
            out << YAML::Key << "input_per_mtok" << YAML::Value << number(llm.inputPerMTok);
            out << YAML::Key << "output_per_mtok" << YAML::Value << number(llm.outputPerMTok);
            out << YAML::EndMap;
        });
    } else {
        b.absent("pricing");
    }
    if (isLlm) {
        b.add("headers", llm.headers.isEmpty(), [&llm](YAML::Emitter &out) {
            out << YAML::BeginMap;
            for (const auto &[name, value] : llm.headers)
                out << YAML::Key << str(name) << YAML::Value << str(value);
            out << YAML::EndMap;
        });
        b.add("run_command", llm.runCommandAllow.isEmpty() && llm.runCommandTimeoutS == llmDefaults.runCommandTimeoutS,
              [&llm](YAML::Emitter &out) {
                  out << YAML::BeginMap << YAML::Key << "allow" << YAML::Value;
                  flowList(out, llm.runCommandAllow);
                  out << YAML::Key << "timeout_s" << YAML::Value << llm.runCommandTimeoutS << YAML::EndMap;
              });
    } else {
        b.absent("headers");
        b.absent("run_command");
    }
    const IsolationSettings &isolation = profile.isolation;
    if (isolation.mode)
        b.text("isolation", isolationModeToString(*isolation.mode), false);
    else
        b.absent("isolation");
    b.text("repo", isolation.repo, isolation.repo.isEmpty());
    b.text("base_branch", isolation.baseBranch, isolation.baseBranch.isEmpty());
    b.list("setup", isolation.setup);
    b.add("settings", profile.settings.isEmpty(),
          [&profile](YAML::Emitter &out) { variant(out, QVariant(profile.settings)); });
    QList<KeyValue> values = b.take();
    // Empty values of keys that mean nothing when empty are left out rather than written as "".
    for (KeyValue &value : values) {
        if (value.isDefault && value.key != u"name" && value.key != u"backend" &&
            (value.key == u"model" || value.key == u"base_url" || value.key == u"api_key_env" ||
             value.key == u"working_directory" || value.key == u"repo" || value.key == u"base_branch"))
            value.text.clear();
    }
    return values;
}

QList<KeyValue> workflowKeyValues(const WorkflowSettings &workflow)
{
    const WorkflowSettings defaults;
    Builder b;
    b.integer("max_parallel", workflow.maxParallel, defaults.maxParallel);
    b.text("mode", workflow.mode, workflow.mode == defaults.mode);
    b.text("on_deadline",
           workflow.onDeadline == DeadlinePolicy::Escalate ? QStringLiteral("escalate") : QStringLiteral("fail"),
           workflow.onDeadline == defaults.onDeadline);
    b.integer("lock_ttl_s", workflow.lockTtlS, defaults.lockTtlS);
    b.add("budget", !workflow.budget.isSet(), [&workflow](YAML::Emitter &out) {
        // Only the limits that are set; with none, both say "no limit" so the file reads as the form shows.
        const Budget &budget = workflow.budget;
        out << YAML::BeginMap;
        if (budget.maxTokens > 0 || !budget.isSet())
            out << YAML::Key << "max_tokens" << YAML::Value << budget.maxTokens;
        if (budget.maxCostUsd > 0 || !budget.isSet())
            out << YAML::Key << "max_cost_usd" << YAML::Value << number(budget.maxCostUsd);
        out << YAML::EndMap;
    });
    b.boolean("auto_resume", workflow.autoResume, defaults.autoResume);
    b.integer("max_iterations", workflow.maxIterations, defaults.maxIterations);
    b.text("workspace", workflow.workspace, workflow.workspace.isEmpty());
    b.real("min_improvement", workflow.quality.minImprovement, defaults.quality.minImprovement);
    b.integer("max_iterations_without_improvement", workflow.quality.maxIterationsWithoutImprovement,
              defaults.quality.maxIterationsWithoutImprovement);
    b.boolean("detect_loops", workflow.quality.detectLoops, defaults.quality.detectLoops);
    return b.take();
}

const KeyValue *findKey(const QList<KeyValue> &values, const QString &key)
{
    for (const KeyValue &value : values) {
        if (value.key == key)
            return &value;
    }
    return nullptr;
}

} // namespace switchboard::yaml
