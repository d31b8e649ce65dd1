#include "Store.h"

#include "persistence/DatabaseGuard.h"
#include "persistence/SqliteHandle.h"
#include "persistence/StoreIntegrity.h"
#include "persistence/StoreReader.h"
#include "persistence/StoreSchema.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QPointer>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>

#include <atomic>

namespace switchboard {

namespace {
Q_LOGGING_CATEGORY(lcStore, "switchboard.store")

std::atomic<quint64> s_nextInstance{1};
std::atomic<quint64> s_nextReader{1};
} // namespace

Store::Store(QObject *parent)
    : QObject(parent)
    , m_instance(s_nextInstance.fetch_add(1))
{}

Store::~Store()
{
    close();
}

QString Store::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("switchboard.db"));
}

QString Store::lockFilePath(const QString &databasePath)
{
    return databasePath + QStringLiteral(".lock");
}

bool Store::open(const QString &path, QString *error)
{
    return startOpen(path, false, error) && finishOpen(error);
}

bool Store::openInBackground(const QString &path, QString *error)
{
    return startOpen(path, true, error);
}

bool Store::failOpen(const QString &message, QString *error)
{
    if (m_writer) {
        m_writer->stop();
        disconnect(m_writer.get(), nullptr, this, nullptr);
    }
    m_writer.reset();
    removeReaders();
    m_guard.reset(); // after every connection: unlocks if we hold it, never another process's lock
    m_mode = Mode::Closed;
    setLastError(message);
    if (error)
        *error = message;
    return false;
}

bool Store::startOpen(const QString &path, bool background, QString *error)
{
    close();
    m_openFailedInUse = false;
    m_openFailedDamaged = false;
    m_openWaitsForUs = false;
    if (path.isEmpty())
        return failOpen(tr("no database path given"), error);
    // The file itself, links followed: the guard and every connection use one name for it.
    m_path = DatabaseGuard::resolvedPath(path);
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return failOpen(tr("cannot create the directory %1 for the database").arg(info.absolutePath()), error);

    m_guard = std::make_unique<DatabaseGuard>();
    QString guardError;
    const DatabaseGuard::Outcome guarded = m_guard->lock(m_path, &guardError);
    if (guarded != DatabaseGuard::Outcome::Locked) {
        m_openFailedInUse = guarded == DatabaseGuard::Outcome::InUse;
        return failOpen(guardError, error);
    }

    ++m_generation;
    StoreWriter::Config config;
    config.databasePath = m_path;
    config.connectionName = QStringLiteral("switchboard-store-%1-%2-writer").arg(m_instance).arg(m_generation);
    config.logLinesKept = kLogLinesKept;
    config.maxPendingLogBytes = kMaxPendingLogBytes;
    config.freePagesKept = kFreePagesKept;
    config.busyTimeoutMs = kBusyTimeoutMs;
    config.integrityCheck = m_integrityCheck;
    m_writer = std::make_unique<StoreWriter>(config);
    connect(m_writer.get(), &StoreWriter::failed, this, &Store::handleWriterFailed, Qt::QueuedConnection);
    if (background) {
        // The check of a big file takes seconds (quick_check reads every page): the caller's window is up meanwhile.
        m_mode = Mode::Opening;
        connect(
            m_writer.get(), &StoreWriter::openFinished, this,
            [this, generation = m_generation] { handleWriterOpened(generation); }, Qt::QueuedConnection);
    }
    m_writer->start();
    return true;
}

bool Store::finishOpen(QString *error)
{
    QString why;
    if (!m_writer->waitUntilReady(&why)) {
        m_openFailedDamaged = m_writer->openDamaged();
        return failOpen(why, error);
    }
    m_mode = Mode::ReadWrite;
    StoreReader reader(readConnection());
    m_lastRunNumber.storeRelease(reader.lastNumber(QStringLiteral("runs"), QStringLiteral("r-")));
    setLastError({});
    return true;
}

