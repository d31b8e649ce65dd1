#include "StoreBatchApplier.h"

#include "persistence/SqliteStatementCache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <numeric>

namespace switchboard {

namespace {
Q_LOGGING_CATEGORY(lcStoreWriter, "switchboard.store.writer")

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
} // namespace

StoreBatchApplier::StoreBatchApplier(QSqlDatabase &db, SqliteStatementCache &statements, int logLinesKept)
    : m_db(db)
    , m_statements(statements)
    , m_logLinesKept(logLinesKept)
{}

void StoreBatchApplier::resetLogs()
{
    m_touchedLogAgents.clear();
}

bool StoreBatchApplier::applyBatch(std::vector<StoreWriteJob> &batch, bool savepoints, StoreWriteError *error)
{
    dropDeferred();
    m_deferring = !savepoints;
    m_batchFirstSeq = m_nextSeq;
    for (StoreWriteJob &job : batch) {
        job.ok = true;
        if (applyJob(job, savepoints, error))
            continue;
        if (error->storage || !savepoints) {
            dropDeferred();
            return false;
        }
        job.ok = false;
        qCWarning(lcStoreWriter) << "write rejected:" << error->message;
    }
    const bool ok = flushDeferred(error);
    dropDeferred();
    return ok && (m_nextSeq == m_batchFirstSeq || recordSequence(error));
}

bool StoreBatchApplier::loadSequence(StoreWriteError *error)
{
    // After every id a transition row has and every sequence number a row implies (recordSequence()).
    m_nextSeq = 1;
    for (const QString &sql : {QStringLiteral("SELECT MAX(id) FROM transitions"),
                               QStringLiteral("SELECT value FROM meta WHERE key = 'transition_seq'")}) {
        QSqlQuery query(m_db);
        if (!query.exec(sql)) {
            *error = {true, query.lastError().text()};
            return false;
        }
        if (query.next() && !query.isNull(0))
            m_nextSeq = std::max(m_nextSeq, query.value(0).toLongLong() + 1);
    }
    return true;
}

bool StoreBatchApplier::recordSequence(StoreWriteError *error)
{
    // One row per transaction: the largest sequence number would otherwise take a scan of agents and attempts
    // at start-up. Numbers a rolled-back batch took are left unused; only their order matters.
    return m_statements.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('transition_seq', ?) "
                                            "ON CONFLICT (key) DO UPDATE SET value = MAX(value, excluded.value)"),
                             {m_nextSeq - 1}, error);
}

void StoreBatchApplier::dropDeferred()
{
    m_deferring = false;
    m_deferredTransitions.clear();
    m_deferredEnds.clear();
    m_foldedStartSeqs.clear();
}

bool StoreBatchApplier::applyJob(StoreWriteJob &job, bool savepoint, StoreWriteError *error)
{
    if (job.writes.isEmpty() && !job.task)
        return true; // superseded by a later progress/usage write
    if (!savepoint)
        return applyWrites(job.writes, error);
    if (!m_statements.execPlain(QStringLiteral("SAVEPOINT job"), error))
        return false;
    bool ok = true;
    if (job.task) {
        const QString message = job.task(m_db);
        if (!message.isEmpty()) {
            *error = {false, message};
            ok = false;
        }
    }
    if (ok)
        ok = applyWrites(job.writes, error);
    if (ok)
        return m_statements.execPlain(QStringLiteral("RELEASE job"), error);
    if (error->storage)
        return false;
    const StoreWriteError original = *error;
    StoreWriteError rollbackError;
    if (!m_statements.execPlain(QStringLiteral("ROLLBACK TO job"), &rollbackError) ||
        !m_statements.execPlain(QStringLiteral("RELEASE job"), &rollbackError)) {
        *error = {true, rollbackError.message};
        return false;
    }
    *error = original;
    return false;
}

bool StoreBatchApplier::apply(const StoreWrite &write, StoreWriteError *error)
{
    return std::visit([this, error](const auto &payload) { return applyPayload(payload, error); }, write.payload());
}

