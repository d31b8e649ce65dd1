#pragma once

#include "model/Goal.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace switchboard::test {

// Builds the Goals tests spawn, one field at a time, and converts to a Goal wherever one is expected:
//     o.spawnParallel({GoalBuilder(u"a"_s), GoalBuilder(u"b"_s).dependsOn({u"a"_s}).profile(u"slow"_s)});
class GoalBuilder final
{
public:
    // A goal with this id, titled by its id too.
    explicit GoalBuilder(const QString &id);
    // A goal without an id (the orchestrator gives it one), as the New Goal dialog makes them.
    static GoalBuilder titled(const QString &title);

    GoalBuilder &title(const QString &title);
    // The ScriptedBackend's script, one command per line.
    GoalBuilder &description(const QString &description);
    GoalBuilder &profile(const QString &profile);
    GoalBuilder &dependsOn(const QStringList &goalIds);
    GoalBuilder &priority(Priority priority);
    GoalBuilder &capabilities(const QStringList &capabilities);
    GoalBuilder &resources(const QStringList &resources);
    GoalBuilder &successCriteria(const QStringList &criteria);
    GoalBuilder &deadline(const QDateTime &deadline);

    const Goal &goal() const { return m_goal; }
    // Implicit on purpose: a builder stands in wherever a Goal is expected.
    operator Goal() const { return m_goal; }

private:
    GoalBuilder() = default;

    Goal m_goal;
};

} // namespace switchboard::test
