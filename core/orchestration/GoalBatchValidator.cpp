#include "GoalBatchValidator.h"

#include "model/InputLimits.h"
#include "orchestration/GoalGraph.h"

#include <QSet>

#include <optional>

namespace switchboard {

namespace {
const AgentProfile *profileNamed(const QList<AgentProfile> &profiles, const QString &name)
{
    for (const AgentProfile &p : profiles) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

GoalProblem goalProblem(int index, const Goal &goal, const QString &field, const QString &reason)
{
    GoalProblem problem;
    problem.goalIndex = index;
    problem.goalId = goal.id;
    problem.field = field;
    problem.label = QStringLiteral("goal %1").arg(InputLimits::shortQuote(goal.id));
    problem.reason = reason;
    problem.goalIds = QStringList{goal.id};
    return problem;
}

// A goal with no profile of its own needs one profile that has all its capabilities; name what is missing.
std::optional<GoalProblem> capabilityProblem(int index, const Goal &goal, const QList<AgentProfile> &profiles)
{
    const auto field = QStringLiteral("capabilities");
    if (!goal.profile.isEmpty()) {
        const AgentProfile *p = profileNamed(profiles, goal.profile);
        if (!p) {
            QStringList known;
            for (const AgentProfile &each : profiles)
                known << each.name;
            return goalProblem(
                index, goal, QStringLiteral("profile"),
                QStringLiteral("unknown profile '%1' (known: %2)").arg(goal.profile, known.join(QStringLiteral(", "))));
        }
        if (!p->hasCapabilities(goal.capabilities)) {
            return goalProblem(index, goal, field,
                               QStringLiteral("profile '%1' lacks capabilities: %2")
                                   .arg(goal.profile, p->missingCapabilities(goal.capabilities).join(u", ")));
        }
        return std::nullopt;
    }
    for (const AgentProfile &p : profiles) {
        if (p.hasCapabilities(goal.capabilities))
            return std::nullopt;
    }
    if (profiles.isEmpty())
        return goalProblem(index, goal, QStringLiteral("profile"), QStringLiteral("no agent profiles are configured"));
    // Name the capabilities that no single profile covers, to say what to add.
    QSet<QString> missingEverywhere;
    for (const QString &cap : goal.capabilities) {
        bool someoneHas = false;
        for (const AgentProfile &p : profiles)
            someoneHas = someoneHas || p.capabilities.contains(cap, Qt::CaseInsensitive);
        if (!someoneHas)
            missingEverywhere.insert(cap);
    }
    QStringList missing(missingEverywhere.cbegin(), missingEverywhere.cend());
    missing.sort();
    if (missing.isEmpty())
        return goalProblem(index, goal, field,
                           QStringLiteral("no single profile has all of: %1").arg(goal.capabilities.join(u", ")));
    return goalProblem(index, goal, field,
                       QStringLiteral("no profile has the capabilities: %1").arg(missing.join(u", ")));
}

// A team goal (issue 16): its pattern on its own, and every profile it names against the profiles there are.
// It runs no agent of its own, so a profile or capabilities on it would choose nothing: they are refused.
QList<GoalProblem> teamProblems(int index, const Goal &goal, const QList<AgentProfile> &profiles)
{
    QList<GoalProblem> found;
    const TeamPattern &team = *goal.team;
    const auto pattern = QStringLiteral("pattern");
    for (const QString &problem : team.problems())
        found << goalProblem(index, goal, pattern, QStringLiteral("pattern: %1").arg(problem));
    QStringList known;
    for (const AgentProfile &each : profiles)
        known << each.name;
    if (known.isEmpty() && !team.memberProfiles().isEmpty()) {
        found << goalProblem(index, goal, QStringLiteral("profile"),
                             QStringLiteral("no agent profiles are configured"));
    } else {
        const std::pair<const char *, QStringList> fields[] = {
            {"profiles", team.kind == TeamKind::Supervisor ? QStringList() : team.profiles},
            {"planner", team.kind == TeamKind::Supervisor ? QStringList{team.planner} : QStringList()},
            {"workers", team.kind == TeamKind::Supervisor ? team.workers : QStringList()},
            {"judge", team.kind == TeamKind::Debate ? QStringList{team.judge} : QStringList()},
        };
        for (const auto &[field, names] : fields) {
            QStringList reported; // a debate may name a profile twice; one message says it
            for (const QString &name : names) {
                if (name.isEmpty() || known.contains(name) || reported.contains(name))
                    continue;
                reported << name;
                found << goalProblem(
                    index, goal, pattern,
                    QStringLiteral("pattern.%1: unknown profile %2 (known: %3)")
                        .arg(QLatin1String(field), InputLimits::shortQuote(name), known.join(QStringLiteral(", "))));
            }
        }
    }
    const QString why = QStringLiteral("%1: a team goal runs no agent of its own; its members run on the profiles "
                                       "its pattern names");
    if (!goal.profile.isEmpty())
        found << goalProblem(index, goal, QStringLiteral("profile"), why.arg(QStringLiteral("profile")));
    if (!goal.capabilities.isEmpty())
        found << goalProblem(index, goal, QStringLiteral("capabilities"), why.arg(QStringLiteral("capabilities")));
    return found;
}

} // namespace

QList<GoalProblem> GoalBatchValidator::problems(const QList<Goal> &goals, const QHash<QString, int> &knownIds,
                                                const QList<AgentProfile> &profiles)
{
    QList<GoalProblem> found;
    QHash<QString, int> batchIndex;
    batchIndex.reserve(goals.size());
    bool idsSound = true;
    for (int i = 0; i < goals.size(); ++i) {
        const Goal &goal = goals.at(i);
        if (goal.id.trimmed().isEmpty()) {
            GoalProblem problem;
            problem.goalIndex = i;
            problem.field = QStringLiteral("id");
            problem.label = QStringLiteral("goal #%1 (%2)").arg(i + 1).arg(InputLimits::shortQuote(goal.title));
            problem.reason = QStringLiteral("missing id");
            found << problem;
            idsSound = false;
            continue;
        }
        // Checked here, where every goal passes (forms, the CLI, plans, planning replies), so an id that could
        // not be passed to a program, or that hides a quote or a NUL, never gets into a run.
        // Still indexed below: its dependents name it, and "unknown dependency" would only repeat this.
        if (const std::optional<InputLimits::Problem> bad = InputLimits::checkId(goal.id)) {
            found << goalProblem(i, goal, QStringLiteral("id"), bad->message);
            idsSound = false;
        }
        if (knownIds.contains(goal.id) || batchIndex.contains(goal.id)) {
            found << goalProblem(i, goal, QStringLiteral("id"), QStringLiteral("duplicate id"));
            idsSound = false;
            continue;
        }
        batchIndex.insert(goal.id, i);
    }

    bool dependsInBatch = false;
    for (int i = 0; i < goals.size(); ++i) {
        const Goal &goal = goals.at(i);
        if (const std::optional<InputLimits::Problem> bad = InputLimits::checkTitle(goal.title))
            found << goalProblem(i, goal, QStringLiteral("title"), bad->message);
        if (const std::optional<InputLimits::Problem> bad = InputLimits::checkDescription(goal.description))
            found << goalProblem(i, goal, QStringLiteral("description"), bad->message);
        for (const QString &dep : goal.dependsOn) {
            if (dep == goal.id) {
                found << goalProblem(i, goal, QStringLiteral("depends_on"), QStringLiteral("depends on itself"));
                idsSound = false;
            } else if (batchIndex.contains(dep)) {
                dependsInBatch = true;
            } else if (!knownIds.contains(dep)) {
                found << goalProblem(i, goal, QStringLiteral("depends_on"),
                                     QStringLiteral("unknown dependency %1").arg(InputLimits::shortQuote(dep)));
            }
        }
        if (goal.when && !goal.dependsOn.contains(goal.when->goal))
            found << goalProblem(i, goal, QStringLiteral("when"),
                                 QStringLiteral("when names goal '%1', which is not a dependency of '%2'")
                                     .arg(goal.when->goal, goal.id));
        if (goal.when && goal.when->test == GoalCondition::Test::ResultContains && goal.when->text.isEmpty())
            found << goalProblem(i, goal, QStringLiteral("when"),
                                 QStringLiteral("when: result_contains needs the text to look for"));
        if (goal.team && goal.member)
            found << goalProblem(
                i, goal, QStringLiteral("member"),
                QStringLiteral("member: a goal is either a team (it has a pattern) or a member of one, "
                               "not both"));
        if (goal.member && !goal.team) {
            const QString &team = goal.member->team;
            const int inBatch = batchIndex.value(team, -1);
            // A team known from before is taken on its id: knownIds carries no goals to look at.
            if (team.trimmed().isEmpty())
                found << goalProblem(i, goal, QStringLiteral("member"), QStringLiteral("member: no team is named"));
            else if (inBatch >= 0 && !goals.at(inBatch).team)
                found << goalProblem(
                    i, goal, QStringLiteral("member"),
                    QStringLiteral("member: %1 is not a team goal").arg(InputLimits::shortQuote(team)));
            else if (inBatch < 0 && !knownIds.contains(team))
                found << goalProblem(i, goal, QStringLiteral("member"),
                                     QStringLiteral("member: team %1 is not known").arg(InputLimits::shortQuote(team)));
        }
        if (goal.team) {
            found << teamProblems(i, goal, profiles);
        } else if (std::optional<GoalProblem> problem = capabilityProblem(i, goal, profiles)) {
            found << *problem;
        }
    }

    // Existing goals are already acyclic and cannot depend on new ones, so a cycle lies in the batch, and
    // there is none unless some goal of the batch depends on another one of it. With duplicate ids or a goal
    // depending on itself the graph is not the one meant, so a cycle in it would only repeat those problems.
    if (idsSound && dependsInBatch) {
        const QStringList cycle = GoalGraph::findCycle(goals, batchIndex);
        if (!cycle.isEmpty()) {
            GoalProblem problem;
            problem.goalIndex = batchIndex.value(cycle.first(), -1);
            problem.goalId = cycle.first();
            problem.field = QStringLiteral("depends_on");
            problem.reason = QStringLiteral("cycle: %1").arg(cycle.join(QStringLiteral(" -> ")));
            problem.goalIds = cycle.mid(0, cycle.size() - 1);
            found << problem;
        }
    }
    return found;
}

QStringList GoalBatchValidator::validate(const QList<Goal> &goals, const QHash<QString, int> &knownIds,
                                         const QList<AgentProfile> &profiles)
{
    QStringList errors;
    for (const GoalProblem &problem : problems(goals, knownIds, profiles))
        errors << problem.message();
    return errors;
}

} // namespace switchboard
