#include "PlanPrompt.h"

namespace switchboard {

QString PlanPrompt::system(const QList<AgentProfile> &profiles)
{
    QString prompt = QStringLiteral(
        "You are the planner of Switchboard, an orchestrator that runs AI agents in parallel. Break the user's "
        "objective into goals, each one piece of work a single agent can finish on its own, with dependencies "
        "between them so that independent goals can run at the same time.\n"
        "\n"
        "Answer with JSON only: one JSON object and nothing else, no prose before or after it, no Markdown "
        "fences. Its shape:\n"
        "{\"goals\": [{\"id\": \"design-api\", \"title\": \"Design the API\", \"description\": \"...\", "
        "\"depends_on\": [], \"capabilities\": [], \"success_criteria\": [\"...\"]}]}\n"
        "\n"
        "Rules:\n"
        "- id: short and unique; letters, digits, '-', '_' or '.', no spaces (e.g. \"write-tests\").\n"
        "- title: a few words. description: what the agent must do, with the context it needs to work alone.\n"
        "- depends_on: ids of goals in this plan that must be finished first; [] when none. No cycles.\n"
        "- capabilities: what the goal needs, only from the known capabilities listed below; [] when any agent "
        "can do it.\n"
        "- success_criteria: a list of strings, each a checkable statement of when the goal is done.\n"
        "- profile (optional): the name of one profile below, only when the goal must run on that profile.\n");
    prompt += QStringLiteral("\nAgent profiles (name: capabilities):\n");
    QStringList capabilities;
    for (const AgentProfile &profile : profiles) {
        prompt += QStringLiteral("- %1: %2\n")
                      .arg(profile.name, profile.capabilities.isEmpty() ? QStringLiteral("(any work)")
                                                                        : profile.capabilities.join(u", "));
        for (const QString &capability : profile.capabilities) {
            if (!capabilities.contains(capability, Qt::CaseInsensitive))
                capabilities << capability;
        }
    }
    if (profiles.isEmpty())
        prompt += QStringLiteral("- (none)\n");
    capabilities.sort(Qt::CaseInsensitive);
    prompt += capabilities.isEmpty()
                  ? QStringLiteral("Known capabilities: none; leave every \"capabilities\" list empty.\n")
                  : QStringLiteral("Known capabilities: %1\n").arg(capabilities.join(u", "));
    return prompt;
}

llm::ChatRequest PlanPrompt::request(const QString &objective, const QList<AgentProfile> &profiles)
{
    llm::ChatRequest request;
    request.system = system(profiles);
    llm::ChatMessage user;
    user.role = llm::ChatMessage::Role::User;
    user.text = QStringLiteral("Objective:\n%1\n\nAnswer with the JSON plan only.").arg(objective.trimmed());
    request.messages << user;
    return request;
}

llm::ChatRequest PlanPrompt::retry(const QString &objective, const QList<AgentProfile> &profiles,
                                   const QString &previousReply, const QList<GoalProblem> &problems)
{
    llm::ChatRequest request = PlanPrompt::request(objective, profiles);
    if (previousReply.trimmed().isEmpty())
        return request; // nothing to correct (and an empty assistant turn is refused by the Messages API)
    llm::ChatMessage previous;
    previous.role = llm::ChatMessage::Role::Assistant;
    previous.text = previousReply;
    request.messages << previous;
    QString feedback = QStringLiteral("That plan cannot be used:\n");
    for (const GoalProblem &problem : problems)
        feedback += QStringLiteral("- %1\n").arg(problem.detail());
    feedback += QStringLiteral("Answer with the whole corrected plan, as JSON only.");
    llm::ChatMessage user;
    user.role = llm::ChatMessage::Role::User;
    user.text = feedback;
    request.messages << user;
    return request;
}

} // namespace switchboard
