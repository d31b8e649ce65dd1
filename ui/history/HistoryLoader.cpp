#include "history/HistoryLoader.h"

#include "persistence/Store.h"

#include <QElapsedTimer>

#include <algorithm>

namespace switchboard {

namespace {
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
    case AgentState::Skipped:
        entry.skipped += n;
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
    case AgentState::Review:
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

    // The totals come from grouped queries: the run list needs counts, not whole histories.
    const QList<RunTotals> totals = store.runTotals(error);
    for (const RunTotals &t : totals) {
        const int i = byId.value(t.runId, -1);
        if (i < 0)
            continue;
        HistoryRunEntry &entry = entries[i];
        entry.goals = t.goals;
        for (auto it = t.goalsByState.cbegin(); it != t.goalsByState.cend(); ++it)
            count(entry, it.key(), it.value());
        entry.attempts = t.attempts;
        entry.tokens = t.tokens;
        entry.costUsd = t.costUsd;
    }

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
