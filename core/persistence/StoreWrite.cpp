#include "StoreWrite.h"

namespace switchboard {

namespace {
QDateTime stamp(const QDateTime &at)
{
    return at.isValid() ? at.toUTC() : QDateTime::currentDateTimeUtc();
}
} // namespace

StoreWrite StoreWrite::runStarted(const QString &runId, const QString &name, const QString &planFile, int maxParallel,
                                  const QDateTime &at, const QJsonObject &settings)
{
    return RunStarted{runId, name, planFile, maxParallel, stamp(at), settings};
}

StoreWrite StoreWrite::runFinished(const QString &runId, const RunSummary &summary, const QDateTime &at)
{
    return RunFinished{runId, summary, stamp(at)};
}

StoreWrite StoreWrite::goalAdded(const QString &runId, const Goal &goal, const QString &agentId,
                                 const QString &agentName, const QString &profile, const QDateTime &at)
{
    return GoalAdded{runId, goal, agentId, agentName, profile, stamp(at)};
}

StoreWrite StoreWrite::transition(const AgentStatus &status, const QDateTime &at)
{
    Transition t;
    t.agentId = status.agentId;
    t.goalId = status.goalId;
    t.attempt = status.attempt;
    t.state = status.state;
    t.error = status.error;
    t.summary = status.summary;
    t.profile = status.profile;
    t.agentName = status.name;
    t.at = stamp(at);
    return t;
}

StoreWrite StoreWrite::finished(const AgentStatus &status, const AgentResult &result, const QDateTime &at)
{
    Transition t;
    t.agentId = status.agentId;
    t.goalId = status.goalId;
    t.attempt = status.attempt;
    switch (result.outcome) {
    case AgentResult::Outcome::Completed:
        t.state = AgentState::Completed;
        break;
    case AgentResult::Outcome::Failed:
        t.state = AgentState::Failed;
        break;
    case AgentResult::Outcome::Cancelled:
        t.state = AgentState::Cancelled;
        break;
    }
    t.error = result.error;
    t.summary = result.summary;
    t.exitCode = result.exitCode;
    t.profile = status.profile;
    t.agentName = status.name;
    t.at = stamp(at);
    return t;
}

StoreWrite StoreWrite::progress(const QString &agentId, int progress, const QString &step)
{
    return Progress{agentId, progress, step};
}

StoreWrite StoreWrite::usage(const QString &agentId, int attempt, qint64 inputTokens, qint64 outputTokens,
                             double costUsd, int turns)
{
    return Usage{agentId, attempt, inputTokens, outputTokens, costUsd, turns};
}

StoreWrite StoreWrite::escalation(const Escalation &escalation)
{
    return EscalationChanged{escalation};
}

StoreWrite StoreWrite::lockEvent(const LockEvent &event, const QDateTime &at)
{
    return LockEventRecorded{event, stamp(at)};
}

StoreWrite StoreWrite::log(const QString &agentId, const QStringList &lines, const QDateTime &at)
{
    return LogLines{agentId, lines, stamp(at)};
}

StoreWrite StoreWrite::note(const QString &runId, const QString &key, const QString &text, const QString &authorAgentId,
                            const QDateTime &at)
{
    return NoteWritten{NoteRecord{runId, key, text, authorAgentId, stamp(at)}};
}

StoreWrite StoreWrite::transcript(QList<TranscriptEntry> entries)
{
    for (TranscriptEntry &entry : entries)
        entry.at = stamp(entry.at);
    return TranscriptRecorded{std::move(entries)};
}

StoreWrite StoreWrite::processGroupStarted(const ProcessGroupRecord &record, const QDateTime &at)
{
    return ProcessGroupStarted{record, stamp(at)};
}

StoreWrite StoreWrite::processGroupsEnded(const QList<ProcessGroupRecord> &records)
{
    return ProcessGroupsEnded{records};
}

QString StoreWrite::coalesceKey() const
{
    if (const auto *p = std::get_if<Progress>(&m_payload))
        return QStringLiteral("progress\x1f") + p->agentId;
    if (const auto *u = std::get_if<Usage>(&m_payload))
        return QStringLiteral("usage\x1f") + u->agentId + QLatin1Char('\x1f') + QString::number(u->attempt);
    return {};
}

StoreWrite StoreWrite::agentSession(const QString &agentId, int attempt, const QString &sessionId)
{
    return AgentSessionRecorded{agentId, attempt, sessionId};
}

StoreWrite StoreWrite::worktree(const WorktreeRecord &worktree)
{
    return WorktreeChanged{worktree};
}

StoreWrite StoreWrite::executor(const ExecutorRecord &record)
{
    return ExecutorRecorded{record};
}

} // namespace switchboard
