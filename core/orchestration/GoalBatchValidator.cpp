#include "GoalBatchValidator.h"

#include "orchestration/GoalGraph.h"

#include <QSet>

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
} // namespace

QStringList GoalBatchValidator::validate(const QList<Goal> &goals, const QHash<QString, int> &knownIds,
                                         const QList<AgentProfile> &profiles)
{
    QStringList errors;
    QHash<QString, int> batchIndex;
    batchIndex.reserve(goals.size());
    for (int i = 0; i < goals.size(); ++i) {
        const Goal &goal = goals.at(i);
        if (goal.id.trimmed().isEmpty()) {
            errors << QStringLiteral("goal #%1 ('%2'): missing id").arg(i + 1).arg(goal.title);
            continue;
        }
        if (knownIds.contains(goal.id) || batchIndex.contains(goal.id)) {
            errors << QStringLiteral("goal '%1': duplicate id").arg(goal.id);
            continue;
        }
        batchIndex.insert(goal.id, i);
    }

    bool dependsInBatch = false;
    for (const Goal &goal : goals) {
        for (const QString &dep : goal.dependsOn) {
            if (dep == goal.id) {
                errors << QStringLiteral("goal '%1': depends on itself").arg(goal.id);
            } else if (batchIndex.contains(dep)) {
                dependsInBatch = true;
            } else if (!knownIds.contains(dep)) {
                errors << QStringLiteral("goal '%1': unknown dependency '%2'").arg(goal.id, dep);
            }
        }
        if (!goal.profile.isEmpty()) {
            const AgentProfile *p = profileNamed(profiles, goal.profile);
            if (!p) {
                QStringList known;
                for (const AgentProfile &each : profiles)
                    known << each.name;
                errors << QStringLiteral("goal '%1': unknown profile '%2' (known: %3)")
                              .arg(goal.id, goal.profile, known.join(QStringLiteral(", ")));
            } else if (!p->hasCapabilities(goal.capabilities)) {
                errors << QStringLiteral("goal '%1': profile '%2' lacks capabilities: %3")
                              .arg(goal.id, goal.profile,
                                   p->missingCapabilities(goal.capabilities).join(QStringLiteral(", ")));
            }
        } else {
            bool matched = false;
            QSet<QString> missingEverywhere;
            for (const AgentProfile &p : profiles) {
                if (p.hasCapabilities(goal.capabilities)) {
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                // Name the capabilities that no single profile covers, to say what to add.
                for (const QString &cap : goal.capabilities) {
                    bool someoneHas = false;
                    for (const AgentProfile &p : profiles)
                        someoneHas = someoneHas || p.capabilities.contains(cap, Qt::CaseInsensitive);
                    if (!someoneHas)
                        missingEverywhere.insert(cap);
                }
                QStringList missing(missingEverywhere.cbegin(), missingEverywhere.cend());
                missing.sort();
                if (profiles.isEmpty())
                    errors << QStringLiteral("goal '%1': no agent profiles are configured").arg(goal.id);
                else if (missing.isEmpty())
                    errors << QStringLiteral("goal '%1': no single profile has all of: %2")
                                  .arg(goal.id, goal.capabilities.join(QStringLiteral(", ")));
                else
                    errors << QStringLiteral("goal '%1': no profile has the capabilities: %2")
                                  .arg(goal.id, missing.join(QStringLiteral(", ")));
            }
        }
    }

    // Existing goals are already acyclic and cannot depend on new ones, so a cycle lies in the batch,
    // and there is none unless some goal of the batch depends on another one of it.
    if (errors.isEmpty() && dependsInBatch) {
        const QStringList cycle = GoalGraph::findCycle(goals, batchIndex);
        if (!cycle.isEmpty())
            errors << QStringLiteral("cycle: %1").arg(cycle.join(QStringLiteral(" -> ")));
    }
    return errors;
}

} // namespace switchboard
