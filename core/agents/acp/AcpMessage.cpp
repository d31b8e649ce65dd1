#include "AcpMessage.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace switchboard {

namespace {

AcpMessage malformed(const QString &problem, const QJsonValue &id = QJsonValue(QJsonValue::Undefined))
{
    AcpMessage message;
    message.problem = problem;
    message.id = id;
    return message;
}

QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

AcpMessage AcpMessage::parse(QByteArrayView bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return malformed(QStringLiteral("not JSON (%1 at offset %2)").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return malformed(QStringLiteral("not a JSON object"));
    const QJsonObject object = document.object();

    const QJsonValue id = object.value(u"id");
    if (!id.isUndefined() && !id.isString() && !id.isDouble() && !id.isNull())
        return malformed(QStringLiteral("\"id\" is neither a number nor a string"));
    if (object.value(u"jsonrpc") != QStringLiteral("2.0"))
        return malformed(QStringLiteral("\"jsonrpc\" is not \"2.0\""), id);

    AcpMessage message;
    message.id = id;
    if (object.contains(u"method")) {
        const QJsonValue method = object.value(u"method");
        if (!method.isString() || method.toString().isEmpty())
            return malformed(QStringLiteral("\"method\" is not a non-empty string"), id);
        const QJsonValue params = object.value(u"params");
        if (!params.isUndefined() && !params.isNull() && !params.isObject())
            return malformed(QStringLiteral("\"params\" of %1 is not an object").arg(method.toString()), id);
        message.kind = id.isUndefined() ? Kind::Notification : Kind::Request;
        message.method = method.toString();
        message.params = params.toObject();
        return message;
    }
    if (id.isUndefined())
        return malformed(QStringLiteral("neither a request, a notification nor a response"));
    if (object.contains(u"error")) {
        const QJsonObject error = object.value(u"error").toObject();
        message.kind = Kind::ErrorResponse;
        message.errorCode = error.value(u"code").toInt();
        message.errorMessage = error.value(u"message").toString();
        const QJsonValue data = error.value(u"data");
        if (!data.isUndefined() && !data.isNull()) {
            const QString detail =
                data.isString()
                    ? data.toString()
                    : QString::fromUtf8(QJsonDocument::fromVariant(data.toVariant()).toJson(QJsonDocument::Compact));
            if (!detail.isEmpty())
                message.errorMessage += QStringLiteral(" (") + detail + u')';
        }
        return message;
    }
    if (!object.contains(u"result"))
        return malformed(QStringLiteral("a response without \"result\" or \"error\""), id);
    message.kind = Kind::Response;
    message.result = object.value(u"result");
    return message;
}

QByteArray AcpMessage::request(qint64 id, const QString &method, const QJsonObject &params)
{
    return line({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                 {QStringLiteral("id"), id},
                 {QStringLiteral("method"), method},
                 {QStringLiteral("params"), params}});
}

QByteArray AcpMessage::notification(const QString &method, const QJsonObject &params)
{
    return line({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                 {QStringLiteral("method"), method},
                 {QStringLiteral("params"), params}});
}

QByteArray AcpMessage::response(const QJsonValue &id, const QJsonValue &result)
{
    return line({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                 {QStringLiteral("id"), id},
                 {QStringLiteral("result"), result}});
}

QByteArray AcpMessage::error(const QJsonValue &id, int code, const QString &message)
{
    return line(
        {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
         {QStringLiteral("id"), id.isUndefined() ? QJsonValue() : id},
         {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}});
}

} // namespace switchboard
