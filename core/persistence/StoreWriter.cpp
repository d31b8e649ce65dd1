#include "StoreWriter.h"

#include "persistence/SqliteHandle.h"
#include "persistence/StoreIntegrity.h"
#include "persistence/StoreSchema.h"

#include <QLoggingCategory>
#include <QMutexLocker>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <ctime>
#include <unordered_map>

namespace switchboard {

namespace {
Q_LOGGING_CATEGORY(lcStoreWriter, "switchboard.store.writer")

// CPU time of the calling thread, in ms (0 where the platform cannot say).
double threadCpuMs()
{
#if defined(Q_OS_UNIX)
    timespec now{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) == 0)
        return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
#endif
    return 0.0;
}
} // namespace

StoreWriter::StoreWriter(Config config, QObject *parent)
    : QThread(parent)
    , m_config(std::move(config))
    , m_statements(m_config.databasePath)
    , m_applier(m_db, m_statements, m_config.logLinesKept)
    , m_logs(m_config.logLinesKept, m_config.maxPendingLogBytes)
{
    setObjectName(QStringLiteral("StoreWriter"));
}

StoreWriter::~StoreWriter()
{
    stop();
}

bool StoreWriter::waitUntilReady(QString *error)
{
    QMutexLocker locker(&m_mutex);
    while (!m_ready && !m_openFailed)
        m_progress.wait(&m_mutex);
    if (m_openFailed && error)
        *error = m_openError;
    return m_ready;
}

bool StoreWriter::enqueue(QList<StoreWrite> writes, Done &done)
{
    QMutexLocker locker(&m_mutex);
    if (m_failed || m_stopping || m_openFailed)
        return false;
    // Log lines nobody waits for are sampled, not queued: the table keeps only the newest lines per agent, and the
    // full output is in the agents' log files. What waits stays bounded however fast the agents print.
    if (writes.size() == 1 && !done) {
        if (const auto *lines = std::get_if<StoreWrite::LogLines>(&writes.constFirst().payload())) {
            m_stats.logLinesSampledOut += quint64(m_logs.add(*lines)); // the lists are shared, not copied
            m_logsSeq = m_nextSeq++;
            m_wake.wakeOne();
            return true;
        }
    }
    // A lone progress/usage write without a callback supersedes the queued one for the same key. The old
    // one is emptied, not overwritten in place, so the latest value still lands after everything submitted
    // before it (a new attempt resets progress; a tick after that must win).
    if (writes.size() == 1 && !done) {
        const QString key = writes.constFirst().coalesceKey();
        if (!key.isEmpty()) {
            const auto it = m_coalesceIndex.find(key);
            if (it != m_coalesceIndex.end()) {
                m_queue[it->second].writes.clear();
                ++m_stats.coalesced;
            }
            m_coalesceIndex.insert_or_assign(key, m_queue.size());
        }
    }
    StoreWriteJob job;
    job.writes = std::move(writes);
    job.done = std::move(done);
    job.seq = m_nextSeq++;
    m_queue.push_back(std::move(job));
    m_wake.wakeOne();
    return true;
}

bool StoreWriter::enqueueTask(Task task, Done done)
{
    QMutexLocker locker(&m_mutex);
    if (m_failed || m_stopping || m_openFailed)
        return false;
    StoreWriteJob job;
    job.task = std::move(task);
    job.done = std::move(done);
    job.seq = m_nextSeq++;
    m_queue.push_back(std::move(job));
    m_wake.wakeOne();
    return true;
}

bool StoreWriter::flush()
{
    if (QThread::currentThread() == this) {
        qCWarning(lcStoreWriter) << "flush() called on the writer thread; ignored";
        return false;
    }
    QMutexLocker locker(&m_mutex);
    const quint64 target = m_nextSeq - 1;
    if (!isRunning() || !m_ready)
        return !m_failed && m_processedSeq >= target;
    m_wake.wakeOne();
    while (m_processedSeq < target && !m_failed && isRunning())
        m_progress.wait(&m_mutex, 100);
    return !m_failed;
}

void StoreWriter::stop()
{
    {
        QMutexLocker locker(&m_mutex);
        m_stopping = true;
        m_held = false;
        m_wake.wakeOne();
    }
    if (isRunning())
        wait();
}

void StoreWriter::setHeld(bool held)
{
    QMutexLocker locker(&m_mutex);
    m_held = held;
    m_wake.wakeOne();
}

bool StoreWriter::isFailed() const
{
    QMutexLocker locker(&m_mutex);
    return m_failed;
}