bool StoreBatchApplier::applyPayload(const StoreWrite::RunStarted &w, StoreWriteError *error)
{
    return m_statements.exec(
        QStringLiteral("INSERT INTO runs (id, name, plan_file, max_parallel, started_at, settings_json) "
                       "VALUES (?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (id) DO UPDATE SET name = excluded.name, plan_file = excluded.plan_file, "
                       "max_parallel = excluded.max_parallel, settings_json = excluded.settings_json, "
                       "finished_at = NULL"),
        {w.runId, w.name, w.planFile, w.maxParallel, ms(w.at),
         QString::fromUtf8(QJsonDocument(w.settings).toJson(QJsonDocument::Compact))},
        error);
}

bool StoreBatchApplier::applyPayload(const StoreWrite::RunFinished &w, StoreWriteError *error)
{
    const QString summary = QString::fromUtf8(QJsonDocument(w.summary.toJson()).toJson(QJsonDocument::Compact));
    int rows = 0;
    if (!m_statements.exec(QStringLiteral("UPDATE runs SET finished_at = ?, summary_json = ? WHERE id = ?"),
                           {ms(w.at), summary, w.runId}, error, &rows))
        return false;
    if (rows == 0) {
        *error = {false, QStringLiteral("run %1 finished but was never started").arg(w.runId)};
        return false;
    }
    return true;
}

