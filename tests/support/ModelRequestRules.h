#pragma once

#include "llm/ModelTypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace switchboard::test {

// One HTTP request as a ScriptedModelServer received it.
struct RecordedRequest
{
    QByteArray method;
    QByteArray path;                              // with the query, as sent: "/v1/chat/completions"
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased, in the order sent
    QByteArray body;
    QJsonObject json; // the body parsed, empty when it is not a JSON object

    QByteArray header(const QByteArray &lowerCaseName) const;
    bool hasHeader(const QByteArray &lowerCaseName) const;
    bool streamed() const { return json.value(QLatin1String("stream")).toBool(); }
};

// What the real API would refuse in this request to its completion endpoint (POST /v1/chat/completions or
// /v1/messages): method, path, auth (the key expected, or none when expectedKey is empty), content type, and the
// body's shape: model, messages and their roles, content blocks, tool calls answered by tool results that name
// them, the tool schemas, temperature, max_tokens, stream options. One sentence per violation, empty if none.
QStringList checkCompletionRequest(llm::ApiKind api, const QString &expectedKey, const RecordedRequest &request);

// The same for GET /v1/models.
QStringList checkModelsRequest(llm::ApiKind api, const QString &expectedKey, const RecordedRequest &request);

} // namespace switchboard::test
