#pragma once

#include "persistence/RunHistory.h"
#include "persistence/StoreSnapshot.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

class QSqlQuery;

namespace switchboard {

// The queries behind Store's read functions, over one connection of the calling thread. An empty runId
// means every run. The first error is kept (error()); what could be read is still returned.
class StoreReader final
{
public:
    explicit StoreReader(QSqlDatabase db);

    QList<RunRecord> runs(const QString &runId = {});
    QList<GoalRecord> goals(const QString &runId = {});
    QList<AgentStatus> agents(const QString &runId = {});
    QList<AttemptRecord> attempts(const QString &runId = {});
    QList<TransitionRecord> transitions(const QString &runId = {});
    QList<Escalation> escalations(const QString &runId = {});
    QList<LockEventRecord> lockEvents(const QString &runId = {});
    QList<NoteRecord> notes(const QString &runId = {});
    QStringList agentLog(const QString &agentId);
    quint64 maxFencingToken();
    // The highest N of the ids "<prefix>N" in table (agents "a-", goals "g-", escalations "e-", runs "r-").
    quint64 lastNumber(const QString &table, const QString &prefix);

    StoreSnapshot snapshot(const QString &runId = {});
    RunHistory history(const QString &runId = {});

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    bool run(QSqlQuery &query, const QString &sql, const QVariantList &values);
    QList<GoalRecord> goals(const QString &runId, bool withLatestAgent);
    // goals(runId) and agents(runId) for one run, faster (snapshot()).
    void runBoard(const QString &runId, QList<GoalRecord> *goals, QList<AgentStatus> *agents);

    QSqlDatabase m_db;
    QString m_error;
};

} // namespace switchboard
