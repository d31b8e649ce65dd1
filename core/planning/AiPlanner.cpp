#include "AiPlanner.h"

#include "PlanPrompt.h"
#include "PlanReply.h"
#include "llm/EndpointResolver.h"
#include "llm/ModelClient.h"

#include <QMutexLocker>

namespace switchboard {

AiPlanner::AiPlanner(AgentProfile planner, QList<AgentProfile> profiles, QProcessEnvironment environment)
    : m_planner(std::move(planner))
    , m_profiles(std::move(profiles))
    , m_environment(std::move(environment))
{}

AiPlanner::~AiPlanner() = default;

bool AiPlanner::canPlan(const AgentProfile &profile)
{
    return llm::apiKindFromName(profile.backend).has_value();
}

QList<AgentProfile> AiPlanner::plannerProfiles(const QList<AgentProfile> &profiles)
{
    QList<AgentProfile> planners;
    for (const AgentProfile &profile : profiles) {
        if (canPlan(profile))
            planners << profile;
    }
    return planners;
}

AiPlanResult AiPlanner::plan(const QString &objective)
{
    return ask(PlanPrompt::request(objective, m_profiles));
}

AiPlanResult AiPlanner::retry(const QString &objective, const AiPlanResult &previous)
{
    if (previous.status != AiPlanResult::Status::Invalid)
        return plan(objective);
    return ask(PlanPrompt::retry(objective, m_profiles, previous.reply, previous.draft.problems));
}

void AiPlanner::abort()
{
    const QMutexLocker locker(&m_mutex);
    m_aborted = true;
    if (m_client)
        m_client->abort();
}

AiPlanResult AiPlanner::ask(const llm::ChatRequest &request)
{
    AiPlanResult result;
    if (!canPlan(m_planner)) {
        result.error = QStringLiteral("profile '%1' cannot plan: its backend '%2' is not a model (use openai or "
                                      "anthropic)")
                           .arg(m_planner.name, m_planner.backend);
        return result;
    }
    QString endpointError;
    const std::optional<llm::ModelEndpoint> endpoint = llm::resolveEndpoint(m_planner, m_environment, &endpointError);
    if (!endpoint) {
        result.error = endpointError;
        return result;
    }

    // The client lives on this thread, as it must; abort() reaches it through m_client while the call runs.
    llm::ModelClient client(*endpoint);
    {
        const QMutexLocker locker(&m_mutex);
        if (m_aborted) {
            result.status = AiPlanResult::Status::Cancelled;
            result.error = QStringLiteral("planning was cancelled");
            return result;
        }
        m_client = &client;
    }
    const llm::ModelResult answer = client.complete(request);
    {
        const QMutexLocker locker(&m_mutex);
        m_client = nullptr;
    }

    if (const auto *failure = std::get_if<llm::ModelError>(&answer)) {
        if (failure->kind == llm::ModelError::Kind::Cancelled) {
            result.status = AiPlanResult::Status::Cancelled;
            result.error = QStringLiteral("planning was cancelled");
        } else {
            result.error = QStringLiteral("profile '%1': the model call failed (%2): %3")
                               .arg(m_planner.name, llm::modelErrorKindName(failure->kind), failure->message);
        }
        return result;
    }

    const auto &reply = std::get<llm::ModelReply>(answer);
    result.reply = reply.text;
    result.model = reply.model;
    result.usage = reply.usage;
    result.costUsd = m_planner.llm.costUsd(reply.usage.inputTokens, reply.usage.outputTokens);
    result.draft = PlanReply::interpret(reply.text, m_profiles);
    if (reply.stop == llm::ModelReply::Stop::Truncated && !result.draft.isRunnable()) {
        // The JSON is cut short, and the parse error alone would not say that more room is the cure.
        GoalProblem truncated;
        truncated.reason = QStringLiteral("the reply was cut off at the token limit (%1); raise max_tokens of "
                                          "profile '%2'")
                               .arg(reply.stopReason, m_planner.name);
        result.draft.problems.prepend(truncated);
    }
    result.status = result.draft.isRunnable() ? AiPlanResult::Status::Planned : AiPlanResult::Status::Invalid;
    return result;
}

} // namespace switchboard
