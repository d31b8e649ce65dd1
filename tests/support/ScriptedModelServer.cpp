#include "ScriptedModelServer.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace switchboard::test {

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 529:
        return "Overloaded";
    default:
        return "Status";
    }
}

QString defaultErrorType(llm::ApiKind api, int status)
{
    switch (status) {
    case 401:
        return api == llm::ApiKind::Anthropic ? u"authentication_error"_s : u"invalid_request_error"_s;
    case 403:
        return u"permission_error"_s;
    case 404:
        return api == llm::ApiKind::Anthropic ? u"not_found_error"_s : u"invalid_request_error"_s;
    case 413:
        return u"request_too_large"_s;
    case 429:
        return api == llm::ApiKind::Anthropic ? u"rate_limit_error"_s : u"requests"_s;
    case 529:
        return u"overloaded_error"_s;
    default:
        if (status >= 500)
            return api == llm::ApiKind::Anthropic ? u"api_error"_s : u"server_error"_s;
        return u"invalid_request_error"_s;
    }
}

// Pieces of at most n characters that never split a surrogate pair (each piece is valid JSON text).
QStringList pieces(const QString &text, int n)
{
    QStringList out;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = std::min(text.size(), start + n);
        if (end < text.size() && text.at(end - 1).isHighSurrogate())
            ++end;
        out.append(text.sliced(start, end - start));
        start = end;
    }
    return out;
}

QByteArray serializeEvent(const llm::SseEvent &event)
{
    QByteArray out;
    if (!event.name.isEmpty())
        out += "event: " + event.name.toUtf8() + '\n';
    for (const QString &line : event.data.split(u'\n'))
        out += "data: " + line.toUtf8() + '\n';
    return out + '\n';
}

struct Step
{
    enum class Action
    {
        Write,
        Close,  // disconnect after what was written (the response is cut, or was never HTTP)
        Finish, // the response is complete: the connection takes its next request
    };
    int delayMs = 0;
    QByteArray bytes;
    Action action = Action::Write;
};

} // namespace

class ScriptedModelServer::Worker final : public QObject
{
public:
    explicit Worker(ScriptedModelServer *owner)
        : m_owner(owner)
    {}

    quint16 listen()
    {
        m_server = new QTcpServer(this);
        QObject::connect(m_server, &QTcpServer::newConnection, this, [this] { handleNewConnections(); });
        if (!m_server->listen(QHostAddress::LocalHost, 0))
            qFatal("ScriptedModelServer cannot listen: %s", qPrintable(m_server->errorString()));
        return m_server->serverPort();
    }

