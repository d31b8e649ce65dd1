#pragma once

#include "persistence/AttemptFolds.h"
#include "persistence/StoreWrite.h"
#include "persistence/StoreWriteError.h"
#include "persistence/StoreWriteJob.h"

#include <QSqlDatabase>
#include <QStringList>

#include <array>
#include <unordered_map>
#include <utility>
#include <vector>

namespace switchboard {

class SqliteStatementCache;

// Applies a batch of StoreWriteJobs as SQL inside the StoreWriter's open transaction: the statements for each
// kind of write, a savepoint per job when asked, the folded attempts (AttemptFolds), and the batch's log lines
// (the table keeps the newest per agent). Writer thread only; owns no connection.
class StoreBatchApplier final
{
    Q_DISABLE_COPY_MOVE(StoreBatchApplier)

public:
    // db is the writer's connection (for test hooks' tasks), statements run on it. Both must outlive this.
    StoreBatchApplier(QSqlDatabase &db, SqliteStatementCache &statements, int logLinesKept);

    // Forgets which agents a batch that was rolled back or is done logged for.
    void resetLogs();
    // Plans the folds for a batch applied without savepoints (see AttemptFolds); clearFolds() after.
    void planFolds(const std::vector<StoreWriteJob> &batch) { m_folds.plan(batch); }
    // How many attempts the planned folds write as one.
    size_t foldCount() const { return m_folds.size(); }
    void clearFolds() { m_folds.clear(); }

    // Applies every job of the batch. With savepoints each job is its own unit (a rejected one is rolled back
    // alone, job.ok = false); without, the first rejected job fails the attempt (false, error not storage) and
    // the caller rolls the transaction back and applies the batch again with savepoints.
    bool applyBatch(std::vector<StoreWriteJob> &batch, bool savepoints, StoreWriteError *error);
    // Reads where the transitions' sequence goes on (schema version 11): once, after the database is open.
    bool loadSequence(StoreWriteError *error);
    // The last applyBatch() was rolled back: its sequence numbers are free again (the batch applied again with
    // savepoints numbers its transitions as one commit per job would).
    void rewindSequence() { m_nextSeq = m_batchFirstSeq; }
    // Keeps only the newest log lines of the agents this batch logged for.
    bool trimLogs(StoreWriteError *error);

private:
    bool applyJob(StoreWriteJob &job, bool savepoint, StoreWriteError *error);
    // A job's writes in order; runs of GoalAdded go in multi-row statements.
    bool applyWrites(const QList<StoreWrite> &writes, StoreWriteError *error);
    bool applyGoalsAdded(const StoreWrite::GoalAdded *const *goals, int count, StoreWriteError *error);
    // Multi-row statements: 0 goals, 1 agents, 2 transitions, 3 the attempt rows of folded attempts; rows 1..kRows.
    const QString &multiRowSql(int table, int rows);
    // Without savepoints, a batch's transition rows and folded attempts wait here and go in multi-row statements
    // (each statement has its own VDBE run, statement journal and halt; the rows' b-tree work is the same). They
    // are written before any other write that touches their tables, so every table's rows land in the same order
    // as one statement per write would write them.
    bool deferTransition(const StoreWrite::Transition &w, qint64 seq, StoreWriteError *error);
    bool deferFoldedEnd(const StoreWrite::Transition &start, const StoreWrite::Transition &end, qint64 endSeq,
                        StoreWriteError *error);
    bool flushTransitions(StoreWriteError *error);
    bool flushFoldedEnds(StoreWriteError *error);
    bool flushDeferred(StoreWriteError *error) { return flushTransitions(error) && flushFoldedEnds(error); }
    void dropDeferred();
    bool apply(const StoreWrite &write, StoreWriteError *error);
    bool applyPayload(const StoreWrite::RunStarted &w, StoreWriteError *error);
    bool applyPayload(const StoreWrite::RunFinished &w, StoreWriteError *error);
    bool applyPayload(const StoreWrite::GoalAdded &w, StoreWriteError *error);
    bool applyPayload(const StoreWrite::Transition &w, StoreWriteError *error);
    bool applyFoldedEnd(const StoreWrite::Transition &start, const StoreWrite::Transition &end, qint64 endSeq,
                        StoreWriteError *error);
    bool updateFoldedAgent(const StoreWrite::Transition &start, const StoreWrite::Transition &end,
                           StoreWriteError *error);
    // The attempt row of a folded attempt, to m_values.
    void appendFoldedAttempt(const StoreWrite::Transition &start, const StoreWrite::Transition &end, qint64 endSeq);
    // The next number of the sequence transition rows and the transitions other rows imply share (schema 11).
    qint64 takeSequence() { return m_nextSeq++; }
    // Keeps the sequence's last number in meta, with the batch's rows.
    bool recordSequence(StoreWriteError *error);
    bool applyPayload(const StoreWrite::Progress &w, StoreWriteError *error);
    bool applyPayload(const StoreWrite::Usage &w, StoreWriteError *error);
    bool applyPayload(const StoreWrite::EscalationChanged &w, StoreWriteError *error);
    bool applyPayload(const StoreWrite::LockEventRecorded &w, StoreWriteError *error);
    bool applyPayload(const StoreWrite::LogLines &w, StoreWriteError *error);
    bool applyPayload(const StoreWrite::NoteWritten &w, StoreWriteError *error);
    bool applyPayload(const StoreWrite::TranscriptRecorded &w, StoreWriteError *error);
    bool applyPayload(const StoreWrite::ProcessGroupStarted &w, StoreWriteError *error);
    bool applyPayload(const StoreWrite::ProcessGroupsEnded &w, StoreWriteError *error);
    bool applyPayload(const StoreWrite::AgentSessionRecorded &w, StoreWriteError *error);
    bool applyPayload(const StoreWrite::ExecutorRecorded &w, StoreWriteError *error);
    bool applyPayload(const StoreWrite::WorktreeChanged &w, StoreWriteError *error);

    QSqlDatabase &m_db;
    SqliteStatementCache &m_statements;
    const int m_logLinesKept;
    AttemptFolds m_folds;                                 // for the batch being applied without savepoints
    QStringList m_touchedLogAgents;                       // this batch, for trimming
    std::array<std::array<QString, 33>, 4> m_multiRowSql; // multi-row statements by table and row count (1..32)
    QVariantList m_values;                                // reused for their values
    bool m_deferring = false;                             // applying a batch without savepoints
    qint64 m_nextSeq = 1;                                 // loadSequence()
    qint64 m_batchFirstSeq = 1;                           // m_nextSeq when the last applyBatch() began
    std::vector<std::pair<const StoreWrite::Transition *, qint64>> m_deferredTransitions; // with their ids
    struct DeferredEnd
    {
        const StoreWrite::Transition *start;
        const StoreWrite::Transition *end;
        qint64 endSeq;
    };
    std::vector<DeferredEnd> m_deferredEnds;
    // The sequence numbers of the folded starts (NULL: written as a row of its own), for their ends.
    std::unordered_map<const StoreWrite::Transition *, QVariant> m_foldedStartSeqs;
};

} // namespace switchboard
