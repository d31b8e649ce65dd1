#include "history/HistoryFetcher.h"

#include "history/HistoryLoader.h"
#include "persistence/Store.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace switchboard {

HistoryFetcher::HistoryFetcher(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_pool.setMaxThreadCount(2);
}

HistoryFetcher::~HistoryFetcher()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void HistoryFetcher::fetchRuns()
{
    using RunsResult = std::pair<QList<HistoryRunEntry>, QString>;
    const Store *store = m_store.data();
    auto *watcher = new QFutureWatcher<RunsResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const RunsResult result = watcher->result();
        watcher->deleteLater();
        Q_EMIT runsFetched(result.first, result.second);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [store] {
        QString error;
        QList<HistoryRunEntry> runs = HistoryLoader::runs(*store, &error);
        return RunsResult(std::move(runs), error);
    }));
}

void HistoryFetcher::fetchRun(const QString &runId)
{
    const quint64 generation = ++m_runGeneration;
    const Store *store = m_store.data();
    auto *watcher = new QFutureWatcher<std::shared_ptr<const HistorySnapshot>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        std::shared_ptr<const HistorySnapshot> snapshot = watcher->result();
        watcher->deleteLater();
        if (generation == m_runGeneration)
            Q_EMIT runFetched(std::move(snapshot));
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [store, runId] { return HistoryLoader::run(*store, runId); }));
}

void HistoryFetcher::fetchLog(const QString &agentId, const QString &sessionLogFile)
{
    const quint64 generation = ++m_logGeneration;
    const Store *store = m_store.data();
    struct LogResult
    {
        QStringList lines;
        QString file;
        QList<TranscriptEntry> transcript;
    };
    auto *watcher = new QFutureWatcher<LogResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, agentId] {
        const LogResult result = watcher->result();
        watcher->deleteLater();
        if (generation != m_logGeneration)
            return;
        Q_EMIT logFetched(agentId, result.lines, result.file);
        Q_EMIT transcriptFetched(agentId, result.transcript);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [store, agentId, sessionLogFile] {
        QString file = store->logFilePath(agentId);
        if (!QFileInfo::exists(file))
            file = !sessionLogFile.isEmpty() && QFileInfo::exists(sessionLogFile) ? sessionLogFile : QString();
        return LogResult{store->agentLog(agentId), file, store->transcript(agentId)};
    }));
}

void HistoryFetcher::release(std::shared_ptr<const HistorySnapshot> snapshot)
{
    // Freeing a run of a hundred thousand goals takes a noticeable moment: not on the GUI thread.
    if (snapshot && snapshot.use_count() == 1 && !snapshot->rows.isEmpty())
        m_pool.start([snapshot = std::move(snapshot)]() mutable { snapshot.reset(); });
}

} // namespace switchboard
