#pragma once

#include "model/AgentProfile.h"
#include "model/AgentState.h"
#include "model/Goal.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace switchboard {

// What a team does next, decided from its members alone (issue 16): no threads, no clock, no store. The
// orchestrator asks after every member that ends and whenever the team (re)starts, so a team restored after a crash
// goes on from the members the store kept: finished statements stay, missing ones are spawned again.
class TeamFlow final
{
public:
    // One member as the team sees it.
    struct Member
    {
        Goal goal; // with goal.member set
        AgentState state = AgentState::Queued;
        QString summary; // its result (completed) ...
        QString output;  // ... and structured output: a planner's {"delegations": [...]}
        QString error;   // why it failed
    };

    struct Step
    {
        enum class Action
        {
            Wait,     // members are still working
            Spawn,    // start these members (then wait)
            Complete, // the team is done: summary and output are its result
            Fail,     // the team failed: error says why
        };
        Action action = Action::Wait;
        QList<Goal> spawn;
        QString summary;
        QString output; // JSON text
        QString error;
        QString stage;    // "round 2 of 3", "plan 1 of 2", "step 1: 2 of 3 done", "judge", "synthesis"
        int progress = 0; // 0..100, a rough share of the pattern done
    };

    // team: the team goal (team.team set). members: every member it has, in spawn order. inputs: the team's
    // dependencies whose results the members may read (the ones that succeeded). profiles: for the workers'
    // capabilities in a planner's prompt.
    static Step next(const Goal &team, const QList<Member> &members, const QStringList &inputs,
                     const QList<AgentProfile> &profiles);

    // A planner's steps: from its output's "delegations" ([{worker, task}]), else from lines of its summary that are
    // {"type":"delegate","worker":...,"task":...} (agents that print them instead of calling the verb).
    static QList<std::pair<QString, QString>> delegations(const Member &planner);
    // The output a planner's attempt leaves: {"delegations": [{worker, task}], "output": <its own output, if any>}.
    static QString plannerOutput(const QList<std::pair<QString, QString>> &delegations, const QString &ownOutput);
    // A judge's verdict: its text without the CONSENSUS line, and whether that line said yes (or its output's
    // "consensus_reached").
    static std::pair<QString, bool> verdict(const Member &judge);
};

} // namespace switchboard
