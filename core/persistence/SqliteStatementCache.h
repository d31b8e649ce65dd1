#pragma once

#include "persistence/StoreWriteError.h"

#include <QString>
#include <QVariantList>

#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace switchboard {

// The store writer's statements, run through the SQLite C API on the QSQLITE driver's own connection: each
// is prepared once per connection and run with its positional values bound directly (QSqlQuery::bindValue()
// and its QVariant round trips were about half of the writer's time). Owns the statements, not the connection.
class SqliteStatementCache final
{
    Q_DISABLE_COPY_MOVE(SqliteStatementCache)

public:
    // databasePath is only named in the messages of storage errors.
    explicit SqliteStatementCache(QString databasePath);
    ~SqliteStatementCache();

    // The connection to prepare on, from the driver's handle; nullptr detaches.
    void attach(sqlite3 *handle);
    // Finalizes every statement (before the connection closes) and detaches.
    void clear();

    // Runs a statement with positional values. A QString binds as text (a null one as ""), integers and bools
    // as integers, doubles as reals, a QByteArray as a blob; a null QVariant of another type as NULL.
    bool exec(const QString &sql, const QVariantList &values, StoreWriteError *error, int *rowsAffected = nullptr);
    // BEGIN, COMMIT, savepoints: prepared once like the rest, they run for every batch.
    bool execPlain(const QString &sql, StoreWriteError *error);

private:
    StoreWriteError errorFrom(int code, const QString &text) const;

    // Statements are looked up by their text, nearly always the same QStringLiteral: the hash reads the length
    // and the first characters only, and equal data pointers compare equal without reading the text (hashing and
    // comparing whole statements of ~600 characters was a tenth of the writer's time).
    struct SqlHash
    {
        size_t operator()(const QString &sql) const noexcept;
    };
    struct SqlEqual
    {
        bool operator()(const QString &a, const QString &b) const noexcept;
    };

    const QString m_databasePath;
    sqlite3 *m_handle = nullptr;
    std::unordered_map<QString, sqlite3_stmt *, SqlHash, SqlEqual> m_prepared;
    std::vector<QByteArray> m_boundText; // UTF-8 of the text values bound to the statement being run
    QByteArray m_ascii;                  // likewise for those that are ASCII, one after the other
};

} // namespace switchboard
