#pragma once

#include "AgentState.h"
#include "Priority.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace switchboard {

// A snapshot of one agent as the orchestrator sees it; cheap to copy, safe to hand to views.
struct AgentStatus
{
    QString agentId; // "a-N"
    QString name;    // display name, e.g. "coder #3"
    QString goalId;
    QString goalTitle;
    QString profile;
    Priority priority = Priority::Medium;
    AgentState state = AgentState::Queued;
    QString currentStep;
    int progress = 0; // 0..100
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime completedAt;
    QString error;   // why it failed, or why it is blocked
    QString summary; // the result summary once completed
    int attempt = 0;
    int maxAttempts = 1;        // 1 + the retries its policy allows
    QDateTime nextAttemptAt;    // set while waiting to retry
    QDateTime rateLimitedUntil; // its profile is paused by a rate limit until then
    // Attempts cut short because Switchboard stopped (a crash, a quit): not the agent's failure, so they spend
    // no retry; maxAttempts counts them on top of the policy's.
    int interruptedAttempts = 0;
    // The latest attempt started over after the one before it was interrupted (the card says so).
    bool resumedAfterInterruption = false;
    QString errorKind;
    bool needsHuman = false; // escalated repeatedly on this goal
    QString openEscalation;  // id of the question it waits on, while Escalated
    QStringList waitingFor;  // resources it waits for, while WaitingForLock or Queued on a lock
    QString repository;      // the repository's name when the goal works in a git repository (shown on the card)
    QString agentSession;    // the agent program's own session id (Claude Code session_id, Codex thread_id, ACP)
    QString executor;        // where the latest attempt runs when not here: "slurm (debug)", "ssh host"; empty = local
    QString externalId;      // the executor's id for that attempt's job (a Slurm job id); empty until known
    // The latest attempt's time waiting in its executor's queue (Slurm's PENDING): the periods that ended, and
    // since when it waits now (invalid when it does not).
    qint64 queuedMs = 0;
    QDateTime queuedSince;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = 0.0;
    int turns = 0; // the agent program's turns over all attempts, as it reported them (coding agents); 0: unknown
    // Teams (issue 16). A team goal: its pattern's kind ("parallel", "supervisor", "debate"), where it is ("round 2
    // of 3", "plan 1 of 2", "step 1: 2 of 3 done", "judge") and its members' states in spawn order. Its tokens
    // and cost are its members' summed.
    QString teamKind;
    QString teamStage;
    QList<AgentState> memberStates;
    // A member: its team goal's id and what it is there ("round 2 · optimist").
    QString memberOf;
    QString memberLabel;

    qint64 tokens() const { return inputTokens + outputTokens; }
    // Milliseconds since the latest attempt started so far (or in total, once finished), queue time included.
    qint64 elapsedMs(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // Of that, the time waiting in the executor's queue, and the time the program ran (elapsed minus queued).
    qint64 queueMs(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    qint64 runMs(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
};

} // namespace switchboard

Q_DECLARE_METATYPE(switchboard::AgentStatus)
