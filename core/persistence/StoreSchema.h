#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace switchboard {

// The database schema and its migrations. The version lives in PRAGMA user_version; each step takes the
// database from version N to N+1 inside one transaction, so a crash or a full disk mid-migration leaves
// the previous version intact. Version 1: runs, goals, agents, transitions, attempts, escalations, lock
// events, agent log, meta. Version 2: the shared scratchpad (notes). Version 3: run settings. Version 4:
// model agents' transcripts. Version 5: process groups. Version 6: worktrees, agent sessions, goals' isolation.
// Version 10: attempts' executor, job name and external id (issue 19). Version 11: the transitions an agent's
// or an attempt's row implies are not rows of their own (issue 18; see version11() in StoreSchema.cpp).
class StoreSchema final
{
public:
    static constexpr int kLatestVersion = 11;

    // PRAGMA user_version; -1 when it cannot be read.
    static int version(const QSqlDatabase &db);
    // Applies the steps from the current version up to targetVersion. Refuses a database newer than this
    // build knows (targetVersion < current) with a message saying so.
    static bool migrate(QSqlDatabase &db, int targetVersion = kLatestVersion, QString *error = nullptr);
    // The statements of the step fromVersion -> fromVersion + 1 (empty for an unknown step).
    static QStringList stepStatements(int fromVersion);
};

} // namespace switchboard