QString StoreWriter::failure() const
{
    QMutexLocker locker(&m_mutex);
    return m_failure;
}

StoreWriter::Stats StoreWriter::stats() const
{
    QMutexLocker locker(&m_mutex);
    return m_stats;
}

void StoreWriter::run()
{
    QString error;
    const bool opened = openConnection(&error);
    {
        QMutexLocker locker(&m_mutex);
        m_ready = opened;
        m_openFailed = !opened;
        m_openError = error;
        m_progress.wakeAll();
    }
    Q_EMIT openFinished();
    if (opened) {
        for (;;) {
            std::vector<StoreWriteJob> batch;
            {
                QMutexLocker locker(&m_mutex);
                while (((m_queue.empty() && m_logs.isEmpty()) || m_held) && !m_stopping)
                    m_wake.wait(&m_mutex);
                if (m_queue.empty() && m_logs.isEmpty() && m_stopping)
                    break;
                batch.swap(m_queue);
                m_coalesceIndex.clear();
                if (!m_logs.isEmpty()) {
                    // The sampled lines ride at the end of the batch, after everything submitted before them.
                    StoreWriteJob job;
                    for (StoreWrite::LogLines &lines : m_logs.take())
                        job.writes.append(StoreWrite(std::move(lines)));
                    job.seq = m_logsSeq;
                    batch.push_back(std::move(job));
                }
            }
            processInSlices(batch);
        }
    }
    closeConnection();
}

void StoreWriter::processInSlices(std::vector<StoreWriteJob> &batch)
{
    // One transaction per slice of about kSliceWrites writes: what was submitted first is committed, and its
    // callbacks run, while the rest is written (a large spawn's first goals start that much earlier). Jobs are
    // never split, and slices commit in submission order.
    constexpr qsizetype kSliceWrites = 1024;
    qsizetype total = 0;
    for (const StoreWriteJob &job : batch)
        total += job.writes.size();
    if (total <= kSliceWrites || batch.size() == 1) {
        processBatch(batch);
        return;
    }
    size_t begin = 0;
    while (begin < batch.size()) {
        size_t end = begin;
        qsizetype writes = 0;
        while (end < batch.size() && (end == begin || writes + batch[end].writes.size() <= kSliceWrites))
            writes += batch[end++].writes.size();
        std::vector<StoreWriteJob> slice(std::make_move_iterator(batch.begin() + std::ptrdiff_t(begin)),
                                         std::make_move_iterator(batch.begin() + std::ptrdiff_t(end)));
        processBatch(slice);
        begin = end;
    }
}

void StoreWriter::closeConnection()
{
    m_statements.clear();
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_config.connectionName);
}

