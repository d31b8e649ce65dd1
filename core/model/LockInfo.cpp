#include "LockInfo.h"

#include <QJsonArray>

namespace switchboard {

QJsonObject LockInfo::toJson() const
{
    QJsonObject o;
    o.insert(u"resource", resource);
    o.insert(u"agent", agentId.isEmpty() ? QJsonValue() : QJsonValue(agentId));
    o.insert(u"goal", goalId.isEmpty() ? QJsonValue() : QJsonValue(goalId));
    o.insert(u"acquired_at",
             acquiredAt.isValid() ? QJsonValue(acquiredAt.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue());
    o.insert(u"expires_at",
             expiresAt.isValid() ? QJsonValue(expiresAt.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue());
    // Qt 6 keeps JSON integers as qint64, so tokens print exactly.
    o.insert(u"token", static_cast<qint64>(token));
    o.insert(u"waiters", QJsonArray::fromStringList(waiters));
    return o;
}

} // namespace switchboard
