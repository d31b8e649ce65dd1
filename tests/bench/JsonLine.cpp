#include "JsonLine.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <cstdio>

namespace switchboard::bench {

namespace {
QByteArray quoted(const QString &text)
{
    // Let QJsonDocument do the escaping: serialise ["text"] and strip the brackets.
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}
} // namespace

JsonLine &JsonLine::add(const QString &key, const QString &value)
{
    return addRaw(key, quoted(value));
}

JsonLine &JsonLine::add(const QString &key, qint64 value)
{
    return addRaw(key, QByteArray::number(value));
}

JsonLine &JsonLine::add(const QString &key, bool value)
{
    return addRaw(key, value ? QByteArrayLiteral("true") : QByteArrayLiteral("false"));
}

JsonLine &JsonLine::add(const QString &key, double value, int decimals)
{
    if (!std::isfinite(value))
        return addNull(key);
    return addRaw(key, QByteArray::number(value, 'f', decimals));
}

JsonLine &JsonLine::addNull(const QString &key)
{
    return addRaw(key, QByteArrayLiteral("null"));
}

JsonLine &JsonLine::addRaw(const QString &key, const QByteArray &json)
{
    for (auto &field : m_fields) {
        if (field.first == key) {
            field.second = json;
            return *this;
        }
    }
    m_fields.append({key, json});
    return *this;
}

JsonLine &JsonLine::append(const JsonLine &other)
{
    for (const auto &field : other.m_fields)
        addRaw(field.first, field.second);
    return *this;
}

QByteArray JsonLine::toJson() const
{
    QByteArray out = QByteArrayLiteral("{");
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        if (i > 0)
            out += ',';
        out += quoted(m_fields.at(i).first);
        out += ':';
        out += m_fields.at(i).second;
    }
    out += '}';
    return out;
}

void JsonLine::print() const
{
    const QByteArray line = toJson() + '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fflush(stdout);
}

} // namespace switchboard::bench
