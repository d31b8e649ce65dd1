#pragma once

#include "Priority.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace switchboard {

// A question an agent asks the human, and once closed, how it was answered. Cheap to copy; the inbox
// hands out snapshots, never references to its own records.
struct Escalation
{
    // Why the agent asks; shown as a tag and used for filtering.
    enum class Trigger
    {
        Architecture,
        Security,
        Data,
        Clarification,
        Permission,
        Failure,
        Other,
    };

    enum class State
    {
        Open,
        Answered,  // a human (or the CLI) answered
        Cancelled, // the agent was cancelled or finished, or the question was withdrawn
        TimedOut,  // nobody answered in time; see timeoutPolicy for what the agent was told
    };

    // What the asking agent gets when nobody answers within the timeout.
    enum class TimeoutPolicy
    {
        Fail,        // the agent is told it timed out (and normally fails)
        TakeDefault, // the agent gets defaultOption as if it had been chosen
        Cancel,      // the agent is told to cancel itself
    };

    // A labelled choice; key is what answer() takes and the agent receives, label what the human reads.
    struct Option
    {
        QString key;
        QString label;

        friend bool operator==(const Option &, const Option &) = default;
    };

    // Effective priority rises one level per this many minutes spent open, up to Critical.
    static constexpr int kAgingMinutes = 15;

    QString id; // "e-N"
    QString goalId;
    QString agentId;
    Trigger trigger = Trigger::Other;
    QString question;
    QString context;
    QList<Option> options;                // empty: the answer is free text
    Priority priority = Priority::Medium; // the goal's priority when asked
    QDateTime createdAt;                  // UTC

    qint64 timeoutMs = 0; // 0 = waits until answered or cancelled
    TimeoutPolicy timeoutPolicy = TimeoutPolicy::Fail;
    QString defaultOption; // key taken under TimeoutPolicy::TakeDefault

    State state = State::Open;
    QString answerOption; // chosen key (or the default taken on timeout)
    QString answerText;   // free text, or a note with a chosen option
    QDateTime answeredAt; // UTC, when it left Open (answered, cancelled or timed out)
    QString answeredBy;   // "human", "cli", "timeout", "agent cancelled", ... (who or what closed it)

    bool isOpen() const { return state == State::Open; }
    bool hasOption(const QString &key) const;
    // The label of an option key (the key itself when it has no label); empty for an unknown key.
    QString optionLabel(const QString &key) const;

    // priority + 1 level per kAgingMinutes open (counted up to answeredAt once closed), at most Critical.
    // open() sorts by this, then by age.
    Priority effectivePriority(const QDateTime &now) const;

    // The key under which an answered question is remembered: the goal id (the agent id when there is no
    // goal) and the question with whitespace runs collapsed, compared case-sensitively. The agent id is left
    // out on purpose: a goal has one agent at a time and a retried agent may carry a new id.
    QString answerKey() const { return answerKey(goalId, agentId, question); }
    static QString answerKey(const QString &goalId, const QString &agentId, const QString &question);

    // {"id","goal","agent","trigger","question","context","options":[{"key","label"}],"priority",
    //  "created_at","timeout_ms","timeout_policy","default_option","state","answer_option","answer_text",
    //  "answered_at","answered_by"}
    QJsonObject toJson() const;
    // Accepts what toJson() writes; options may also be plain strings (key = label). Needs a question.
    static std::optional<Escalation> fromJson(const QJsonObject &json, QString *error = nullptr);

    friend bool operator==(const Escalation &, const Escalation &) = default;
};

QString escalationTriggerToString(Escalation::Trigger trigger);
std::optional<Escalation::Trigger> escalationTriggerFromString(const QString &text);
QString escalationStateToString(Escalation::State state);
std::optional<Escalation::State> escalationStateFromString(const QString &text);
QString escalationTimeoutPolicyToString(Escalation::TimeoutPolicy policy);
std::optional<Escalation::TimeoutPolicy> escalationTimeoutPolicyFromString(const QString &text);

} // namespace switchboard

Q_DECLARE_METATYPE(switchboard::Escalation)