bool StoreWriter::openConnection(QString *error)
{
    ensureLinkedSqliteProbe(); // before Qt opens the connection
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_config.connectionName);
    m_db.setDatabaseName(m_config.databasePath);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_config.busyTimeoutMs));
    if (!m_db.open()) {
        if (StoreIntegrity::isDamage(m_db.lastError())) {
            m_openDamaged = true;
            *error = StoreIntegrity::damagedMessage(m_config.databasePath, StoreIntegrity::describe(m_db.lastError()));
            return false;
        }
        *error = QStringLiteral("cannot open the database %1: %2")
                     .arg(m_config.databasePath, StoreIntegrity::describe(m_db.lastError()));
        return false;
    }
    // Before anything writes to it (WAL switch, migration): a damaged file is refused as it is, for recovery.
    QString problems;
    if (!StoreIntegrity::check(m_db, m_config.integrityCheck, &problems)) {
        m_openDamaged = true;
        *error = StoreIntegrity::damagedMessage(m_config.databasePath, problems);
        return false;
    }
    QSqlQuery query(m_db);
    setUpVacuum(query); // before the schema is created
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next() ||
        query.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0) {
        *error = QStringLiteral("cannot switch the database %1 to WAL mode: %2")
                     .arg(m_config.databasePath, StoreIntegrity::describe(query.lastError()));
        return false;
    }
    query.finish();
    // NORMAL in WAL mode: a commit is in the WAL (written, not fsync'ed) before COMMIT returns, so it survives
    // the process crashing or being killed (kill -9) -- what Switchboard promises: durable before reported.
    // Only an OS crash or a power cut can lose the last transactions (the database stays consistent; the WAL
    // is synced at each checkpoint). FULL would fsync every commit: w1 with the store took 130 instead of 95 us
    // per goal (docs/BENCHMARKS.md).
    for (const QString &pragma :
         {QStringLiteral("PRAGMA synchronous = NORMAL"), QStringLiteral("PRAGMA foreign_keys = ON")}) {
        if (!query.exec(pragma)) {
            *error = QStringLiteral("cannot configure the database %1: %2")
                         .arg(m_config.databasePath, StoreIntegrity::describe(query.lastError()));
            return false;
        }
    }
    query.finish();
    QString why;
    if (!StoreSchema::migrate(m_db, StoreSchema::kLatestVersion, &why)) {
        *error = QStringLiteral("cannot use the database %1: %2").arg(m_config.databasePath, why);
        return false;
    }
    // Writes bind through the SQLite C API on the driver's own connection: QSqlQuery::bindValue() and its
    // QVariant round trips were about half of the writer's time (docs/BENCHMARKS.md). That needs the SQLite
    // Qt's plugin uses to be the one linked here (Debian's plugin uses the system libsqlite3), not a copy of
    // its own: the probe function registered above exists only on connections of this library.
    const bool sameLibrary =
        query.exec(QStringLiteral("SELECT switchboard_linked_sqlite()")) && query.next() && query.value(0).toInt() == 1;
    query.finish();
    QString pluginVersion;
    if (query.exec(QStringLiteral("SELECT sqlite_version()")) && query.next())
        pluginVersion = query.value(0).toString();
    query.finish();
    const QVariant handle = m_db.driver()->handle();
    if (!sameLibrary || !handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        *error = QStringLiteral("cannot use the database %1: Qt's SQLite plugin (SQLite %2) does not use the SQLite "
                                "library Switchboard was built with (%3); build Qt's plugin against the system's "
                                "libsqlite3, as Debian's is")
                     .arg(m_config.databasePath, pluginVersion, QString::fromLatin1(sqlite3_libversion()));
        return false;
    }
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    m_statements.attach(connection);
    if (!connection) {
        *error = QStringLiteral("cannot use the database %1: the SQLite driver has no connection")
                     .arg(m_config.databasePath);
        return false;
    }
    StoreWriteError sequenceError;
    if (!m_applier.loadSequence(&sequenceError)) {
        *error = QStringLiteral("cannot read the database %1: %2").arg(m_config.databasePath, sequenceError.message);
        return false;
    }
    return true;
}

void StoreWriter::processBatch(std::vector<StoreWriteJob> &batch)
{
    const double cpuAtStart = threadCpuMs();
    quint64 lastSeq = 0;
    for (const StoreWriteJob &job : batch)
        lastSeq = qMax(lastSeq, job.seq);
    auto finish = [&](bool committed) {
        quint64 writes = 0;
        quint64 rejected = 0;
        for (const StoreWriteJob &job : batch) {
            if (committed && job.ok)
                writes += quint64(job.writes.size());
            else if (committed)
                ++rejected;
        }
        // Callbacks first: when flush() returns, those that run on this thread have run.
        for (StoreWriteJob &job : batch) {
            if (job.done)
                job.done(committed && job.ok);
        }
        QMutexLocker locker(&m_mutex);
        m_stats.busyCpuMs += threadCpuMs() - cpuAtStart;
        if (committed) {
            ++m_stats.transactions;
            m_stats.writes += writes;
            m_stats.rejected += rejected;
        }
        m_processedSeq = qMax(m_processedSeq, lastSeq);
        m_progress.wakeAll();
    };

    if (isFailed()) {
        finish(false);
        return;
    }
    m_applier.resetLogs();

    StoreWriteError error;
    // Usually nothing is rejected, so the batch is first applied without a savepoint per job (two statements
    // less per submission), inside one savepoint for the whole batch. If a job is rejected, the batch is rolled
    // back to that savepoint -- the transaction and its write lock are kept -- and applied again with a
    // savepoint per job, so that only the rejected job is left out. Test hooks (tasks) always take the careful
    // path: they must run once.
    const bool hasTask =
        std::any_of(batch.cbegin(), batch.cend(), [](const StoreWriteJob &job) { return bool(job.task); });
    if (!m_statements.execPlain(QStringLiteral("BEGIN IMMEDIATE"), &error) ||
        (!hasTask && !m_statements.execPlain(QStringLiteral("SAVEPOINT batch"), &error))) {
        StoreWriteError ignored;
        m_statements.execPlain(QStringLiteral("ROLLBACK"), &ignored);
        enterFailed(error.message);
        finish(false);
        return;
    }
    bool storageFailed = false;
    if (!hasTask)
        m_applier.planFolds(batch);
    const bool fastApplied = !hasTask && m_applier.applyBatch(batch, false, &error);
    const quint64 folded = fastApplied ? m_applier.foldCount() : 0;
    m_applier.clearFolds();
    if (!fastApplied) {
        storageFailed = error.storage;
        if (!hasTask && !storageFailed) {
            StoreWriteError again;
            if (!m_statements.execPlain(QStringLiteral("ROLLBACK TO batch"), &again)) {
                error = again;
                storageFailed = true;
            }
            m_applier.resetLogs();
            m_applier.rewindSequence();
        }
        if (!storageFailed && !m_applier.applyBatch(batch, true, &error))
            storageFailed = true;
    }
    if (!storageFailed && !hasTask && !m_statements.execPlain(QStringLiteral("RELEASE batch"), &error))
        storageFailed = true;
    if (!storageFailed && !m_applier.trimLogs(&error))
        storageFailed = error.storage;
    if (!storageFailed && !m_statements.execPlain(QStringLiteral("COMMIT"), &error))
        storageFailed = true;
    if (storageFailed) {
        StoreWriteError ignored;
        m_statements.execPlain(QStringLiteral("ROLLBACK"), &ignored); // SQLite may have rolled back already
        enterFailed(error.message);
        finish(false);
        return;
    }
    m_applier.resetLogs();
    if (folded > 0) {
        QMutexLocker locker(&m_mutex);
        m_stats.folded += folded;
    }
    finish(true);
    vacuumIfNeeded();
}