void Store::handleWriterOpened(quint64 generation)
{
    // An open that close() (or another open) ended first has nobody left to tell.
    if (m_mode != Mode::Opening || generation != m_generation || !m_writer)
        return;
    if (m_openHeld) {
        m_openWaitsForUs = true;
        return;
    }
    const bool opened = finishOpen(nullptr); // the writer is done: no wait
    Q_EMIT openFinished(opened);
}

bool Store::openReadOnly(const QString &path, QString *error)
{
    close();
    m_openFailedInUse = false;
    m_openFailedDamaged = false;
    const auto fail = [this, error](const QString &message) {
        removeReaders();
        m_mode = Mode::Closed;
        setLastError(message);
        if (error)
            *error = message;
        return false;
    };
    if (path.isEmpty())
        return fail(tr("no database path given"));
    m_path = QFileInfo(path).absoluteFilePath();
    if (!QFileInfo::exists(m_path))
        return fail(tr("there is no database at %1").arg(m_path));
    ++m_generation;
    m_mode = Mode::ReadOnly;
    int version = -1;
    QString why;
    bool damaged = false;
    {
        QSqlDatabase db = readConnection();
        if (!db.isOpen()) {
            why = StoreIntegrity::describe(db.lastError());
            damaged = StoreIntegrity::isDamage(db.lastError());
        } else {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next()) {
                version = query.value(0).toInt();
            } else {
                why = StoreIntegrity::describe(query.lastError());
                damaged = StoreIntegrity::isDamage(query.lastError());
            }
        }
        // A damaged file must not read as an empty one: SQLite's own check before anything is read from it.
        if (version > 0 && !StoreIntegrity::check(db, m_integrityCheck, &why))
            damaged = true;
    }
    if (damaged) {
        m_openFailedDamaged = true;
        return fail(StoreIntegrity::damagedMessage(m_path, why));
    }
    if (version < 0)
        return fail(tr("cannot read the database %1: %2").arg(m_path, why));
    if (version == 0)
        return fail(tr("%1 is not a Switchboard database").arg(m_path));
    if (version > StoreSchema::kLatestVersion) {
        return fail(tr("the database %1 has schema version %2, newer than this Switchboard knows (%3)")
                        .arg(m_path)
                        .arg(version)
                        .arg(StoreSchema::kLatestVersion));
    }
    if (version < StoreSchema::kLatestVersion) {
        return fail(tr("the database %1 has schema version %2 and must be upgraded first: open it once for "
                       "writing")
                        .arg(m_path)
                        .arg(version));
    }
    setLastError({});
    return true;
}

void Store::close()
{
    if (m_writer) {
        m_writer->stop(); // commits what is queued
        disconnect(m_writer.get(), nullptr, this, nullptr);
        m_writer.reset();
    }
    removeReaders();
    m_guard.reset(); // after every connection to the file is closed
    m_mode = Mode::Closed;
}

bool Store::isFailed() const
{
    return m_writer && m_writer->isFailed();
}

QString Store::lastError() const
{
    QMutexLocker locker(&m_mutex);
    return m_lastError;
}

QString Store::logDirectory() const
{
    return m_path.isEmpty() ? QString() : QFileInfo(m_path).absoluteDir().filePath(QStringLiteral("logs"));
}

QString Store::logFilePath(const QString &agentId) const
{
    return m_path.isEmpty() ? QString() : QDir(logDirectory()).filePath(logFileName(agentId));
}

QString Store::logFileName(const QString &agentId)
{
    // Nothing in an agent id can climb out of the log directory.
    QString name;
    for (const QChar c : agentId)
        name += c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.' ? c : u'_';
    if (name.isEmpty() || name.startsWith(u'.'))
        name.prepend(u'_');
    return name + QStringLiteral(".log");
}

