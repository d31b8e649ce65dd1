#pragma once

#include "ModelTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <variant>

// The failure side of the wire formats: HTTP statuses and error bodies turned into ModelErrors, the
// Retry-After header, JSON that is not what was promised, and the key kept out of every message.
namespace switchboard::llm::wire {

// The longest server text quoted in an error message.
inline constexpr int maxQuotedChars = 400;

// body as a JSON object, or a Protocol error saying where it stopped being one ("<what> is not JSON at byte 12:
// ...").
std::variant<QJsonObject, ModelError> parseObject(QByteArrayView body, const QString &what);

// The server's own words in an error body: error.message (both APIs), error as a string, message, detail, or
// else the start of the body if it is text. Cut to maxQuotedChars.
QString serverMessage(const QByteArray &body);
// error.type in an error body ("overloaded_error", "rate_limit_error", ...), empty if none.
QString serverErrorType(const QByteArray &body);

// Seconds to wait from Retry-After (delta seconds or an HTTP date, relative to now) or retry-after-ms; -1 when
// neither says anything usable.
int parseRetryAfter(const QByteArray &retryAfter, const QByteArray &retryAfterMs, const QDateTime &now);

// The error for an HTTP status >= 400 and its body.
ModelError httpError(int status, const QByteArray &body, int retryAfterS);
// The error for an Anthropic-style {"type": "...", "message": "..."} error object seen mid-stream.
ModelError errorObject(const QJsonObject &error, const QString &context);

// text with every occurrence of secret replaced (an API key a server echoes back); short secrets are left
// alone since replacing them would garble ordinary words.
QString redact(QString text, const QString &secret);
// Text cut to at most maxChars characters, marked with an ellipsis where cut.
QString cut(const QString &text, int maxChars = maxQuotedChars);

} // namespace switchboard::llm::wire
