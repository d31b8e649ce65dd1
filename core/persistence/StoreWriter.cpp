#include "StoreWriter.h"

#include "persistence/SqliteHandle.h"
#include "persistence/StoreSchema.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QSqlDriver>

#include <sqlite3.h>

#include <algorithm>
#include <ctime>
#include <numeric>

namespace switchboard {

namespace {
Q_LOGGING_CATEGORY(lcStoreWriter, "switchboard.store.writer")

constexpr int kSqliteError = 1;
constexpr int kSqliteTooBig = 18;
constexpr int kSqliteConstraint = 19;
constexpr int kSqliteMismatch = 20;
constexpr int kSqliteRange = 25;

QVariant ms(const QDateTime &at)
{
    return at.isValid() ? QVariant(at.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

bool needsJsonEscape(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.unicode() < 0x20 || c == u'"' || c == u'\\' || c.isSurrogate(); });
}

QString jsonList(const QStringList &list)
{
    // Most lists are empty or plain ids: written directly (QJsonDocument for each of a goal's four lists
    // was a visible part of recording a goal); anything that needs escaping goes through QJsonDocument.
    if (list.isEmpty())
        return QStringLiteral("[]");
    if (std::any_of(list.cbegin(), list.cend(), needsJsonEscape))
        return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
    QString json;
    json.reserve(2 + list.size() * 3 +
                 std::accumulate(list.cbegin(), list.cend(), qsizetype(0),
                                 [](qsizetype n, const QString &s) { return n + s.size(); }));
    json += u'[';
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0)
            json += u',';
        json += u'"';
        json += list.at(i);
        json += u'"';
    }
    json += u']';
    return json;
}

