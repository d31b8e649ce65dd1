#include "StoreReader.h"

#include "execution/ExecutorSpec.h"
#include "persistence/SqliteHandle.h"
#include "persistence/StoreRows.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <mutex>
#include <optional>
#include <vector>

namespace switchboard {

namespace {

Q_LOGGING_CATEGORY(lcStoreReader, "switchboard.store.reader")

// The text of a column whose values repeat (a run id, a profile, a step): the first few distinct values are
// converted once and shared by every row that has them, instead of one conversion and allocation per row.
class SharedText final
{
public:
    QString get(const StoreRows &rows, int column)
    {
        if (rows.isNull(column))
            return {};
        const QByteArrayView utf8 = rows.utf8(column);
        for (const auto &[bytes, text] : m_known) {
            if (utf8 == bytes)
                return text;
        }
        QString text = QString::fromUtf8(utf8);
        if (m_known.size() < kKept)
            m_known.append({utf8.toByteArray(), text});
        return text;
    }

private:
    static constexpr qsizetype kKept = 8;
    QList<std::pair<QByteArray, QString>> m_known;
};

QStringList listFrom(QByteArrayView json)
{
    QStringList list;
    if (json.isEmpty() || json == "[]")
        return list; // most goals' lists: no JSON parse (four per goal on a load)
    const QJsonArray array = QJsonDocument::fromJson(json.toByteArray()).array();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

QList<Escalation::Option> optionsFrom(QByteArrayView json)
{
    QList<Escalation::Option> options;
    const QJsonArray array = QJsonDocument::fromJson(json.toByteArray()).array();
    for (const QJsonValue &item : array) {
        const QJsonObject o = item.toObject();
        options.append({o.value(u"key").toString(), o.value(u"label").toString()});
    }
    return options;
}

// "WHERE <column> = ?" when filtering by run, nothing otherwise.
QString runFilter(const QString &runId, const QString &column, const QString &keyword = QStringLiteral("WHERE"))
{
    return runId.isEmpty() ? QString() : QStringLiteral(" %1 %2 = ?").arg(keyword, column);
}

// The stored spellings (what the writer writes), compared as UTF-8 without the case-insensitive scans of the
// general parsers: a load parses a state and a priority or two per agent.
std::optional<AgentState> stateFrom(QByteArrayView text)
{
    static const QList<QByteArray> known = [] {
        QList<QByteArray> spellings;
        for (int i = 0; i < kAgentStateCount; ++i)
            spellings.append(agentStateToString(static_cast<AgentState>(i)).toUtf8());
        return spellings;
    }();
    for (qsizetype i = 0; i < known.size(); ++i) {
        if (text == known.at(i))
            return static_cast<AgentState>(i);
    }
    return agentStateFromString(QString::fromUtf8(text));
}

Priority priorityFrom(QByteArrayView text)
{
    static const QList<std::pair<QByteArray, Priority>> known = [] {
        QList<std::pair<QByteArray, Priority>> spellings;
        for (const Priority p : {Priority::Medium, Priority::High, Priority::Low, Priority::Critical})
            spellings.append({priorityToString(p).toUtf8(), p});
        return spellings;
    }();
    for (const auto &[spelling, priority] : known) {
        if (text == spelling)
            return priority;
    }
    return priorityFromString(QString::fromUtf8(text)).value_or(Priority::Medium);
}

QVariantList runValues(const QString &runId)
{
    return runId.isEmpty() ? QVariantList() : QVariantList{runId};
}
} // namespace

StoreReader::StoreReader(QSqlDatabase db, Access access)
    : m_db(std::move(db))
    , m_access(access)
{}

sqlite3 *StoreReader::handle()
{
    if (!m_handleResolved) {
        m_handleResolved = true;
        QString why;
        if (m_access == Access::SqliteApi && m_db.isOpen())
            m_handle = sqliteHandle(m_db, &why);
        if (!why.isEmpty()) {
            static std::once_flag told;
            std::call_once(told, [&why] { qCInfo(lcStoreReader) << "reading through QtSql:" << why; });
        }
    }
    return m_handle;
}

bool StoreReader::usesSqliteApi()
{
    return handle() != nullptr;
}

QList<RunRecord> StoreReader::runs(const QString &runId)
{
    QList<RunRecord> result;
    StoreRows q(
        m_db, handle(),
        QStringLiteral("SELECT id, name, plan_file, max_parallel, started_at, finished_at, summary_json, settings_json "
                       "FROM runs") +
            runFilter(runId, QStringLiteral("id")) + QStringLiteral(" ORDER BY started_at, rowid"),
        runValues(runId), &m_error);
    while (q.next()) {
        RunRecord r;
        r.id = q.text(0);
        r.name = q.text(1);
        r.planFile = q.text(2);
        r.maxParallel = q.int32(3);
        r.startedAt = q.time(4);
        r.finishedAt = q.time(5);
        r.summary = QJsonDocument::fromJson(q.utf8(6).toByteArray()).object();
        r.settings = QJsonDocument::fromJson(q.utf8(7).toByteArray()).object();
        result.append(std::move(r));
    }
    return result;
}

QList<GoalRecord> StoreReader::goals(const QString &runId)
{
    return goals(runId, true);
}

QList<GoalRecord> StoreReader::goals(const QString &runId, bool withLatestAgent)
{
    QList<GoalRecord> result;
    // The goal's latest agent: the one created last for it.
    const QString latestAgent = withLatestAgent ? QStringLiteral("(SELECT a.id FROM agents a WHERE a.run_id = g.run_id "
                                                                 "AND a.goal_id = g.id ORDER BY a.rowid DESC LIMIT 1)")
                                                : QStringLiteral("NULL");
    StoreRows q(
        m_db, handle(),
        QStringLiteral("SELECT g.run_id, g.id, g.title, g.description, g.priority, g.deadline, "
                       "g.success_criteria, g.depends_on, g.capabilities, g.resources, g.profile, g.created_at, "
                       "g.isolation_json, g.follow_up_of, g.when_json, g.team_json, g.executor_json, ") +
            latestAgent + QStringLiteral(" FROM goals g") + runFilter(runId, QStringLiteral("g.run_id")) +
            QStringLiteral(" ORDER BY g.rowid"),
        runValues(runId), &m_error);
    SharedText runIds;
    SharedText profiles;
    while (q.next()) {
        GoalRecord r;
        r.runId = runIds.get(q, 0);
        r.goal.id = q.text(1);
        r.goal.title = q.text(2);
        r.goal.description = q.text(3);
        r.goal.priority = priorityFrom(q.utf8(4));
        r.goal.deadline = q.time(5);
        r.goal.successCriteria = listFrom(q.utf8(6));
        r.goal.dependsOn = listFrom(q.utf8(7));
        r.goal.capabilities = listFrom(q.utf8(8));
        r.goal.resources = listFrom(q.utf8(9));
        r.goal.profile = profiles.get(q, 10);
        r.createdAt = q.time(11);
        // Most goals have neither ("{}"): no copy and parse of the JSON, the defaults are what it would give.
        if (const QByteArrayView isolation = q.utf8(12); isolation.size() > 2)
            r.goal.isolation = isolationFromJson(QJsonDocument::fromJson(isolation.toByteArray()).object());
        r.goal.followUpOf = q.text(13);
        if (const QByteArrayView when = q.utf8(14); when.size() > 2)
            r.goal.when = GoalCondition::fromJson(QJsonDocument::fromJson(when.toByteArray()).object());
        if (const QByteArray team = q.utf8(15).toByteArray(); team.size() > 2) {
            const QJsonObject o = QJsonDocument::fromJson(team).object();
            r.goal.team = TeamPattern::fromJson(o.value(u"pattern").toObject());
            r.goal.member = TeamMember::fromJson(o.value(u"member").toObject());
        }
        if (const QByteArray executor = q.utf8(16).toByteArray(); !executor.isEmpty())
            r.goal.executor = ExecutorSpec::fromJson(QJsonDocument::fromJson(executor).object());
        r.agentId = q.text(17);
        result.append(std::move(r));
    }
    return result;
}

QList<AgentStatus> StoreReader::agents(const QString &runId)
{
    QList<AgentStatus> result;
    StoreRows q(
        m_db, handle(),
        QStringLiteral("SELECT a.id, a.name, a.goal_id, g.title, a.profile, g.priority, a.state, a.current_step, "
                       "a.progress, a.created_at, a.started_at, a.completed_at, a.error, a.summary, a.attempt, "
                       "(SELECT COALESCE(SUM(t.input_tokens), 0) FROM attempts t WHERE t.agent_id = a.id), "
                       "(SELECT COALESCE(SUM(t.output_tokens), 0) FROM attempts t WHERE t.agent_id = a.id), "
                       "(SELECT COALESCE(SUM(t.cost_usd), 0) FROM attempts t WHERE t.agent_id = a.id), "
                       "(SELECT COUNT(*) FROM attempts t WHERE t.agent_id = a.id AND t.outcome = ?), "
                       "EXISTS (SELECT 1 FROM attempts t WHERE t.agent_id = a.id AND t.attempt = a.attempt - 1 "
                       "AND t.outcome = ?), a.agent_session, "
                       "(SELECT t.executor FROM attempts t WHERE t.agent_id = a.id AND t.attempt = a.attempt), "
                       "(SELECT t.external_id FROM attempts t WHERE t.agent_id = a.id AND t.attempt = a.attempt) "
                       "FROM agents a LEFT JOIN goals g ON g.run_id = a.run_id AND g.id = a.goal_id") +
            runFilter(runId, QStringLiteral("a.run_id")) + QStringLiteral(" ORDER BY a.rowid"),
        QVariantList{agentStateToString(AgentState::Interrupted), agentStateToString(AgentState::Interrupted)} +
            runValues(runId),
        &m_error);
    while (q.next()) {
        AgentStatus s;
        s.agentId = q.text(0);
        s.name = q.text(1);
        s.goalId = q.text(2);
        s.goalTitle = q.text(3);
        s.profile = q.text(4);
        s.priority = priorityFrom(q.utf8(5));
        s.state = stateFrom(q.utf8(6)).value_or(AgentState::Queued);
        s.currentStep = q.text(7);
        s.progress = q.int32(8);
        s.createdAt = q.time(9);
        s.startedAt = q.time(10);
        s.completedAt = q.time(11);
        s.error = q.text(12);
        s.summary = q.text(13);
        s.attempt = q.int32(14);
        s.inputTokens = q.int64(15);
        s.outputTokens = q.int64(16);
        s.costUsd = q.real(17);
        s.interruptedAttempts = q.int32(18);
        s.resumedAfterInterruption = q.int32(19) != 0;
        s.agentSession = q.text(20);
        s.executor = ExecutorSpec::describeStored(q.text(21));
        s.externalId = q.text(22);
        result.append(std::move(s));
    }
    return result;
}

QList<AttemptRecord> StoreReader::attempts(const QString &runId)
{
    QList<AttemptRecord> result;
    StoreRows q(m_db, handle(),
                QStringLiteral("SELECT t.agent_id, a.goal_id, a.run_id, t.profile, t.attempt, t.started_at, "
                               "t.finished_at, t.outcome, t.summary, t.error, t.exit_code, t.input_tokens, "
                               "t.output_tokens, t.cost_usd FROM attempts t JOIN agents a ON a.id = t.agent_id") +
                    runFilter(runId, QStringLiteral("a.run_id")) + QStringLiteral(" ORDER BY a.rowid, t.attempt"),
                runValues(runId), &m_error);
    while (q.next()) {
        AttemptRecord r;
        r.agentId = q.text(0);
        r.goalId = q.text(1);
        r.runId = q.text(2);
        r.profile = q.text(3);
        r.attempt = q.int32(4);
        r.startedAt = q.time(5);
        r.finishedAt = q.time(6);
        if (!q.isNull(7))
            r.outcome = stateFrom(q.utf8(7));
        r.summary = q.text(8);
        r.error = q.text(9);
        if (!q.isNull(10))
            r.exitCode = q.int32(10);
        r.inputTokens = q.int64(11);
        r.outputTokens = q.int64(12);
        r.costUsd = q.real(13);
        result.append(std::move(r));
    }
    return result;
}

QList<TransitionRecord> StoreReader::transitions(const QString &runId)
{
    // The rows of their own and the transitions agents' and attempts' rows imply (schema version 11), in one
    // statement (one snapshot), then in the order they happened: by the sequence they share. An attempts row gives
    // its start (columns 0-6) and its end (7-10) in one read. StoreRows written before version 11 imply nothing (NULL
    // sequence numbers) and come in order already.
    static const QString all = QStringLiteral(
        "SELECT id, agent_id, goal_id, attempt, state, at, error, NULL, NULL, NULL, NULL FROM transitions "
        "UNION ALL SELECT queued_seq, id, goal_id, 0, 'Queued', created_at, '', NULL, NULL, NULL, NULL FROM agents "
        "WHERE queued_seq IS NOT NULL "
        "UNION ALL SELECT t.start_seq, t.agent_id, a.goal_id, t.attempt, 'Running', "
        "COALESCE(t.running_at, t.started_at), '', t.end_seq, t.outcome, t.finished_at, t.error "
        "FROM attempts t JOIN agents a ON a.id = t.agent_id WHERE t.start_seq IS NOT NULL OR t.end_seq IS NOT NULL");
    static const QString ofRun = QStringLiteral(
        "SELECT t.id, t.agent_id, t.goal_id, t.attempt, t.state, t.at, t.error, NULL, NULL, NULL, NULL "
        "FROM transitions t JOIN agents a ON a.id = t.agent_id WHERE a.run_id = ? "
        "UNION ALL SELECT queued_seq, id, goal_id, 0, 'Queued', created_at, '', NULL, NULL, NULL, NULL FROM agents "
        "WHERE run_id = ? AND queued_seq IS NOT NULL "
        "UNION ALL SELECT t.start_seq, t.agent_id, a.goal_id, t.attempt, 'Running', "
        "COALESCE(t.running_at, t.started_at), '', t.end_seq, t.outcome, t.finished_at, t.error "
        "FROM attempts t JOIN agents a ON a.id = t.agent_id "
        "WHERE a.run_id = ? AND (t.start_seq IS NOT NULL OR t.end_seq IS NOT NULL)");
    QList<TransitionRecord> rows;
    std::vector<std::pair<qint64, qsizetype>> order; // sequence number, index in rows
    StoreRows q(m_db, handle(), runId.isEmpty() ? all : ofRun,
                runId.isEmpty() ? QVariantList() : QVariantList{runId, runId, runId}, &m_error);
    while (q.next()) {
        TransitionRecord r;
        r.agentId = q.text(1);
        r.goalId = q.text(2);
        r.attempt = q.int32(3);
        if (!q.isNull(7)) { // an attempt's end
            TransitionRecord end = r;
            end.state = stateFrom(q.utf8(8)).value_or(AgentState::Queued);
            end.at = q.time(9);
            end.error = q.text(10);
            order.emplace_back(q.int64(7), rows.size());
            rows.append(std::move(end));
            if (q.isNull(0))
                continue;
        }
        r.state = stateFrom(q.utf8(4)).value_or(AgentState::Queued);
        r.at = q.time(5);
        r.error = q.text(6);
        order.emplace_back(q.int64(0), rows.size());
        rows.append(std::move(r));
    }
    if (std::is_sorted(order.cbegin(), order.cend()))
        return rows;
    std::sort(order.begin(), order.end());
    QList<TransitionRecord> result;
    result.reserve(rows.size());
    for (const auto &[seq, index] : order)
        result.append(std::move(rows[index]));
    return result;
}

QList<Escalation> StoreReader::escalations(const QString &runId)
{
    QList<Escalation> result;
    StoreRows q(m_db, handle(),
                QStringLiteral("SELECT id, goal_id, agent_id, trigger, question, context, options_json, priority, "
                               "created_at, timeout_ms, timeout_policy, default_option, state, answer_option, "
                               "answer_text, answered_at, answered_by FROM escalations") +
                    runFilter(runId, QStringLiteral("run_id")) + QStringLiteral(" ORDER BY created_at, rowid"),
                runValues(runId), &m_error);
    while (q.next()) {
        Escalation e;
        e.id = q.text(0);
        e.goalId = q.text(1);
        e.agentId = q.text(2);
        e.trigger = escalationTriggerFromString(q.text(3)).value_or(Escalation::Trigger::Other);
        e.question = q.text(4);
        e.context = q.text(5);
        e.options = optionsFrom(q.utf8(6));
        e.priority = priorityFromString(q.text(7)).value_or(Priority::Medium);
        e.createdAt = q.time(8);
        e.timeoutMs = q.int64(9);
        e.timeoutPolicy = escalationTimeoutPolicyFromString(q.text(10)).value_or(Escalation::TimeoutPolicy::Fail);
        e.defaultOption = q.text(11);
        e.state = escalationStateFromString(q.text(12)).value_or(Escalation::State::Open);
        e.answerOption = q.text(13);
        e.answerText = q.text(14);
        e.answeredAt = q.time(15);
        e.answeredBy = q.text(16);
        result.append(std::move(e));
    }
    return result;
}

QList<LockEventRecord> StoreReader::lockEvents(const QString &runId)
{
    QList<LockEventRecord> result;
    StoreRows q(m_db, handle(),
                QStringLiteral("SELECT resource, agent_id, action, token, reason, at FROM lock_events") +
                    (runId.isEmpty() ? QString()
                                     : QStringLiteral(" WHERE agent_id IN (SELECT id FROM agents WHERE run_id = ?)")) +
                    QStringLiteral(" ORDER BY id"),
                runValues(runId), &m_error);
    while (q.next()) {
        LockEventRecord r;
        r.event.resource = q.text(0);
        r.event.agentId = q.text(1);
        r.event.action = lockActionFromString(q.text(2)).value_or(LockEvent::Action::Acquired);
        r.event.token = quint64(q.int64(3));
        r.event.reason = q.text(4);
        r.at = q.time(5);
        result.append(std::move(r));
    }
    return result;
}

QList<NoteRecord> StoreReader::notes(const QString &runId)
{
    QList<NoteRecord> result;
    StoreRows q(m_db, handle(),
                QStringLiteral("SELECT run_id, key, text, author_agent, at FROM notes") +
                    runFilter(runId, QStringLiteral("run_id")) + QStringLiteral(" ORDER BY run_id, key"),
                runValues(runId), &m_error);
    while (q.next())
        result.append({q.text(0), q.text(1), q.text(2), q.text(3), q.time(4)});
    return result;
}

QList<WorktreeRecord> StoreReader::worktrees(const QString &runId)
{
    QList<WorktreeRecord> result;
    StoreRows q(
        m_db, handle(),
        QStringLiteral("SELECT run_id, goal_id, repo, path, branch, base_branch, base_commit, state, created_at "
                       "FROM worktrees") +
            runFilter(runId, QStringLiteral("run_id")) + QStringLiteral(" ORDER BY run_id, rowid"),
        runValues(runId), &m_error);
    while (q.next()) {
        WorktreeRecord w;
        w.runId = q.text(0);
        w.goalId = q.text(1);
        w.repo = q.text(2);
        w.path = q.text(3);
        w.branch = q.text(4);
        w.baseBranch = q.text(5);
        w.baseCommit = q.text(6);
        w.state = worktreeStateFromString(q.text(7)).value_or(WorktreeRecord::State::Active);
        w.createdAt = q.time(8);
        result.append(std::move(w));
    }
    return result;
}

QStringList StoreReader::agentLog(const QString &agentId)
{
    QStringList result;
    StoreRows q(m_db, handle(), QStringLiteral("SELECT line FROM agent_log WHERE agent_id = ? ORDER BY id"), {agentId},
                &m_error);
    while (q.next())
        result.append(q.text(0));
    return result;
}

QList<TranscriptEntry> StoreReader::transcript(const QString &agentId, int attempt)
{
    QList<TranscriptEntry> result;
    QString sql = QStringLiteral("SELECT attempt, seq, kind, text, tool_name, tool_call_id, is_error, input_tokens, "
                                 "output_tokens, cost_usd, at FROM transcript WHERE agent_id = ?");
    QVariantList values{agentId};
    if (attempt > 0) {
        sql += QStringLiteral(" AND attempt = ?");
        values.append(attempt);
    }
    sql += QStringLiteral(" ORDER BY attempt, seq");
    StoreRows q(m_db, handle(), sql, values, &m_error);
    while (q.next()) {
        TranscriptEntry e;
        e.agentId = agentId;
        e.attempt = q.int32(0);
        e.seq = q.int32(1);
        e.kind = transcriptKindFromName(q.text(2));
        e.text = q.text(3);
        e.toolName = q.text(4);
        e.toolCallId = q.text(5);
        e.isError = q.int32(6) != 0;
        e.inputTokens = q.int64(7);
        e.outputTokens = q.int64(8);
        e.costUsd = q.real(9);
        e.at = q.time(10);
        result.append(std::move(e));
    }
    return result;
}

quint64 StoreReader::maxFencingToken()
{
    StoreRows q(m_db, handle(),
                QStringLiteral("SELECT MAX(COALESCE((SELECT value FROM meta WHERE key = 'max_fencing_token'), 0), "
                               "COALESCE((SELECT MAX(token) FROM lock_events), 0))"),
                {}, &m_error);
    if (!q.next())
        return 0;
    return quint64(q.int64(0));
}

int StoreReader::goalCount(const QString &runId)
{
    StoreRows q(m_db, handle(), QStringLiteral("SELECT COUNT(*) FROM goals WHERE run_id = ?"), {runId}, &m_error);
    if (!q.next())
        return -1;
    return static_cast<int>(q.int64(0));
}

QList<RunTotals> StoreReader::runTotals()
{
    // Three grouped queries over every run: the run list needs counts, not the rows history() reads.
    m_db.transaction(); // one consistent view for all of them
    QList<RunTotals> totals;
    QHash<QString, qsizetype> byId;
    {
        StoreRows q(m_db, handle(), QStringLiteral("SELECT id FROM runs ORDER BY started_at, rowid"), {}, &m_error);
        while (q.next()) {
            byId.insert(q.text(0), totals.size());
            totals.append({.runId = q.text(0)});
        }
    }
    {
        StoreRows q(m_db, handle(), QStringLiteral("SELECT run_id, COUNT(*) FROM goals GROUP BY run_id"), {}, &m_error);
        while (q.next()) {
            if (const auto it = byId.constFind(q.text(0)); it != byId.cend())
                totals[*it].goals = q.int32(1);
        }
    }
    {
        // A goal's state is its latest agent's.
        StoreRows q(m_db, handle(),
                    QStringLiteral("SELECT run_id, state, COUNT(*) FROM agents WHERE rowid IN "
                                   "(SELECT MAX(rowid) FROM agents GROUP BY run_id, goal_id) GROUP BY run_id, state"),
                    {}, &m_error);
        while (q.next()) {
            const auto it = byId.constFind(q.text(0));
            const std::optional<AgentState> state = stateFrom(q.utf8(1));
            if (it != byId.cend() && state)
                totals[*it].goalsByState[*state] += q.int32(2);
        }
    }
    {
        StoreRows q(m_db, handle(),
                    QStringLiteral("SELECT a.run_id, COUNT(*), SUM(t.input_tokens + t.output_tokens), SUM(t.cost_usd) "
                                   "FROM attempts t JOIN agents a ON a.id = t.agent_id GROUP BY a.run_id"),
                    {}, &m_error);
        while (q.next()) {
            if (const auto it = byId.constFind(q.text(0)); it != byId.cend()) {
                RunTotals &t = totals[*it];
                t.attempts = q.int32(1);
                t.tokens = q.int64(2);
                t.costUsd = q.real(3);
            }
        }
    }
    m_db.commit();
    return totals;
}

quint64 StoreReader::lastNumber(const QString &table, const QString &prefix)
{
    // Table names come from this file only, never from data.
    StoreRows q(m_db, handle(),
                QStringLiteral("SELECT COALESCE(MAX(CAST(SUBSTR(id, %1) AS INTEGER)), 0) FROM %2 WHERE id LIKE ?")
                    .arg(prefix.size() + 1)
                    .arg(table),
                {QString(prefix + u'%')}, &m_error);
    if (!q.next())
        return 0;
    return quint64(qMax<qint64>(0, q.int64(0)));
}

void StoreReader::runBoard(const QString &runId, QList<GoalRecord> *goals, QList<AgentStatus> *agents)
{
    // One run's goals and agents as goals() and agents() give them, from three plain scans joined here: their
    // per-row subqueries and joins (each goal's latest agent, each agent's goal title and priority, usage
    // summed per agent) were most of a start-up with 100,000 goals in the run.
    *goals = this->goals(runId, false);
    QHash<QString, qsizetype> goalRow;
    goalRow.reserve(goals->size());
    for (qsizetype i = 0; i < goals->size(); ++i)
        goalRow.insert(goals->at(i).goal.id, i);

    QHash<QString, qsizetype> agentRow;
    {
        StoreRows q(m_db, handle(),
                    QStringLiteral("SELECT id, name, goal_id, profile, state, current_step, progress, created_at, "
                                   "started_at, completed_at, error, summary, attempt, agent_session, "
                                   "(SELECT t.executor || char(31) || t.external_id FROM attempts t WHERE t.agent_id = "
                                   "agents.id AND t.attempt = agents.attempt AND t.executor != '') FROM agents "
                                   "WHERE run_id = ? "
                                   "ORDER BY rowid"),
                    {runId}, &m_error);
        if (!q.ok())
            return;
        agentRow.reserve(goals->size());
        agents->reserve(goals->size());
        SharedText profiles;
        SharedText steps;
        SharedText errors;
        while (q.next()) {
            AgentStatus s;
            s.agentId = q.text(0);
            s.name = q.text(1);
            s.goalId = q.text(2);
            s.profile = profiles.get(q, 3);
            s.state = stateFrom(q.utf8(4)).value_or(AgentState::Queued);
            s.currentStep = steps.get(q, 5);
            s.progress = q.int32(6);
            s.createdAt = q.time(7);
            s.startedAt = q.time(8);
            s.completedAt = q.time(9);
            s.error = errors.get(q, 10);
            s.summary = q.text(11);
            s.attempt = q.int32(12);
            s.agentSession = q.text(13);
            if (const QString job = q.text(14); !job.isEmpty()) {
                s.executor = ExecutorSpec::describeStored(job.section(QChar(31), 0, 0));
                s.externalId = job.section(QChar(31), 1);
            }
            if (const auto it = goalRow.constFind(s.goalId); it != goalRow.cend()) {
                GoalRecord &goal = (*goals)[*it];
                s.goalTitle = goal.goal.title;
                s.priority = goal.goal.priority;
                goal.agentId = s.agentId; // in creation order, so the last one is the goal's latest agent
            }
            agentRow.insert(s.agentId, agents->size());
            agents->append(std::move(s));
        }
    }

    // Usage: only attempts that have some (most have none), summed per agent.
    StoreRows q(
        m_db, handle(),
        QStringLiteral("SELECT t.agent_id, t.input_tokens, t.output_tokens, t.cost_usd, t.turns FROM attempts t "
                       "JOIN agents a ON a.id = t.agent_id WHERE a.run_id = ? AND "
                       "(t.input_tokens != 0 OR t.output_tokens != 0 OR t.cost_usd != 0 OR t.turns != 0)"),
        {runId}, &m_error);
    while (q.next()) {
        const auto it = agentRow.constFind(q.text(0));
        if (it == agentRow.cend())
            continue;
        AgentStatus &s = (*agents)[*it];
        s.inputTokens += q.int64(1);
        s.outputTokens += q.int64(2);
        s.costUsd += q.real(3);
        s.turns += q.int32(4);
    }

    // Attempts Switchboard's stopping cut short: they spend no retry (few agents have any).
    StoreRows interrupted(
        m_db, handle(),
        QStringLiteral("SELECT t.agent_id, t.attempt FROM attempts t JOIN agents a ON a.id = t.agent_id "
                       "WHERE a.run_id = ? AND t.outcome = ?"),
        {runId, agentStateToString(AgentState::Interrupted)}, &m_error);
    while (interrupted.next()) {
        const auto it = agentRow.constFind(interrupted.text(0));
        if (it == agentRow.cend())
            continue;
        AgentStatus &s = (*agents)[*it];
        ++s.interruptedAttempts;
        if (interrupted.int32(1) == s.attempt - 1)
            s.resumedAfterInterruption = true;
    }
}

StoreSnapshot StoreReader::snapshot(const QString &runId)
{
    // One read transaction: every list comes from the same committed state.
    m_db.transaction();
    StoreSnapshot s;
    s.runs = runs(runId);
    if (runId.isEmpty()) {
        s.goals = goals(runId);
        s.agents = agents(runId);
    } else {
        runBoard(runId, &s.goals, &s.agents);
    }
    s.escalations = escalations(runId);
    s.notes = notes(runId);
    s.worktrees = worktrees(runId);
    for (const AgentStatus &agent : std::as_const(s.agents)) {
        if (isActiveState(agent.state))
            s.activeAgents.append(agent.agentId);
    }
    s.maxFencingToken = maxFencingToken();
    s.lastAgentNumber = lastNumber(QStringLiteral("agents"), QStringLiteral("a-"));
    s.lastGoalNumber = lastNumber(QStringLiteral("goals"), QStringLiteral("g-"));
    s.lastEscalationNumber = lastNumber(QStringLiteral("escalations"), QStringLiteral("e-"));
    s.lastRunNumber = lastNumber(QStringLiteral("runs"), QStringLiteral("r-"));
    m_db.commit();
    return s;
}

RunHistory StoreReader::history(const QString &runId)
{
    m_db.transaction();
    RunHistory h;
    h.runs = runs(runId);
    h.goals = goals(runId);
    h.agents = agents(runId);
    h.attempts = attempts(runId);
    h.transitions = transitions(runId);
    h.escalations = escalations(runId);
    h.lockEvents = lockEvents(runId);
    h.notes = notes(runId);
    m_db.commit();
    h.index();
    return h;
}

} // namespace switchboard
