#pragma once

#include "persistence/Store.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace switchboard::test {

// A Store opened on a new database in a temporary directory, both gone with it: for a test that needs a store
// to record into and nothing special about where it lives.
//     TemporaryStore db;
//     QVERIFY2(db.isOpen(), qPrintable(db.error()));
//     orchestrator.setStore(&db.store());
class TemporaryStore final
{
    Q_DISABLE_COPY_MOVE(TemporaryStore)

public:
    explicit TemporaryStore(const QString &fileName = QStringLiteral("switchboard.db"));

    bool isOpen() const { return m_store.isOpen(); }
    // Why it did not open.
    const QString &error() const { return m_error; }
    Store &store() { return m_store; }
    // The database file.
    const QString &path() const { return m_path; }
    // The directory, and another file in it.
    QString directory() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_error;
    Store m_store; // after m_dir: closed before the directory goes
};

// Every row the queries return from the database at path, one "v1|v2|..." line per row (NULL for a null), in
// the queries' order; a query that fails gives its error as the only line. For comparing what two ways of
// writing left in the tables.
QStringList dumpRows(const QString &path, const QStringList &queries);

} // namespace switchboard::test