    void shutdown()
    {
        m_server->close();
        for (QTcpSocket *socket : m_buffers.keys())
            socket->abort();
    }

private:
    void handleNewConnections()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            {
                QMutexLocker lock(&m_owner->m_mutex);
                ++m_owner->m_connections;
            }
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); // each piece its own segment
            m_buffers.insert(socket, {});
            QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { handleReadyRead(socket); });
            QObject::connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                m_busy.remove(socket);
                socket->deleteLater();
            });
        }
    }

    void handleReadyRead(QTcpSocket *socket)
    {
        m_buffers[socket] += socket->readAll();
        processRequests(socket);
    }

    // Takes the complete requests off the connection's buffer, one at a time: the next waits until the
    // response to this one is complete, as HTTP/1.1 keep-alive goes.
    void processRequests(QTcpSocket *socket)
    {
        while (!m_busy.contains(socket) && m_buffers.contains(socket)) {
            QByteArray &buffer = m_buffers[socket];
            const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QList<QByteArray> lines = buffer.first(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            RecordedRequest request;
            request.method = requestLine.value(0);
            request.path = requestLine.value(1);
            qsizetype contentLength = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon < 0)
                    continue;
                const QByteArray name = lines[i].first(colon).trimmed().toLower();
                const QByteArray value = lines[i].sliced(colon + 1).trimmed();
                request.headers.append({name, value});
                if (name == "content-length")
                    contentLength = value.toLongLong();
            }
            if (buffer.size() < headerEnd + 4 + contentLength)
                return;
            request.body = buffer.sliced(headerEnd + 4, contentLength);
            buffer.remove(0, headerEnd + 4 + contentLength);
            const QJsonDocument document = QJsonDocument::fromJson(request.body);
            request.json = document.object();
            m_busy.insert(socket);
            respond(socket, request);
        }
    }

    void respond(QTcpSocket *socket, const RecordedRequest &request)
    {
        const llm::ApiKind api = m_owner->m_api;
        const bool models = request.method == "GET" && request.path.endsWith("/models");
        QStringList problems = models ? checkModelsRequest(api, m_owner->m_apiKey, request)
                                      : checkCompletionRequest(api, m_owner->m_apiKey, request);
        std::optional<ScriptedReply> reply;
        if (models) {
            QMutexLocker lock(&m_owner->m_mutex);
            reply = m_owner->m_modelsReply;
            if (!reply) {
                QJsonArray data;
                for (const QString &id : std::as_const(m_owner->m_models))
                    data.append(api == llm::ApiKind::OpenAi
                                    ? QJsonObject{{u"id"_s, id},
                                                  {u"object"_s, u"model"_s},
                                                  {u"created"_s, 1700000000},
                                                  {u"owned_by"_s, u"test"_s}}
                                    : QJsonObject{{u"id"_s, id},
                                                  {u"type"_s, u"model"_s},
                                                  {u"display_name"_s, id},
                                                  {u"created_at"_s, u"2025-01-01T00:00:00Z"_s}});
                QJsonObject body{{u"data"_s, data}};
                if (api == llm::ApiKind::OpenAi)
                    body.insert(u"object"_s, u"list"_s);
                else
                    body.insert(u"has_more"_s, false);
                reply = ScriptedReply::json(body);
            }
        } else {
            reply = m_owner->takeReply(request);
            if (!reply) {
                problems << u"a request came with no scripted reply left"_s;
                reply = ScriptedReply::httpError(500, u"ScriptedModelServer: no scripted reply left"_s);
            }
        }
        m_owner->record(request, problems);
        run(socket, steps(*reply, request), 0);
    }

    QList<Step> steps(const ScriptedReply &reply, const RecordedRequest &request)
    {
        const llm::ApiKind api = m_owner->m_api;
        QList<Step> out;
        const auto head = [&](int status, const QByteArray &contentType, qsizetype length) {
            QByteArray bytes = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
            bytes += "Content-Type: " + (reply.m_contentType.isEmpty() ? contentType : reply.m_contentType) + "\r\n";
            bytes += length < 0 ? QByteArray("Transfer-Encoding: chunked\r\nCache-Control: no-cache\r\n")
                                : "Content-Length: " + QByteArray::number(length) + "\r\n";
            bytes += "Connection: keep-alive\r\n";
            if (api == llm::ApiKind::Anthropic)
                bytes += "request-id: req_test\r\n";
            for (const auto &[name, value] : reply.m_headers)
                bytes += name + ": " + value + "\r\n";
            out.append(Step{reply.m_firstByteDelayMs, bytes + "\r\n", Step::Action::Write});
        };
        // A whole body, in pieces if asked.
        const auto wholeBody = [&](int status, const QByteArray &contentType, const QByteArray &body) {
            head(status, contentType, body.size());
            const int size = reply.m_chunkBytes > 0 ? reply.m_chunkBytes : int(std::max<qsizetype>(1, body.size()));
            for (qsizetype at = 0; at < body.size(); at += size)
                out.append(Step{at == 0 ? 0 : reply.m_chunkIntervalMs, body.mid(at, size), Step::Action::Write});
            out.append(Step{0, {}, Step::Action::Finish});
        };

        switch (reply.m_kind) {
        case ScriptedReply::Kind::Close:
            out.append(Step{reply.m_firstByteDelayMs, {}, Step::Action::Close});
            return out;
        case ScriptedReply::Kind::Raw:
            out.append(Step{reply.m_firstByteDelayMs, reply.m_body, Step::Action::Write});
            out.append(Step{0, {}, Step::Action::Close});
            return out;
        case ScriptedReply::Kind::Body:
            if (reply.m_hugeBytes > 0) {
                QByteArray body = "{\"padding\":\"" + QByteArray(reply.m_hugeBytes, 'x') + "\"}";
                wholeBody(reply.m_status, reply.m_contentType, body);
            } else {
                wholeBody(reply.m_status, reply.m_contentType, reply.m_body);
            }
            return out;
        case ScriptedReply::Kind::HttpError: {
            const QString type =
                reply.m_errorType.isEmpty() ? defaultErrorType(api, reply.m_status) : reply.m_errorType;
            const QJsonObject error{{u"type"_s, type}, {u"message"_s, reply.m_text}};
            const QJsonObject body = api == llm::ApiKind::Anthropic
                                         ? QJsonObject{{u"type"_s, u"error"_s}, {u"error"_s, error}}
                                         : QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, reply.m_text},
                                                                                {u"type"_s, type},
                                                                                {u"param"_s, QJsonValue::Null},
                                                                                {u"code"_s, QJsonValue::Null}}}};
            wholeBody(reply.m_status, "application/json", compact(body));
            return out;
        }
        case ScriptedReply::Kind::Events:
        case ScriptedReply::Kind::Answer:
            break;
        }

        const QString model = reply.m_model.isEmpty() ? request.json.value(u"model"_s).toString() : reply.m_model;
        if (reply.m_kind == ScriptedReply::Kind::Answer && !request.streamed()) {
            wholeBody(200, "application/json", compact(answerJson(reply, model)));
            return out;
        }
        QList<QByteArray> events;
        bool hasTerminal = false;
        if (reply.m_hugeBytes > 0) {
            events.append("data: " + QByteArray(reply.m_hugeBytes, 'x'));
        } else if (reply.m_kind == ScriptedReply::Kind::Events) {
            for (const llm::SseEvent &event : reply.m_events)
                events.append(serializeEvent(event));
        } else {
            const bool includeUsage =
                request.json.value(u"stream_options"_s).toObject().value(u"include_usage"_s).toBool();
            for (const llm::SseEvent &event : answerEvents(reply, model, includeUsage))
                events.append(serializeEvent(event));
            hasTerminal = true;
        }
        if (hasTerminal && reply.m_withoutTerminal)
            events.removeLast();
        bool cut = false;
        if (reply.m_cutAfterEvents >= 0 && reply.m_cutAfterEvents < events.size()) {
            events.resize(reply.m_cutAfterEvents);
            cut = true;
        }

        head(200, "text/event-stream", -1);
        // The events, in pieces of chunkBytes (or one piece per event), each piece one HTTP chunk.
        const auto chunk = [](const QByteArray &bytes) -> QByteArray {
            return QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n";
        };
        int delay = 0;
        QByteArray pending;
        const auto emitPending = [&](bool all) {
            const qsizetype size = reply.m_chunkBytes > 0 ? reply.m_chunkBytes : pending.size();
            while (!pending.isEmpty() && (all || pending.size() >= size)) {
                const QByteArray piece = pending.first(std::min(size, pending.size()));
                pending.remove(0, piece.size());
                out.append(Step{delay, chunk(piece), Step::Action::Write});
                delay = reply.m_chunkIntervalMs;
            }
        };
        for (qsizetype i = 0; i < events.size(); ++i) {
            pending += events[i];
            const bool pauseHere = reply.m_pauseAfterEvents == i + 1;
            emitPending(reply.m_chunkBytes <= 0 || pauseHere);
            if (pauseHere)
                delay = reply.m_pauseMs;
        }
        emitPending(true);
        if (cut) {
            out.append(Step{delay, {}, Step::Action::Close});
        } else {
            out.append(Step{delay, "0\r\n\r\n", Step::Action::Write});
            out.append(Step{0, {}, Step::Action::Finish});
        }
        return out;
    }

    QString callId(int index) const
    {
        return (m_owner->m_api == llm::ApiKind::OpenAi ? u"call_%1"_s : u"toolu_%1"_s).arg(index + 1);
    }

    QString stopReason(const ScriptedReply &reply) const
    {
        if (!reply.m_stopReason.isEmpty())
            return reply.m_stopReason;
        const bool openAi = m_owner->m_api == llm::ApiKind::OpenAi;
        if (reply.m_truncated)
            return openAi ? u"length"_s : u"max_tokens"_s;
        if (!reply.m_toolCalls.isEmpty())
            return openAi ? u"tool_calls"_s : u"tool_use"_s;
        return openAi ? u"stop"_s : u"end_turn"_s;
    }

    QJsonObject answerJson(const ScriptedReply &reply, const QString &model) const
    {
        if (m_owner->m_api == llm::ApiKind::OpenAi) {
            QJsonObject message{{u"role"_s, u"assistant"_s},
                                {u"content"_s, reply.m_text.isEmpty() && !reply.m_toolCalls.isEmpty()
                                                   ? QJsonValue(QJsonValue::Null)
                                                   : QJsonValue(reply.m_text)}};
            if (!reply.m_toolCalls.isEmpty()) {
                QJsonArray calls;
                for (qsizetype i = 0; i < reply.m_toolCalls.size(); ++i) {
                    const llm::ToolCall &call = reply.m_toolCalls[i];
                    calls.append(QJsonObject{
                        {u"id"_s, call.id.isEmpty() ? callId(int(i)) : call.id},
                        {u"type"_s, u"function"_s},
                        {u"function"_s, QJsonObject{{u"name"_s, call.name}, {u"arguments"_s, call.arguments}}}});
                }
                message.insert(u"tool_calls"_s, calls);
            }
            return QJsonObject{
                {u"id"_s, u"chatcmpl-test"_s},
                {u"object"_s, u"chat.completion"_s},
                {u"created"_s, 1700000000},
                {u"model"_s, model},
                {u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0},
                                                      {u"message"_s, message},
                                                      {u"logprobs"_s, QJsonValue::Null},
                                                      {u"finish_reason"_s, stopReason(reply)}}}},
                {u"usage"_s, QJsonObject{{u"prompt_tokens"_s, reply.m_usage.inputTokens},
                                         {u"completion_tokens"_s, reply.m_usage.outputTokens},
                                         {u"total_tokens"_s, reply.m_usage.inputTokens + reply.m_usage.outputTokens}}}};
        }
        QJsonArray content;
        if (!reply.m_text.isEmpty())
            content.append(QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, reply.m_text}});
        for (qsizetype i = 0; i < reply.m_toolCalls.size(); ++i) {
            const llm::ToolCall &call = reply.m_toolCalls[i];
            content.append(QJsonObject{{u"type"_s, u"tool_use"_s},
                                       {u"id"_s, call.id.isEmpty() ? callId(int(i)) : call.id},
                                       {u"name"_s, call.name},
                                       {u"input"_s, QJsonDocument::fromJson(call.arguments.toUtf8()).object()}});
        }
        return QJsonObject{{u"id"_s, u"msg_test"_s},
                           {u"type"_s, u"message"_s},
                           {u"role"_s, u"assistant"_s},
                           {u"model"_s, model},
                           {u"content"_s, content},
                           {u"stop_reason"_s, stopReason(reply)},
                           {u"stop_sequence"_s, QJsonValue::Null},
                           {u"usage"_s, QJsonObject{{u"input_tokens"_s, reply.m_usage.inputTokens},
                                                    {u"output_tokens"_s, reply.m_usage.outputTokens}}}};
    }

    // The events the real API streams for this answer, the terminal one last.
    QList<llm::SseEvent> answerEvents(const ScriptedReply &reply, const QString &model, bool includeUsage) const
    {
        QList<llm::SseEvent> events;
        if (m_owner->m_api == llm::ApiKind::OpenAi) {
            const auto chunk = [&](const QJsonObject &delta, const QJsonValue &finish) {
                events.append(llm::SseEvent{
                    {},
                    QString::fromUtf8(
                        compact(QJsonObject{{u"id"_s, u"chatcmpl-test"_s},
                                            {u"object"_s, u"chat.completion.chunk"_s},
                                            {u"created"_s, 1700000000},
                                            {u"model"_s, model},
                                            {u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0},
                                                                                  {u"delta"_s, delta},
                                                                                  {u"logprobs"_s, QJsonValue::Null},
                                                                                  {u"finish_reason"_s, finish}}}}}))});
            };
            chunk(QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, u""_s}}, QJsonValue::Null);
            for (const QString &piece : pieces(reply.m_text, reply.m_textPieces))
                chunk(QJsonObject{{u"content"_s, piece}}, QJsonValue::Null);
            for (qsizetype i = 0; i < reply.m_toolCalls.size(); ++i) {
                const llm::ToolCall &call = reply.m_toolCalls[i];
                chunk(QJsonObject{{u"tool_calls"_s,
                                   QJsonArray{QJsonObject{{u"index"_s, int(i)},
                                                          {u"id"_s, call.id.isEmpty() ? callId(int(i)) : call.id},
                                                          {u"type"_s, u"function"_s},
                                                          {u"function"_s, QJsonObject{{u"name"_s, call.name},
                                                                                      {u"arguments"_s, u""_s}}}}}}},
                      QJsonValue::Null);
                for (const QString &piece : pieces(call.arguments, reply.m_argumentPieces))
                    chunk(QJsonObject{{u"tool_calls"_s,
                                       QJsonArray{QJsonObject{{u"index"_s, int(i)},
                                                              {u"function"_s, QJsonObject{{u"arguments"_s, piece}}}}}}},
                          QJsonValue::Null);
            }
            chunk(QJsonObject{}, stopReason(reply));
            if (includeUsage)
                events.append(llm::SseEvent{
                    {},
                    QString::fromUtf8(compact(QJsonObject{
                        {u"id"_s, u"chatcmpl-test"_s},
                        {u"object"_s, u"chat.completion.chunk"_s},
                        {u"created"_s, 1700000000},
                        {u"model"_s, model},
                        {u"choices"_s, QJsonArray()},
                        {u"usage"_s,
                         QJsonObject{{u"prompt_tokens"_s, reply.m_usage.inputTokens},
                                     {u"completion_tokens"_s, reply.m_usage.outputTokens},
                                     {u"total_tokens"_s, reply.m_usage.inputTokens + reply.m_usage.outputTokens}}}}))});
            events.append(llm::SseEvent{{}, u"[DONE]"_s});
            return events;
        }
        const auto event = [&](const QString &name, QJsonObject data) {
            data.insert(u"type"_s, name);
            events.append(llm::SseEvent{name, QString::fromUtf8(compact(data))});
        };
        event(u"message_start"_s,
              QJsonObject{
                  {u"message"_s, QJsonObject{{u"id"_s, u"msg_test"_s},
                                             {u"type"_s, u"message"_s},
                                             {u"role"_s, u"assistant"_s},
                                             {u"content"_s, QJsonArray()},
                                             {u"model"_s, model},
                                             {u"stop_reason"_s, QJsonValue::Null},
                                             {u"stop_sequence"_s, QJsonValue::Null},
                                             {u"usage"_s, QJsonObject{{u"input_tokens"_s, reply.m_usage.inputTokens},
                                                                      {u"output_tokens"_s, 1}}}}}});
        event(u"ping"_s, {});
        int index = 0;
        if (!reply.m_text.isEmpty()) {
            event(u"content_block_start"_s,
                  QJsonObject{{u"index"_s, index},
                              {u"content_block"_s, QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u""_s}}}});
            for (const QString &piece : pieces(reply.m_text, reply.m_textPieces))
                event(u"content_block_delta"_s,
                      QJsonObject{{u"index"_s, index},
                                  {u"delta"_s, QJsonObject{{u"type"_s, u"text_delta"_s}, {u"text"_s, piece}}}});
            event(u"content_block_stop"_s, QJsonObject{{u"index"_s, index}});
            ++index;
        }
        for (qsizetype i = 0; i < reply.m_toolCalls.size(); ++i, ++index) {
            const llm::ToolCall &call = reply.m_toolCalls[i];
            event(u"content_block_start"_s,
                  QJsonObject{{u"index"_s, index},
                              {u"content_block"_s, QJsonObject{{u"type"_s, u"tool_use"_s},
                                                               {u"id"_s, call.id.isEmpty() ? callId(int(i)) : call.id},
                                                               {u"name"_s, call.name},
                                                               {u"input"_s, QJsonObject()}}}});
            for (const QString &piece : pieces(call.arguments, reply.m_argumentPieces))
                event(u"content_block_delta"_s, QJsonObject{{u"index"_s, index},
                                                            {u"delta"_s, QJsonObject{{u"type"_s, u"input_json_delta"_s},
                                                                                     {u"partial_json"_s, piece}}}});
            event(u"content_block_stop"_s, QJsonObject{{u"index"_s, index}});
        }
        event(u"message_delta"_s,
              QJsonObject{{u"delta"_s,
                           QJsonObject{{u"stop_reason"_s, stopReason(reply)}, {u"stop_sequence"_s, QJsonValue::Null}}},
                          {u"usage"_s, QJsonObject{{u"output_tokens"_s, reply.m_usage.outputTokens}}}});
        event(u"message_stop"_s, {});
        return events;
    }

    // Runs the steps one after another, each after its delay, as long as the connection lives.
    void run(QTcpSocket *socket, QList<Step> steps, qsizetype index)
    {
        if (index >= steps.size())
            return;
        const Step step = steps[index];
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(step.delayMs, socket, [this, guard, steps = std::move(steps), index, step] {
            if (!guard || guard->state() != QAbstractSocket::ConnectedState)
                return;
            switch (step.action) {
            case Step::Action::Write:
                guard->write(step.bytes);
                guard->flush();
                run(guard, steps, index + 1);
                break;
            case Step::Action::Close:
                guard->disconnectFromHost();
                break;
            case Step::Action::Finish:
                m_busy.remove(guard);
                processRequests(guard);
                break;
            }
        });
    }

    ScriptedModelServer *m_owner;
    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, QByteArray> m_buffers; // the bytes of a request not complete yet
    QSet<QTcpSocket *> m_busy;                 // sockets with a response being written
};

