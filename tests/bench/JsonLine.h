#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace switchboard::bench {

// One JSON object printed on one line, with keys in insertion order (QJsonObject sorts them,
// and readers of bench output expect "peer" and "workload" first).
class JsonLine final
{
public:
    JsonLine &add(const QString &key, const QString &value);
    JsonLine &add(const QString &key, const char *value) { return add(key, QString::fromUtf8(value)); }
    JsonLine &add(const QString &key, qint64 value);
    JsonLine &add(const QString &key, int value) { return add(key, static_cast<qint64>(value)); }
    JsonLine &add(const QString &key, bool value);
    // Fixed-point with `decimals` digits; NaN and infinities are written as null.
    JsonLine &add(const QString &key, double value, int decimals = 3);
    JsonLine &addNull(const QString &key);
    JsonLine &addRaw(const QString &key, const QByteArray &json);
    // Merges another line's fields after this one's.
    JsonLine &append(const JsonLine &other);

    QByteArray toJson() const;
    // Writes the line and a newline to stdout and flushes, so a pipe sees it at once.
    void print() const;

private:
    QList<std::pair<QString, QByteArray>> m_fields;
};

} // namespace switchboard::bench
