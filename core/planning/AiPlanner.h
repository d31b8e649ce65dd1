#pragma once

#include "AiPlanResult.h"
#include "model/AgentProfile.h"

#include <QList>
#include <QMutex>
#include <QProcessEnvironment>
#include <QString>

namespace switchboard {

namespace llm {
class ModelClient;
}

// Turns an objective into a plan with an LLM profile: asks the model for goals as JSON (PlanPrompt), reads and
// checks its answer by the plan rules (PlanReply) against the run's profiles. plan() blocks its calling thread
// for the call (run it off the GUI thread); abort() may come from any thread.
class AiPlanner final
{
    Q_DISABLE_COPY_MOVE(AiPlanner)

public:
    // planner: the profile that plans (backend openai or anthropic); profiles: those the goals will run on.
    AiPlanner(AgentProfile planner, QList<AgentProfile> profiles,
              QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());
    ~AiPlanner();

    const AgentProfile &planner() const { return m_planner; }
    const QList<AgentProfile> &profiles() const { return m_profiles; }

    AiPlanResult plan(const QString &objective);
    // Asks again after an Invalid result, telling the model what was wrong with its previous answer.
    AiPlanResult retry(const QString &objective, const AiPlanResult &previous);
    // Ends the call in flight (its result is Cancelled) and refuses later ones: a planner aborted is done.
    void abort();

    // Whether a profile talks to a model over HTTP and so can plan.
    static bool canPlan(const AgentProfile &profile);
    static QList<AgentProfile> plannerProfiles(const QList<AgentProfile> &profiles);

private:
    AiPlanResult ask(const llm::ChatRequest &request);

    const AgentProfile m_planner;
    const QList<AgentProfile> m_profiles;
    const QProcessEnvironment m_environment;
    QMutex m_mutex; // guards m_client and m_aborted against abort() from another thread
    llm::ModelClient *m_client = nullptr;
    bool m_aborted = false;
};

} // namespace switchboard
