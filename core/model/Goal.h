#pragma once

#include "GoalCondition.h"
#include "Isolation.h"
#include "Priority.h"
#include "RetryPolicy.h"
#include "Team.h"
#include "execution/ExecutorSpec.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace switchboard {

// A unit of work handed to one agent: what to do, how urgent, what it needs and what it waits for.
struct Goal
{
    QString id; // user-given in plans; generated "g-N" otherwise
    QString title;
    QString description;
    Priority priority = Priority::Medium;
    QDateTime deadline; // invalid = none
    QStringList successCriteria;
    QStringList dependsOn; // goal ids
    QStringList capabilities;
    QStringList resources;
    QString profile;                  // empty = the least-loaded non-demo profile with the capabilities
    std::optional<RetryPolicy> retry; // overrides the profile's
    Budget budget;
    IsolationSettings isolation; // overrides the profile's field by field
    // Where its agent's program runs, over the profile's executor (issue 19); unset = the profile's.
    std::optional<ExecutorSpec> executor;
    // A follow-up: the goal id whose agent session and worktree this goal continues with new instructions (its
    // description). The agent resumes that goal's recorded session (claude --resume, codex exec resume, ...).
    QString followUpOf;
    // Runs only when this holds once its dependencies ended; else the goal is Skipped (issue 16).
    std::optional<GoalCondition> when;
    // A team goal (issue 16): it runs no agent itself; its members do, as the pattern says.
    std::optional<TeamPattern> team;
    // A member of a team goal, spawned by the orchestrator (never written in a plan).
    std::optional<TeamMember> member;

    // The goal as the process protocol and --json output show it.
    QJsonObject toJson() const;

    // The title of a goal given none (plans may have only id and description): the description's first
    // non-empty line, trimmed and cut to DefaultTitleLength characters with an ellipsis; else the id.
    static constexpr qsizetype DefaultTitleLength = 80;
    static QString defaultTitle(const QString &description, const QString &id);
};

} // namespace switchboard

Q_DECLARE_METATYPE(switchboard::Goal)
