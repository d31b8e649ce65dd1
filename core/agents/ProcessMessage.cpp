#include "ProcessMessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <cmath>

namespace switchboard {

namespace {

// Integers beyond 2^53 cannot round-trip through a JSON number.
constexpr double maxExactInteger = 9007199254740992.0;

bool isAbsent(const QJsonObject &object, QStringView key)
{
    const QJsonValue value = object.value(key);
    return value.isUndefined() || value.isNull();
}

// Reads an optional non-negative whole number; returns false (with reason) when present but wrong.
bool readCount(const QJsonObject &object, QStringView key, qint64 *out, QString *reason)
{
    if (isAbsent(object, key))
        return true;
    const QJsonValue value = object.value(key);
    const double number = value.toDouble(-1.0);
    if (!value.isDouble() || number < 0 || number > maxExactInteger || std::floor(number) != number) {
        *reason = key.toString() + QStringLiteral(" must be a non-negative integer");
        return false;
    }
    *out = static_cast<qint64>(number);
    return true;
}

ProcessMessage parseProgress(const QJsonObject &object)
{
    ProcessMessage message;
    message.kind = ProcessMessage::Kind::Progress;
    if (!isAbsent(object, u"progress")) {
        const QJsonValue value = object.value(u"progress");
        if (!value.isDouble())
            return ProcessMessage::malformed(QStringLiteral("progress must be a number"));
        message.progress = qRound(qBound(0.0, value.toDouble(), 100.0));
    }
    if (!isAbsent(object, u"step")) {
        const QJsonValue value = object.value(u"step");
        if (!value.isString())
            return ProcessMessage::malformed(QStringLiteral("step must be a string"));
        message.step = value.toString();
    }
    if (!message.progress && !message.step)
        return ProcessMessage::malformed(QStringLiteral("progress message needs \"progress\" or \"step\""));
    return message;
}

ProcessMessage parseLog(const QJsonObject &object)
{
    const QJsonValue value = object.value(u"text");
    if (value.isUndefined())
        return ProcessMessage::malformed(QStringLiteral("log message needs \"text\""));
    if (!value.isString())
        return ProcessMessage::malformed(QStringLiteral("text must be a string"));
    ProcessMessage message;
    message.kind = ProcessMessage::Kind::Log;
    message.text = value.toString();
    return message;
}

ProcessMessage parseUsage(const QJsonObject &object)
{
    ProcessMessage message;
    message.kind = ProcessMessage::Kind::Usage;
    QString reason;
    if (!readCount(object, u"input_tokens", &message.inputTokens, &reason) ||
        !readCount(object, u"output_tokens", &message.outputTokens, &reason))
        return ProcessMessage::malformed(reason);
    if (!isAbsent(object, u"cost_usd")) {
        const QJsonValue value = object.value(u"cost_usd");
        if (!value.isDouble() || value.toDouble() < 0)
            return ProcessMessage::malformed(QStringLiteral("cost_usd must be a non-negative number"));
        message.costUsd = value.toDouble();
    }
    if (isAbsent(object, u"input_tokens") && isAbsent(object, u"output_tokens") && isAbsent(object, u"cost_usd"))
        return ProcessMessage::malformed(QStringLiteral("usage message needs input_tokens, output_tokens or cost_usd"));
    return message;
}

ProcessMessage parseResult(const QJsonObject &object)
{
    const QJsonValue value = object.value(u"summary");
    if (value.isUndefined())
        return ProcessMessage::malformed(QStringLiteral("result message needs \"summary\""));
    if (!value.isString())
        return ProcessMessage::malformed(QStringLiteral("summary must be a string"));
    ProcessMessage message;
    message.kind = ProcessMessage::Kind::Result;
    message.text = value.toString();
    return message;
}

ProcessMessage withKind(ProcessMessage::Kind kind)
{
    ProcessMessage message;
    message.kind = kind;
    return message;
}

// A required (or optional) non-negative number field.
bool readNumber(const QJsonObject &object, QStringView key, bool required, ProcessMessage *message, QString *reason)
{
    if (isAbsent(object, key)) {
        if (required)
            *reason = QStringLiteral("%1 message needs \"%2\"").arg(object.value(u"type").toString(), key.toString());
        return !required;
    }
    const QJsonValue value = object.value(key);
    if (!value.isDouble()) {
        *reason = key.toString() + QStringLiteral(" must be a number");
        return false;
    }
    message->number = value.toDouble();
    message->hasNumber = true;
    return true;
}

bool readResources(const QJsonObject &object, bool required, ProcessMessage *message, QString *reason)
{
    const QJsonValue value = object.value(u"resources");
    if (value.isUndefined() || value.isNull()) {
        if (required)
            *reason = QStringLiteral("%1 message needs \"resources\"").arg(object.value(u"type").toString());
        return !required;
    }
    if (!value.isArray()) {
        *reason = QStringLiteral("resources must be a list of strings");
        return false;
    }
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString() || item.toString().trimmed().isEmpty()) {
            *reason = QStringLiteral("resources must be a list of non-empty strings");
            return false;
        }
        message->resources << item.toString();
    }
    if (required && message->resources.isEmpty()) {
        *reason = QStringLiteral("resources must not be empty");
        return false;
    }
    return true;
}

