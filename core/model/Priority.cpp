#include "Priority.h"

namespace switchboard {

QString priorityToString(Priority priority)
{
    switch (priority) {
    case Priority::Low:
        return QStringLiteral("low");
    case Priority::Medium:
        return QStringLiteral("medium");
    case Priority::High:
        return QStringLiteral("high");
    case Priority::Critical:
        return QStringLiteral("critical");
    }
    return QStringLiteral("medium");
}

std::optional<Priority> priorityFromString(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"low")
        return Priority::Low;
    if (t == u"medium" || t == u"normal")
        return Priority::Medium;
    if (t == u"high")
        return Priority::High;
    if (t == u"critical")
        return Priority::Critical;
    return std::nullopt;
}

} // namespace switchboard
