#include "StoreRecovery.h"

#include "persistence/Store.h"
#include "persistence/StoreIntegrity.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QVariant>

#include <atomic>
#include <limits>

namespace switchboard {

namespace {
std::atomic<quint64> s_nextConnection{1};

QString tr(const char *text)
{
    return QCoreApplication::translate("switchboard::Store", text);
}

// A named connection removed on scope exit, after every query on it is gone.
class Connection final
{
    Q_DISABLE_COPY_MOVE(Connection)

public:
    Connection(const QString &path, bool readOnly)
        : m_name(QStringLiteral("switchboard-recover-%1").arg(s_nextConnection.fetch_add(1)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (readOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        db.open();
    }
    ~Connection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};

QString quoted(const QString &identifier)
{
    return u'"' + QString(identifier).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

QStringList columnsOf(const QSqlDatabase &db, const QString &table, QString *error)
{
    QSqlQuery query(db);
    QStringList columns;
    if (!query.exec(QStringLiteral("PRAGMA table_info(%1)").arg(quoted(table)))) {
        *error = StoreIntegrity::describe(query.lastError());
        return {};
    }
    while (query.next())
        columns.append(query.value(1).toString());
    return columns;
}

void copyTable(const QSqlDatabase &from, const QSqlDatabase &to, const QString &table,
               StoreRecovery::TableReport *report)
{
    QString error;
    const QStringList targetColumns = columnsOf(to, table, &error);
    const QStringList sourceColumns = columnsOf(from, table, &error);
    QStringList columns;
    for (const QString &column : targetColumns) {
        if (sourceColumns.contains(column))
            columns.append(column);
    }
    if (columns.isEmpty()) {
        report->unreadable = 1;
        report->firstError =
            error.isEmpty() ? tr("its schema entry cannot be read (or it is not in the damaged file)") : error;
        return;
    }
    QStringList quotedColumns;
    for (const QString &column : std::as_const(columns))
        quotedColumns.append(quoted(column));
    const QString select = QStringLiteral("SELECT rowid, %1 FROM %2 WHERE rowid > ? ORDER BY rowid LIMIT %3")
                               .arg(quotedColumns.join(u", "), quoted(table))
                               .arg(StoreRecovery::kBatchRows);
    QSqlQuery insert(to);
    insert.prepare(QStringLiteral("INSERT OR IGNORE INTO %1 (rowid, %2) VALUES (?%3)")
                       .arg(quoted(table), quotedColumns.join(u", "), QStringLiteral(", ?").repeated(columns.size())));

    qint64 after = std::numeric_limits<qint64>::min();
    qint64 skip = 1;
    for (;;) {
        QSqlQuery rows(from);
        rows.setForwardOnly(true);
        QList<QVariantList> batch;
        bool failed = !rows.prepare(select);
        if (!failed) {
            rows.addBindValue(after);
            failed = !rows.exec();
        }
        while (!failed && rows.next()) {
            QVariantList values;
            values.reserve(columns.size() + 1);
            for (int i = 0; i <= columns.size(); ++i)
                values.append(rows.value(i));
            batch.append(values);
        }
        failed = failed || rows.lastError().isValid();
        if (failed && report->firstError.isEmpty())
            report->firstError = StoreIntegrity::describe(rows.lastError());
        for (const QVariantList &values : std::as_const(batch)) {
            for (int i = 0; i < values.size(); ++i)
                insert.bindValue(i, values.at(i));
            if (insert.exec() && insert.numRowsAffected() > 0)
                ++report->copied;
            else
                ++report->rejected;
        }
        if (!batch.isEmpty()) {
            // A damaged page can hand out rowids out of order: never step back, or the copy would loop.
            const qint64 last = batch.constLast().constFirst().toLongLong();
            if (last > after) {
                after = last;
                skip = 1;
            } else {
                failed = true;
            }
        }
        if (!failed) {
            if (batch.size() < StoreRecovery::kBatchRows)
                return; // read to the end
            continue;
        }
        // The rows read before the bad page are in; step over it by rowid, further each time it still fails.
        ++report->unreadable;
        if (after == std::numeric_limits<qint64>::min())
            after = 0;
        if (after > std::numeric_limits<qint64>::max() - skip || skip > (qint64(1) << 62))
            return;
        after += skip;
        skip *= 2;
    }
}
} // namespace

qint64 StoreRecovery::Report::copied() const
{
    qint64 total = 0;
    for (const TableReport &table : tables)
        total += table.copied;
    return total;
}

int StoreRecovery::Report::unreadable() const
{
    int total = 0;
    for (const TableReport &table : tables)
        total += table.unreadable;
    return total;
}

QString StoreRecovery::defaultTarget(const QString &source)
{
    const QFileInfo info(source);
    const QString base = info.suffix() == u"db" ? info.completeBaseName() : info.fileName();
    return info.absoluteDir().filePath(base + QStringLiteral(".recovered.db"));
}

bool StoreRecovery::recover(const QString &source, const QString &target, Report *report, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const QString from = QFileInfo(source).absoluteFilePath();
    const QString to = QFileInfo(target.isEmpty() ? defaultTarget(source) : target).absoluteFilePath();
    if (!QFileInfo(from).isFile())
        return fail(tr("there is no database at %1").arg(from));
    if (QFileInfo::exists(to))
        return fail(tr("%1 already exists; recover writes a new file only (give another --out)").arg(to));
    if (report) {
        report->source = from;
        report->target = to;
        report->tables.clear();
    }
    {
        // The new file with this build's schema, made as every database is.
        Store fresh;
        QString why;
        if (!fresh.open(to, &why))
            return fail(tr("cannot create %1: %2").arg(to, why));
    }
    const Connection damaged(from, true);
    if (!damaged.db().isOpen())
        return fail(tr("cannot open %1: %2").arg(from, StoreIntegrity::describe(damaged.db().lastError())));
    {
        // The schema itself may sit on a damaged page (a big schema spans several). With writable_schema on,
        // SQLite keeps what it could read of it (SQLITE_NoSchemaError): the first statement fails, the later
        // ones see the tables whose entries survived. Nothing is written: the connection is read-only.
        QSqlQuery prime(damaged.db());
        prime.exec(QStringLiteral("PRAGMA writable_schema = ON"));
        prime.exec(QStringLiteral("SELECT 1 FROM sqlite_master LIMIT 1"));
    }
    const Connection fresh(to, false);
    if (!fresh.db().isOpen())
        return fail(tr("cannot open %1: %2").arg(to, StoreIntegrity::describe(fresh.db().lastError())));

    QStringList tables;
    {
        QSqlQuery query(fresh.db());
        if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                       "'sqlite_%' ORDER BY name")))
            return fail(tr("cannot read the schema of %1: %2").arg(to, StoreIntegrity::describe(query.lastError())));
        while (query.next())
            tables.append(query.value(0).toString());
    }
    QSqlDatabase db = fresh.db();
    db.transaction();
    for (const QString &table : std::as_const(tables)) {
        TableReport tableReport;
        tableReport.table = table;
        copyTable(damaged.db(), db, table, &tableReport);
        if (report)
            report->tables.append(tableReport);
    }
    {
        // Where the transitions' sequence goes on (the writer keeps it in meta, whose row may be lost): after every
        // number a row holds, or a new transition could take the number of an implied one.
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("INSERT INTO meta (key, value) SELECT 'transition_seq', MAX("
                                       "COALESCE((SELECT MAX(id) FROM transitions), 0), "
                                       "COALESCE((SELECT MAX(queued_seq) FROM agents), 0), "
                                       "COALESCE((SELECT MAX(start_seq) FROM attempts), 0), "
                                       "COALESCE((SELECT MAX(end_seq) FROM attempts), 0)) WHERE true "
                                       "ON CONFLICT (key) DO UPDATE SET value = MAX(value, excluded.value)"))) {
            const QString why = StoreIntegrity::describe(query.lastError());
            query.finish();
            db.rollback();
            return fail(tr("cannot write %1: %2").arg(to, why));
        }
    }
    if (!db.commit())
        return fail(tr("cannot write %1: %2").arg(to, StoreIntegrity::describe(db.lastError())));
    return true;
}

} // namespace switchboard
