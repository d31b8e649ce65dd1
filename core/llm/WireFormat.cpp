#include "WireFormat.h"

#include "AnthropicWire.h"
#include "JsonText.h"
#include "OpenAiWire.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace switchboard::llm {

std::unique_ptr<WireFormat> WireFormat::create(ApiKind api)
{
    if (api == ApiKind::Anthropic)
        return std::make_unique<AnthropicWire>();
    return std::make_unique<OpenAiWire>();
}

QByteArray WireFormat::requestBody(const ChatRequest &request, const ModelEndpoint &endpoint,
                                   const QByteArray &toolsJson) const
{
    if (request.tools.isEmpty() || toolsJson.isEmpty())
        return QJsonDocument(buildRequest(request, endpoint)).toJson(QJsonDocument::Compact);
    ChatRequest rest = request;
    rest.tools.clear();
    QByteArray body = QJsonDocument(buildRequest(rest, endpoint)).toJson(QJsonDocument::Compact);
    body.chop(1); // the object's closing brace
    body += ",\"tools\":" + toolsJson + '}';
    return body;
}

QByteArray WireFormat::openBody(const ChatRequest &request, const ModelEndpoint &endpoint, const QByteArray &toolsJson,
                                qsizetype perMessage)
{
    qsizetype estimate = 256 + request.system.size() + toolsJson.size();
    for (const ChatMessage &message : request.messages)
        estimate += perMessage + message.text.size();
    QByteArray out;
    out.reserve(estimate);
    out += "{\"model\":";
    json::appendString(out, endpoint.model);
    return out;
}

void WireFormat::appendToolsAndTemperature(QByteArray &out, const ChatRequest &request, const ModelEndpoint &endpoint,
                                           const QByteArray &toolsJson) const
{
    if (!request.tools.isEmpty()) {
        out += ",\"tools\":";
        out += toolsJson.isEmpty() ? this->toolsJson(request.tools, endpoint) : toolsJson;
    }
    if (endpoint.temperature) {
        out += ",\"temperature\":";
        json::appendNumber(out, *endpoint.temperature);
    }
}

QByteArray WireFormat::toolsJson(const QList<ToolSpec> &tools, const ModelEndpoint &endpoint) const
{
    ChatRequest toolsOnly;
    toolsOnly.tools = tools;
    const QJsonArray array = buildRequest(toolsOnly, endpoint).value(QStringLiteral("tools")).toArray();
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace switchboard::llm
