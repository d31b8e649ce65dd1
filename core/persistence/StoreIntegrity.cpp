#include "StoreIntegrity.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <sqlite3.h>

namespace switchboard {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("switchboard::Store", text);
}
} // namespace

bool StoreIntegrity::check(const QSqlDatabase &db, Level level, QString *problems)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const QString pragma =
        level == Level::Full ? QStringLiteral("PRAGMA integrity_check(%1)") : QStringLiteral("PRAGMA quick_check(%1)");
    // One more than shown, to say "and more".
    if (!query.exec(pragma.arg(kMaxProblemsShown + 1))) {
        if (problems)
            *problems = describe(query.lastError());
        return false;
    }
    QStringList found;
    while (query.next())
        found.append(query.value(0).toString());
    if (query.lastError().isValid()) {
        if (problems)
            *problems = describe(query.lastError());
        return false;
    }
    if (found == QStringList{QStringLiteral("ok")})
        return true;
    if (problems) {
        if (found.isEmpty()) {
            *problems = tr("the check gave no answer");
        } else {
            const bool more = found.size() > kMaxProblemsShown;
            *problems =
                found.mid(0, kMaxProblemsShown).join(QStringLiteral("; ")) + (more ? tr("; and more") : QString());
        }
    }
    return false;
}

bool StoreIntegrity::isDamage(const QSqlError &error)
{
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric);
    if (numeric && isDamage(code))
        return true;
    // Some paths of the driver lose the code; SQLite's texts for the two are fixed.
    const QString text = error.text();
    return text.contains(u"malformed") || text.contains(u"file is not a database");
}

bool StoreIntegrity::isDamage(int sqliteCode)
{
    const int primary = sqliteCode & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

QString StoreIntegrity::describe(const QSqlError &error)
{
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric);
    return describe(numeric ? code : -1, error.text());
}

QString StoreIntegrity::describe(int sqliteCode, const QString &text)
{
    if (sqliteCode >= 0 && (sqliteCode & 0xff) == SQLITE_FULL)
        return tr("disk full");
    const QString trimmed = text.trimmed();
    if (!trimmed.isEmpty())
        return trimmed;
    if (sqliteCode >= 0)
        return QString::fromUtf8(sqlite3_errstr(sqliteCode));
    return tr("no reason given by SQLite");
}

QString StoreIntegrity::damagedMessage(const QString &path, const QString &problems)
{
    return tr("the database %1 is damaged (%2): it is not used and nothing was changed in it. `switchboard recover "
              "%1` copies what can still be read into a new file")
        .arg(path, problems);
}

} // namespace switchboard
