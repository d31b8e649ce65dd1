#pragma once

#include <QString>
#include <QStringList>

namespace switchboard {

// One reason a set of goals cannot run as given: which goal and which of its fields, so a preview can mark the
// offending row and cell, and the reason in words.
struct GoalProblem
{
    int goalIndex = -1;  // position in the goals checked; -1: the set as a whole (a cycle, an unreadable reply)
    QString goalId;      // empty when the goal has none or the problem is not one goal's
    QString field;       // the key as plan files spell it ("id", "depends_on", "capabilities", ...); empty: none
    QString label;       // how messages name the goal: "goal 'api'", "goal #3"; empty for a set-wide problem
    QString reason;      // "unknown dependency 'x'", "cycle: a -> b -> a"
    QStringList goalIds; // every goal concerned: the goal itself, or each goal of a cycle

    // "goal 'api': unknown dependency 'x'" (the form Scheduler::validate has always used).
    QString message() const { return label.isEmpty() ? reason : label + QStringLiteral(": ") + reason; }
    // With the field: "goal 'api': depends_on: unknown dependency 'x'".
    QString detail() const
    {
        if (field.isEmpty() || label.isEmpty())
            return message();
        return label + QStringLiteral(": ") + field + QStringLiteral(": ") + reason;
    }
    bool concerns(const QString &id) const { return !id.isEmpty() && goalIds.contains(id); }
    friend bool operator==(const GoalProblem &, const GoalProblem &) = default;
};

} // namespace switchboard
