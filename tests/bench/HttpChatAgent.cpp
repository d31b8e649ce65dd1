#include "HttpChatAgent.h"

#include "orchestration/AgentContext.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QScopeGuard>
#include <QThreadStorage>

#include <memory>
#include <optional>

namespace switchboard::bench {

using namespace Qt::StringLiterals;

namespace {
double elapsedMs(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// Appends `text` as a JSON string literal, UTF-8, escaped per RFC 8259.
void appendJsonString(QByteArray &out, QStringView text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == '"' || byte == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            out += "\\u00";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

// Appends one {"role":...,"content":...} element to a serialised messages list.
void appendChatMessage(QByteArray &messages, QLatin1StringView role, QStringView content)
{
    if (!messages.endsWith('['))
        messages += ',';
    messages += "{\"role\":\"";
    messages += role;
    messages += "\",\"content\":";
    appendJsonString(messages, content);
    messages += '}';
}
} // namespace

void HttpProbe::agentStarted()
{
    const int now = m_running.fetch_add(1) + 1;
    int seen = m_maxRunning.load();
    while (now > seen && !m_maxRunning.compare_exchange_weak(seen, now)) {
    }
}

void HttpProbe::agentEnded()
{
    m_running.fetch_sub(1);
}

void HttpProbe::callDone(double latencyMs)
{
    ++m_calls;
    const QMutexLocker locker(&m_mutex);
    m_latencies << latencyMs;
}

void HttpProbe::setupDone(double setupMs)
{
    const QMutexLocker locker(&m_mutex);
    m_setups << setupMs;
}

QList<double> HttpProbe::callLatenciesMs() const
{
    const QMutexLocker locker(&m_mutex);
    return m_latencies;
}

QList<double> HttpProbe::setupTimesMs() const
{
    const QMutexLocker locker(&m_mutex);
    return m_setups;
}

AgentResult HttpChatAgent::run(AgentContext &context)
{
    m_probe->agentStarted();
    const auto ended = qScopeGuard([this] { m_probe->agentEnded(); });
    return converse(context);
}

AgentResult HttpChatAgent::converse(AgentContext &context)
{
    QElapsedTimer setupClock;
    setupClock.start();
    // Everything below lives on this pool thread and is gone before run() returns: a pool thread
    // runs other agents next, and a QNetworkAccessManager must die on the thread that made it.
    std::optional<QNetworkAccessManager> ownManager;
    QNetworkAccessManager *manager = nullptr;
    if (m_config.managerPerThread) {
        static QThreadStorage<QNetworkAccessManager *> perThread;
        if (!perThread.hasLocalData())
            perThread.setLocalData(new QNetworkAccessManager);
        manager = perThread.localData();
    } else {
        manager = &ownManager.emplace();
    }
    QNetworkAccessManager &network = *manager;
    if (m_config.directConnection)
        network.setProxy(QNetworkProxy::NoProxy);
    QPointer<QNetworkReply> inFlight;
    QEventLoop loop;
    context.setCancelHandler([&loop, &inFlight] {
        // Called on the cancelling thread: hop to ours, where the reply lives. If the loop is gone
        // by then, Qt drops the call with it.
        QMetaObject::invokeMethod(
            &loop,
            [&inFlight] {
                if (inFlight)
                    inFlight->abort(); // emits finished(), which ends loop.exec()
            },
            Qt::QueuedConnection);
    });
    // Declared last, so it runs first: no cancel handler may touch the locals above once they go.
    const auto clearHandler = qScopeGuard([&context] { context.setCancelHandler({}); });

    // The request body is kept serialised and only grows: each call appends the reply and the
    // follow-up instead of building and serialising the whole conversation again.
    QByteArray conversation;
    conversation.reserve(1024);
    conversation += "{\"model\":";
    appendJsonString(conversation, m_config.model);
    conversation += ",\"messages\":[";
    appendChatMessage(conversation, "system"_L1, u"You are a Switchboard benchmark agent.");
    appendChatMessage(conversation, "user"_L1, QString(u"Goal " + context.goal().id + u": " + context.goal().title));
    int messageCount = 2;
    QNetworkRequest request(m_config.endpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // An API client has no use for cookies: skip the jar on every request and reply.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setTransferTimeout(m_config.timeoutMs);
    if (!m_config.apiKey.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_config.apiKey);
    m_probe->setupDone(elapsedMs(setupClock));

    for (int call = 0; call < m_config.calls; ++call) {
        if (context.isCancelled())
            return AgentResult::cancelled();
        QElapsedTimer callClock;
        callClock.start();
        const std::unique_ptr<QNetworkReply> reply(network.post(request, QByteArray(conversation + "]}")));
        inFlight = reply.get();
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        inFlight = nullptr;
        const double latencyMs = elapsedMs(callClock);

        if (context.isCancelled())
            return AgentResult::cancelled();
        const QByteArray data = reply->readAll();
        if (reply->error() != QNetworkReply::NoError)
            return AgentResult::failed(QStringLiteral("call %1 of %2: HTTP %3: %4 %5")
                                           .arg(call + 1)
                                           .arg(m_config.calls)
                                           .arg(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt())
                                           .arg(reply->errorString(), QString::fromUtf8(data.left(300))));
        QJsonParseError parseError;
        const QJsonObject answer = QJsonDocument::fromJson(data, &parseError).object();
        const QJsonValue content =
            answer.value(u"choices").toArray().at(0).toObject().value(u"message").toObject().value(u"content");
        if (parseError.error != QJsonParseError::NoError || !content.isString())
            return AgentResult::failed(QStringLiteral("call %1: no choices[0].message.content in the reply: %2")
                                           .arg(call + 1)
                                           .arg(QString::fromUtf8(data.left(300))));
        const QString text = content.toString();
        m_probe->callDone(latencyMs);
        if (m_config.expectEcho && text != QString(u"ack " + QString::number(messageCount)))
            m_probe->unexpectedReply();

        const QJsonObject usage = answer.value(u"usage").toObject();
        context.addUsage(usage.value(u"prompt_tokens").toInteger(), usage.value(u"completion_tokens").toInteger(), 0.0);
        appendChatMessage(conversation, "assistant"_L1, text);
        ++messageCount;
        if (call + 1 < m_config.calls) {
            appendChatMessage(conversation, "user"_L1,
                              QString(u"Continue with step " + QString::number(call + 2) + u'.'));
            ++messageCount;
        }
        context.setProgress((call + 1) * 100 / m_config.calls,
                            u"chat call " + QString::number(call + 1) + u'/' + QString::number(m_config.calls));
    }
    return AgentResult::completed(QStringLiteral("%1 chat calls").arg(m_config.calls));
}

} // namespace switchboard::bench
