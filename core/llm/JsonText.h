#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QStringView>

namespace switchboard::llm {

// JSON text written straight into a request body, without building a QJsonObject first: a model call sends
// the whole conversation every time, and building and serialising it through QJsonObject was two thirds of a
// call's CPU (callgrind, w3: ~320 k of ~450 k instructions per call).
namespace json {

// text as a JSON string, quotes included, in UTF-8. Quote, backslash and control characters are escaped;
// a lone surrogate becomes U+FFFD (QJsonDocument writes "\ud800", which is not valid Unicode).
void appendString(QByteArray &out, QStringView text);

// A finite number the way JSON reads it back to the same double (shortest form).
void appendNumber(QByteArray &out, double value);

// Any value as compact JSON text (objects' keys in QJsonObject's order), reading back to the same value; what
// QJsonDocument::toJson(Compact) writes, without its conversion of the whole value first.
void appendValue(QByteArray &out, const QJsonValue &value);

} // namespace json

} // namespace switchboard::llm
