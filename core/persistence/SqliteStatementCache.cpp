#include "SqliteStatementCache.h"

#include <QHash>

#include <sqlite3.h>

namespace switchboard {

namespace {
constexpr int kSqliteError = 1;
constexpr int kSqliteTooBig = 18;
constexpr int kSqliteConstraint = 19;
constexpr int kSqliteMismatch = 20;
constexpr int kSqliteRange = 25;
} // namespace

SqliteStatementCache::SqliteStatementCache(QString databasePath)
    : m_databasePath(std::move(databasePath))
{}

SqliteStatementCache::~SqliteStatementCache()
{
    clear();
}

void SqliteStatementCache::attach(sqlite3 *handle)
{
    m_handle = handle;
}

void SqliteStatementCache::clear()
{
    for (auto &[sql, statement] : m_prepared)
        sqlite3_finalize(statement);
    m_prepared.clear();
    m_handle = nullptr;
}

size_t SqliteStatementCache::SqlHash::operator()(const QString &sql) const noexcept
{
    return qHash(QStringView(sql).left(48)) ^ size_t(sql.size());
}

bool SqliteStatementCache::SqlEqual::operator()(const QString &a, const QString &b) const noexcept
{
    return (a.constData() == b.constData() && a.size() == b.size()) || a == b;
}

bool SqliteStatementCache::exec(const QString &sql, const QVariantList &values, StoreWriteError *error,
                                int *rowsAffected)
{
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        const QByteArray utf8 = sql.toUtf8();
        sqlite3_stmt *prepared = nullptr;
        const int rc = sqlite3_prepare_v3(m_handle, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                                          &prepared, nullptr);
        if (rc != SQLITE_OK) {
            *error = errorFrom(rc, QString::fromUtf8(sqlite3_errmsg(m_handle)));
            sqlite3_finalize(prepared);
            return false;
        }
        if (!prepared) { // only whitespace or a comment: a bug in the caller, not in the database
            *error = {false, QStringLiteral("empty SQL statement")};
            return false;
        }
        it = m_prepared.emplace(sql, prepared).first;
    }
    sqlite3_stmt *statement = it->second;
    m_boundText.clear();
    // ASCII text (nearly all of it: ids, states, JSON lists) is copied into one buffer sized for all of this
    // statement's text up front, so its pointers stay valid until the statement has run (SQLITE_STATIC);
    // a QByteArray per value (malloc, Qt's converter, free) was a tenth of the writer's time.
    qsizetype asciiBytes = 0;
    for (const QVariant &value : values) {
        if (value.typeId() == QMetaType::QString)
            asciiBytes += static_cast<const QString *>(value.constData())->size();
    }
    if (m_ascii.size() <= asciiBytes) // never empty: data() is a real buffer even when all text is ""
        m_ascii.resize(asciiBytes + 1);
    char *ascii = m_ascii.data();
    int rc = SQLITE_OK;
    for (int i = 0; i < values.size() && rc == SQLITE_OK; ++i) {
        const QVariant &value = values.at(i);
        const int column = i + 1;
        switch (value.typeId()) {
        case QMetaType::QString: {
            // A null QString is "" here, not SQL NULL: the columns want text. The UTF-8 is kept alive until
            // the statement has run (SQLITE_STATIC), and converted by Qt (anything not ASCII) rather than by SQLite.
            const QString &string = *static_cast<const QString *>(value.constData());
            const qsizetype size = string.size();
            const QChar *utf16 = string.constData();
            qsizetype n = 0;
            while (n < size && utf16[n].unicode() < 0x80) {
                ascii[n] = char(utf16[n].unicode());
                ++n;
            }
            if (n == size) {
                rc = sqlite3_bind_text(statement, column, ascii, int(size), SQLITE_STATIC);
                ascii += size;
                break;
            }
            m_boundText.push_back(string.toUtf8());
            const QByteArray &text = m_boundText.back();
            rc = sqlite3_bind_text(statement, column, text.constData(), int(text.size()), SQLITE_STATIC);
            break;
        }
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Long:
        case QMetaType::ULong:
            rc = value.isNull() ? sqlite3_bind_null(statement, column)
                                : sqlite3_bind_int64(statement, column, value.toLongLong());
            break;
        case QMetaType::QByteArray:
            if (value.isNull()) {
                rc = sqlite3_bind_null(statement, column);
            } else {
                m_boundText.push_back(value.toByteArray());
                const QByteArray &bytes = m_boundText.back();
                rc = sqlite3_bind_blob(statement, column, bytes.constData(), int(bytes.size()), SQLITE_STATIC);
            }
            break;
        case QMetaType::Double:
        case QMetaType::Float:
            rc = value.isNull() ? sqlite3_bind_null(statement, column)
                                : sqlite3_bind_double(statement, column, value.toDouble());
            break;
        default:
            if (value.isNull()) {
                rc = sqlite3_bind_null(statement, column);
            } else {
                m_boundText.push_back(value.toString().toUtf8());
                const QByteArray &text = m_boundText.back();
                rc = sqlite3_bind_text(statement, column, text.constData(), int(text.size()), SQLITE_STATIC);
            }
            break;
        }
    }
    if (rc == SQLITE_OK) {
        do {
            rc = sqlite3_step(statement);
        } while (rc == SQLITE_ROW);
    }
    const bool ok = rc == SQLITE_DONE;
    if (!ok)
        *error = errorFrom(rc, QString::fromUtf8(sqlite3_errmsg(m_handle)));
    else if (rowsAffected)
        *rowsAffected = sqlite3_changes(m_handle);
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    m_boundText.clear();
    return ok;
}

bool SqliteStatementCache::execPlain(const QString &sql, StoreWriteError *error)
{
    return exec(sql, {}, error);
}

StoreWriteError SqliteStatementCache::errorFrom(int code, const QString &text) const
{
    const int primary = code & 0xff;
    // Only errors about the write itself are the write's fault; anything about the file (full, I/O,
    // corrupt, read-only, locked, out of memory) stops the store.
    const bool storage = !(primary == kSqliteError || primary == kSqliteTooBig || primary == kSqliteConstraint ||
                           primary == kSqliteMismatch || primary == kSqliteRange);
    if (!storage)
        return {false, text};
    return {
        true,
        QStringLiteral("cannot write to the database %1: %2 (SQLite error %3)").arg(m_databasePath, text).arg(code)};
}

} // namespace switchboard
