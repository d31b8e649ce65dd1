#include "TemporaryStore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace switchboard::test {

TemporaryStore::TemporaryStore(const QString &fileName)
    : m_path(m_dir.filePath(fileName))
{
    if (!m_dir.isValid())
        m_error = QStringLiteral("cannot create a temporary directory: ") + m_dir.errorString();
    else
        m_store.open(m_path, &m_error);
}

static QStringList queryRows(QSqlDatabase &db, const QStringList &queries)
{
    QStringList rows;
    for (const QString &sql : queries) {
        QSqlQuery query(db);
        if (!query.exec(sql))
            return {query.lastError().text()};
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values << (query.isNull(i) ? QStringLiteral("NULL") : query.value(i).toString());
            rows << values.join(u'|');
        }
    }
    return rows;
}

QStringList dumpRows(const QString &path, const QStringList &queries)
{
    const QString name = QStringLiteral("dump-") + path;
    QStringList rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        rows = db.open() ? queryRows(db, queries) : QStringList{db.lastError().text()};
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

} // namespace switchboard::test
