#include "Escalation.h"

#include <QJsonArray>

#include <algorithm>
#include <array>

namespace switchboard {

namespace {
template<typename Enum> struct EnumName
{
    Enum value;
    const char16_t *name;
};

constexpr std::array<EnumName<Escalation::Trigger>, 7> kTriggerNames{{
    {Escalation::Trigger::Architecture, u"architecture"},
    {Escalation::Trigger::Security, u"security"},
    {Escalation::Trigger::Data, u"data"},
    {Escalation::Trigger::Clarification, u"clarification"},
    {Escalation::Trigger::Permission, u"permission"},
    {Escalation::Trigger::Failure, u"failure"},
    {Escalation::Trigger::Other, u"other"},
}};

constexpr std::array<EnumName<Escalation::State>, 4> kStateNames{{
    {Escalation::State::Open, u"open"},
    {Escalation::State::Answered, u"answered"},
    {Escalation::State::Cancelled, u"cancelled"},
    {Escalation::State::TimedOut, u"timed_out"},
}};

constexpr std::array<EnumName<Escalation::TimeoutPolicy>, 3> kPolicyNames{{
    {Escalation::TimeoutPolicy::Fail, u"fail"},
    {Escalation::TimeoutPolicy::TakeDefault, u"default"},
    {Escalation::TimeoutPolicy::Cancel, u"cancel"},
}};

template<typename Enum, std::size_t N> QString toName(const std::array<EnumName<Enum>, N> &names, Enum value)
{
    for (const auto &entry : names) {
        if (entry.value == value)
            return QString::fromUtf16(entry.name);
    }
    return QString::fromUtf16(names.front().name);
}

template<typename Enum, std::size_t N>
std::optional<Enum> fromName(const std::array<EnumName<Enum>, N> &names, const QString &text)
{
    QString t = text.trimmed();
    t.replace(QLatin1Char('-'), QLatin1Char('_'));
    for (const auto &entry : names) {
        if (t.compare(QString::fromUtf16(entry.name), Qt::CaseInsensitive) == 0)
            return entry.value;
    }
    return std::nullopt;
}

QJsonValue dateToJson(const QDateTime &date)
{
    return date.isValid() ? QJsonValue(date.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QDateTime dateFromJson(const QJsonValue &value)
{
    QDateTime date = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!date.isValid())
        date = QDateTime::fromString(value.toString(), Qt::ISODate);
    return date.isValid() ? date.toUTC() : QDateTime();
}
} // namespace

QString escalationTriggerToString(Escalation::Trigger trigger)
{
    return toName(kTriggerNames, trigger);
}

std::optional<Escalation::Trigger> escalationTriggerFromString(const QString &text)
{
    return fromName(kTriggerNames, text);
}

QString escalationStateToString(Escalation::State state)
{
    return toName(kStateNames, state);
}

std::optional<Escalation::State> escalationStateFromString(const QString &text)
{
    return fromName(kStateNames, text);
}

QString escalationTimeoutPolicyToString(Escalation::TimeoutPolicy policy)
{
    return toName(kPolicyNames, policy);
}

std::optional<Escalation::TimeoutPolicy> escalationTimeoutPolicyFromString(const QString &text)
{
    if (text.trimmed().compare(u"take_default", Qt::CaseInsensitive) == 0)
        return Escalation::TimeoutPolicy::TakeDefault;
    return fromName(kPolicyNames, text);
}

bool Escalation::hasOption(const QString &key) const
{
    return std::any_of(options.cbegin(), options.cend(), [&key](const Option &option) { return option.key == key; });
}

QString Escalation::optionLabel(const QString &key) const
{
    for (const Option &option : options) {
        if (option.key == key)
            return option.label.isEmpty() ? option.key : option.label;
    }
    return {};
}

Priority Escalation::effectivePriority(const QDateTime &now) const
{
    const QDateTime until = isOpen() || !answeredAt.isValid() ? now : qMin(now, answeredAt);
    const qint64 waitedMs = createdAt.isValid() && until.isValid() ? qMax<qint64>(0, createdAt.msecsTo(until)) : 0;
    const qint64 levels = waitedMs / (qint64(kAgingMinutes) * 60 * 1000);
    const qint64 level = qMin<qint64>(static_cast<int>(priority) + levels, static_cast<int>(Priority::Critical));
    return static_cast<Priority>(level);
}

QString Escalation::answerKey(const QString &goalId, const QString &agentId, const QString &question)
{
    const QString owner = goalId.isEmpty() ? QStringLiteral("agent:") + agentId : QStringLiteral("goal:") + goalId;
    return owner + QLatin1Char('\n') + question.simplified();
}

QJsonObject Escalation::toJson() const
{
    QJsonObject o;
    o.insert(u"id", id);
    o.insert(u"goal", goalId);
    o.insert(u"agent", agentId);
    o.insert(u"trigger", escalationTriggerToString(trigger));
    o.insert(u"question", question);
    o.insert(u"context", context);
    QJsonArray optionArray;
    for (const Option &option : options)
        optionArray.append(QJsonObject{{QStringLiteral("key"), option.key}, {QStringLiteral("label"), option.label}});
    o.insert(u"options", optionArray);
    o.insert(u"priority", priorityToString(priority));
    o.insert(u"created_at", dateToJson(createdAt));
    o.insert(u"timeout_ms", timeoutMs);
    o.insert(u"timeout_policy", escalationTimeoutPolicyToString(timeoutPolicy));
    o.insert(u"default_option", defaultOption);
    o.insert(u"state", escalationStateToString(state));
    o.insert(u"answer_option", answerOption);
    o.insert(u"answer_text", answerText);
    o.insert(u"answered_at", dateToJson(answeredAt));
    o.insert(u"answered_by", answeredBy);
    return o;
}

std::optional<Escalation> Escalation::fromJson(const QJsonObject &json, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<Escalation> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    Escalation e;
    e.id = json.value(u"id").toString();
    e.goalId = json.value(u"goal").toString();
    e.agentId = json.value(u"agent").toString();
    e.question = json.value(u"question").toString();
    if (e.question.trimmed().isEmpty())
        return fail(QStringLiteral("escalation without a question"));
    e.context = json.value(u"context").toString();

    if (json.contains(u"trigger")) {
        const auto trigger = escalationTriggerFromString(json.value(u"trigger").toString());
        if (!trigger)
            return fail(QStringLiteral("unknown escalation trigger \"%1\"").arg(json.value(u"trigger").toString()));
        e.trigger = *trigger;
    }
    const QJsonValue optionsValue = json.value(u"options");
    if (!optionsValue.isUndefined() && !optionsValue.isNull() && !optionsValue.isArray())
        return fail(QStringLiteral("escalation options must be a list"));
    const QJsonArray optionArray = optionsValue.toArray();
    for (const QJsonValue &value : optionArray) {
        Option option;
        if (value.isString()) {
            option.key = value.toString();
            option.label = option.key;
        } else if (value.isObject()) {
            const QJsonObject object = value.toObject();
            option.key = object.value(u"key").toString(object.value(u"id").toString());
            option.label = object.value(u"label").toString(option.key);
        }
        if (option.key.isEmpty())
            return fail(QStringLiteral("escalation option without a key"));
        e.options.append(option);
    }
    if (json.contains(u"priority")) {
        const auto priority = priorityFromString(json.value(u"priority").toString());
        if (!priority)
            return fail(QStringLiteral("unknown priority \"%1\"").arg(json.value(u"priority").toString()));
        e.priority = *priority;
    }
    e.createdAt = dateFromJson(json.value(u"created_at"));
    e.timeoutMs = json.value(u"timeout_ms").toInteger(0);
    if (json.contains(u"timeout_policy")) {
        const auto policy = escalationTimeoutPolicyFromString(json.value(u"timeout_policy").toString());
        if (!policy)
            return fail(QStringLiteral("unknown timeout policy \"%1\"").arg(json.value(u"timeout_policy").toString()));
        e.timeoutPolicy = *policy;
    }
    e.defaultOption = json.value(u"default_option").toString();
    if (json.contains(u"state")) {
        const auto state = escalationStateFromString(json.value(u"state").toString());
        if (!state)
            return fail(QStringLiteral("unknown escalation state \"%1\"").arg(json.value(u"state").toString()));
        e.state = *state;
    }
    e.answerOption = json.value(u"answer_option").toString();
    e.answerText = json.value(u"answer_text").toString();
    e.answeredAt = dateFromJson(json.value(u"answered_at"));
    e.answeredBy = json.value(u"answered_by").toString();
    return e;
}

} // namespace switchboard