ScriptedModelServer::ScriptedModelServer(llm::ApiKind api, const QString &apiKey)
    : m_api(api)
    , m_apiKey(apiKey)
{
    m_thread.setObjectName(u"ScriptedModelServer"_s);
    m_thread.start();
    m_worker = new Worker(this);
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    QMetaObject::invokeMethod(
        m_worker, [this] { m_port = m_worker->listen(); }, Qt::BlockingQueuedConnection);
}

ScriptedModelServer::~ScriptedModelServer()
{
    QMetaObject::invokeMethod(
        m_worker, [this] { m_worker->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QUrl ScriptedModelServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/v1"_s.arg(m_port));
}

llm::ModelEndpoint ScriptedModelServer::endpoint(const QString &model) const
{
    llm::ModelEndpoint endpoint;
    endpoint.api = m_api;
    endpoint.baseUrl = baseUrl();
    endpoint.model = model;
    endpoint.apiKey = m_apiKey;
    return endpoint;
}

void ScriptedModelServer::enqueue(const ScriptedReply &reply)
{
    QMutexLocker lock(&m_mutex);
    m_replies.push_back(reply);
}

void ScriptedModelServer::enqueue(const QList<ScriptedReply> &replies)
{
    QMutexLocker lock(&m_mutex);
    for (const ScriptedReply &reply : replies)
        m_replies.push_back(reply);
}

int ScriptedModelServer::pendingReplies() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_replies.size());
}

