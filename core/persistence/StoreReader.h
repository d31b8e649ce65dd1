#pragma once

#include "review/ReviewTypes.h"

#include "model/TranscriptEntry.h"
#include "persistence/RunHistory.h"
#include "persistence/RunTotals.h"
#include "persistence/StoreSnapshot.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

struct sqlite3;

namespace switchboard {

// The queries behind Store's read functions, over one connection of the calling thread. An empty runId
// means every run. The first error is kept (error()); what could be read is still returned.
class StoreReader final
{
public:
    // How rows are read: through the SQLite C API on the QSQLITE driver's own handle (UTF-8 straight from
    // SQLite, no QVariant per value) when Qt's plugin uses the SQLite Switchboard links, else through
    // QSqlQuery. Both give the same results; QtSql only forces the fallback (tests).
    enum class Access
    {
        SqliteApi,
        QtSql,
    };

    explicit StoreReader(QSqlDatabase db, Access access = Access::SqliteApi);

    QList<RunRecord> runs(const QString &runId = {});
    QList<GoalRecord> goals(const QString &runId = {});
    QList<AgentStatus> agents(const QString &runId = {});
    QList<AttemptRecord> attempts(const QString &runId = {});
    QList<TransitionRecord> transitions(const QString &runId = {});
    QList<Escalation> escalations(const QString &runId = {});
    QList<LockEventRecord> lockEvents(const QString &runId = {});
    QList<NoteRecord> notes(const QString &runId = {});
    // The goals' worktrees (isolation: worktree), by run, then creation.
    QList<WorktreeRecord> worktrees(const QString &runId = {});
    QStringList agentLog(const QString &agentId);
    // The agent's transcript, by attempt then seq; attempt > 0: that attempt only.
    QList<TranscriptEntry> transcript(const QString &agentId, int attempt = 0);
    quint64 maxFencingToken();
    // How many goals a run has (its goals' primary key, no rows read); -1 on error.
    int goalCount(const QString &runId);
    // Every run's totals, in the order of runs(); one read transaction.
    QList<RunTotals> runTotals();
    // The highest N of the ids "<prefix>N" in table (agents "a-", goals "g-", escalations "e-", runs "r-").
    quint64 lastNumber(const QString &table, const QString &prefix);

    StoreSnapshot snapshot(const QString &runId = {});
    RunHistory history(const QString &runId = {});

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    // Whether the reads go through the SQLite C API (resolved on the first read).
    bool usesSqliteApi();

private:
    sqlite3 *handle();
    QList<GoalRecord> goals(const QString &runId, bool withLatestAgent);
    // goals(runId) and agents(runId) for one run, faster (snapshot()).
    void runBoard(const QString &runId, QList<GoalRecord> *goals, QList<AgentStatus> *agents);

    QSqlDatabase m_db;
    QString m_error;
    Access m_access;
    bool m_handleResolved = false;
    sqlite3 *m_handle = nullptr;
};

} // namespace switchboard
