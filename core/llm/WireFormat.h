#pragma once

#include "ModelTypes.h"
#include "SseParser.h"

#include <QByteArray>
#include <QJsonObject>

#include <memory>
#include <optional>
#include <variant>

namespace switchboard::llm {

// One API's wire format: the request body it takes and the replies it gives, whole or as a stream of events.
// An instance decodes one streamed reply (it keeps the accumulated state); the request and whole-reply parts
// are stateless. ModelClient does the HTTP around it; the tests feed it bodies and events directly.
class WireFormat
{
public:
    virtual ~WireFormat() = default;

    static std::unique_ptr<WireFormat> create(ApiKind api);

    // The path below the base URL: "chat/completions" or "messages".
    virtual QString completionPath() const = 0;
    virtual QJsonObject buildRequest(const ChatRequest &request, const ModelEndpoint &endpoint) const = 0;
    // The body as sent: buildRequest's object as compact JSON. toolsJson is request.tools already serialised
    // as this format's array (a caller's cache: an agent sends the same schemas with every call); empty means
    // they are serialised here.
    virtual QByteArray requestBody(const ChatRequest &request, const ModelEndpoint &endpoint,
                                   const QByteArray &toolsJson = {}) const;
    // request.tools as this format's JSON array, for the cache above.
    QByteArray toolsJson(const QList<ToolSpec> &tools, const ModelEndpoint &endpoint) const;

    // A whole (not streamed) 2xx body: the reply, or a Protocol error naming what was wrong.
    virtual std::variant<ModelReply, ModelError> parseReply(const QByteArray &body) const = 0;

    // One event of a streamed reply; an error ends the stream. textDelta receives new answer text.
    virtual std::optional<ModelError> handleEvent(const SseEvent &event, QString *textDelta) = 0;
    // The terminal event ([DONE] / message_stop) arrived: the reply is complete.
    virtual bool streamComplete() const = 0;
    // What the stream has said so far (complete once streamComplete()).
    virtual ModelReply streamReply() const = 0;

protected:
    // For the formats that write their body as text (JsonText): `{"model":"..."`, in an array with room for
    // the whole body (perMessage bytes of markup per message besides its text)...
    static QByteArray openBody(const ChatRequest &request, const ModelEndpoint &endpoint, const QByteArray &toolsJson,
                               qsizetype perMessage);
    // ... and `,"tools":[...]` (toolsJson, or serialised here when empty) and `,"temperature":t` where set.
    void appendToolsAndTemperature(QByteArray &out, const ChatRequest &request, const ModelEndpoint &endpoint,
                                   const QByteArray &toolsJson) const;

    WireFormat() = default;
    WireFormat(const WireFormat &) = default;
    WireFormat &operator=(const WireFormat &) = default;
};

} // namespace switchboard::llm
