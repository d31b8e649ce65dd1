#include "WireErrors.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QStringDecoder>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace switchboard::llm::wire {

std::variant<QJsonObject, ModelError> parseObject(QByteArrayView body, const QString &what)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QString start = QString::fromUtf8(body.first(std::min<qsizetype>(body.size(), 60)));
        return ModelError{ModelError::Kind::Protocol, 0, -1,
                          u"%1 is not JSON at byte %2 (%3): \"%4\""_s.arg(what)
                              .arg(parseError.offset)
                              .arg(parseError.errorString(), cut(start.simplified(), 60))};
    }
    if (!document.isObject())
        return ModelError{ModelError::Kind::Protocol, 0, -1, u"%1 is not a JSON object"_s.arg(what)};
    return document.object();
}

static QJsonObject errorBodyObject(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    return document.isObject() ? document.object() : QJsonObject();
}

QString serverMessage(const QByteArray &body)
{
    const QJsonObject object = errorBodyObject(body);
    QString message;
    const QJsonValue error = object.value(u"error"_s);
    if (error.isObject())
        message = error.toObject().value(u"message"_s).toString();
    else if (error.isString())
        message = error.toString();
    if (message.isEmpty())
        message = object.value(u"message"_s).toString();
    if (message.isEmpty())
        message = object.value(u"detail"_s).toString();
    if (message.isEmpty() && object.isEmpty() && !body.isEmpty()) {
        // Not JSON: quote the start of it if it is text (an HTML error page, a proxy's message).
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString text = decoder(body.first(std::min<qsizetype>(body.size(), 4 * maxQuotedChars)));
        if (!decoder.hasError())
            message = text.simplified();
    }
    return cut(message);
}

QString serverErrorType(const QByteArray &body)
{
    const QJsonObject object = errorBodyObject(body);
    const QJsonValue error = object.value(u"error"_s);
    if (error.isObject())
        return error.toObject().value(u"type"_s).toString();
    return {};
}

int parseRetryAfter(const QByteArray &retryAfter, const QByteArray &retryAfterMs, const QDateTime &now)
{
    // A huge hint stays huge (the pause is bounded where it is applied: RateLimitPause): converted to int
    // unchecked, 1e12 overflowed to a pause of about a second.
    const auto toSeconds = [](double seconds) {
        return int(std::min(std::ceil(seconds), double(std::numeric_limits<int>::max())));
    };
    bool ok = false;
    const double ms = retryAfterMs.trimmed().toDouble(&ok);
    if (ok && std::isfinite(ms) && ms >= 0)
        return toSeconds(ms / 1000.0);
    const QByteArray value = retryAfter.trimmed();
    if (value.isEmpty())
        return -1;
    const double seconds = value.toDouble(&ok);
    if (ok)
        return std::isfinite(seconds) && seconds >= 0 ? toSeconds(seconds) : -1;
    // An HTTP date (IMF-fixdate, "Wed, 21 Oct 2015 07:28:00 GMT"); RFC 2822 parsing reads it.
    QDateTime when = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
    if (!when.isValid())
        when = QLocale::c().toDateTime(QString::fromLatin1(value).chopped(value.endsWith(" GMT") ? 4 : 0),
                                       u"ddd, dd MMM yyyy HH:mm:ss"_s);
    if (!when.isValid())
        return -1;
    if (when.timeSpec() == Qt::LocalTime && !value.contains('+') && !value.contains("-0"))
        when.setTimeSpec(Qt::UTC);
    return int(std::clamp<qint64>(now.secsTo(when), 0, std::numeric_limits<int>::max()));
}

static ModelError::Kind kindForType(const QString &type)
{
    if (type == u"overloaded_error")
        return ModelError::Kind::Overloaded;
    if (type == u"rate_limit_error")
        return ModelError::Kind::RateLimited;
    if (type == u"authentication_error" || type == u"permission_error")
        return ModelError::Kind::Auth;
    if (type == u"invalid_request_error" || type == u"not_found_error" || type == u"request_too_large")
        return ModelError::Kind::BadRequest;
    return ModelError::Kind::Server;
}

ModelError httpError(int status, const QByteArray &body, int retryAfterS)
{
    ModelError error;
    error.httpStatus = status;
    if (status == 429)
        error.kind = ModelError::Kind::RateLimited;
    else if (status == 529 || serverErrorType(body) == u"overloaded_error")
        error.kind = ModelError::Kind::Overloaded;
    else if (status == 401 || status == 403)
        error.kind = ModelError::Kind::Auth;
    else if (status >= 500)
        error.kind = ModelError::Kind::Server;
    else
        error.kind = ModelError::Kind::BadRequest;
    if (error.kind == ModelError::Kind::RateLimited || error.kind == ModelError::Kind::Overloaded)
        error.retryAfterS = retryAfterS;
    const QString said = serverMessage(body);
    error.message = said.isEmpty() ? u"HTTP %1"_s.arg(status) : u"HTTP %1: %2"_s.arg(status).arg(said);
    return error;
}

ModelError errorObject(const QJsonObject &error, const QString &context)
{
    const QString type = error.value(u"type"_s).toString();
    QString message = error.value(u"message"_s).toString();
    if (message.isEmpty())
        message = type.isEmpty() ? u"unknown error"_s : type;
    else if (!type.isEmpty())
        message = type + u": "_s + message;
    return ModelError{kindForType(type), 0, -1, context + u": "_s + cut(message)};
}

QString redact(QString text, const QString &secret)
{
    if (secret.size() >= 6)
        text.replace(secret, u"[redacted]"_s);
    return text;
}

QString cut(const QString &text, int maxChars)
{
    if (text.size() <= maxChars)
        return text;
    qsizetype end = maxChars;
    if (text.at(end - 1).isHighSurrogate())
        --end;
    return text.first(end) + u"…"_s;
}

} // namespace switchboard::llm::wire
