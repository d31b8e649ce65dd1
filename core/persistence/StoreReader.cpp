#include "StoreReader.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace switchboard {

namespace {
QDateTime timeFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QStringList listFrom(const QVariant &value)
{
    QStringList list;
    const QString text = value.toString();
    if (text.isEmpty() || text == u"[]")
        return list; // most goals' lists: no JSON parse (four per goal on a load)
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

QList<Escalation::Option> optionsFrom(const QVariant &value)
{
    QList<Escalation::Option> options;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
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

// The stored spellings (what the writer writes), looked up without the case-insensitive scans of the general
// parsers: a load parses a state and a priority or two per agent.
std::optional<AgentState> stateFrom(const QString &text)
{
    static const QHash<QString, AgentState> known = [] {
        QHash<QString, AgentState> states;
        for (int i = 0; i <= static_cast<int>(AgentState::Cancelled); ++i)
            states.insert(agentStateToString(static_cast<AgentState>(i)), static_cast<AgentState>(i));
        return states;
    }();
    const auto it = known.constFind(text);
    return it != known.cend() ? std::optional<AgentState>(*it) : agentStateFromString(text);
}

Priority priorityFrom(const QString &text)
{
    for (const Priority p : {Priority::Medium, Priority::High, Priority::Low, Priority::Critical}) {
        if (text == priorityToString(p))
            return p;
    }
    return priorityFromString(text).value_or(Priority::Medium);
}

QVariantList runValues(const QString &runId)
{
    return runId.isEmpty() ? QVariantList() : QVariantList{runId};
}
} // namespace

StoreReader::StoreReader(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool StoreReader::run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    query.setForwardOnly(true);
    bool ok = query.prepare(sql);
    if (ok) {
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values.at(i));
        ok = query.exec();
    }
    if (!ok && m_error.isEmpty())
        m_error = QStringLiteral("cannot read the database: %1").arg(query.lastError().text());
    return ok;
}

QList<RunRecord> StoreReader::runs(const QString &runId)
{
    QList<RunRecord> result;
    QSqlQuery q(m_db);
    if (!run(q,
             QStringLiteral(
                 "SELECT id, name, plan_file, max_parallel, started_at, finished_at, summary_json, settings_json "
                 "FROM runs") +
                 runFilter(runId, QStringLiteral("id")) + QStringLiteral(" ORDER BY started_at, rowid"),
             runValues(runId)))
        return result;
    while (q.next()) {
        RunRecord r;
        r.id = q.value(0).toString();
        r.name = q.value(1).toString();
        r.planFile = q.value(2).toString();
        r.maxParallel = q.value(3).toInt();
        r.startedAt = timeFrom(q.value(4));
        r.finishedAt = timeFrom(q.value(5));
        r.summary = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
        r.settings = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
        result.append(r);
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
    QSqlQuery q(m_db);
    // The goal's latest agent: the one created last for it.
    const QString latestAgent = withLatestAgent ? QStringLiteral("(SELECT a.id FROM agents a WHERE a.run_id = g.run_id "
                                                                 "AND a.goal_id = g.id ORDER BY a.rowid DESC LIMIT 1)")
                                                : QStringLiteral("NULL");
    if (!run(
            q,
            QStringLiteral("SELECT g.run_id, g.id, g.title, g.description, g.priority, g.deadline, "
                           "g.success_criteria, g.depends_on, g.capabilities, g.resources, g.profile, g.created_at, ") +
                latestAgent + QStringLiteral(" FROM goals g") + runFilter(runId, QStringLiteral("g.run_id")) +
                QStringLiteral(" ORDER BY g.rowid"),
            runValues(runId)))
        return result;
    while (q.next()) {
        GoalRecord r;
        r.runId = q.value(0).toString();
        r.goal.id = q.value(1).toString();
        r.goal.title = q.value(2).toString();
        r.goal.description = q.value(3).toString();
        r.goal.priority = priorityFrom(q.value(4).toString());
        r.goal.deadline = timeFrom(q.value(5));
        r.goal.successCriteria = listFrom(q.value(6));
        r.goal.dependsOn = listFrom(q.value(7));
        r.goal.capabilities = listFrom(q.value(8));
        r.goal.resources = listFrom(q.value(9));
        r.goal.profile = q.value(10).toString();
        r.createdAt = timeFrom(q.value(11));
        r.agentId = q.value(12).toString();
        result.append(r);
    }
    return result;
}

QList<AgentStatus> StoreReader::agents(const QString &runId)
{
    QList<AgentStatus> result;
    QSqlQuery q(m_db);
    if (!run(q,
             QStringLiteral("SELECT a.id, a.name, a.goal_id, g.title, a.profile, g.priority, a.state, a.current_step, "
                            "a.progress, a.created_at, a.started_at, a.completed_at, a.error, a.summary, a.attempt, "
                            "(SELECT COALESCE(SUM(t.input_tokens), 0) FROM attempts t WHERE t.agent_id = a.id), "
                            "(SELECT COALESCE(SUM(t.output_tokens), 0) FROM attempts t WHERE t.agent_id = a.id), "
                            "(SELECT COALESCE(SUM(t.cost_usd), 0) FROM attempts t WHERE t.agent_id = a.id) "
                            "FROM agents a LEFT JOIN goals g ON g.run_id = a.run_id AND g.id = a.goal_id") +
                 runFilter(runId, QStringLiteral("a.run_id")) + QStringLiteral(" ORDER BY a.rowid"),
             runValues(runId)))
        return result;
    while (q.next()) {
        AgentStatus s;
        s.agentId = q.value(0).toString();
        s.name = q.value(1).toString();
        s.goalId = q.value(2).toString();
        s.goalTitle = q.value(3).toString();
        s.profile = q.value(4).toString();
        s.priority = priorityFrom(q.value(5).toString());
        s.state = stateFrom(q.value(6).toString()).value_or(AgentState::Queued);
        s.currentStep = q.value(7).toString();
        s.progress = q.value(8).toInt();
        s.createdAt = timeFrom(q.value(9));
        s.startedAt = timeFrom(q.value(10));
        s.completedAt = timeFrom(q.value(11));
        s.error = q.value(12).toString();
        s.summary = q.value(13).toString();
        s.attempt = q.value(14).toInt();
        s.inputTokens = q.value(15).toLongLong();
        s.outputTokens = q.value(16).toLongLong();
        s.costUsd = q.value(17).toDouble();
        result.append(s);
    }
    return result;
}

QList<AttemptRecord> StoreReader::attempts(const QString &runId)
{
    QList<AttemptRecord> result;
    QSqlQuery q(m_db);
    if (!run(q,
             QStringLiteral("SELECT t.agent_id, a.goal_id, a.run_id, t.profile, t.attempt, t.started_at, "
                            "t.finished_at, t.outcome, t.summary, t.error, t.exit_code, t.input_tokens, "
                            "t.output_tokens, t.cost_usd FROM attempts t JOIN agents a ON a.id = t.agent_id") +
                 runFilter(runId, QStringLiteral("a.run_id")) + QStringLiteral(" ORDER BY a.rowid, t.attempt"),
             runValues(runId)))
        return result;
    while (q.next()) {
        AttemptRecord r;
        r.agentId = q.value(0).toString();
        r.goalId = q.value(1).toString();
        r.runId = q.value(2).toString();
        r.profile = q.value(3).toString();
        r.attempt = q.value(4).toInt();
        r.startedAt = timeFrom(q.value(5));
        r.finishedAt = timeFrom(q.value(6));
        if (!q.value(7).isNull())
            r.outcome = stateFrom(q.value(7).toString());
        r.summary = q.value(8).toString();
        r.error = q.value(9).toString();
        if (!q.value(10).isNull())
            r.exitCode = q.value(10).toInt();
        r.inputTokens = q.value(11).toLongLong();
        r.outputTokens = q.value(12).toLongLong();
        r.costUsd = q.value(13).toDouble();
        result.append(r);
    }
    return result;
}

QList<TransitionRecord> StoreReader::transitions(const QString &runId)
{
    QList<TransitionRecord> result;
    QSqlQuery q(m_db);
    const QString sql = runId.isEmpty()
                            ? QStringLiteral("SELECT agent_id, goal_id, attempt, state, at, error FROM transitions "
                                             "ORDER BY id")
                            : QStringLiteral("SELECT t.agent_id, t.goal_id, t.attempt, t.state, t.at, t.error "
                                             "FROM transitions t JOIN agents a ON a.id = t.agent_id "
                                             "WHERE a.run_id = ? ORDER BY t.id");
    if (!run(q, sql, runValues(runId)))
        return result;
    while (q.next()) {
        TransitionRecord r;
        r.agentId = q.value(0).toString();
        r.goalId = q.value(1).toString();
        r.attempt = q.value(2).toInt();
        r.state = stateFrom(q.value(3).toString()).value_or(AgentState::Queued);
        r.at = timeFrom(q.value(4));
        r.error = q.value(5).toString();
        result.append(r);
    }
    return result;
}

QList<Escalation> StoreReader::escalations(const QString &runId)
{
    QList<Escalation> result;
    QSqlQuery q(m_db);
    if (!run(q,
             QStringLiteral("SELECT id, goal_id, agent_id, trigger, question, context, options_json, priority, "
                            "created_at, timeout_ms, timeout_policy, default_option, state, answer_option, "
                            "answer_text, answered_at, answered_by FROM escalations") +
                 runFilter(runId, QStringLiteral("run_id")) + QStringLiteral(" ORDER BY created_at, rowid"),
             runValues(runId)))
        return result;
    while (q.next()) {
        Escalation e;
        e.id = q.value(0).toString();
        e.goalId = q.value(1).toString();
        e.agentId = q.value(2).toString();
        e.trigger = escalationTriggerFromString(q.value(3).toString()).value_or(Escalation::Trigger::Other);
        e.question = q.value(4).toString();
        e.context = q.value(5).toString();
        e.options = optionsFrom(q.value(6));
        e.priority = priorityFromString(q.value(7).toString()).value_or(Priority::Medium);
        e.createdAt = timeFrom(q.value(8));
        e.timeoutMs = q.value(9).toLongLong();
        e.timeoutPolicy =
            escalationTimeoutPolicyFromString(q.value(10).toString()).value_or(Escalation::TimeoutPolicy::Fail);
        e.defaultOption = q.value(11).toString();
        e.state = escalationStateFromString(q.value(12).toString()).value_or(Escalation::State::Open);
        e.answerOption = q.value(13).toString();
        e.answerText = q.value(14).toString();
        e.answeredAt = timeFrom(q.value(15));
        e.answeredBy = q.value(16).toString();
        result.append(e);
    }
    return result;
}

QList<LockEventRecord> StoreReader::lockEvents(const QString &runId)
{
    QList<LockEventRecord> result;
    QSqlQuery q(m_db);
    if (!run(q,
             QStringLiteral("SELECT resource, agent_id, action, token, reason, at FROM lock_events") +
                 (runId.isEmpty() ? QString()
                                  : QStringLiteral(" WHERE agent_id IN (SELECT id FROM agents WHERE run_id = ?)")) +
                 QStringLiteral(" ORDER BY id"),
             runValues(runId)))
        return result;
    while (q.next()) {
        LockEventRecord r;
        r.event.resource = q.value(0).toString();
        r.event.agentId = q.value(1).toString();
        r.event.action = lockActionFromString(q.value(2).toString()).value_or(LockEvent::Action::Acquired);
        r.event.token = quint64(q.value(3).toLongLong());
        r.event.reason = q.value(4).toString();
        r.at = timeFrom(q.value(5));
        result.append(r);
    }
    return result;
}

QList<NoteRecord> StoreReader::notes(const QString &runId)
{
    QList<NoteRecord> result;
    QSqlQuery q(m_db);
    if (!run(q,
             QStringLiteral("SELECT run_id, key, text, author_agent, at FROM notes") +
                 runFilter(runId, QStringLiteral("run_id")) + QStringLiteral(" ORDER BY run_id, key"),
             runValues(runId)))
        return result;
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                       timeFrom(q.value(4))});
    return result;
}

