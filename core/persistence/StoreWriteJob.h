#pragma once

#include "persistence/StoreWrite.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace switchboard {

// One submission queued to the StoreWriter: the writes to apply as one unit (or a test hook's task), the
// callback told whether they were committed, the queue position, and whether its batch applied it.
struct StoreWriteJob
{
    // Called on the writer thread once the submission was committed (true) or not (false).
    using Done = std::function<void(bool committed)>;
    // A piece of work on the writer's connection (test hooks); returns an error message or "".
    using Task = std::function<QString(QSqlDatabase &db)>;

    QList<StoreWrite> writes; // empty (and no task): superseded by a later progress/usage write
    Task task;
    Done done;
    quint64 seq = 0;
    bool ok = true;
};

} // namespace switchboard
