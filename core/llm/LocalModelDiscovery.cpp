#include "LocalModelDiscovery.h"

#include "config/LlmProfileRules.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace switchboard::llm {

namespace {

constexpr qint64 MaxBodyBytes = 4 * 1024 * 1024; // a model list is a few KB; anything huge is not one

const QString &ollama()
{
    static const QString kind = QStringLiteral("ollama");
    return kind;
}

// The models a probe's body lists, or nullopt when the body is not what that kind of server sends (another
// program on the port).
std::optional<QStringList> parseModels(const QString &kind, const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    // Ollama: {"models":[{"name":"llama3.2:latest",...}]}; OpenAI-compatible: {"data":[{"id":"..."}]}.
    const bool isOllama = kind == ollama();
    const QJsonValue list = doc.object().value(isOllama ? u"models" : u"data");
    if (!list.isArray())
        return std::nullopt;
    QStringList models;
    for (const QJsonValue &entry : list.toArray()) {
        const QString name = entry.toObject().value(isOllama ? u"name" : u"id").toString().trimmed();
        if (!name.isEmpty() && !models.contains(name))
            models << name;
    }
    return models;
}

} // namespace

QStringList LocalModelDiscovery::kinds()
{
    return {ollama(), QStringLiteral("llama.cpp"), QStringLiteral("lmstudio"), QStringLiteral("vllm")};
}

QList<LocalModelDiscovery::Candidate> LocalModelDiscovery::defaultCandidates()
{
    return {{ollama(), 11434},
            {QStringLiteral("llama.cpp"), 8080},
            {QStringLiteral("lmstudio"), 1234},
            {QStringLiteral("vllm"), 8000}};
}

QList<LocalModelDiscovery::Candidate>
LocalModelDiscovery::candidatesFromEnvironment(const QProcessEnvironment &environment, QString *error)
{
    const QString text = environment.value(QStringLiteral("SWITCHBOARD_DISCOVERY_PORTS")).trimmed();
    if (text.isEmpty())
        return defaultCandidates();
    QList<Candidate> candidates;
    for (const QString &item : text.split(u',', Qt::SkipEmptyParts)) {
        const QString kind = item.section(u'=', 0, 0).trimmed().toLower();
        bool ok = false;
        const uint port = item.section(u'=', 1).trimmed().toUInt(&ok);
        if (!kinds().contains(kind) || !ok || port == 0 || port > 65535) {
            if (error) {
                *error = QStringLiteral("SWITCHBOARD_DISCOVERY_PORTS: '%1' is not KIND=PORT with KIND one of %2; "
                                        "using the default ports")
                             .arg(item.trimmed(), kinds().join(QStringLiteral(", ")));
            }
            return defaultCandidates();
        }
        candidates.append({kind, quint16(port)});
    }
    return candidates;
}

LocalModelDiscovery::LocalModelDiscovery(QList<Candidate> candidates, int timeoutMs)
    : m_candidates(std::move(candidates))
    , m_timeoutMs(qMax(1, timeoutMs))
{}

QList<LocalModelServer> LocalModelDiscovery::discover() const
{
    QNetworkAccessManager manager;
    // Loopback only, and straight there: an http_proxy from the environment must not see these requests.
    manager.setProxy(QNetworkProxy::NoProxy);
    QEventLoop loop;
    QList<std::optional<LocalModelServer>> found(m_candidates.size());
    int pending = 0;
    for (qsizetype i = 0; i < m_candidates.size(); ++i) {
        const Candidate &candidate = m_candidates.at(i);
        const QString root = QStringLiteral("http://127.0.0.1:%1").arg(candidate.port);
        const QString path = candidate.kind == ollama() ? QStringLiteral("/api/tags") : QStringLiteral("/v1/models");
        QNetworkRequest request(QUrl(root + path));
        request.setTransferTimeout(m_timeoutMs);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setRawHeader("Accept", "application/json");
        QNetworkReply *reply = manager.get(request);
        ++pending;
        QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
            if (received > MaxBodyBytes)
                reply->abort();
        });
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, i, root] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (reply->error() == QNetworkReply::NoError && status == 200) {
                const QString kind = m_candidates.at(i).kind;
                if (const std::optional<QStringList> models = parseModels(kind, reply->read(MaxBodyBytes)))
                    found[i] = LocalModelServer{kind, QUrl(root + u"/v1"), *models};
            }
            if (--pending == 0)
                loop.quit();
        });
    }
    if (pending > 0) {
        // transferTimeout ends each request; this bounds the whole even if one hangs in a way it misses.
        QTimer::singleShot(m_timeoutMs * 2 + 500, &loop, &QEventLoop::quit);
        loop.exec();
    }
    QList<LocalModelServer> servers;
    for (const std::optional<LocalModelServer> &server : std::as_const(found)) {
        if (server)
            servers.append(*server);
    }
    return servers;
}

QFuture<QList<LocalModelServer>> LocalModelDiscovery::discoverAsync() const
{
    return QtConcurrent::run([candidates = m_candidates, timeoutMs = m_timeoutMs] {
        return LocalModelDiscovery(candidates, timeoutMs).discover();
    });
}

QString LocalModelDiscovery::profileName(const LocalModelServer &server, const QString &model)
{
    QString name = model.trimmed();
    if (name.endsWith(u":latest"))
        name.chop(7);
    name = name.section(u'/', -1); // llama.cpp and vLLM list paths: the file is the model's name
    if (name.endsWith(u".gguf", Qt::CaseInsensitive))
        name.chop(5);
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    name.replace(unsafe, QStringLiteral("-"));
    QString prefix = server.kind;
    prefix.remove(u'.');
    return prefix + u'-' + (name.isEmpty() ? QStringLiteral("model") : name);
}

AgentProfile LocalModelDiscovery::profileFor(const LocalModelServer &server, const QString &model)
{
    AgentProfile profile;
    profile.name = profileName(server, model);
    profile.backend = LlmProfileRules::openAi();
    profile.model = model;
    profile.llm.baseUrl = server.baseUrl.toString();
    // A local model may take a while to load on its first call.
    profile.llm.connectTimeoutS = 120;
    return profile;
}

QList<AgentProfile> LocalModelDiscovery::profilesFor(const QList<LocalModelServer> &servers)
{
    QList<AgentProfile> profiles;
    QStringList names;
    for (const LocalModelServer &server : servers) {
        for (const QString &model : server.models) {
            AgentProfile profile = profileFor(server, model);
            // Two servers may list the same model: the second gets the port in its name.
            if (names.contains(profile.name))
                profile.name += u'-' + QString::number(server.baseUrl.port());
            names << profile.name;
            profiles.append(profile);
        }
    }
    return profiles;
}

QString LocalModelDiscovery::portList(const QList<Candidate> &candidates)
{
    QStringList ports;
    for (const Candidate &candidate : candidates)
        ports << QString::number(candidate.port);
    return ports.join(QStringLiteral(", "));
}

} // namespace switchboard::llm