bool Store::submit(StoreWrite write, CommitCallback onCommitted)
{
    return enqueue({std::move(write)}, nullptr, false, std::move(onCommitted));
}

bool Store::submit(StoreWrite write, QObject *context, CommitCallback onCommitted)
{
    return enqueue({std::move(write)}, context, true, std::move(onCommitted));
}

bool Store::submitAll(QList<StoreWrite> writes, CommitCallback onCommitted)
{
    return enqueue(std::move(writes), nullptr, false, std::move(onCommitted));
}

bool Store::submitAll(QList<StoreWrite> writes, QObject *context, CommitCallback onCommitted)
{
    return enqueue(std::move(writes), context, true, std::move(onCommitted));
}

bool Store::enqueue(QList<StoreWrite> writes, QObject *context, bool hasContext, CommitCallback onCommitted)
{
    if (m_mode == Mode::ReadOnly)
        return refuse(tr("the database %1 is open read-only; writes are refused").arg(m_path), onCommitted, context,
                      hasContext);
    if (m_mode == Mode::Opening)
        return refuse(tr("the database %1 is still being checked; writes are refused until it has passed").arg(m_path),
                      onCommitted, context, hasContext);
    if (m_mode == Mode::Closed || !m_writer)
        return refuse(tr("the database is not open; writes are refused"), onCommitted, context, hasContext);

    StoreWriter::Done done;
    if (onCommitted) {
        if (hasContext && !context) {
            done = std::move(onCommitted); // the writer thread, as asked
        } else {
            // Back through the Store's thread: the Store outlives its writer, so posting to it is always safe.
            QPointer<QObject> target(hasContext ? context : this);
            done = [this, target, callback = std::move(onCommitted)](bool committed) {
                queueCallback(target, callback, committed);
            };
        }
    }
    if (m_writer->enqueue(std::move(writes), done))
        return true;
    const QString failure = m_writer->failure();
    const QString why = failure.isEmpty() ? tr("the database %1 is closing; writes are refused").arg(m_path) : failure;
    setLastError(why);
    if (done)
        done(false);
    return false;
}

void Store::queueCallback(const QPointer<QObject> &target, const CommitCallback &callback, bool committed)
{
    // One queued call carries every callback of a commit (w1: 10,000 posted events became ~20). While a callback
    // runs, a new one gets a call of its own too, so a nested event loop in that callback still delivers it.
    bool post = false;
    {
        QMutexLocker locker(&m_deliveryMutex);
        post = !m_deliveryPosted && (m_deliveries.empty() || m_delivering > 0);
        m_deliveryPosted = m_deliveryPosted || post;
        m_deliveries.push_back({target, callback, committed});
    }
    if (post)
        QMetaObject::invokeMethod(this, &Store::deliverCallbacks, Qt::QueuedConnection);
}

void Store::deliverCallbacks()
{
    // One at a time from the shared queue, strictly in order: a callback that runs a nested event loop, in which
    // a later commit's delivery runs, has every earlier callback delivered before the later ones.
    {
        QMutexLocker locker(&m_deliveryMutex);
        m_deliveryPosted = false;
    }
    for (;;) {
        Delivery delivery;
        {
            QMutexLocker locker(&m_deliveryMutex);
            if (m_deliveries.empty())
                return;
            delivery = std::move(m_deliveries.front());
            m_deliveries.pop_front();
            ++m_delivering;
        }
        if (delivery.target && delivery.target->thread() == QThread::currentThread()) {
            delivery.callback(delivery.committed);
        } else if (delivery.target) {
            QMetaObject::invokeMethod(
                delivery.target.data(),
                [callback = delivery.callback, committed = delivery.committed] { callback(committed); },
                Qt::QueuedConnection);
        }
        QMutexLocker locker(&m_deliveryMutex);
        --m_delivering;
    }
}

