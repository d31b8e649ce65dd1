#include "SqliteHandle.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <atomic>

namespace switchboard {

namespace {
void linkedSqliteProbe(sqlite3_context *context, int, sqlite3_value **)
{
    sqlite3_result_int(context, 1);
}

int registerLinkedSqliteProbe(sqlite3 *db, char **, const sqlite3_api_routines *)
{
    sqlite3_create_function_v2(db, "switchboard_linked_sqlite", 0, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                               &linkedSqliteProbe, nullptr, nullptr, nullptr);
    return SQLITE_OK;
}
} // namespace

void ensureLinkedSqliteProbe()
{
    // void (*)(void) is SQLite's documented type for the entry point (the cast is the API's, not a trick).
    static const int registered = sqlite3_auto_extension(reinterpret_cast<void (*)()>(&registerLinkedSqliteProbe));
    Q_UNUSED(registered)
}

sqlite3 *sqliteHandle(const QSqlDatabase &db, QString *error)
{
    const auto fail = [error](const QString &why) -> sqlite3 * {
        if (error)
            *error = why;
        return nullptr;
    };
    if (!db.isOpen() || !db.driver())
        return fail(QStringLiteral("the connection is not open"));
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return fail(QStringLiteral("the connection is not one of Qt's SQLite plugin"));
    // Qt's plugin is one library per process: once one of its connections had the probe, it uses this SQLite,
    // and every connection's handle may be used (the probe costs a query per reader otherwise).
    static std::atomic<bool> proven{false};
    if (!proven.load(std::memory_order_acquire)) {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT switchboard_linked_sqlite()")) || !query.next() ||
            query.value(0).toInt() != 1) {
            return fail(QStringLiteral("Qt's SQLite plugin does not use the SQLite library Switchboard was built "
                                       "with (%1), or the connection was opened before ensureLinkedSqliteProbe()")
                            .arg(QString::fromLatin1(sqlite3_libversion())));
        }
        proven.store(true, std::memory_order_release);
    }
    sqlite3 *h = *static_cast<sqlite3 *const *>(handle.constData());
    if (!h)
        return fail(QStringLiteral("the SQLite driver has no connection"));
    return h;
}

} // namespace switchboard
