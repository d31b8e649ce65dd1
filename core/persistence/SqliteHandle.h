#pragma once

#include <QString>

class QSqlDatabase;
struct sqlite3;

namespace switchboard {

// Registers once, as an SQLite auto-extension of the library Switchboard links, the SQL function
// switchboard_linked_sqlite() on every connection that library opens afterwards: a connection of Qt's QSQLITE
// plugin has it only if the plugin uses that same library (not a copy of its own). Call it before opening a
// connection whose handle may be used through the SQLite C API.
void ensureLinkedSqliteProbe();

// The open QSQLITE connection db's sqlite3 handle, if it may be used through the SQLite C API here (the
// driver's handle is an sqlite3* and switchboard_linked_sqlite() works on it); nullptr otherwise, with the
// reason in *error.
sqlite3 *sqliteHandle(const QSqlDatabase &db, QString *error = nullptr);

} // namespace switchboard
