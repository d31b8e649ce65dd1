#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <sqlite3.h>

#include <optional>

namespace switchboard {

// One statement's rows. Through the SQLite C API on the connection's own handle when there is one: values
// come as SQLite stores them (UTF-8 text, 64-bit integers), each converted once into what the records hold.
// QSqlQuery::next() instead fills a row of QVariants, and the QSQLITE driver reads text as UTF-16, which
// makes SQLite convert every value: most of a load's time with 100,000 goals (docs/BENCHMARKS.md). Through
// QSqlQuery otherwise, with the same results (a NULL text is a null QString, "" an empty one).
class StoreRows final
{
    Q_DISABLE_COPY_MOVE(StoreRows)

public:
    StoreRows(const QSqlDatabase &db, sqlite3 *handle, const QString &sql, const QVariantList &values, QString *error)
        : m_handle(handle)
        , m_error(error)
    {
        if (m_handle)
            prepareStatement(sql, values);
        else
            prepareQuery(db, sql, values);
    }

    ~StoreRows()
    {
        if (m_statement)
            sqlite3_finalize(m_statement);
    }

    bool ok() const { return m_ok; }

    bool next()
    {
        if (!m_ok)
            return false;
        if (!m_handle)
            return m_query->next();
        const int rc = sqlite3_step(m_statement);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            fail(QString::fromUtf8(sqlite3_errmsg(m_handle)));
        return false;
    }

    bool isNull(int column) const
    {
        return m_handle ? sqlite3_column_type(m_statement, column) == SQLITE_NULL : m_query->value(column).isNull();
    }

    QString text(int column) const
    {
        if (!m_handle)
            return m_query->value(column).toString();
        if (sqlite3_column_type(m_statement, column) == SQLITE_NULL)
            return {};
        return QString::fromUtf8(utf8(column));
    }

    // The value as UTF-8; valid until the next call on this row (empty for NULL).
    QByteArrayView utf8(int column) const
    {
        if (!m_handle) {
            m_bytes = m_query->value(column).toString().toUtf8();
            return m_bytes;
        }
        // Text first, then its size in bytes (SQLite's documented order).
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        if (!data)
            return QByteArrayView("", 0); // NULL (or out of memory): callers tell NULL by isNull()
        return QByteArrayView(data, sqlite3_column_bytes(m_statement, column));
    }

    qint64 int64(int column) const
    {
        return m_handle ? sqlite3_column_int64(m_statement, column) : m_query->value(column).toLongLong();
    }

    int int32(int column) const
    {
        return m_handle ? sqlite3_column_int(m_statement, column) : m_query->value(column).toInt();
    }

    double real(int column) const
    {
        return m_handle ? sqlite3_column_double(m_statement, column) : m_query->value(column).toDouble();
    }

    // Times are stored as ms since the epoch; NULL is no time.
    QDateTime time(int column) const
    {
        if (isNull(column))
            return {};
        return QDateTime::fromMSecsSinceEpoch(int64(column), Qt::UTC);
    }

private:
    void fail(const QString &why)
    {
        m_ok = false;
        if (m_error->isEmpty())
            *m_error = QStringLiteral("cannot read the database: %1").arg(why);
    }

    void prepareStatement(const QString &sql, const QVariantList &values)
    {
        const QByteArray utf8Sql = sql.toUtf8();
        int rc = sqlite3_prepare_v3(m_handle, utf8Sql.constData(), int(utf8Sql.size()), 0, &m_statement, nullptr);
        for (int i = 0; i < values.size() && rc == SQLITE_OK; ++i) {
            const QVariant &value = values.at(i);
            if (value.typeId() == QMetaType::QString) {
                const QByteArray text = value.toString().toUtf8();
                rc = sqlite3_bind_text(m_statement, i + 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
            } else if (value.isNull()) {
                rc = sqlite3_bind_null(m_statement, i + 1);
            } else {
                rc = sqlite3_bind_int64(m_statement, i + 1, value.toLongLong());
            }
        }
        if (rc != SQLITE_OK)
            fail(QString::fromUtf8(sqlite3_errmsg(m_handle)));
    }

    void prepareQuery(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
    {
        m_query.emplace(db);
        m_query->setForwardOnly(true);
        bool ok = m_query->prepare(sql);
        if (ok) {
            for (int i = 0; i < values.size(); ++i)
                m_query->bindValue(i, values.at(i));
            ok = m_query->exec();
        }
        if (!ok)
            fail(m_query->lastError().text());
    }

    sqlite3 *m_handle = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    std::optional<QSqlQuery> m_query;
    mutable QByteArray m_bytes;
    QString *m_error = nullptr;
    bool m_ok = true;
};

} // namespace switchboard
