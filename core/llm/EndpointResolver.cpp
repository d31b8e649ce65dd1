#include "EndpointResolver.h"

#include "Keychain.h"
#include "Secrets.h"
#include "config/LlmProfileRules.h"

#include <QHostAddress>

namespace switchboard::llm {

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxTimeoutS = 24 * 3600; // keeps the milliseconds in an int

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// A server on this machine: a key would only leak to whatever listens there.
bool isLoopback(const QUrl &url)
{
    const QString host = url.host().toLower();
    if (host == u"localhost" || host.endsWith(u".localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool isHttpUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == u"http" || scheme == u"https") && !url.host().isEmpty();
}

} // namespace

QProcessEnvironment endpointEnvironment(const AgentProfile &profile)
{
    QProcessEnvironment environment;
    for (const QString &name : {QStringLiteral("OPENAI_BASE_URL"), LlmProfileRules::keyVariable(profile)}) {
        const QByteArray local = name.toLocal8Bit();
        if (qEnvironmentVariableIsSet(local.constData()))
            environment.insert(name, qEnvironmentVariable(local.constData()));
    }
    return environment;
}

std::optional<ModelEndpoint> resolveEndpoint(const AgentProfile &profile, const QProcessEnvironment &environment,
                                             QString *error)
{
    ModelEndpoint endpoint;
    if (profile.backend == LlmProfileRules::anthropic())
        endpoint.api = ApiKind::Anthropic;
    else if (profile.backend == LlmProfileRules::openAi())
        endpoint.api = ApiKind::OpenAi;
    else {
        fail(error, QStringLiteral("profile '%1': backend '%2' does not reach a model server")
                        .arg(profile.name, profile.backend));
        return std::nullopt;
    }

    endpoint.model = profile.model.trimmed();
    if (endpoint.model.isEmpty()) {
        fail(error, QStringLiteral("profile '%1' names no model").arg(profile.name));
        return std::nullopt;
    }

    QString base = profile.llm.baseUrl.trimmed();
    QString baseOrigin = QStringLiteral("base_url");
    if (base.isEmpty() && endpoint.api == ApiKind::OpenAi) {
        base = environment.value(QStringLiteral("OPENAI_BASE_URL")).trimmed();
        baseOrigin = QStringLiteral("OPENAI_BASE_URL");
    }
    if (base.isEmpty()) {
        base = endpoint.api == ApiKind::Anthropic ? QStringLiteral("https://api.anthropic.com/v1")
                                                  : QStringLiteral("https://api.openai.com/v1");
    }
    while (base.endsWith(u'/'))
        base.chop(1);
    endpoint.baseUrl = QUrl(base, QUrl::StrictMode);
    if (!isHttpUrl(endpoint.baseUrl)) {
        fail(error, QStringLiteral("profile '%1': %2 '%3' is not an http(s) URL").arg(profile.name, baseOrigin, base));
        return std::nullopt;
    }

    // api_key_env wins when its variable holds a key; else the keychain entry of this profile (kept there by the
    // settings); else the vendor's variable, which is never sent to a server on this machine (any key the user
    // stored for this very profile is). The key reaches the server in a header, never a command line.
    const QString variable = LlmProfileRules::keyVariable(profile);
    const bool named = !profile.llm.apiKeyEnv.isEmpty();
    const bool loopback = isLoopback(endpoint.baseUrl);
    QString key = named ? environment.value(variable).trimmed() : QString();
    std::optional<Keychain::Result> stored;
    if (key.isEmpty() && Keychain::isEnabled()) {
        stored = Keychain::profileKey(profile.name);
        if (stored->ok())
            key = stored->key;
    }
    if (key.isEmpty() && !named && !loopback)
        key = environment.value(variable).trimmed();
    if (key.isEmpty() && (named || !loopback)) {
        QString message = QStringLiteral("profile '%1' needs an API key: set the environment variable %2%3")
                              .arg(profile.name, variable,
                                   named ? QStringLiteral(" (named by api_key_env)")
                                         : QStringLiteral(" (or name another with api_key_env)"));
        if (stored && stored->status == Keychain::Status::NotFound)
            message += QStringLiteral(", or store one for it in the keychain");
        else if (stored && stored->status == Keychain::Status::Unavailable)
            message += u"; "_s + stored->error;
        else if (stored)
            message += QStringLiteral("; the keychain could not be read: ") + stored->error;
        fail(error, message);
        return std::nullopt;
    }
    if (!key.isEmpty()) {
        endpoint.apiKey = key;
        Secrets::remember(key);
    }

    for (const auto &[name, value] : profile.llm.headers)
        endpoint.headers.append({name.trimmed().toUtf8(), value.toUtf8()});
    endpoint.temperature = profile.llm.temperature;
    endpoint.maxTokens = qMax(0, profile.llm.maxTokens);
    endpoint.stream = profile.llm.stream;
    endpoint.connectTimeoutMs = qBound(1, profile.llm.connectTimeoutS, MaxTimeoutS) * 1000;
    endpoint.idleTimeoutMs = qBound(1, profile.llm.idleTimeoutS, MaxTimeoutS) * 1000;
    return endpoint;
}

} // namespace switchboard::llm