bool Store::refuse(const QString &why, CommitCallback &onCommitted, QObject *context, bool hasContext)
{
    setLastError(why);
    qCWarning(lcStore).noquote() << "write refused:" << why;
    if (!onCommitted)
        return false;
    QObject *target = hasContext ? context : this;
    if (!target) {
        onCommitted(false);
        return false;
    }
    QMetaObject::invokeMethod(
        target, [callback = std::move(onCommitted)] { callback(false); }, Qt::QueuedConnection);
    return false;
}

bool Store::flush()
{
    if (m_mode != Mode::ReadWrite || !m_writer)
        return false;
    return m_writer->flush();
}

QString Store::nextRunId()
{
    return QStringLiteral("r-%1").arg(m_lastRunNumber.fetchAndAddOrdered(1) + 1);
}

StoreSnapshot Store::load(const QString &runId, QString *error) const
{
    StoreReader reader(readConnection());
    StoreSnapshot snapshot = reader.snapshot(runId);
    if (!reader.ok() && error)
        *error = reader.error();
    return snapshot;
}

QStringList Store::markInterrupted(QString *error)
{
    if (m_mode != Mode::ReadWrite) {
        if (error)
            *error = tr("the database is not open for writing");
        return {};
    }
    flush();
    StoreReader reader(readConnection());
    const QList<AgentStatus> agents = reader.agents();
    if (!reader.ok()) {
        if (error)
            *error = reader.error();
        return {};
    }
    QList<StoreWrite> writes;
    QStringList ids;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (AgentStatus status : agents) {
        if (!isActiveState(status.state))
            continue;
        status.error =
            tr("interrupted: Switchboard stopped while the agent was %1").arg(agentStateToString(status.state));
        status.state = AgentState::Interrupted;
        writes.append(StoreWrite::transition(status, now));
        ids.append(status.agentId);
    }
    if (writes.isEmpty())
        return {};
    auto committed = std::make_shared<std::atomic<bool>>(false);
    submitAll(std::move(writes), nullptr, [committed](bool ok) { committed->store(ok); });
    if (!flush() || !committed->load()) {
        if (error)
            *error = lastError().isEmpty() ? tr("cannot record the interrupted agents") : lastError();
        return {};
    }
    return ids;
}

bool Store::recordProcessGroup(const ProcessGroupRecord &record)
{
    if (m_mode != Mode::ReadWrite)
        return true;
    // Not waited for: the writer commits it within its next batch (milliseconds), and an agent's start must not
    // stall on a slow disk. Only a crash in that moment leaves the group unknown.
    return submit(StoreWrite::processGroupStarted(record));
}

QList<ProcessGroupRecord> Store::openProcessGroups(QString *error) const
{
    QList<ProcessGroupRecord> records;
    QSqlQuery query(readConnection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT agent_id, attempt, pgid, leader_start, boot_id, mark FROM process_groups "
                                   "WHERE ended = 0 ORDER BY started_at"))) {
        if (error)
            *error = tr("cannot read the database %1: %2").arg(m_path, StoreIntegrity::describe(query.lastError()));
        return {};
    }
    while (query.next()) {
        ProcessGroupRecord r;
        r.agentId = query.value(0).toString();
        r.attempt = query.value(1).toInt();
        r.pgid = query.value(2).toLongLong();
        r.leaderStartTicks = query.value(3).toULongLong();
        r.bootId = query.value(4).toString();
        r.mark = query.value(5).toString();
        records.append(r);
    }
    return records;
}

bool Store::markProcessGroupsEnded(const QList<ProcessGroupRecord> &records, QString *error)
{
    if (records.isEmpty())
        return true;
    auto committed = std::make_shared<std::atomic<bool>>(false);
    submit(StoreWrite::processGroupsEnded(records), nullptr, [committed](bool ok) { committed->store(ok); });
    if (!flush() || !committed->load()) {
        if (error)
            *error = lastError().isEmpty() ? tr("cannot record the ended process groups") : lastError();
        return false;
    }
    return true;
}

