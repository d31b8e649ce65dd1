#pragma once

#include "history/HistoryRunEntry.h"
#include "history/HistorySnapshot.h"
#include "model/TranscriptEntry.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <memory>

namespace switchboard {

class Store;

// The History window's reads (HistoryLoader, the agent log) on a private pool of two threads, with the
// results handed back on this object's thread; a run or log read that a newer one replaced is dropped.
class HistoryFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryFetcher)

public:
    explicit HistoryFetcher(Store *store, QObject *parent = nullptr);
    // Reads use the store's per-thread connections: they are over before the store may close.
    ~HistoryFetcher() override;

    // runsFetched() follows.
    void fetchRuns();
    // runFetched() follows, unless another fetchRun() comes first. Empty id: every run.
    void fetchRun(const QString &runId);
    // The last lines the store kept and the full log file: the store's, else this session's (sessionLogFile,
    // from the orchestrator: GUI thread only) when the store has none. logFetched() follows, unless another
    // fetchLog() comes first. The agent's stored transcript is read with it: transcriptFetched() follows too.
    void fetchLog(const QString &agentId, const QString &sessionLogFile);
    // Lets go of a snapshot; the last reference to a big one is freed on a worker thread (that takes a moment).
    void release(std::shared_ptr<const HistorySnapshot> snapshot);

Q_SIGNALS:
    void runsFetched(const QList<HistoryRunEntry> &runs, const QString &error);
    void runFetched(std::shared_ptr<const HistorySnapshot> snapshot);
    void logFetched(const QString &agentId, const QStringList &lines, const QString &file);
    void transcriptFetched(const QString &agentId, const QList<TranscriptEntry> &entries);

private:
    QPointer<Store> m_store;
    QThreadPool m_pool;
    quint64 m_runGeneration = 0; // drops results of reads that were superseded
    quint64 m_logGeneration = 0;
};

} // namespace switchboard
