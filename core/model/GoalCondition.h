#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace switchboard {

// A goal's `when` (issue 16): it runs only if a test on one of its own dependencies holds, else it is Skipped.
// Plans write `when: {goal: ID, result_contains: "TEXT"}` or `when: {goal: ID, succeeded: true|false}`.
struct GoalCondition
{
    enum class Test
    {
        ResultContains, // the dependency succeeded and its result summary or output contains the text
        Succeeded,      // the dependency succeeded (true) or did not: failed, cancelled or blocked (false)
    };

    QString goal; // one of the goal's depends_on
    Test test = Test::Succeeded;
    QString text;          // ResultContains: matched case-sensitively
    bool succeeded = true; // Succeeded: the wanted outcome

    // `succeeded: false` waits for the dependency's end, whatever it is: its failure does not block the goal.
    bool acceptsFailureOf(const QString &goalId) const
    {
        return test == Test::Succeeded && !succeeded && goalId == goal;
    }
    // Why the condition is false given how its goal ended, or nullopt when it holds. resultText is the
    // dependency's result summary and output.
    std::optional<QString> falseReason(bool dependencySucceeded, const QString &resultText) const;
    // As plans and `switchboard plan` show it: "result of 'post' contains \"APPROVED\"".
    QString describe() const;

    // {"goal", "result_contains"} or {"goal", "succeeded"}, as stored with a goal and in --json output.
    QJsonObject toJson() const;
    // nullopt for an empty object or one without a goal.
    static std::optional<GoalCondition> fromJson(const QJsonObject &json);

    friend bool operator==(const GoalCondition &, const GoalCondition &) = default;
};

} // namespace switchboard