void ScriptedModelServer::setModels(const QStringList &ids)
{
    QMutexLocker lock(&m_mutex);
    m_models = ids;
}

void ScriptedModelServer::setModelsReply(const std::optional<ScriptedReply> &reply)
{
    QMutexLocker lock(&m_mutex);
    m_modelsReply = reply;
}

QList<RecordedRequest> ScriptedModelServer::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

RecordedRequest ScriptedModelServer::request(int index) const
{
    QMutexLocker lock(&m_mutex);
    return m_requests.value(index);
}

RecordedRequest ScriptedModelServer::lastRequest() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests.isEmpty() ? RecordedRequest() : m_requests.last();
}

int ScriptedModelServer::requestCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_requests.size());
}

int ScriptedModelServer::connectionCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_connections;
}

QStringList ScriptedModelServer::violations() const
{
    QMutexLocker lock(&m_mutex);
    return m_violations;
}

QString ScriptedModelServer::report() const
{
    const QStringList all = violations();
    return all.isEmpty() ? u"no violations"_s : all.join(u'\n');
}

void ScriptedModelServer::clearRecords()
{
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
    m_violations.clear();
}

std::optional<ScriptedReply> ScriptedModelServer::takeReply(const RecordedRequest &request)
{
    Responder responder;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_replies.empty()) {
            ScriptedReply reply = m_replies.front();
            m_replies.pop_front();
            return reply;
        }
        responder = m_responder;
    }
    // Called unlocked: the responder may look at the server (requests(), enqueue()).
    return responder ? responder(request) : std::nullopt;
}

void ScriptedModelServer::setResponder(Responder responder)
{
    QMutexLocker lock(&m_mutex);
    m_responder = std::move(responder);
}

void ScriptedModelServer::record(const RecordedRequest &request, const QStringList &violations)
{
    QMutexLocker lock(&m_mutex);
    m_requests.append(request);
    for (const QString &violation : violations)
        m_violations.append(
            u"request %1 (%2 %3): %4"_s.arg(m_requests.size())
                .arg(QString::fromLatin1(request.method), QString::fromLatin1(request.path), violation));
}

} // namespace switchboard::test
