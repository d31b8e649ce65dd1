#pragma once

#include "history/HistoryRunEntry.h"
#include "history/HistorySnapshot.h"

#include <QList>
#include <QString>

#include <memory>

namespace switchboard {

class Store;

// The History window's reads, made to run on a worker thread (QtConcurrent): each uses the calling thread's
// own read connection of the Store and never writes, so they work on a read-only store as well.
class HistoryLoader final
{
public:
    HistoryLoader() = delete;

    // Every run, newest first, with its goal counts, tokens and cost.
    static QList<HistoryRunEntry> runs(const Store &store, QString *error = nullptr);
    // One run's history (every run's for an empty id), ready for the goal table.
    static std::shared_ptr<const HistorySnapshot> run(const Store &store, const QString &runId);
};

} // namespace switchboard
