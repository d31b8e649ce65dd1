#include "ProcessMessage.h"

#include "AgentActions.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace switchboard {

bool ProcessMessage::looksLikeMessage(QByteArrayView line)
{
    for (const char c : line) {
        if (c == ' ' || c == '\t' || c == '\r')
            continue;
        return c == '{';
    }
    return false;
}

ProcessMessage ProcessMessage::malformed(const QString &reason)
{
    ProcessMessage message;
    message.kind = Kind::Malformed;
    message.text = reason;
    return message;
}

ProcessMessage ProcessMessage::parse(QByteArrayView line)
{
    if (!looksLikeMessage(line)) {
        ProcessMessage message;
        message.text = QString::fromUtf8(line);
        return message;
    }

    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return malformed(QStringLiteral("not valid JSON (%1 at offset %2)").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return malformed(QStringLiteral("not a JSON object"));

    const QJsonObject object = document.object();
    const QJsonValue type = object.value(u"type");
    if (type.isUndefined())
        return malformed(QStringLiteral("missing \"type\""));
    if (!type.isString())
        return malformed(QStringLiteral("type must be a string"));

    // Each verb's arguments are checked by its entry in the action table.
    return AgentActions::standard().decode(type.toString(), object);
}

} // namespace switchboard