bool Store::recordExecutor(const ExecutorRecord &record, bool waitForCommit)
{
    if (m_mode != Mode::ReadWrite)
        return true;
    if (!waitForCommit)
        return submit(StoreWrite::executor(record));
    auto committed = std::make_shared<std::atomic<bool>>(false);
    if (!submit(StoreWrite::executor(record), nullptr, [committed](bool ok) { committed->store(ok); }))
        return false;
    return flush() && committed->load();
}

QList<ExecutorRecord> Store::openExecutorJobs(QString *error, const QStringList &runIds) const
{
    QList<ExecutorRecord> records;
    QSqlQuery query(readConnection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT t.agent_id, t.attempt, t.executor, t.job_name, t.external_id, a.run_id "
                                   "FROM attempts t LEFT JOIN agents a ON a.id = t.agent_id "
                                   "WHERE t.executor != '' AND t.job_name != '' AND t.outcome IS NULL "
                                   "ORDER BY t.agent_id, t.attempt"))) {
        if (error)
            *error = tr("cannot read the database %1: %2").arg(m_path, StoreIntegrity::describe(query.lastError()));
        return {};
    }
    while (query.next()) {
        if (!runIds.isEmpty() && !runIds.contains(query.value(5).toString()))
            continue;
        ExecutorRecord r;
        r.agentId = query.value(0).toString();
        r.attempt = query.value(1).toInt();
        QString why;
        const std::optional<ExecutorSpec> spec =
            ExecutorSpec::fromJson(QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object(), &why);
        if (spec)
            r.spec = *spec;
        else
            r.spec.kind = ExecutorSpec::Kind::Slurm; // unreadable: asking the cluster is the careful guess
        r.jobName = query.value(3).toString();
        r.externalId = query.value(4).toString();
        records.append(r);
    }
    return records;
}

bool Store::failAgents(const QHash<QString, QString> &reasons, QString *error)
{
    if (reasons.isEmpty())
        return true;
    if (m_mode != Mode::ReadWrite) {
        if (error)
            *error = tr("the database is not open for writing");
        return false;
    }
    flush();
    StoreReader reader(readConnection());
    const QList<AgentStatus> agents = reader.agents();
    if (!reader.ok()) {
        if (error)
            *error = reader.error();
        return false;
    }
    QList<StoreWrite> writes;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (AgentStatus status : agents) {
        const auto it = reasons.constFind(status.agentId);
        if (it == reasons.constEnd() || !isActiveState(status.state))
            continue;
        status.state = AgentState::Failed;
        status.error = *it;
        status.errorKind = QStringLiteral("executor");
        writes.append(StoreWrite::transition(status, now));
    }
    if (writes.isEmpty())
        return true;
    auto committed = std::make_shared<std::atomic<bool>>(false);
    submitAll(std::move(writes), nullptr, [committed](bool ok) { committed->store(ok); });
    if (!flush() || !committed->load()) {
        if (error)
            *error = lastError().isEmpty() ? tr("cannot record the agents whose jobs could not be ended") : lastError();
        return false;
    }
    return true;
}

QList<RunRecord> Store::runs(QString *error) const
{
    StoreReader reader(readConnection());
    QList<RunRecord> runs = reader.runs();
    if (!reader.ok() && error)
        *error = reader.error();
    return runs;
}

RunHistory Store::history(const QString &runId, QString *error) const
{
    StoreReader reader(readConnection());
    RunHistory history = reader.history(runId);
    if (!reader.ok() && error)
        *error = reader.error();
    return history;
}

QStringList Store::agentLog(const QString &agentId) const
{
    return StoreReader(readConnection()).agentLog(agentId);
}

QList<TranscriptEntry> Store::transcript(const QString &agentId, int attempt) const
{
    return StoreReader(readConnection()).transcript(agentId, attempt);
}

