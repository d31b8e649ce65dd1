#include "LockEvent.h"

#include <array>

namespace switchboard {

namespace {
struct ActionName
{
    LockEvent::Action action;
    const char16_t *name;
};

constexpr std::array<ActionName, 5> kActionNames{{
    {LockEvent::Action::Acquired, u"acquired"},
    {LockEvent::Action::Released, u"released"},
    {LockEvent::Action::Expired, u"expired"},
    {LockEvent::Action::Denied, u"denied"},
    {LockEvent::Action::Forced, u"forced"},
}};
} // namespace

QString lockActionToString(LockEvent::Action action)
{
    for (const ActionName &entry : kActionNames) {
        if (entry.action == action)
            return QString::fromUtf16(entry.name);
    }
    return QStringLiteral("acquired");
}

std::optional<LockEvent::Action> lockActionFromString(const QString &text)
{
    const QString t = text.trimmed();
    for (const ActionName &entry : kActionNames) {
        if (t.compare(QString::fromUtf16(entry.name), Qt::CaseInsensitive) == 0)
            return entry.action;
    }
    return std::nullopt;
}

QJsonObject LockEvent::toJson() const
{
    QJsonObject o;
    o.insert(u"resource", resource);
    o.insert(u"agent", agentId);
    o.insert(u"action", lockActionToString(action));
    // Qt 6 keeps JSON integers as qint64, so tokens print exactly.
    o.insert(u"token", static_cast<qint64>(token));
    if (!reason.isEmpty())
        o.insert(u"reason", reason);
    return o;
}

} // namespace switchboard
