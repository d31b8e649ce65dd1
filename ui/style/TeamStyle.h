#pragma once

#include "model/AgentState.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace switchboard {

// How teams (issue 16) read on the board, in the detail pane and in the New goal form: the pattern's name and
// icon, and the members' states summed up in words ("3/4 done · 1 failed") so a strip of colours is never the
// only way to tell.
class TeamStyle final
{
    Q_DECLARE_TR_FUNCTIONS(TeamStyle)

public:
    TeamStyle() = delete;

    // "Parallel", "Supervisor", "Debate" for the kinds AgentStatus::teamKind holds; the raw text otherwise.
    static QString kindLabel(const QString &kind);
    static QString kindIconName(const QString &kind);
    // "3/4 done", "3/4 done · 1 failed", "no members yet".
    static QString memberSummary(const QList<AgentState> &states);
    // A member that ended without success (failed, cancelled, blocked, skipped).
    static bool isUnsuccessful(AgentState state);
};

} // namespace switchboard