QList<NoteRecord> Store::notes(const QString &runId) const
{
    return StoreReader(readConnection()).notes(runId);
}

QList<WorktreeRecord> Store::worktrees(const QString &runId) const
{
    return StoreReader(readConnection()).worktrees(runId);
}

int Store::goalCount(const QString &runId) const
{
    return StoreReader(readConnection()).goalCount(runId);
}

QList<RunTotals> Store::runTotals(QString *error) const
{
    StoreReader reader(readConnection());
    QList<RunTotals> totals = reader.runTotals();
    if (!reader.ok() && error)
        *error = reader.error();
    return totals;
}

quint64 Store::maxFencingToken() const
{
    return StoreReader(readConnection()).maxFencingToken();
}

QSqlDatabase Store::readConnection() const
{
    if (!isOpen())
        return {};
    QThread *thread = QThread::currentThread();
    QString name;
    {
        QMutexLocker locker(&m_mutex);
        name = m_readers.value(thread).connectionName;
    }
    if (!name.isEmpty()) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isValid())
            return db;
    }
    name = QStringLiteral("switchboard-store-%1-%2-reader-%3")
               .arg(m_instance)
               .arg(m_generation)
               .arg(s_nextReader.fetch_add(1));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs);
    if (m_mode == Mode::ReadOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(options);
    ensureLinkedSqliteProbe(); // before Qt opens it: lets StoreReader read through the connection's handle
    if (db.open()) {
        QSqlQuery query(db);
        query.exec(QStringLiteral("PRAGMA query_only = 1"));
    } else {
        qCWarning(lcStore) << "cannot open a read connection to" << m_path << db.lastError().text();
    }
    // Removed on the finishing thread itself, the one that created it.
    auto *self = const_cast<Store *>(this);
    const QMetaObject::Connection finished = connect(
        thread, &QThread::finished, self,
        [self, thread, name] {
            {
                QMutexLocker locker(&self->m_mutex);
                const auto it = self->m_readers.constFind(thread);
                if (it != self->m_readers.cend() && it->connectionName == name)
                    self->m_readers.erase(it);
            }
            QSqlDatabase::removeDatabase(name);
        },
        Qt::DirectConnection);
    QMutexLocker locker(&m_mutex);
    m_readers.insert(thread, {name, finished});
    return db;
}

Store::Stats Store::stats() const
{
    return m_writer ? m_writer->stats() : Stats{};
}

int Store::setMaxPageCountForTesting(int pages)
{
    if (!m_writer)
        return -1;
    auto result = std::make_shared<std::atomic<int>>(-1);
    m_writer->enqueueTask(
        [result, pages](QSqlDatabase &db) {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)) || !query.next())
                return query.lastError().text();
            result->store(query.value(0).toInt());
            return QString();
        },
        {});
    m_writer->flush();
    return result->load();
}

void Store::setWritesHeldForTesting(bool held)
{
    if (m_writer)
        m_writer->setHeld(held);
}

void Store::setOpenHeldForTesting(bool held)
{
    m_openHeld = held;
    if (!held && std::exchange(m_openWaitsForUs, false)) {
        QMetaObject::invokeMethod(
            this, [this, generation = m_generation] { handleWriterOpened(generation); }, Qt::QueuedConnection);
    }
}

void Store::handleWriterFailed(const QString &message)
{
    setLastError(message);
    Q_EMIT storageFailed(message);
}

void Store::removeReaders()
{
    QList<Reader> readers;
    {
        QMutexLocker locker(&m_mutex);
        readers = m_readers.values();
        m_readers.clear();
    }
    for (const Reader &reader : std::as_const(readers)) {
        disconnect(reader.threadFinished);
        QSqlDatabase::removeDatabase(reader.connectionName);
    }
}

void Store::setLastError(const QString &message)
{
    QMutexLocker locker(&m_mutex);
    m_lastError = message;
}

} // namespace switchboard
