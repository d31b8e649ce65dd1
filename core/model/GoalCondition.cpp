#include "GoalCondition.h"

namespace switchboard {

std::optional<QString> GoalCondition::falseReason(bool dependencySucceeded, const QString &resultText) const
{
    switch (test) {
    case Test::ResultContains:
        if (!dependencySucceeded)
            return QStringLiteral("'%1' did not succeed").arg(goal);
        if (resultText.contains(text, Qt::CaseSensitive))
            return std::nullopt;
        return QStringLiteral("result does not contain '%1'").arg(text);
    case Test::Succeeded:
        if (dependencySucceeded == succeeded)
            return std::nullopt;
        return dependencySucceeded ? QStringLiteral("it succeeded") : QStringLiteral("it did not succeed");
    }
    return std::nullopt;
}

QString GoalCondition::describe() const
{
    switch (test) {
    case Test::ResultContains:
        return QStringLiteral("result of '%1' contains \"%2\"").arg(goal, text);
    case Test::Succeeded:
        return succeeded ? QStringLiteral("'%1' succeeded").arg(goal)
                         : QStringLiteral("'%1' did not succeed").arg(goal);
    }
    return {};
}

QJsonObject GoalCondition::toJson() const
{
    QJsonObject o;
    o.insert(u"goal", goal);
    if (test == Test::ResultContains)
        o.insert(u"result_contains", text);
    else
        o.insert(u"succeeded", succeeded);
    return o;
}

std::optional<GoalCondition> GoalCondition::fromJson(const QJsonObject &json)
{
    const QString goal = json.value(u"goal").toString();
    if (goal.isEmpty())
        return std::nullopt;
    GoalCondition c;
    c.goal = goal;
    if (json.contains(u"result_contains")) {
        c.test = Test::ResultContains;
        c.text = json.value(u"result_contains").toString();
    } else {
        c.test = Test::Succeeded;
        c.succeeded = json.value(u"succeeded").toBool(true);
    }
    return c;
}

} // namespace switchboard
