#pragma once

// Private to core/config: the sections ConfigLoader and PlanLoader both read (workflow, metrics, agents, and
// the retry, budget and quality keys of profiles and goals), on top of the YAML plumbing of YamlSupport.h.

#include "Config.h"
#include "YamlSupport.h"
#include "agents/BackendRegistry.h"
#include "model/AgentProfile.h"
#include "model/GoalCondition.h"
#include "model/RetryPolicy.h"
#include "model/Team.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace switchboard::yaml {

// A profile's agent section, as read from one file. Locations are kept so a plan can report where a
// profile came from.
struct ProfileEntry
{
    AgentProfile profile;
    Location location;
};

// Reads "workflow:" into settings, overriding only the keys that are present.
void readWorkflow(Document &doc, const Map &root, WorkflowSettings &settings);
// Reads "metrics:" (dashboard targets and alert thresholds; rates in percent) over the defaults.
void readMetrics(Document &doc, const Map &root, MetricThresholds &thresholds);
// Reads "agents: {definitions: [...]}" and validates each profile (backend known to the registry and the
// profile good for it, e.g. process has a command; max_concurrent >= 0, names unique within the file).
QList<ProfileEntry> readAgents(Document &doc, const Map &root, const BackendRegistry &backends,
                               const WorkflowSettings &workflow = {});
// retry: {max_retries, backoff_s, jitter, non_retryable}
RetryPolicy readRetry(const Map &parent, const char *key, const QString &label);
// budget: {max_tokens, max_cost_usd}
Budget readBudget(const Map &parent, const char *key, const QString &label);
// isolation keys (isolation: shared | worktree, repo, base_branch, setup: [argv...]), read from `map` itself
// (a profile or a goal); absent keys stay unset.
IsolationSettings readIsolation(const Map &map, const QString &label);
// The keys readIsolation() reads.
const QStringList &isolationKeys();
// when: {goal: ID, result_contains: TEXT} or {goal: ID, succeeded: true|false} on a goal (issue 16); nullopt when
// absent. Exactly one test; unknown keys are errors (a misspelt test must not silently mean "always run"), and so is
// a goal that is not one of dependsOn. label names the goal ("goal 'deploy'"), goalId is its id.
std::optional<GoalCondition> readCondition(const Map &goal, const QString &label, const QString &goalId,
                                           const QStringList &dependsOn);
// pattern: {kind: parallel|supervisor|debate, profiles, planner, workers, mode, max_workers_per_step,
// max_iterations, rounds, judge, min_successful, format} on a goal (issue 16); nullopt when absent. Unknown keys,
// keys another kind reads, TeamPattern::problems() and profiles not in knownProfiles are errors, each at the key
// or list item it is about (a team that silently lost a member would answer a different question).
std::optional<TeamPattern> readPattern(const Map &goal, const QString &label, const QStringList &knownProfiles);
// The keys a pattern of this kind reads, in the order plans write them.
QStringList patternKeys(TeamKind kind);

// quality keys (min_improvement, max_iterations_without_improvement, max_iterations, detect_loops),
// read from `map` itself.
void readQualityKeys(const Map &map, QualityPolicy &quality);

} // namespace switchboard::yaml