namespace {

// Goal::team or Goal::member as stored in goals.team_json.
QString teamJson(const Goal &g)
{
    if (!g.team && !g.member)
        return QStringLiteral("{}");
    QJsonObject o;
    if (g.team)
        o.insert(u"pattern", g.team->toJson());
    if (g.member)
        o.insert(u"member", g.member->toJson());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

namespace {
// A spawn's goals are written kRows at a time: one statement per table for up to kRows goals instead of
// three per goal (each statement has its own VDBE run, statement journal and halt; the rows' b-tree work is
// the same). So are a batch's transitions and folded attempts (deferTransition, deferFoldedEnd).
constexpr int kRows = 32;

void appendGoalValues(QVariantList &values, const StoreWrite::GoalAdded &w)
{
    const Goal &g = w.goal;
    values << w.runId << g.id << g.title << g.description << priorityToString(g.priority) << ms(g.deadline)
           << jsonList(g.successCriteria) << jsonList(g.dependsOn) << jsonList(g.capabilities) << jsonList(g.resources)
           << g.profile << ms(w.at)
           << QString::fromUtf8(QJsonDocument(isolationToJson(g.isolation)).toJson(QJsonDocument::Compact))
           << g.followUpOf
           << (g.when ? QString::fromUtf8(QJsonDocument(g.when->toJson()).toJson(QJsonDocument::Compact))
                      : QStringLiteral("{}"))
           << teamJson(g)
           << (g.executor ? QString::fromUtf8(QJsonDocument(g.executor->toJson()).toJson(QJsonDocument::Compact))
                          : QString());
}

// "INSERT ... VALUES (row), (row), ... tail" for `rows` rows.
QString repeatedRows(QStringView head, QStringView row, QStringView tail, int rows)
{
    QString sql;
    sql.reserve(head.size() + rows * (row.size() + 2) + tail.size());
    sql += head;
    for (int i = 0; i < rows; ++i) {
        if (i > 0)
            sql += u", ";
        sql += row;
    }
    sql += tail;
    return sql;
}
} // namespace

const QString &StoreBatchApplier::multiRowSql(int table, int rows)
{
    // Kept for the writer's lifetime: the statement cache compares these by their data pointers.
    QString &sql = m_multiRowSql[static_cast<size_t>(table)][static_cast<size_t>(rows)];
    if (!sql.isEmpty())
        return sql;
    switch (table) {
    case 0:
        sql = repeatedRows(u"INSERT INTO goals (run_id, id, title, description, priority, deadline, success_criteria, "
                           u"depends_on, capabilities, resources, profile, created_at, isolation_json, follow_up_of, "
                           u"when_json, team_json, executor_json) VALUES ",
                           u"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           u" ON CONFLICT (run_id, id) DO UPDATE SET title = excluded.title, "
                           u"description = excluded.description, priority = excluded.priority, "
                           u"deadline = excluded.deadline, success_criteria = excluded.success_criteria, "
                           u"depends_on = excluded.depends_on, capabilities = excluded.capabilities, "
                           u"resources = excluded.resources, profile = excluded.profile, "
                           u"isolation_json = excluded.isolation_json, follow_up_of = excluded.follow_up_of, "
                           u"when_json = excluded.when_json, team_json = excluded.team_json, "
                           u"executor_json = excluded.executor_json",
                           rows);
        break;
    case 1:
        sql = repeatedRows(
            u"INSERT INTO agents (id, run_id, goal_id, name, profile, state, attempt, created_at, queued_seq) VALUES ",
            u"(?, ?, ?, ?, ?, ?, 0, ?, ?)", u"", rows);
        break;
    case 2:
        sql = repeatedRows(u"INSERT INTO transitions (id, agent_id, goal_id, attempt, state, at, error) VALUES ",
                           u"(?, ?, ?, ?, ?, ?, ?)", u"", rows);
        break;
    default:
        // A second Running of the attempt keeps the first's started_at; running_at says when the implied one was.
        sql = repeatedRows(u"INSERT INTO attempts (agent_id, attempt, profile, started_at, finished_at, outcome, "
                           u"summary, error, exit_code, start_seq, end_seq) VALUES ",
                           u"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           u" ON CONFLICT (agent_id, attempt) DO UPDATE SET "
                           u"running_at = CASE WHEN attempts.started_at IS NULL THEN NULL "
                           u"ELSE excluded.started_at END, "
                           u"started_at = COALESCE(attempts.started_at, excluded.started_at), "
                           u"start_seq = excluded.start_seq, end_seq = excluded.end_seq, "
                           u"finished_at = excluded.finished_at, outcome = excluded.outcome, "
                           u"summary = excluded.summary, error = excluded.error, exit_code = excluded.exit_code, "
                           u"profile = CASE WHEN excluded.profile = '' THEN attempts.profile "
                           u"ELSE excluded.profile END",
                           rows);
        break;
    }
    return sql;
}

bool StoreBatchApplier::applyWrites(const QList<StoreWrite> &writes, StoreWriteError *error)
{
    for (qsizetype i = 0; i < writes.size();) {
        qsizetype goals = 0;
        while (goals < kRows && i + goals < writes.size() &&
               std::holds_alternative<StoreWrite::GoalAdded>(writes.at(i + goals).payload()))
            ++goals;
        if (goals > 0) {
            if (m_deferring && !flushDeferred(error)) // their Queued transitions come after those before them
                return false;
            std::array<const StoreWrite::GoalAdded *, kRows> run{};
            for (qsizetype k = 0; k < goals; ++k)
                run[static_cast<size_t>(k)] = &std::get<StoreWrite::GoalAdded>(writes.at(i + k).payload());
            if (!applyGoalsAdded(run.data(), static_cast<int>(goals), error))
                return false;
            i += goals;
            continue;
        }
        const StoreWrite &write = writes.at(i);
        if (m_deferring && !std::holds_alternative<StoreWrite::Transition>(write.payload()) && !flushDeferred(error))
            return false;
        if (!apply(write, error))
            return false;
        ++i;
    }
    return true;
}

bool StoreBatchApplier::applyPayload(const StoreWrite::GoalAdded &w, StoreWriteError *error)
{
    const StoreWrite::GoalAdded *one = &w;
    return applyGoalsAdded(&one, 1, error);
}

bool StoreBatchApplier::applyGoalsAdded(const StoreWrite::GoalAdded *const *goals, int count, StoreWriteError *error)
{
    // The goal rows, then their agents (which reference them). Each agent row is also its Queued transition
    // (queued_seq): the same rows in the same order as one goal's statements after another's.
    const auto goalAt = [goals](int k) -> const StoreWrite::GoalAdded & { return *goals[k]; };
    const QString queued = agentStateToString(AgentState::Queued);
    m_values.clear();
    for (int k = 0; k < count; ++k)
        appendGoalValues(m_values, goalAt(k));
    if (!m_statements.exec(multiRowSql(0, count), m_values, error))
        return false;
    m_values.clear();
    for (int k = 0; k < count; ++k) {
        const StoreWrite::GoalAdded &w = goalAt(k);
        m_values << w.agentId << w.runId << w.goal.id << w.agentName << w.profile << queued << ms(w.at)
                 << takeSequence();
    }
    const bool ok = m_statements.exec(multiRowSql(1, count), m_values, error);
    m_values.clear();
    return ok;
}

bool StoreBatchApplier::applyPayload(const StoreWrite::Transition &w, StoreWriteError *error)
{
    const QString state = agentStateToString(w.state);
    const bool running = w.state == AgentState::Running;
    // Review ends the attempt too (the agent is done; a human merges or discards later).
    const bool over = isFinalOrInterrupted(w.state) || w.state == AgentState::Review;
    const qint64 seq = takeSequence();
    // An attempt's start and end are its attempts row (start_seq, end_seq), not rows of their own; an attempt's
    // row has no place for a start's error.
    const bool implied = w.attempt >= 1 && ((running && w.error.isEmpty()) || over);
    if (!implied) {
        if (m_deferring) {
            if (!deferTransition(w, seq, error))
                return false;
        } else if (!m_statements.exec(
                       QStringLiteral("INSERT INTO transitions (id, agent_id, goal_id, attempt, state, at, error) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                       {seq, w.agentId, w.goalId, w.attempt, state, ms(w.at), w.error}, error)) {
            return false;
        }
    }
    const QVariant impliedSeq = implied ? QVariant(seq) : QVariant(QMetaType(QMetaType::LongLong));
    if (!m_folds.isEmpty()) {
        if (m_folds.isFoldedStart(&w)) {
            m_foldedStartSeqs.insert_or_assign(&w, impliedSeq);
            return true; // the agent row and the attempt are written with the end of this attempt
        }
        if (const StoreWrite::Transition *start = m_folds.startFoldedInto(&w))
            return m_deferring ? deferFoldedEnd(*start, w, seq, error) : applyFoldedEnd(*start, w, seq, error);
    }
    // This write updates the agent row and its attempts: the folded ones before it go first.
    if (m_deferring && !flushFoldedEnds(error))
        return false;
    int rows = 0;
    // started_at marks the start of the current attempt; completed_at its end (or the interruption).
    if (!m_statements.exec(
            QStringLiteral("UPDATE agents SET "
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
        // An agent the store does not know: the foreign key of a transition row says so too, but implied transitions
        // have none.
        *error = {false, QStringLiteral("state change for unknown agent %1").arg(w.agentId)};
        return false;
    }
    if (w.attempt < 1)
        return true;
    if (running) {
        // A second Running of the attempt keeps the first's started_at; running_at says when the implied one was.
        return m_statements.exec(
            QStringLiteral("INSERT INTO attempts (agent_id, attempt, profile, started_at, start_seq) "
                           "VALUES (?, ?, ?, ?, ?) ON CONFLICT (agent_id, attempt) DO UPDATE SET "
                           "running_at = CASE WHEN attempts.started_at IS NULL THEN NULL ELSE excluded.started_at END, "
                           "started_at = COALESCE(attempts.started_at, excluded.started_at), "
                           "start_seq = excluded.start_seq, "
                           "profile = CASE WHEN excluded.profile = '' THEN attempts.profile "
                           "ELSE excluded.profile END"),
            {w.agentId, w.attempt, w.profile, ms(w.at), impliedSeq}, error);
    }
    if (over) {
        const QVariant exitCode = w.exitCode ? QVariant(*w.exitCode) : QVariant(QMetaType(QMetaType::Int));
        return m_statements.exec(
            QStringLiteral("INSERT INTO attempts (agent_id, attempt, profile, finished_at, outcome, summary, "
                           "error, exit_code, end_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (agent_id, attempt) DO UPDATE SET "
                           "finished_at = excluded.finished_at, outcome = excluded.outcome, "
                           "summary = excluded.summary, error = excluded.error, "
                           "exit_code = excluded.exit_code, end_seq = excluded.end_seq, "
                           "profile = CASE WHEN excluded.profile = '' THEN attempts.profile "
                           "ELSE excluded.profile END"),
            {w.agentId, w.attempt, w.profile, ms(w.at), state, w.summary, w.error, exitCode, impliedSeq}, error);
    }
    if (w.state == AgentState::Queued) {
        // Back in the queue after attempt N: N failed and will be retried. Close it as a failed attempt so the
        // history and the metrics see every try, not only the last one.
        return m_statements.exec(QStringLiteral("UPDATE attempts SET finished_at = ?, outcome = ?, error = ? "
                                                "WHERE agent_id = ? AND attempt = ? AND finished_at IS NULL"),
                                 {ms(w.at), agentStateToString(AgentState::Failed), w.error, w.agentId, w.attempt},
                                 error);
    }
    return true;
}

bool StoreBatchApplier::applyFoldedEnd(const StoreWrite::Transition &start, const StoreWrite::Transition &end,
                                       qint64 endSeq, StoreWriteError *error)
{
    // What the Running update followed by the final one leave behind, in one statement each.
    if (!updateFoldedAgent(start, end, error))
        return false;
    m_values.clear();
    appendFoldedAttempt(start, end, endSeq);
    const bool ok = m_statements.exec(multiRowSql(3, 1), m_values, error);
    m_values.clear();
    return ok;
}

bool StoreBatchApplier::updateFoldedAgent(const StoreWrite::Transition &start, const StoreWrite::Transition &end,
                                          StoreWriteError *error)
{
    const QString name = end.agentName.isEmpty() ? start.agentName : end.agentName;
    const QString profile = end.profile.isEmpty() ? start.profile : end.profile;
    int rows = 0;
    if (!m_statements.exec(
            QStringLiteral("UPDATE agents SET "
                           "started_at = CASE WHEN attempt <> ?1 OR started_at IS NULL THEN ?2 ELSE started_at END, "
                           "completed_at = ?3, "
                           "progress = CASE WHEN ?4 THEN 100 WHEN attempt <> ?1 THEN 0 ELSE progress END, "
                           "state = ?5, attempt = ?1, error = ?6, summary = ?7, "
                           "name = CASE WHEN ?8 = '' THEN name ELSE ?8 END, "
                           "profile = CASE WHEN ?9 = '' THEN profile ELSE ?9 END "
                           "WHERE id = ?10"),
            {end.attempt, ms(start.at), ms(end.at), end.state == AgentState::Completed, agentStateToString(end.state),
             end.error, end.summary, name, profile, end.agentId},
            error, &rows))
        return false;
    if (rows == 0) {
        *error = {false, QStringLiteral("state change for unknown agent %1").arg(end.agentId)};
        return false;
    }
    return true;
}

void StoreBatchApplier::appendFoldedAttempt(const StoreWrite::Transition &start, const StoreWrite::Transition &end,
                                            qint64 endSeq)
{
    const auto startSeq = m_foldedStartSeqs.find(&start);
    m_values << end.agentId << end.attempt << (end.profile.isEmpty() ? start.profile : end.profile) << ms(start.at)
             << ms(end.at) << agentStateToString(end.state) << end.summary << end.error
             << (end.exitCode ? QVariant(*end.exitCode) : QVariant(QMetaType(QMetaType::Int)))
             << (startSeq != m_foldedStartSeqs.end() ? startSeq->second : QVariant(QMetaType(QMetaType::LongLong)))
             << endSeq;
}

bool StoreBatchApplier::deferTransition(const StoreWrite::Transition &w, qint64 seq, StoreWriteError *error)
{
    m_deferredTransitions.emplace_back(&w, seq);
    return m_deferredTransitions.size() < size_t(kRows) || flushTransitions(error);
}

bool StoreBatchApplier::flushTransitions(StoreWriteError *error)
{
    if (m_deferredTransitions.empty())
        return true;
    m_values.clear();
    for (const auto &[t, seq] : m_deferredTransitions)
        m_values << seq << t->agentId << t->goalId << t->attempt << agentStateToString(t->state) << ms(t->at)
                 << t->error;
    const int rows = int(m_deferredTransitions.size());
    m_deferredTransitions.clear();
    const bool ok = m_statements.exec(multiRowSql(2, rows), m_values, error);
    m_values.clear();
    return ok;
}

bool StoreBatchApplier::deferFoldedEnd(const StoreWrite::Transition &start, const StoreWrite::Transition &end,
                                       qint64 endSeq, StoreWriteError *error)
{
    // The agent row now (an UPDATE ... FROM VALUES for many agents materialises its values in a temporary b-tree
    // and saved nothing); the attempt row, an insert, with the others.
    if (!updateFoldedAgent(start, end, error))
        return false;
    m_deferredEnds.push_back({&start, &end, endSeq});
    return m_deferredEnds.size() < size_t(kRows) || flushFoldedEnds(error);
}

bool StoreBatchApplier::flushFoldedEnds(StoreWriteError *error)
{
    if (m_deferredEnds.empty())
        return true;
    const int rows = int(m_deferredEnds.size());
    m_values.clear();
    for (const DeferredEnd &d : m_deferredEnds)
        appendFoldedAttempt(*d.start, *d.end, d.endSeq);
    m_deferredEnds.clear();
    const bool ok = m_statements.exec(multiRowSql(3, rows), m_values, error);
    m_values.clear();
    return ok;
}

bool StoreBatchApplier::applyPayload(const StoreWrite::Progress &w, StoreWriteError *error)
{
    // No row (an agent the store does not know) is not worth failing anything for.
    return m_statements.exec(QStringLiteral("UPDATE agents SET progress = ?, current_step = ? WHERE id = ?"),
                             {qBound(0, w.progress, 100), w.step, w.agentId}, error);
}

bool StoreBatchApplier::applyPayload(const StoreWrite::Usage &w, StoreWriteError *error)
{
    return m_statements.exec(
        QStringLiteral("INSERT INTO attempts (agent_id, attempt, input_tokens, output_tokens, cost_usd, turns) "
                       "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (agent_id, attempt) DO UPDATE SET "
                       "input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens, "
                       "cost_usd = excluded.cost_usd, turns = excluded.turns"),
        {w.agentId, w.attempt, w.inputTokens, w.outputTokens, w.costUsd, w.turns}, error);
}

bool StoreBatchApplier::applyPayload(const StoreWrite::EscalationChanged &w, StoreWriteError *error)
{
    const Escalation &e = w.escalation;
    const QString open = escalationStateToString(Escalation::State::Open);
    // A late "open" write never reopens a closed escalation: an answer once recorded stays.
    return m_statements.exec(
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

bool StoreBatchApplier::applyPayload(const StoreWrite::LockEventRecorded &w, StoreWriteError *error)
{
    const LockEvent &e = w.event;
    const qint64 token = qint64(e.token);
    if (!m_statements.exec(QStringLiteral("INSERT INTO lock_events (resource, agent_id, action, token, reason, at) "
                                          "VALUES (?, ?, ?, ?, ?, ?)"),
                           {e.resource, e.agentId, lockActionToString(e.action), token, e.reason, ms(w.at)}, error))
        return false;
    return m_statements.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('max_fencing_token', ?) "
                                            "ON CONFLICT (key) DO UPDATE SET value = MAX(value, excluded.value)"),
                             {token}, error);
}

bool StoreBatchApplier::applyPayload(const StoreWrite::LogLines &w, StoreWriteError *error)
{
    for (const QString &line : w.lines) {
        if (!m_statements.exec(QStringLiteral("INSERT INTO agent_log (agent_id, line, at) VALUES (?, ?, ?)"),
                               {w.agentId, line, ms(w.at)}, error))
            return false;
    }
    if (!m_touchedLogAgents.contains(w.agentId))
        m_touchedLogAgents.append(w.agentId);
    return true;
}

bool StoreBatchApplier::applyPayload(const StoreWrite::NoteWritten &w, StoreWriteError *error)
{
    const NoteRecord &n = w.note;
    return m_statements.exec(
        QStringLiteral("INSERT INTO notes (run_id, key, text, author_agent, at) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT (run_id, key) DO UPDATE SET text = excluded.text, "
                       "author_agent = excluded.author_agent, at = excluded.at"),
        {n.runId, n.key, n.text, n.authorAgentId, ms(n.at)}, error);
}

bool StoreBatchApplier::applyPayload(const StoreWrite::TranscriptRecorded &w, StoreWriteError *error)
{
    for (const TranscriptEntry &e : w.entries) {
        if (!m_statements.exec(
                QStringLiteral("INSERT OR REPLACE INTO transcript (agent_id, attempt, seq, kind, text, tool_name, "
                               "tool_call_id, is_error, input_tokens, output_tokens, cost_usd, at) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {e.agentId, e.attempt, e.seq, transcriptKindName(e.kind), e.text, e.toolName, e.toolCallId,
                 e.isError ? 1 : 0, e.inputTokens, e.outputTokens, e.costUsd,
                 e.at.isValid() ? ms(e.at) : QVariant(QDateTime::currentMSecsSinceEpoch())},
                error))
            return false;
    }
    return true;
}

bool StoreBatchApplier::applyPayload(const StoreWrite::ProcessGroupStarted &w, StoreWriteError *error)
{
    const ProcessGroupRecord &r = w.record;
    return m_statements.exec(
        QStringLiteral("INSERT OR REPLACE INTO process_groups (agent_id, attempt, pgid, leader_start, boot_id, mark, "
                       "started_at, ended) VALUES (?, ?, ?, ?, ?, ?, ?, 0)"),
        {r.agentId, r.attempt, r.pgid, qint64(r.leaderStartTicks), r.bootId, r.mark, ms(w.at)}, error);
}

bool StoreBatchApplier::applyPayload(const StoreWrite::ProcessGroupsEnded &w, StoreWriteError *error)
{
    for (const ProcessGroupRecord &r : w.records) {
        if (!m_statements.exec(
                QStringLiteral("UPDATE process_groups SET ended = 1 WHERE agent_id = ? AND attempt = ? AND pgid = ?"),
                {r.agentId, r.attempt, r.pgid}, error))
            return false;
    }
    return true;
}

bool StoreBatchApplier::applyPayload(const StoreWrite::AgentSessionRecorded &w, StoreWriteError *error)
{
    if (!m_statements.exec(QStringLiteral("UPDATE agents SET agent_session = ? WHERE id = ?"), {w.sessionId, w.agentId},
                           error))
        return false;
    return m_statements.exec(QStringLiteral("UPDATE attempts SET agent_session = ? WHERE agent_id = ? AND attempt = ?"),
                             {w.sessionId, w.agentId, w.attempt}, error);
}

bool StoreBatchApplier::applyPayload(const StoreWrite::ExecutorRecorded &w, StoreWriteError *error)
{
    const ExecutorRecord &r = w.record;
    const QString spec = QString::fromUtf8(QJsonDocument(r.spec.toJson()).toJson(QJsonDocument::Compact));
    // An upsert: the backend may record its job before the orchestrator's Running write reaches the store.
    return m_statements.exec(
        QStringLiteral(
            "INSERT INTO attempts (agent_id, attempt, executor, job_name, external_id) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (agent_id, attempt) DO UPDATE SET executor = excluded.executor, "
            "job_name = excluded.job_name, external_id = CASE WHEN excluded.external_id = '' THEN "
            "attempts.external_id ELSE excluded.external_id END"),
        {r.agentId, r.attempt, spec, r.jobName, r.externalId}, error);
}

bool StoreBatchApplier::applyPayload(const StoreWrite::WorktreeChanged &w, StoreWriteError *error)
{
    const WorktreeRecord &t = w.worktree;
    return m_statements.exec(
        QStringLiteral("INSERT INTO worktrees (run_id, goal_id, repo, path, branch, base_branch, base_commit, state, "
                       "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (run_id, goal_id) DO UPDATE SET repo = excluded.repo, path = excluded.path, "
                       "branch = excluded.branch, base_branch = excluded.base_branch, "
                       "base_commit = excluded.base_commit, state = excluded.state"),
        {t.runId, t.goalId, t.repo, t.path, t.branch, t.baseBranch, t.baseCommit, worktreeStateToString(t.state),
         ms(t.createdAt.isValid() ? t.createdAt : QDateTime::currentDateTimeUtc())},
        error);
}

bool StoreBatchApplier::trimLogs(StoreWriteError *error)
{
    for (const QString &agentId : std::as_const(m_touchedLogAgents)) {
        if (!m_statements.exec(
                QStringLiteral("DELETE FROM agent_log WHERE agent_id = ? AND id <= "
                               "(SELECT id FROM agent_log WHERE agent_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)"),
                {agentId, agentId, m_logLinesKept}, error))
            return false;
    }
    return true;
}

} // namespace switchboard