QString optionsJson(const QList<Escalation::Option> &options)
{
    QJsonArray array;
    for (const Escalation::Option &option : options)
        array.append(QJsonObject{{QStringLiteral("key"), option.key}, {QStringLiteral("label"), option.label}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

bool isFinalOrInterrupted(AgentState state)
{
    return isFinalState(state) || state == AgentState::Interrupted;
}

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

bool StoreWriter::enqueue(QList<StoreWrite> writes, Done done)
{
    QMutexLocker locker(&m_mutex);
    if (m_failed || m_stopping || m_openFailed)
        return false;
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
    Job job;
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
    Job job;
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

QString StoreWriter::logFileName(const QString &agentId)
{
    // Nothing in an agent id can climb out of the log directory.
    QString name;
    for (const QChar c : agentId)
        name += c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.' ? c : u'_';
    if (name.isEmpty() || name.startsWith(u'.'))
        name.prepend(u'_');
    return name + QStringLiteral(".log");
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
    if (opened) {
        for (;;) {
            std::vector<Job> batch;
            {
                QMutexLocker locker(&m_mutex);
                while ((m_queue.empty() || m_held) && !m_stopping)
                    m_wake.wait(&m_mutex);
                if (m_queue.empty() && m_stopping)
                    break;
                batch.swap(m_queue);
                m_coalesceIndex.clear();
            }
            processBatch(batch);
        }
    }
    closeConnection();
}

size_t StoreWriter::SqlHash::operator()(const QString &sql) const noexcept
{
    return qHash(QStringView(sql).left(48)) ^ size_t(sql.size());
}

bool StoreWriter::SqlEqual::operator()(const QString &a, const QString &b) const noexcept
{
    return (a.constData() == b.constData() && a.size() == b.size()) || a == b;
}

void StoreWriter::closeConnection()
{
    for (auto &[sql, statement] : m_prepared)
        sqlite3_finalize(statement);
    m_prepared.clear();
    m_handle = nullptr;
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
        *error = QStringLiteral("cannot open the database %1: %2").arg(m_config.databasePath, m_db.lastError().text());
        return false;
    }
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next() ||
        query.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0) {
        *error = QStringLiteral("cannot switch the database %1 to WAL mode: %2")
                     .arg(m_config.databasePath, query.lastError().text());
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
                         .arg(m_config.databasePath, query.lastError().text());
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
    m_handle = *static_cast<sqlite3 *const *>(handle.constData());
    if (!m_handle) {
        *error = QStringLiteral("cannot use the database %1: the SQLite driver has no connection")
                     .arg(m_config.databasePath);
        return false;
    }
    return true;
}

void StoreWriter::processBatch(std::vector<Job> &batch)
{
    const double cpuAtStart = threadCpuMs();
    const quint64 lastSeq = batch.empty() ? 0 : batch.back().seq;
    auto finish = [&](bool committed) {
        quint64 writes = 0;
        quint64 rejected = 0;
        for (const Job &job : batch) {
            if (committed && job.ok)
                writes += quint64(job.writes.size());
            else if (committed)
                ++rejected;
        }
        // Callbacks first: when flush() returns, those that run on this thread have run.
        for (Job &job : batch) {
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
    m_touchedLogAgents.clear();
    m_pendingSpill.clear();

    WriteError error;
    // Usually nothing is rejected, so the batch is first applied without a savepoint per job (two statements
    // less per submission), inside one savepoint for the whole batch. If a job is rejected, the batch is rolled
    // back to that savepoint -- the transaction and its write lock are kept -- and applied again with a
    // savepoint per job, so that only the rejected job is left out. Test hooks (tasks) always take the careful
    // path: they must run once.
    const bool hasTask = std::any_of(batch.cbegin(), batch.cend(), [](const Job &job) { return bool(job.task); });
    if (!execPlain(QStringLiteral("BEGIN IMMEDIATE"), &error) ||
        (!hasTask && !execPlain(QStringLiteral("SAVEPOINT batch"), &error))) {
        WriteError ignored;
        execPlain(QStringLiteral("ROLLBACK"), &ignored);
        enterFailed(error.message);
        finish(false);
        return;
    }
    bool storageFailed = false;
    if (!hasTask)
        planFolds(batch);
    const bool fastApplied = !hasTask && applyBatch(batch, false, &error);
    const quint64 folded = fastApplied ? m_foldedEnds.size() : 0;
    m_foldedStarts.clear();
    m_foldedEnds.clear();
    if (!fastApplied) {
        storageFailed = error.storage;
        if (!hasTask && !storageFailed) {
            WriteError again;
            if (!execPlain(QStringLiteral("ROLLBACK TO batch"), &again)) {
                error = again;
                storageFailed = true;
            }
            m_touchedLogAgents.clear();
            m_pendingSpill.clear();
        }
        if (!storageFailed && !applyBatch(batch, true, &error))
            storageFailed = true;
    }
    if (!storageFailed && !hasTask && !execPlain(QStringLiteral("RELEASE batch"), &error))
        storageFailed = true;
    if (!storageFailed && !trimLogs(&error))
        storageFailed = error.storage;
    if (!storageFailed && !execPlain(QStringLiteral("COMMIT"), &error))
        storageFailed = true;
    if (storageFailed) {
        WriteError ignored;
        execPlain(QStringLiteral("ROLLBACK"), &ignored); // SQLite may have rolled back already
        enterFailed(error.message);
        finish(false);
        return;
    }
    spillLogs();
    if (folded > 0) {
        QMutexLocker locker(&m_mutex);
        m_stats.folded += folded;
    }
    finish(true);
}

bool StoreWriter::applyBatch(std::vector<Job> &batch, bool savepoints, WriteError *error)
{
    for (Job &job : batch) {
        job.ok = true;
        const size_t spillBefore = m_pendingSpill.size();
        if (applyJob(job, savepoints, error))
            continue;
        if (error->storage || !savepoints)
            return false;
        m_pendingSpill.resize(spillBefore); // its log lines were rolled back with it: not for the log file either
        job.ok = false;
        qCWarning(lcStoreWriter) << "write rejected:" << error->message;
    }
    return true;
}

void StoreWriter::planFolds(const std::vector<Job> &batch)
{
    m_foldedStarts.clear();
    m_foldedEnds.clear();
    // agent -> its Running write, while nothing else has touched the agent's row or attempts since.
    std::unordered_map<QString, const StoreWrite::Transition *> started;
    for (const Job &job : batch) {
        for (const StoreWrite &write : job.writes) {
            const StoreWrite::Payload &payload = write.payload();
            if (const auto *t = std::get_if<StoreWrite::Transition>(&payload)) {
                const auto it = started.find(t->agentId);
                if (it != started.end() && isFinalOrInterrupted(t->state) && t->attempt == it->second->attempt) {
                    m_foldedStarts.insert(it->second);
                    m_foldedEnds.emplace(t, it->second);
                }
                if (t->state == AgentState::Running && t->attempt >= 1)
                    started.insert_or_assign(t->agentId, t);
                else if (it != started.end())
                    started.erase(it);
            } else if (const auto *p = std::get_if<StoreWrite::Progress>(&payload)) {
                started.erase(p->agentId);
            } else if (const auto *u = std::get_if<StoreWrite::Usage>(&payload)) {
                started.erase(u->agentId);
            } else if (const auto *g = std::get_if<StoreWrite::GoalAdded>(&payload)) {
                started.erase(g->agentId);
            }
            // Logs, lock events, escalations and notes do not touch the agent's row or its attempts.
        }
    }
}

bool StoreWriter::applyJob(Job &job, bool savepoint, WriteError *error)
{
    if (job.writes.isEmpty() && !job.task)
        return true; // superseded by a later progress/usage write
    if (!savepoint) {
        for (const StoreWrite &write : std::as_const(job.writes)) {
            if (!apply(write, error))
                return false;
        }
        return true;
    }
    if (!execPlain(QStringLiteral("SAVEPOINT job"), error))
        return false;
    bool ok = true;
    if (job.task) {
        const QString message = job.task(m_db);
        if (!message.isEmpty()) {
            *error = {false, message};
            ok = false;
        }
    }
    for (const StoreWrite &write : std::as_const(job.writes)) {
        if (!ok)
            break;
        ok = apply(write, error);
    }
    if (ok)
        return execPlain(QStringLiteral("RELEASE job"), error);
    if (error->storage)
        return false;
    const WriteError original = *error;
    WriteError rollbackError;
    if (!execPlain(QStringLiteral("ROLLBACK TO job"), &rollbackError) ||
        !execPlain(QStringLiteral("RELEASE job"), &rollbackError)) {
        *error = {true, rollbackError.message};
        return false;
    }
    *error = original;
    return false;
}

bool StoreWriter::apply(const StoreWrite &write, WriteError *error)
{
    return std::visit([this, error](const auto &payload) { return applyPayload(payload, error); }, write.payload());
}

bool StoreWriter::applyPayload(const StoreWrite::RunStarted &w, WriteError *error)
{
    return exec(QStringLiteral("INSERT INTO runs (id, name, plan_file, max_parallel, started_at, settings_json) "
                               "VALUES (?, ?, ?, ?, ?, ?) "
                               "ON CONFLICT (id) DO UPDATE SET name = excluded.name, plan_file = excluded.plan_file, "
                               "max_parallel = excluded.max_parallel, settings_json = excluded.settings_json, "
                               "finished_at = NULL"),
                {w.runId, w.name, w.planFile, w.maxParallel, ms(w.at),
                 QString::fromUtf8(QJsonDocument(w.settings).toJson(QJsonDocument::Compact))},
                error);
}

bool StoreWriter::applyPayload(const StoreWrite::RunFinished &w, WriteError *error)
{
    const QString summary = QString::fromUtf8(QJsonDocument(w.summary.toJson()).toJson(QJsonDocument::Compact));
    int rows = 0;
    if (!exec(QStringLiteral("UPDATE runs SET finished_at = ?, summary_json = ? WHERE id = ?"),
              {ms(w.at), summary, w.runId}, error, &rows))
        return false;
    if (rows == 0) {
        *error = {false, QStringLiteral("run %1 finished but was never started").arg(w.runId)};
        return false;
    }
    return true;
}

bool StoreWriter::applyPayload(const StoreWrite::GoalAdded &w, WriteError *error)
{
    const Goal &g = w.goal;
    if (!exec(QStringLiteral("INSERT INTO goals (run_id, id, title, description, priority, deadline, success_criteria, "
                             "depends_on, capabilities, resources, profile, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (run_id, id) DO UPDATE SET title = excluded.title, "
                             "description = excluded.description, priority = excluded.priority, "
                             "deadline = excluded.deadline, success_criteria = excluded.success_criteria, "
                             "depends_on = excluded.depends_on, capabilities = excluded.capabilities, "
                             "resources = excluded.resources, profile = excluded.profile"),
              {w.runId, g.id, g.title, g.description, priorityToString(g.priority), ms(g.deadline),
               jsonList(g.successCriteria), jsonList(g.dependsOn), jsonList(g.capabilities), jsonList(g.resources),
               g.profile, ms(w.at)},
              error))
        return false;
    const QString state = agentStateToString(AgentState::Queued);
    if (!exec(QStringLiteral("INSERT INTO agents (id, run_id, goal_id, name, profile, state, attempt, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, 0, ?)"),
              {w.agentId, w.runId, g.id, w.agentName, w.profile, state, ms(w.at)}, error))
        return false;
    return exec(
        QStringLiteral("INSERT INTO transitions (agent_id, goal_id, attempt, state, at) VALUES (?, ?, 0, ?, ?)"),
        {w.agentId, g.id, state, ms(w.at)}, error);
}

bool StoreWriter::applyPayload(const StoreWrite::Transition &w, WriteError *error)
{
    const QString state = agentStateToString(w.state);
    if (!exec(QStringLiteral("INSERT INTO transitions (agent_id, goal_id, attempt, state, at, error) "
                             "VALUES (?, ?, ?, ?, ?, ?)"),
              {w.agentId, w.goalId, w.attempt, state, ms(w.at), w.error}, error))
        return false;
    if (!m_foldedStarts.empty()) {
        if (m_foldedStarts.count(&w) != 0)
            return true; // the agent row and the attempt are written with the end of this attempt
        if (const auto it = m_foldedEnds.find(&w); it != m_foldedEnds.end())
            return applyFoldedEnd(*it->second, w, error);
    }
    const bool running = w.state == AgentState::Running;
    const bool over = isFinalOrInterrupted(w.state);
    int rows = 0;
    // started_at marks the start of the current attempt; completed_at its end (or the interruption).
    if (!exec(QStringLiteral("UPDATE agents SET "
                             "started_at = CASE WHEN ? AND (attempt <> ? OR started_at IS NULL) THEN ? "
                             "ELSE started_at END, "
                             "completed_at = CASE WHEN ? THEN ? WHEN ? AND attempt <> ? THEN NULL "
                             "ELSE completed_at END, "
                             "progress = CASE WHEN ? THEN 100 WHEN ? AND attempt <> ? THEN 0 ELSE progress END, "
                             "state = ?, attempt = ?, error = ?, summary = ?, "
                             "name = CASE WHEN ? = '' THEN name ELSE ? END, "
                             "profile = CASE WHEN ? = '' THEN profile ELSE ? END "
                             "WHERE id = ?"),
              {running, w.attempt, ms(w.at),                         //
               over, ms(w.at), running, w.attempt,                   //
               w.state == AgentState::Completed, running, w.attempt, //
               state, w.attempt, w.error, w.summary,                 //
               w.agentName, w.agentName, w.profile, w.profile, w.agentId},
              error, &rows))
        return false;
    if (rows == 0) {
        // Unreachable through the foreign key above; kept so a schema change cannot make it silent.
        *error = {false, QStringLiteral("state change for unknown agent %1").arg(w.agentId)};
        return false;
    }
    if (w.attempt < 1)
        return true;
    if (running) {
        return exec(QStringLiteral("INSERT INTO attempts (agent_id, attempt, profile, started_at) VALUES (?, ?, ?, ?) "
                                   "ON CONFLICT (agent_id, attempt) DO UPDATE SET "
                                   "started_at = COALESCE(attempts.started_at, excluded.started_at), "
                                   "profile = CASE WHEN excluded.profile = '' THEN attempts.profile "
                                   "ELSE excluded.profile END"),
                    {w.agentId, w.attempt, w.profile, ms(w.at)}, error);
    }
    if (over) {
        const QVariant exitCode = w.exitCode ? QVariant(*w.exitCode) : QVariant(QMetaType(QMetaType::Int));
        return exec(QStringLiteral("INSERT INTO attempts (agent_id, attempt, profile, finished_at, outcome, summary, "
                                   "error, exit_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                   "ON CONFLICT (agent_id, attempt) DO UPDATE SET "
                                   "finished_at = excluded.finished_at, outcome = excluded.outcome, "
                                   "summary = excluded.summary, error = excluded.error, "
                                   "exit_code = excluded.exit_code, "
                                   "profile = CASE WHEN excluded.profile = '' THEN attempts.profile "
                                   "ELSE excluded.profile END"),
                    {w.agentId, w.attempt, w.profile, ms(w.at), state, w.summary, w.error, exitCode}, error);
    }
    if (w.state == AgentState::Queued) {
        // Back in the queue after attempt N: N failed and will be retried. Close it as a failed attempt so the
        // history and the metrics see every try, not only the last one.
        return exec(QStringLiteral("UPDATE attempts SET finished_at = ?, outcome = ?, error = ? "
                                   "WHERE agent_id = ? AND attempt = ? AND finished_at IS NULL"),
                    {ms(w.at), agentStateToString(AgentState::Failed), w.error, w.agentId, w.attempt}, error);
    }
    return true;
}

bool StoreWriter::applyFoldedEnd(const StoreWrite::Transition &start, const StoreWrite::Transition &end,
                                 WriteError *error)
{
    // What the Running update followed by the final one leave behind, in one statement each.
    const QString state = agentStateToString(end.state);
    const QString name = end.agentName.isEmpty() ? start.agentName : end.agentName;
    const QString profile = end.profile.isEmpty() ? start.profile : end.profile;
    int rows = 0;
    if (!exec(QStringLiteral("UPDATE agents SET "
                             "started_at = CASE WHEN attempt <> ?1 OR started_at IS NULL THEN ?2 ELSE started_at END, "
                             "completed_at = ?3, "
                             "progress = CASE WHEN ?4 THEN 100 WHEN attempt <> ?1 THEN 0 ELSE progress END, "
                             "state = ?5, attempt = ?1, error = ?6, summary = ?7, "
                             "name = CASE WHEN ?8 = '' THEN name ELSE ?8 END, "
                             "profile = CASE WHEN ?9 = '' THEN profile ELSE ?9 END "
                             "WHERE id = ?10"),
              {end.attempt, ms(start.at), ms(end.at), end.state == AgentState::Completed, state, end.error, end.summary,
               name, profile, end.agentId},
              error, &rows))
        return false;
    if (rows == 0) {
        *error = {false, QStringLiteral("state change for unknown agent %1").arg(end.agentId)};
        return false;
    }
    const QVariant exitCode = end.exitCode ? QVariant(*end.exitCode) : QVariant(QMetaType(QMetaType::Int));
    return exec(QStringLiteral("INSERT INTO attempts (agent_id, attempt, profile, started_at, finished_at, outcome, "
                               "summary, error, exit_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                               "ON CONFLICT (agent_id, attempt) DO UPDATE SET "
                               "started_at = COALESCE(attempts.started_at, excluded.started_at), "
                               "finished_at = excluded.finished_at, outcome = excluded.outcome, "
                               "summary = excluded.summary, error = excluded.error, exit_code = excluded.exit_code, "
                               "profile = CASE WHEN excluded.profile = '' THEN attempts.profile "
                               "ELSE excluded.profile END"),
                {end.agentId, end.attempt, profile, ms(start.at), ms(end.at), state, end.summary, end.error, exitCode},
                error);
}

bool StoreWriter::applyPayload(const StoreWrite::Progress &w, WriteError *error)
{
    // No row (an agent the store does not know) is not worth failing anything for.
    return exec(QStringLiteral("UPDATE agents SET progress = ?, current_step = ? WHERE id = ?"),
                {qBound(0, w.progress, 100), w.step, w.agentId}, error);
}

bool StoreWriter::applyPayload(const StoreWrite::Usage &w, WriteError *error)
{
    return exec(QStringLiteral("INSERT INTO attempts (agent_id, attempt, input_tokens, output_tokens, cost_usd) "
                               "VALUES (?, ?, ?, ?, ?) ON CONFLICT (agent_id, attempt) DO UPDATE SET "
                               "input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens, "
                               "cost_usd = excluded.cost_usd"),
                {w.agentId, w.attempt, w.inputTokens, w.outputTokens, w.costUsd}, error);
}

bool StoreWriter::applyPayload(const StoreWrite::EscalationChanged &w, WriteError *error)
{
    const Escalation &e = w.escalation;
    const QString open = escalationStateToString(Escalation::State::Open);
    // A late "open" write never reopens a closed escalation: an answer once recorded stays.
    return exec(
        QStringLiteral("INSERT INTO escalations (id, run_id, goal_id, agent_id, trigger, question, context, "
                       "options_json, priority, created_at, timeout_ms, timeout_policy, default_option, state, "
                       "answer_option, answer_text, answered_at, answered_by) "
                       "VALUES (?, COALESCE((SELECT run_id FROM agents WHERE id = ?), ''), ?, ?, ?, ?, ?, ?, ?, ?, "
                       "?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (id) DO UPDATE SET goal_id = excluded.goal_id, agent_id = excluded.agent_id, "
                       "trigger = excluded.trigger, question = excluded.question, context = excluded.context, "
                       "options_json = excluded.options_json, priority = excluded.priority, "
                       "timeout_ms = excluded.timeout_ms, timeout_policy = excluded.timeout_policy, "
                       "default_option = excluded.default_option, state = excluded.state, "
                       "answer_option = excluded.answer_option, answer_text = excluded.answer_text, "
                       "answered_at = excluded.answered_at, answered_by = excluded.answered_by "
                       "WHERE escalations.state = ? OR excluded.state <> ?"),
        {e.id,
         e.agentId,
         e.goalId,
         e.agentId,
         escalationTriggerToString(e.trigger),
         e.question,
         e.context,
         optionsJson(e.options),
         priorityToString(e.priority),
         e.createdAt.isValid() ? ms(e.createdAt) : QVariant(QDateTime::currentMSecsSinceEpoch()),
         e.timeoutMs,
         escalationTimeoutPolicyToString(e.timeoutPolicy),
         e.defaultOption,
         escalationStateToString(e.state),
         e.answerOption,
         e.answerText,
         ms(e.answeredAt),
         e.answeredBy,
         open,
         open},
        error);
}

bool StoreWriter::applyPayload(const StoreWrite::LockEventRecorded &w, WriteError *error)
{
    const LockEvent &e = w.event;
    const qint64 token = qint64(e.token);
    if (!exec(QStringLiteral("INSERT INTO lock_events (resource, agent_id, action, token, reason, at) "
                             "VALUES (?, ?, ?, ?, ?, ?)"),
              {e.resource, e.agentId, lockActionToString(e.action), token, e.reason, ms(w.at)}, error))
        return false;
    return exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('max_fencing_token', ?) "
                               "ON CONFLICT (key) DO UPDATE SET value = MAX(value, excluded.value)"),
                {token}, error);
}

bool StoreWriter::applyPayload(const StoreWrite::LogLines &w, WriteError *error)
{
    for (const QString &line : w.lines) {
        if (!exec(QStringLiteral("INSERT INTO agent_log (agent_id, line, at) VALUES (?, ?, ?)"),
                  {w.agentId, line, ms(w.at)}, error))
            return false;
    }
    if (!m_touchedLogAgents.contains(w.agentId))
        m_touchedLogAgents.append(w.agentId);
    m_pendingSpill.push_back(w);
    return true;
}

bool StoreWriter::applyPayload(const StoreWrite::NoteWritten &w, WriteError *error)
{
    const NoteRecord &n = w.note;
    return exec(QStringLiteral("INSERT INTO notes (run_id, key, text, author_agent, at) VALUES (?, ?, ?, ?, ?) "
                               "ON CONFLICT (run_id, key) DO UPDATE SET text = excluded.text, "
                               "author_agent = excluded.author_agent, at = excluded.at"),
                {n.runId, n.key, n.text, n.authorAgentId, ms(n.at)}, error);
}

bool StoreWriter::trimLogs(WriteError *error)
{
    for (const QString &agentId : std::as_const(m_touchedLogAgents)) {
        if (!exec(QStringLiteral("DELETE FROM agent_log WHERE agent_id = ? AND id <= "
                                 "(SELECT id FROM agent_log WHERE agent_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)"),
                  {agentId, agentId, m_config.logLinesKept}, error))
            return false;
    }
    return true;
}

void StoreWriter::spillLogs()
{
    if (m_pendingSpill.empty() || m_config.logDirectory.isEmpty())
        return;
    if (!QDir().mkpath(m_config.logDirectory)) {
        QMutexLocker locker(&m_mutex);
        ++m_stats.logSpillErrors;
        return;
    }
    std::unordered_map<QString, QByteArray> chunks;
    for (const StoreWrite::LogLines &w : m_pendingSpill) {
        QByteArray &chunk = chunks[w.agentId];
        for (const QString &line : w.lines) {
            chunk += line.toUtf8();
            chunk += '\n';
        }
    }
    m_pendingSpill.clear();
    for (const auto &[agentId, chunk] : chunks) {
        QFile file(QDir(m_config.logDirectory).filePath(logFileName(agentId)));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(chunk) != chunk.size()) {
            qCWarning(lcStoreWriter) << "cannot append to" << file.fileName() << file.errorString();
            QMutexLocker locker(&m_mutex);
            ++m_stats.logSpillErrors;
        }
    }
}

bool StoreWriter::exec(const QString &sql, const QVariantList &values, WriteError *error, int *rowsAffected)
{
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        const QByteArray utf8 = sql.toUtf8();
        sqlite3_stmt *prepared = nullptr;
        const int rc = sqlite3_prepare_v3(m_handle, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                                          &prepared, nullptr);
        if (rc != SQLITE_OK) {
            *error = errorFrom(rc, QString::fromUtf8(sqlite3_errmsg(m_handle)));
            sqlite3_finalize(prepared);
            return false;
        }
        if (!prepared) { // only whitespace or a comment: a bug in the caller, not in the database
            *error = {false, QStringLiteral("empty SQL statement")};
            return false;
        }
        it = m_prepared.emplace(sql, prepared).first;
    }
    sqlite3_stmt *statement = it->second;
    m_boundText.clear();
    int rc = SQLITE_OK;
    for (int i = 0; i < values.size() && rc == SQLITE_OK; ++i) {
        const QVariant &value = values.at(i);
        const int column = i + 1;
        switch (value.typeId()) {
        case QMetaType::QString: {
            // A null QString is "" here, not SQL NULL: the columns want text. The UTF-8 is kept alive until
            // the statement has run (SQLITE_STATIC), and converted by Qt rather than by SQLite.
            m_boundText.push_back(value.toString().toUtf8());
            const QByteArray &text = m_boundText.back();
            rc = sqlite3_bind_text(statement, column, text.constData(), int(text.size()), SQLITE_STATIC);
            break;
        }
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Long:
        case QMetaType::ULong:
            rc = value.isNull() ? sqlite3_bind_null(statement, column)
                                : sqlite3_bind_int64(statement, column, value.toLongLong());
            break;
        case QMetaType::QByteArray:
            if (value.isNull()) {
                rc = sqlite3_bind_null(statement, column);
            } else {
                m_boundText.push_back(value.toByteArray());
                const QByteArray &bytes = m_boundText.back();
                rc = sqlite3_bind_blob(statement, column, bytes.constData(), int(bytes.size()), SQLITE_STATIC);
            }
            break;
        case QMetaType::Double:
        case QMetaType::Float:
            rc = value.isNull() ? sqlite3_bind_null(statement, column)
                                : sqlite3_bind_double(statement, column, value.toDouble());
            break;
        default:
            if (value.isNull()) {
                rc = sqlite3_bind_null(statement, column);
            } else {
                m_boundText.push_back(value.toString().toUtf8());
                const QByteArray &text = m_boundText.back();
                rc = sqlite3_bind_text(statement, column, text.constData(), int(text.size()), SQLITE_STATIC);
            }
            break;
        }
    }
    if (rc == SQLITE_OK) {
        do {
            rc = sqlite3_step(statement);
        } while (rc == SQLITE_ROW);
    }
    const bool ok = rc == SQLITE_DONE;
    if (!ok)
        *error = errorFrom(rc, QString::fromUtf8(sqlite3_errmsg(m_handle)));
    else if (rowsAffected)
        *rowsAffected = sqlite3_changes(m_handle);
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    m_boundText.clear();
    return ok;
}

bool StoreWriter::execPlain(const QString &sql, WriteError *error)
{
    // Prepared once like the rest: BEGIN, COMMIT and the savepoints run for every batch.
    return exec(sql, {}, error);
}

StoreWriter::WriteError StoreWriter::errorFrom(int code, const QString &text) const
{
    const int primary = code & 0xff;
    // Only errors about the write itself are the write's fault; anything about the file (full, I/O,
    // corrupt, read-only, locked, out of memory) stops the store.
    const bool storage = !(primary == kSqliteError || primary == kSqliteTooBig || primary == kSqliteConstraint ||
                           primary == kSqliteMismatch || primary == kSqliteRange);
    if (!storage)
        return {false, text};
    return {true, QStringLiteral("cannot write to the database %1: %2 (SQLite error %3)")
                      .arg(m_config.databasePath, text)
                      .arg(code)};
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