void StoreWriter::setUpVacuum(QSqlQuery &query)
{
    // auto_vacuum can only be chosen before the first table exists (or by a VACUUM): a new database gets
    // INCREMENTAL here, before the schema is created. Without it, the log table's trimming leaves free pages
    // that only new rows reuse, and a file that grew never shrinks.
    if (query.exec(QStringLiteral("PRAGMA auto_vacuum")) && query.next())
        m_incrementalVacuum = query.value(0).toInt() == 2;
    query.finish();
    if (m_incrementalVacuum)
        return;
    int tables = -1;
    if (query.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_schema")) && query.next())
        tables = query.value(0).toInt();
    query.finish();
    if (tables == 0) {
        query.exec(QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"));
        query.finish();
    } else {
        // An older database: converting it takes a VACUUM (a copy of the whole file), worth it only when much of
        // the file is free pages, as the log churn of earlier versions left.
        qint64 freePages = 0;
        qint64 pages = 0;
        if (query.exec(QStringLiteral("PRAGMA freelist_count")) && query.next())
            freePages = query.value(0).toLongLong();
        query.finish();
        if (query.exec(QStringLiteral("PRAGMA page_count")) && query.next())
            pages = query.value(0).toLongLong();
        query.finish();
        if (freePages <= m_config.freePagesKept || freePages * 4 < pages)
            return;
        if (!query.exec(QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL")) || !query.exec(QStringLiteral("VACUUM"))) {
            // Not fatal: the free pages are still reused; the file just does not shrink.
            qCWarning(lcStoreWriter).noquote()
                << "cannot compact the database" << m_config.databasePath << ":" << query.lastError().text();
        }
        query.finish();
    }
    if (query.exec(QStringLiteral("PRAGMA auto_vacuum")) && query.next())
        m_incrementalVacuum = query.value(0).toInt() == 2;
    query.finish();
}

void StoreWriter::vacuumIfNeeded()
{
    // A few free pages are reused by the next batches; many are what a burst of deletes left.
    if (!m_incrementalVacuum)
        return;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA freelist_count")) || !query.next())
        return;
    const qint64 freePages = query.value(0).toLongLong();
    query.finish();
    if (freePages <= m_config.freePagesKept)
        return;
    // Through the C API, which steps the pragma to its end (one step of it frees one page).
    StoreWriteError error;
    if (!m_statements.execPlain(QStringLiteral("PRAGMA incremental_vacuum"), &error)) {
        qCWarning(lcStoreWriter).noquote() << "incremental vacuum failed:" << error.message;
        return;
    }
    QMutexLocker locker(&m_mutex);
    m_stats.vacuumedPages += quint64(freePages);
}

void StoreWriter::enterFailed(const QString &message)
{
    {
        QMutexLocker locker(&m_mutex);
        if (m_failed)
            return;
        m_failed = true;
        m_failure = message;
    }
    qCCritical(lcStoreWriter).noquote() << message;
    Q_EMIT failed(message);
}

} // namespace switchboard
