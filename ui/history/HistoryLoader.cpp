#include "history/HistoryLoader.h"

#include "persistence/Store.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace switchboard {

namespace {
bool exec(QSqlQuery &query, const QString &sql, QString *error)
{
    query.setForwardOnly(true);
    if (query.exec(sql))
        return true;
    if (error && error->isEmpty())
        *error = query.lastError().text();
    return false;
}

void count(HistoryRunEntry &entry, AgentState state, int n)
{
    switch (state) {
    case AgentState::Completed:
        entry.completed += n;
        break;
    case AgentState::Failed:
        entry.failed += n;
        break;
    case AgentState::Cancelled:
        entry.cancelled += n;
        break;
    case AgentState::Blocked:
        entry.blocked += n;
        break;
    case AgentState::Interrupted:
        entry.interrupted += n;
        break;
    case AgentState::Queued:
        entry.queued += n;
        break;
    case AgentState::Running:
    case AgentState::WaitingForLock:
    case AgentState::Escalated:
    case AgentState::Paused:
        entry.inProgress += n;
        break;
    }
}
} // namespace

QList<HistoryRunEntry> HistoryLoader::runs(const Store &store, QString *error)
{
    const QList<RunRecord> records = store.runs();
    QList<HistoryRunEntry> entries;
    entries.reserve(records.size());
    QHash<QString, int> byId;
    for (const RunRecord &record : records) {
        byId.insert(record.id, static_cast<int>(entries.size()));
        entries.append({.run = record});
    }

    // Totals for every run in three grouped queries (the store's API reads whole histories; the run list only
    // needs counts). Read-only SQL over the schema's goals, agents and attempts tables.
    QSqlDatabase db = store.readConnection();
    if (!db.isOpen()) {
        if (error)
            *error = store.lastError();
        return entries;
    }
    db.transaction(); // one consistent view for all three
    QSqlQuery goals(db);
    if (exec(goals, QStringLiteral("SELECT run_id, COUNT(*) FROM goals GROUP BY run_id"), error)) {
        while (goals.next()) {
            if (const int i = byId.value(goals.value(0).toString(), -1); i >= 0)
                entries[i].goals = goals.value(1).toInt();
        }
    }
    // A goal's state is its latest agent's.
    QSqlQuery states(db);
    if (exec(states,
             QStringLiteral("SELECT run_id, state, COUNT(*) FROM agents WHERE rowid IN "
                            "(SELECT MAX(rowid) FROM agents GROUP BY run_id, goal_id) GROUP BY run_id, state"),
             error)) {
        while (states.next()) {
            const int i = byId.value(states.value(0).toString(), -1);
            const std::optional<AgentState> state = agentStateFromString(states.value(1).toString());
            if (i >= 0 && state)
                count(entries[i], *state, states.value(2).toInt());
        }
    }
    QSqlQuery usage(db);
    if (exec(usage,
             QStringLiteral("SELECT a.run_id, COUNT(*), SUM(t.input_tokens + t.output_tokens), SUM(t.cost_usd) "
                            "FROM attempts t JOIN agents a ON a.id = t.agent_id GROUP BY a.run_id"),
             error)) {
        while (usage.next()) {
            if (const int i = byId.value(usage.value(0).toString(), -1); i >= 0) {
                entries[i].attempts = usage.value(1).toInt();
                entries[i].tokens = usage.value(2).toLongLong();
                entries[i].costUsd = usage.value(3).toDouble();
            }
        }
    }
    db.commit();

    // Newest first; the store lists them oldest first.
    std::reverse(entries.begin(), entries.end());
    return entries;
}

std::shared_ptr<const HistorySnapshot> HistoryLoader::run(const Store &store, const QString &runId)
{
    QElapsedTimer timer;
    timer.start();
    QString error;
    RunHistory history = store.history(runId, &error);
    auto snapshot = std::make_shared<HistorySnapshot>(HistorySnapshot::build(std::move(history), runId));
    snapshot->error = error;
    snapshot->loadMs = timer.elapsed();
    return snapshot;
}

} // namespace switchboard
