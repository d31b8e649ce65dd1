#pragma once

#include "llm/ModelTypes.h"
#include "model/AgentProfile.h"
#include "model/GoalProblem.h"

#include <QList>
#include <QString>

namespace switchboard {

// What a planning model is told: the JSON to answer with, the rules a plan must follow, and the profiles and
// capabilities of the run, so it assigns only work some agent can take.
class PlanPrompt final
{
public:
    PlanPrompt() = delete;

    static QString system(const QList<AgentProfile> &profiles);
    // The first request: the system prompt and the objective.
    static llm::ChatRequest request(const QString &objective, const QList<AgentProfile> &profiles);
    // A second try after a reply that broke the rules: the conversation so far plus what was wrong with it,
    // asking for the whole corrected plan.
    static llm::ChatRequest retry(const QString &objective, const QList<AgentProfile> &profiles,
                                  const QString &previousReply, const QList<GoalProblem> &problems);
};

} // namespace switchboard
