#pragma once

#include "PlanDraft.h"
#include "llm/ModelTypes.h"

#include <QString>

namespace switchboard {

// What one planning call gave: the goals and their problems, or why there is no answer, and what it cost.
struct AiPlanResult
{
    enum class Status
    {
        Planned,   // the model answered with goals that follow the plan rules
        Invalid,   // it answered, but not with a usable plan: draft.problems say why (retry may help)
        Failed,    // no answer: no endpoint (e.g. no API key) or the call failed; see error
        Cancelled, // abort() was called
    };

    Status status = Status::Failed;
    PlanDraft draft;
    QString error; // Failed/Cancelled: why, in words (never the key)
    QString reply; // the model's text as it came
    QString model; // the model as the server named it
    llm::Usage usage;
    double costUsd = 0.0; // by the planner profile's pricing

    bool isPlanned() const { return status == Status::Planned; }
};

} // namespace switchboard
