#pragma once

#include <QString>

class QSqlDatabase;
class QSqlError;

namespace switchboard {

// Whether a database file can be trusted: SQLite's own checks at open (quick_check; the full integrity_check
// on request), and what an SQLite error says about the file. A damaged database is refused, never read as
// empty or resumed: `switchboard recover` copies what can still be read into a new file.
class StoreIntegrity final
{
public:
    enum class Level
    {
        Quick, // PRAGMA quick_check: the structure of every page, O(size of the file)
        Full,  // PRAGMA integrity_check: also that every index matches its table (slower)
    };

    // The problems reported, at most this many, are named in the message.
    static constexpr int kMaxProblemsShown = 3;

    StoreIntegrity() = delete;

    // True when the check passes; else false with *problems ("page 25: btreeInitPage() returns error code 11"
    // ...), or the error that stopped the check.
    static bool check(const QSqlDatabase &db, Level level, QString *problems);
    // Whether the error means the file is damaged or is not a database (SQLITE_CORRUPT, SQLITE_NOTADB).
    static bool isDamage(const QSqlError &error);
    static bool isDamage(int sqliteCode);
    // The error's text, never empty: the driver's, else what SQLite's code means; a full disk is "disk full".
    static QString describe(const QSqlError &error);
    static QString describe(int sqliteCode, const QString &text);
    // "the database X is damaged (problems): it is not used; `switchboard recover X` copies what can still be
    // read into a new file"
    static QString damagedMessage(const QString &path, const QString &problems);
};

} // namespace switchboard
