#include "LlmProfileRules.h"

#include <QJsonArray>
#include <QUrl>

#include <algorithm>

namespace switchboard {

namespace {

using ProfileError = BackendRegistry::ProfileError;

QJsonObject property(const char *type, const char *description)
{
    return {{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("description"), QLatin1String(description)}};
}

} // namespace

const QString &LlmProfileRules::openAi()
{
    static const QString name = QStringLiteral("openai");
    return name;
}

const QString &LlmProfileRules::anthropic()
{
    static const QString name = QStringLiteral("anthropic");
    return name;
}

bool LlmProfileRules::isLlmBackend(const QString &backend)
{
    return backend == openAi() || backend == anthropic();
}

QString LlmProfileRules::backendForModel(const QString &model)
{
    return model.trimmed().startsWith(u"claude-", Qt::CaseInsensitive) ? anthropic() : openAi();
}

QString LlmProfileRules::defaultKeyVariable(const QString &backend)
{
    return backend == anthropic() ? QStringLiteral("ANTHROPIC_API_KEY") : QStringLiteral("OPENAI_API_KEY");
}

QString LlmProfileRules::keyVariable(const AgentProfile &profile)
{
    return profile.llm.apiKeyEnv.isEmpty() ? defaultKeyVariable(profile.backend) : profile.llm.apiKeyEnv;
}

bool LlmProfileRules::isCredentialHeader(const QString &name)
{
    static const QStringList names{QStringLiteral("authorization"), QStringLiteral("x-api-key"),
                                   QStringLiteral("api-key"), QStringLiteral("proxy-authorization")};
    return names.contains(name.trimmed().toLower());
}

bool LlmProfileRules::isVariableName(const QString &name)
{
    if (name.isEmpty() || name.at(0).isDigit())
        return false;
    return std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_';
    });
}

QList<ProfileError> LlmProfileRules::validate(const AgentProfile &profile)
{
    QList<ProfileError> errors;
    const ModelSettings &llm = profile.llm;
    const auto add = [&errors](const QString &field, const QString &message) { errors.append({field, message}); };
    const auto atLeast = [&add](const QString &field, double value, double minimum) {
        if (value < minimum)
            add(field, QStringLiteral("%1: must be at least %2, got %3").arg(field).arg(minimum).arg(value));
    };

    if (profile.model.trimmed().isEmpty())
        add(QStringLiteral("model"),
            QStringLiteral("backend '%1' needs a 'model' (e.g. %2)")
                .arg(profile.backend, profile.backend == anthropic() ? QStringLiteral("claude-3-5-sonnet-latest")
                                                                     : QStringLiteral("gpt-4o")));
    if (!llm.baseUrl.isEmpty()) {
        const QUrl url(llm.baseUrl, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty())
            add(QStringLiteral("base_url"),
                QStringLiteral("base_url: must be an http(s) URL (e.g. http://127.0.0.1:11434/v1), got '%1'")
                    .arg(llm.baseUrl));
    }
    if (!llm.apiKeyEnv.isEmpty() && !isVariableName(llm.apiKeyEnv))
        add(QStringLiteral("api_key_env"),
            QStringLiteral("api_key_env: expected the NAME of an environment variable (letters, digits, _), "
                           "not a key"));
    if (llm.temperature && (*llm.temperature < 0.0 || *llm.temperature > 2.0))
        add(QStringLiteral("temperature"),
            QStringLiteral("temperature: must be between 0 and 2, got %1").arg(*llm.temperature));
    atLeast(QStringLiteral("max_tokens"), llm.maxTokens, 0);
    atLeast(QStringLiteral("pricing.input_per_mtok"), llm.inputPerMTok, 0);
    atLeast(QStringLiteral("pricing.output_per_mtok"), llm.outputPerMTok, 0);
    atLeast(QStringLiteral("max_iterations"), llm.maxIterations, 1);
    atLeast(QStringLiteral("connect_timeout_s"), llm.connectTimeoutS, 1);
    atLeast(QStringLiteral("stream_idle_timeout_s"), llm.idleTimeoutS, 1);
    atLeast(QStringLiteral("run_command.timeout_s"), llm.runCommandTimeoutS, 1);
    for (const auto &[name, value] : llm.headers) {
        Q_UNUSED(value)
        const QString field = u"headers." + name;
        if (isCredentialHeader(name))
            add(field, QStringLiteral("headers: '%1' carries a credential and may not be written in a config; "
                                      "put the key in an environment variable and name it with api_key_env")
                           .arg(name));
        else if (name.trimmed().isEmpty() || name.contains(u':') || name.contains(u' ') || name.contains(u'\n'))
            add(field, QStringLiteral("headers: '%1' is not a valid header name").arg(name));
    }
    for (const QString &program : llm.runCommandAllow) {
        if (program.trimmed().isEmpty())
            add(QStringLiteral("run_command.allow"),
                QStringLiteral("run_command.allow: program names must not be empty"));
    }
    return errors;
}

QJsonObject LlmProfileRules::settingsSchema()
{
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("description"),
             QStringLiteral("none: an LLM profile's keys sit in the profile itself (profileKeysSchema)")},
            {QStringLiteral("properties"), QJsonObject()}};
}

QJsonObject LlmProfileRules::profileKeysSchema()
{
    const QJsonObject pricing{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("description"), QStringLiteral("what the model costs, for usage and budgets")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("input_per_mtok"), property("number", "USD per million input tokens")},
                     {QStringLiteral("output_per_mtok"), property("number", "USD per million output tokens")}}}};
    const QJsonObject runCommand{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("description"), QStringLiteral("the run_command tool: off unless allow names programs")},
        {QStringLiteral("properties"),
         QJsonObject{
             {QStringLiteral("allow"),
              QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                          {QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                          {QStringLiteral("description"),
                           QStringLiteral("programs run_command may start; empty: the tool is off")}}},
             {QStringLiteral("timeout_s"), property("integer", "seconds per command (default 120)")}}}};
    QJsonObject properties{
        {QStringLiteral("base_url"),
         property("string", "http(s) URL of the API (default: OPENAI_BASE_URL, else the vendor's)")},
        {QStringLiteral("api_key_env"),
         property("string", "name of the environment variable holding the key (default OPENAI_API_KEY or "
                            "ANTHROPIC_API_KEY)")},
        {QStringLiteral("temperature"), property("number", "0 to 2")},
        {QStringLiteral("max_tokens"), property("integer", "reply token limit; 0: the API's default")},
        {QStringLiteral("pricing"), pricing},
        {QStringLiteral("headers"),
         QJsonObject{
             {QStringLiteral("type"), QStringLiteral("object")},
             {QStringLiteral("additionalProperties"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
             {QStringLiteral("description"), QStringLiteral("extra HTTP headers (never credentials)")}}},
        {QStringLiteral("max_iterations"), property("integer", "model calls per attempt (default 30)")},
        {QStringLiteral("stream"), property("boolean", "stream replies (default true)")},
        {QStringLiteral("connect_timeout_s"), property("integer", "seconds until the first byte (default 30)")},
        {QStringLiteral("stream_idle_timeout_s"),
         property("integer", "seconds of silence between stream chunks (default 60)")},
        {QStringLiteral("run_command"), runCommand},
    };
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("description"), QStringLiteral("LLM profile keys; they sit in the profile itself")},
            {QStringLiteral("properties"), properties}};
}

} // namespace switchboard
