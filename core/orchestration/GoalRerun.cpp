#include "GoalRerun.h"

namespace switchboard {

Goal GoalRerun::alone(const Goal &past)
{
    Goal goal;
    goal.title = past.title;
    goal.description = past.description;
    goal.priority = past.priority;
    goal.successCriteria = past.successCriteria;
    goal.capabilities = past.capabilities;
    goal.resources = past.resources;
    goal.profile = past.profile;
    return goal;
}

QList<Goal> GoalRerun::run(QList<Goal> goals, const IdTaken &taken)
{
    QSet<QString> ids;
    ids.reserve(goals.size());
    for (const Goal &goal : std::as_const(goals))
        ids.insert(goal.id);
    const QString suffix = idSuffix(ids, taken);
    for (Goal &goal : goals) {
        goal.id += suffix;
        QStringList dependsOn;
        for (const QString &dependency : std::as_const(goal.dependsOn)) {
            if (ids.contains(dependency))
                dependsOn << dependency + suffix;
        }
        goal.dependsOn = dependsOn;
        // The condition follows its goal's new id; one on a goal not re-run is dropped with that dependency.
        if (goal.when && ids.contains(goal.when->goal))
            goal.when->goal += suffix;
        else
            goal.when.reset();
        goal.deadline = {};
    }
    return goals;
}

QString GoalRerun::idSuffix(const QSet<QString> &ids, const IdTaken &taken)
{
    bool clash = false;
    for (const QString &id : ids) {
        if (taken(id)) {
            clash = true;
            break;
        }
    }
    QString suffix;
    for (int n = 2; clash; ++n) {
        suffix = QStringLiteral("-%1").arg(n);
        clash = false;
        for (const QString &id : ids) {
            if (taken(id + suffix) || ids.contains(id + suffix)) {
                clash = true;
                break;
            }
        }
    }
    return suffix;
}

} // namespace switchboard