QStringList StoreReader::agentLog(const QString &agentId)
{
    QStringList result;
    QSqlQuery q(m_db);
    if (!run(q, QStringLiteral("SELECT line FROM agent_log WHERE agent_id = ? ORDER BY id"), {agentId}))
        return result;
    while (q.next())
        result.append(q.value(0).toString());
    return result;
}

quint64 StoreReader::maxFencingToken()
{
    QSqlQuery q(m_db);
    if (!run(q,
             QStringLiteral("SELECT MAX(COALESCE((SELECT value FROM meta WHERE key = 'max_fencing_token'), 0), "
                            "COALESCE((SELECT MAX(token) FROM lock_events), 0))"),
             {}) ||
        !q.next())
        return 0;
    return quint64(q.value(0).toLongLong());
}

quint64 StoreReader::lastNumber(const QString &table, const QString &prefix)
{
    QSqlQuery q(m_db);
    // Table names come from this file only, never from data.
    if (!run(q,
             QStringLiteral("SELECT COALESCE(MAX(CAST(SUBSTR(id, %1) AS INTEGER)), 0) FROM %2 WHERE id LIKE ?")
                 .arg(prefix.size() + 1)
                 .arg(table),
             {QString(prefix + u'%')}) ||
        !q.next())
        return 0;
    return quint64(qMax<qint64>(0, q.value(0).toLongLong()));
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

    QSqlQuery q(m_db);
    if (!run(q,
             QStringLiteral("SELECT id, name, goal_id, profile, state, current_step, progress, created_at, started_at, "
                            "completed_at, error, summary, attempt FROM agents WHERE run_id = ? ORDER BY rowid"),
             {runId}))
        return;
    QHash<QString, qsizetype> agentRow;
    agentRow.reserve(goals->size());
    while (q.next()) {
        AgentStatus s;
        s.agentId = q.value(0).toString();
        s.name = q.value(1).toString();
        s.goalId = q.value(2).toString();
        s.profile = q.value(3).toString();
        s.state = stateFrom(q.value(4).toString()).value_or(AgentState::Queued);
        s.currentStep = q.value(5).toString();
        s.progress = q.value(6).toInt();
        s.createdAt = timeFrom(q.value(7));
        s.startedAt = timeFrom(q.value(8));
        s.completedAt = timeFrom(q.value(9));
        s.error = q.value(10).toString();
        s.summary = q.value(11).toString();
        s.attempt = q.value(12).toInt();
        if (const auto it = goalRow.constFind(s.goalId); it != goalRow.cend()) {
            GoalRecord &goal = (*goals)[*it];
            s.goalTitle = goal.goal.title;
            s.priority = goal.goal.priority;
            goal.agentId = s.agentId; // in creation order, so the last one is the goal's latest agent
        }
        agentRow.insert(s.agentId, agents->size());
        agents->append(s);
    }

    // Usage: only attempts that have some (most have none), summed per agent.
    if (!run(q,
             QStringLiteral("SELECT t.agent_id, t.input_tokens, t.output_tokens, t.cost_usd FROM attempts t "
                            "JOIN agents a ON a.id = t.agent_id WHERE a.run_id = ? AND "
                            "(t.input_tokens != 0 OR t.output_tokens != 0 OR t.cost_usd != 0)"),
             {runId}))
        return;
    while (q.next()) {
        const auto it = agentRow.constFind(q.value(0).toString());
        if (it == agentRow.cend())
            continue;
        AgentStatus &s = (*agents)[*it];
        s.inputTokens += q.value(1).toLongLong();
        s.outputTokens += q.value(2).toLongLong();
        s.costUsd += q.value(3).toDouble();
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
