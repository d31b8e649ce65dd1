#pragma once

#include <QList>
#include <QString>

namespace switchboard {

// Copies what can still be read of a damaged database into a new one (`switchboard recover DB [--out NEW]`),
// table by table through a read-only connection: the new file gets this build's schema, and every row that
// reads is inserted with its rowid. Where a page cannot be read, the copy skips ahead by rowid (1, 2, 4, ...)
// until rows read again, so one bad page costs the rows on it, not the rest of the table. The damaged file is
// never written. No sqlite3 tool is needed.
class StoreRecovery final
{
public:
    struct TableReport
    {
        QString table;
        qint64 copied = 0;   // rows inserted into the new file
        qint64 rejected = 0; // rows read but refused by the new file (a value the schema does not allow)
        int unreadable = 0;  // rowid ranges skipped because they could not be read
        QString firstError;  // the first read error, for the report
    };
    struct Report
    {
        QString source;
        QString target;
        QList<TableReport> tables;
        qint64 copied() const;
        int unreadable() const;
    };

    // Rows read per query.
    static constexpr int kBatchRows = 500;

    StoreRecovery() = delete;

    // <source>.recovered.db next to the source (".db" replaced when it ends so).
    static QString defaultTarget(const QString &source);
    // False with *error when nothing could be done (no source, the target exists, the new file cannot be made,
    // the source cannot be opened at all); the report says what was copied and what was lost.
    static bool recover(const QString &source, const QString &target, Report *report, QString *error);
};

} // namespace switchboard