ProcessMessage parseExtended(const QString &name, const QJsonObject &object)
{
    QString reason;
    if (name == u"heartbeat")
        return withKind(ProcessMessage::Kind::Heartbeat);
    if (name == u"error") {
        const QJsonValue text = object.value(u"message");
        if (!text.isString())
            return ProcessMessage::malformed(QStringLiteral("error message needs \"message\" (a string)"));
        ProcessMessage m = withKind(ProcessMessage::Kind::Error);
        m.text = text.toString();
        m.errorKind = object.value(u"kind").toString(QStringLiteral("exit"));
        return m;
    }
    if (name == u"rate_limited") {
        ProcessMessage m = withKind(ProcessMessage::Kind::RateLimited);
        if (!readNumber(object, u"retry_after_s", false, &m, &reason))
            return ProcessMessage::malformed(reason);
        if (!m.hasNumber)
            m.number = 60; // no hint: a minute, like most APIs
        return m;
    }
    if (name == u"score") {
        ProcessMessage m = withKind(ProcessMessage::Kind::Score);
        if (!readNumber(object, u"value", true, &m, &reason))
            return ProcessMessage::malformed(reason);
        return m;
    }
    if (name == u"iteration") {
        ProcessMessage m = withKind(ProcessMessage::Kind::Iteration);
        const QJsonValue output = object.value(u"output");
        if (!output.isString())
            return ProcessMessage::malformed(QStringLiteral("iteration message needs \"output\" (a string)"));
        m.text = output.toString();
        if (!readNumber(object, u"score", false, &m, &reason))
            return ProcessMessage::malformed(reason);
        return m;
    }
    if (name == u"handoff") {
        ProcessMessage m = withKind(ProcessMessage::Kind::Handoff);
        const QJsonValue data = object.value(u"data");
        if (data.isUndefined())
            return ProcessMessage::malformed(QStringLiteral("handoff message needs \"data\""));
        m.text =
            data.isString()
                ? data.toString()
                : QString::fromUtf8(QJsonDocument(QJsonArray{data}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
        return m;
    }
    if (name == u"lock") {
        ProcessMessage m = withKind(ProcessMessage::Kind::Lock);
        if (!readResources(object, true, &m, &reason) || !readNumber(object, u"timeout_s", false, &m, &reason))
            return ProcessMessage::malformed(reason);
        if (!m.hasNumber)
            m.number = -1;
        return m;
    }
    if (name == u"unlock") {
        ProcessMessage m = withKind(ProcessMessage::Kind::Unlock);
        if (!readResources(object, false, &m, &reason))
            return ProcessMessage::malformed(reason);
        return m;
    }
    if (name == u"note") {
        const QJsonValue key = object.value(u"key");
        if (!key.isString() || key.toString().trimmed().isEmpty())
            return ProcessMessage::malformed(QStringLiteral("note message needs \"key\" (a non-empty string)"));
        const QJsonValue text = object.value(u"text");
        if (!text.isString())
            return ProcessMessage::malformed(QStringLiteral("note message needs \"text\" (a string)"));
        ProcessMessage m = withKind(ProcessMessage::Kind::Note);
        m.object = QJsonObject{{QStringLiteral("key"), key}};
        m.text = text.toString();
        return m;
    }
    if (name == u"read_notes") {
        ProcessMessage m = withKind(ProcessMessage::Kind::ReadNotes);
        const QJsonValue keys = object.value(u"keys");
        if (keys.isUndefined() || keys.isNull())
            return m;
        if (!keys.isArray())
            return ProcessMessage::malformed(QStringLiteral("read_notes: keys must be a list of strings"));
        for (const QJsonValue &item : keys.toArray()) {
            if (!item.isString())
                return ProcessMessage::malformed(QStringLiteral("read_notes: keys must be a list of strings"));
            m.resources << item.toString();
        }
        return m;
    }
    if (name == u"escalate") {
        const QJsonValue question = object.value(u"question");
        if (!question.isString() || question.toString().trimmed().isEmpty())
            return ProcessMessage::malformed(QStringLiteral("escalate message needs \"question\" (a string)"));
        const QJsonValue options = object.value(u"options");
        if (!options.isUndefined() && !options.isNull() && !options.isArray())
            return ProcessMessage::malformed(QStringLiteral("options must be a list"));
        ProcessMessage m = withKind(ProcessMessage::Kind::Escalate);
        m.object = object;
        return m;
    }
    return ProcessMessage::malformed(QStringLiteral("unknown message type \"%1\"").arg(name));
}

} // namespace

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

    const QString name = type.toString();
    if (name == u"progress")
        return parseProgress(object);
    if (name == u"log")
        return parseLog(object);
    if (name == u"usage")
        return parseUsage(object);
    if (name == u"result")
        return parseResult(object);
    return parseExtended(name, object);
}

} // namespace switchboard
