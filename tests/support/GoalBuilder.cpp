#include "GoalBuilder.h"

namespace switchboard::test {

GoalBuilder::GoalBuilder(const QString &id)
{
    m_goal.id = id;
    m_goal.title = id;
}

GoalBuilder GoalBuilder::titled(const QString &title)
{
    GoalBuilder builder;
    builder.m_goal.title = title;
    return builder;
}

GoalBuilder &GoalBuilder::title(const QString &title)
{
    m_goal.title = title;
    return *this;
}

GoalBuilder &GoalBuilder::description(const QString &description)
{
    m_goal.description = description;
    return *this;
}

GoalBuilder &GoalBuilder::profile(const QString &profile)
{
    m_goal.profile = profile;
    return *this;
}

GoalBuilder &GoalBuilder::dependsOn(const QStringList &goalIds)
{
    m_goal.dependsOn = goalIds;
    return *this;
}

GoalBuilder &GoalBuilder::priority(Priority priority)
{
    m_goal.priority = priority;
    return *this;
}

GoalBuilder &GoalBuilder::capabilities(const QStringList &capabilities)
{
    m_goal.capabilities = capabilities;
    return *this;
}

GoalBuilder &GoalBuilder::resources(const QStringList &resources)
{
    m_goal.resources = resources;
    return *this;
}

GoalBuilder &GoalBuilder::successCriteria(const QStringList &criteria)
{
    m_goal.successCriteria = criteria;
    return *this;
}

GoalBuilder &GoalBuilder::deadline(const QDateTime &deadline)
{
    m_goal.deadline = deadline;
    return *this;
}

} // namespace switchboard::test
